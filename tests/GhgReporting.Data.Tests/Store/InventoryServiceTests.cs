using GhgReporting.Calc.Inventory;
using GhgReporting.Data.Audit;
using GhgReporting.Data.Catalogs;
using GhgReporting.Data.Inventories;
using Microsoft.EntityFrameworkCore;

namespace GhgReporting.Data.Tests.Store;

/// <summary>
/// Inventories calculated from stored submissions, stored as versions and published (frozen).
/// Worked example: 1000 MWh of grid electricity in a Vietnamese city in 2022 × 0.6766 tCO2/MWh (Viet Nam
/// DCC/MONRE official letter No. 327/BĐKH-PTCBT, factor grid.vn.dcc.2022.co2 in
/// emission-factors/grid/grid-electricity.csv) = 676.6 tCO2; GWP of CO2 is 1 in every set, so 676.6 tCO2e.
/// </summary>
public sealed class InventoryServiceTests
{
    private const int Year = 2022;

    private static readonly Lazy<CatalogRegistry> Catalogs = new(CatalogRegistry.LoadShipped);

    [Fact]
    public async Task CalculateAsync_GridElectricityInVietNam2022_Gives676Point6TonnesExactly()
    {
        await using var database = await StoreDatabase.CreateAsync(nameof(InventoryServiceTests));
        var actor = await CityWithElectricityAsync(database, "vn-city");
        await using var db = database.NewContext();

        var (version, existing, problem) = await Service(db).CalculateAsync(new CalculateInventory("vn-city", Year), actor, CancellationToken.None);

        problem.Should().BeNull();
        existing.Should().BeFalse();
        version!.Version.Should().Be(1);
        version.BasicCo2e.Should().Be(1000m * 0.6766m).And.Be(676.6m);
        version.BasicPlusCo2e.Should().Be(676.6m);
        version.RecordCount.Should().Be(1);
        version.CatalogHash.Should().Be(Catalogs.Value.Latest.ContentHash);
        version.PublishedAt.Should().BeNull();
        var figure = await db.InventoryFigures.AsNoTracking().SingleAsync(f => f.VersionId == version.Id && f.GpcReference == "I.1.2");
        figure.Co2e.Should().Be(676.6m);
        figure.Co2.Should().Be(676.6m);
        figure.NotationKey.Should().BeNull();
        figure.Scope.Should().Be(2);
        (await database.ScalarAsync<bool>("SELECT co2e = 676.6 AND co2 = 676.6 FROM inventory_figures WHERE gpc_reference = 'I.1.2'")).Should().BeTrue();
        (await database.ScalarAsync<bool>("SELECT basic_co2e = 676.6 FROM inventory_versions")).Should().BeTrue();
        (await database.ScalarAsync<string>("SELECT document::text FROM inventory_versions")).Should().Contain("grid.vn.dcc.2022.co2");
        (await database.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'inventory.calculated' AND entity_id = $1", version.Id.ToString()))
            .Should().Be(1);
    }

    [Fact]
    public async Task CalculateAsync_SameInputsAgain_ReturnsTheExistingVersion()
    {
        await using var database = await StoreDatabase.CreateAsync(nameof(InventoryServiceTests));
        var actor = await CityWithElectricityAsync(database, "again-city");
        await using var db = database.NewContext();
        var first = await Service(db).CalculateAsync(new CalculateInventory("again-city", Year), actor, CancellationToken.None);

        var second = await Service(db).CalculateAsync(new CalculateInventory("again-city", Year, GwpSet: "ar5"), actor, CancellationToken.None);

        second.Existing.Should().BeTrue();
        second.Version!.Id.Should().Be(first.Version!.Id);
        second.Version.Version.Should().Be(1);
        (await database.ScalarAsync<long>("SELECT count(*) FROM inventory_versions")).Should().Be(1);
    }

    [Fact]
    public async Task PublishAsync_Draft_PublishesThenRefusesASecondPublication409()
    {
        await using var database = await StoreDatabase.CreateAsync(nameof(InventoryServiceTests));
        var actor = await CityWithElectricityAsync(database, "pub-city");
        await using var db = database.NewContext();
        await Service(db).CalculateAsync(new CalculateInventory("pub-city", Year), actor, CancellationToken.None);

        var (published, problem) = await Service(db).PublishAsync("pub-city", Year, 1, actor, CancellationToken.None);
        var (again, secondProblem) = await Service(db).PublishAsync("pub-city", Year, 1, actor, CancellationToken.None);

        problem.Should().BeNull();
        published!.PublishedAt.Should().NotBeNull();
        published.PublishedByUserId.Should().Be(actor.UserId);
        again.Should().BeNull();
        secondProblem!.Status.Should().Be(409);
        var stored = await db.InventoryVersions.AsNoTracking().SingleAsync();
        stored.PublishedAt.Should().NotBeNull();
        stored.BasicCo2e.Should().Be(676.6m);
        (await database.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'inventory.published'")).Should().Be(1);
    }

    [Fact]
    public async Task Database_UpdateOfAPublishedVersion_IsRefusedWith23000AndChangesNothing()
    {
        await using var database = await StoreDatabase.CreateAsync(nameof(InventoryServiceTests));
        var actor = await CityWithElectricityAsync(database, "frozen-inv");
        await using var db = database.NewContext();
        var (version, _, _) = await Service(db).CalculateAsync(new CalculateInventory("frozen-inv", Year), actor, CancellationToken.None);
        (await Service(db).PublishAsync("frozen-inv", Year, 1, actor, CancellationToken.None)).Problem.Should().BeNull();

        await SubmissionCorrectionTests.AssertRefusedAsync(database, "UPDATE inventory_versions SET basic_co2e = 0");
        await SubmissionCorrectionTests.AssertRefusedAsync(database, "UPDATE inventory_versions SET published_at = NULL, published_by_user_id = NULL");
        await SubmissionCorrectionTests.AssertRefusedAsync(database, "DELETE FROM inventory_versions");
        await SubmissionCorrectionTests.AssertRefusedAsync(database, "UPDATE inventory_figures SET co2e = 0");
        await SubmissionCorrectionTests.AssertRefusedAsync(database, "DELETE FROM inventory_figures");

        (await database.ScalarAsync<bool>("SELECT basic_co2e = 676.6 AND published_at IS NOT NULL FROM inventory_versions WHERE id = $1", version!.Id))
            .Should().BeTrue();
        (await database.ScalarAsync<bool>("SELECT co2e = 676.6 FROM inventory_figures WHERE gpc_reference = 'I.1.2'")).Should().BeTrue();
    }

    [Fact]
    public async Task Database_UpdateOfADraftVersion_AllowsOnlyItsPublication()
    {
        await using var database = await StoreDatabase.CreateAsync(nameof(InventoryServiceTests));
        var actor = await CityWithElectricityAsync(database, "draft-inv");
        await using var db = database.NewContext();
        var (version, _, _) = await Service(db).CalculateAsync(new CalculateInventory("draft-inv", Year), actor, CancellationToken.None);

        await SubmissionCorrectionTests.AssertRefusedAsync(database, "UPDATE inventory_versions SET basic_co2e = 0");
        await SubmissionCorrectionTests.AssertRefusedAsync(database, "UPDATE inventory_versions SET gwp_set = 'AR6'");
        await SubmissionCorrectionTests.AssertRefusedAsync(database, "UPDATE inventory_versions SET basic_co2e = 0, published_at = now()");
        await SubmissionCorrectionTests.AssertRefusedAsync(database, "DELETE FROM inventory_versions");
        (await database.ScalarAsync<bool>("SELECT published_at IS NULL AND basic_co2e = 676.6 FROM inventory_versions")).Should().BeTrue();

        var changed = await database.ExecuteAsync("UPDATE inventory_versions SET published_at = now(), published_by_user_id = $1 WHERE id = $2",
            actor.UserId, version!.Id);

        changed.Should().Be(1);
        (await database.ScalarAsync<bool>("SELECT published_at IS NOT NULL AND basic_co2e = 676.6 FROM inventory_versions")).Should().BeTrue();
    }

    [Fact]
    public async Task CalculateAsync_CityWithoutData_IsProblem409()
    {
        await using var database = await StoreDatabase.CreateAsync(nameof(InventoryServiceTests));
        var actor = await database.AddCityAndReporterAsync("empty-city");
        await using var db = database.NewContext();

        var (version, _, problem) = await Service(db).CalculateAsync(new CalculateInventory("empty-city", Year), actor, CancellationToken.None);

        version.Should().BeNull();
        problem!.Status.Should().Be(409);
        (await database.ScalarAsync<long>("SELECT count(*) FROM inventory_versions")).Should().Be(0);
    }

    [Fact]
    public async Task CalculateAsync_DataOfAnotherYearOnly_IsProblem409()
    {
        await using var database = await StoreDatabase.CreateAsync(nameof(InventoryServiceTests));
        var actor = await CityWithElectricityAsync(database, "year-inv");
        await using var db = database.NewContext();

        var (_, _, problem) = await Service(db).CalculateAsync(new CalculateInventory("year-inv", Year + 1), actor, CancellationToken.None);

        problem!.Status.Should().Be(409);
    }

    [Fact]
    public async Task CalculateAsync_UnknownGwpSet_IsProblem400()
    {
        await using var database = await StoreDatabase.CreateAsync(nameof(InventoryServiceTests));
        var actor = await CityWithElectricityAsync(database, "gwp-city");
        await using var db = database.NewContext();

        var (version, _, problem) = await Service(db).CalculateAsync(new CalculateInventory("gwp-city", Year, GwpSet: "SAR"), actor, CancellationToken.None);

        version.Should().BeNull();
        problem!.Status.Should().Be(400);
        (await database.ScalarAsync<long>("SELECT count(*) FROM inventory_versions")).Should().Be(0);
    }

    [Fact]
    public async Task CalculateAsync_UnknownCity_IsProblem404()
    {
        await using var database = await StoreDatabase.CreateAsync(nameof(InventoryServiceTests));
        var actor = await database.AddCityAndReporterAsync("known-city");
        await using var db = database.NewContext();

        var (_, _, problem) = await Service(db).CalculateAsync(new CalculateInventory("no-such-city", Year), actor, CancellationToken.None);

        problem!.Status.Should().Be(404);
    }

    [Fact]
    public async Task CalculateAsync_NotationKeyNoForI71_AppearsInTheFiguresAsNo()
    {
        await using var database = await StoreDatabase.CreateAsync(nameof(InventoryServiceTests));
        var actor = await CityWithElectricityAsync(database, "key-city");
        await using var db = database.NewContext();
        NotationKeyDeclaration[] keys = [new("I.7.1", NotationKey.NO, "No coal is mined in the city.")];

        var (version, _, problem) = await Service(db).CalculateAsync(new CalculateInventory("key-city", Year, NotationKeys: keys), actor, CancellationToken.None);

        problem.Should().BeNull();
        var figure = await db.InventoryFigures.AsNoTracking().SingleAsync(f => f.VersionId == version!.Id && f.GpcReference == "I.7.1");
        figure.NotationKey.Should().Be("NO");
        figure.NotationExplanation.Should().Be("No coal is mined in the city.");
        figure.Co2e.Should().Be(0m);
        figure.Co2.Should().BeNull();
        (await database.ScalarAsync<string>("SELECT notation_key FROM inventory_figures WHERE gpc_reference = 'I.7.1'")).Should().Be("NO");
        version!.BasicCo2e.Should().Be(676.6m, "a notation key adds nothing");
    }

    [Fact]
    public async Task CalculateAsync_OtherNotationKeys_MakeANewVersion()
    {
        await using var database = await StoreDatabase.CreateAsync(nameof(InventoryServiceTests));
        var actor = await CityWithElectricityAsync(database, "keys-ver");
        await using var db = database.NewContext();
        var first = await Service(db).CalculateAsync(new CalculateInventory("keys-ver", Year), actor, CancellationToken.None);

        var second = await Service(db).CalculateAsync(
            new CalculateInventory("keys-ver", Year, NotationKeys: [new("I.7.1", NotationKey.NO, "No coal mining.")]), actor, CancellationToken.None);

        second.Existing.Should().BeFalse();
        second.Version!.Version.Should().Be(2);
        second.Version.Id.Should().NotBe(first.Version!.Id);
    }

    /// <summary>
    /// Two secretariat members press "publish" on the same draft at once. Both read the draft, then both
    /// UPDATE it; a third connection holds the row lock until both are waiting, so they really overlap.
    /// One must publish and the other get the same 409 as a later second publication, not an exception.
    /// </summary>
    [Fact]
    public async Task PublishAsync_TwoConcurrentPublications_OnePublishedOtherProblem409()
    {
        await using var database = await StoreDatabase.CreateAsync(nameof(InventoryServiceTests));
        var actor = await CityWithElectricityAsync(database, "pub-race");
        await using (var db = database.NewContext())
            (await Service(db).CalculateAsync(new CalculateInventory("pub-race", Year), actor, CancellationToken.None)).Problem.Should().BeNull();
        await using var dbA = database.NewContext();
        await using var dbB = database.NewContext();
        await using var holder = database.NewContext();

        Task<(Entities.InventoryVersion? Version, InventoryProblem? Problem)>[] publishes;
        await using (var hold = await holder.Database.BeginTransactionAsync())
        {
            await holder.Database.ExecuteSqlRawAsync("SELECT 1 FROM inventory_versions FOR UPDATE");
            publishes =
            [
                Task.Run(() => Service(dbA).PublishAsync("pub-race", Year, 1, actor, CancellationToken.None)),
                Task.Run(() => Service(dbB).PublishAsync("pub-race", Year, 1, actor, CancellationToken.None)),
            ];
            await WaitForLockWaitersAsync(database, 2, publishes);
            await hold.CommitAsync();
        }
        var outcomes = await Task.WhenAll(publishes).WaitAsync(TimeSpan.FromSeconds(60));

        outcomes.Where(o => o.Problem is null).Should().ContainSingle().Which.Version!.PublishedAt.Should().NotBeNull();
        outcomes.Where(o => o.Problem is not null).Should().ContainSingle().Which.Problem!.Status.Should().Be(409);
        (await database.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'inventory.published'")).Should().Be(1);
    }

    [Fact]
    public async Task CalculateAsync_AfterACorrection_MakesANewVersionAndLeavesThePublishedOneAsItWas()
    {
        await using var database = await StoreDatabase.CreateAsync(nameof(InventoryServiceTests));
        var actor = await CityWithElectricityAsync(database, "fix-inv");
        await using var db = database.NewContext();
        var (v1, _, _) = await Service(db).CalculateAsync(new CalculateInventory("fix-inv", Year), actor, CancellationToken.None);
        (await Service(db).PublishAsync("fix-inv", Year, 1, actor, CancellationToken.None)).Problem.Should().BeNull();
        var first = await db.Submissions.AsNoTracking().SingleAsync();
        var correction = Uploads.Request("fix-inv", Year, first.Id) with { CatalogHash = Catalogs.Value.Latest.ContentHash };
        (await Uploads.StoreAsync(db, correction, actor, Uploads.Sha256("fix-inv corrected"), [Uploads.Electricity(2000m, Year)])).StoredSubmission();

        var (v2, existing, problem) = await Service(db).CalculateAsync(new CalculateInventory("fix-inv", Year), actor, CancellationToken.None);

        problem.Should().BeNull();
        existing.Should().BeFalse();
        v2!.Version.Should().Be(2);
        v2.BasicCo2e.Should().Be(2000m * 0.6766m, "only the current version of the series counts");
        v2.SubmissionIds.Should().NotContain(first.Id);
        (await database.ScalarAsync<bool>("SELECT basic_co2e = 676.6 AND published_at IS NOT NULL FROM inventory_versions WHERE id = $1", v1!.Id))
            .Should().BeTrue();
    }

    [Fact]
    public async Task CalculateAsync_TwoSeriesForTheYear_AddsThemAndIgnoresOtherCities()
    {
        await using var database = await StoreDatabase.CreateAsync(nameof(InventoryServiceTests));
        var actor = await CityWithElectricityAsync(database, "two-series");
        await CityWithElectricityAsync(database, "neighbour");
        await using var db = database.NewContext();
        var second = Uploads.Request("two-series", Year) with { CatalogHash = Catalogs.Value.Latest.ContentHash };
        (await Uploads.StoreAsync(db, second, actor, Uploads.Sha256("second series"), [Uploads.Electricity(500m, Year)])).StoredSubmission();

        var (version, _, problem) = await Service(db).CalculateAsync(new CalculateInventory("two-series", Year), actor, CancellationToken.None);

        problem.Should().BeNull();
        version!.BasicCo2e.Should().Be(1500m * 0.6766m);
        version.RecordCount.Should().Be(2);
        version.SubmissionIds.Should().HaveCount(2);
    }

    private static async Task WaitForLockWaitersAsync(StoreDatabase database, int count, IEnumerable<Task> tasks)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline && !tasks.Any(t => t.IsCompleted))
        {
            var waiting = await database.ScalarAsync<long>(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");
            if (waiting >= count) return;
            await Task.Delay(20);
        }
    }

    private static InventoryService Service(GhgDbContext db) => new(db, Catalogs.Value, TimeProvider.System);

    /// <summary>A Vietnamese city (tropical-wet) with one stored submission: I.1.2, electricity:grid, 1000 MWh in 2022.</summary>
    private static async Task<Actor> CityWithElectricityAsync(StoreDatabase database, string cityId)
    {
        var actor = await database.AddCityAndReporterAsync(cityId, "VN", "tropical-wet");
        await using var db = database.NewContext();
        var request = Uploads.Request(cityId, Year) with { CatalogHash = Catalogs.Value.Latest.ContentHash };
        (await Uploads.StoreAsync(db, request, actor, Uploads.Sha256($"{cityId} electricity"), [Uploads.Electricity(1000m, Year)])).StoredSubmission();
        return actor;
    }
}
