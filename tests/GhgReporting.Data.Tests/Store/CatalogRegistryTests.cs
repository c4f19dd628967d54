using System.Text.Json;
using GhgReporting.Calc.Factors;
using GhgReporting.Data.Catalogs;
using GhgReporting.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace GhgReporting.Data.Tests.Store;

/// <summary>The shipped factor catalog stored whole in the database and reloaded from it by hash.</summary>
public sealed class CatalogRegistryTests
{
    private static readonly Lazy<FactorCatalog> Shipped = new(CatalogLoader.LoadDefault);

    private static readonly DateTimeOffset At = new(2026, 1, 15, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RegisterShippedAsync_Twice_StoresOneRow()
    {
        await using var database = await StoreDatabase.CreateAsync(nameof(CatalogRegistryTests));
        var registry = CatalogRegistry.LoadShipped();
        await using var db = database.NewContext();

        await registry.RegisterShippedAsync(db, At, CancellationToken.None);
        await CatalogRegistry.LoadShipped().RegisterShippedAsync(db, At.AddDays(1), CancellationToken.None);

        var rows = await CatalogRegistry.ListAsync(db, CancellationToken.None);
        rows.Should().ContainSingle();
        rows[0].ContentHash.Should().Be(Shipped.Value.ContentHash);
        rows[0].Name.Should().Be(Shipped.Value.Name);
        rows[0].RegisteredAt.Should().Be(At);
        rows[0].DatasetVersions.Should().Equal(Shipped.Value.Stamp.DatasetVersions);
        JsonSerializer.Deserialize<Dictionary<string, string>>(rows[0].Files)!.Keys
            .Should().BeEquivalentTo(Shipped.Value.Datasets.Select(d => d.File).Append("manifest.json"));
    }

    /// <summary>Two API processes start at once and both register the shipped catalog.</summary>
    [Fact]
    public async Task RegisterShippedAsync_TwoProcessesAtOnce_StoresOneRowWithoutError()
    {
        await using var database = await StoreDatabase.CreateAsync(nameof(CatalogRegistryTests));
        await using var dbA = database.NewContext();
        await using var dbB = database.NewContext();

        await Task.WhenAll(
            Task.Run(() => CatalogRegistry.LoadShipped().RegisterShippedAsync(dbA, At, CancellationToken.None)),
            Task.Run(() => CatalogRegistry.LoadShipped().RegisterShippedAsync(dbB, At, CancellationToken.None)));

        (await database.ScalarAsync<long>("SELECT count(*) FROM factor_catalogs")).Should().Be(1);
    }

    /// <summary>
    /// A registry whose shipped catalog is the hash asked for answers from its cache without reading the
    /// database; so the registry here ships a different catalog (the shipped files under another name),
    /// and the stored one must come back from the database.
    /// </summary>
    [Fact]
    public async Task FindAsync_NewRegistryShippingAnotherCatalog_ReloadsTheStoredCatalogFromTheDatabase()
    {
        await using var database = await StoreDatabase.CreateAsync(nameof(CatalogRegistryTests));
        await using (var db = database.NewContext())
            await CatalogRegistry.LoadShipped().RegisterShippedAsync(db, At, CancellationToken.None);
        using var renamed = RenamedCopyOfShipped("ghg-reporting-next");
        var later = new CatalogRegistry(CatalogLoader.LoadFromDirectory(renamed.Path), renamed.Path);
        later.Latest.ContentHash.Should().NotBe(Shipped.Value.ContentHash);

        FactorCatalog? reloaded;
        await using (var db = database.NewContext())
            reloaded = await later.FindAsync(db, Shipped.Value.ContentHash, CancellationToken.None);

        reloaded.Should().NotBeNull();
        reloaded.Should().NotBeSameAs(Shipped.Value);
        reloaded!.ContentHash.Should().Be(Shipped.Value.ContentHash);
        reloaded.Name.Should().Be(Shipped.Value.Name);
        reloaded.Factors.Should().HaveCount(Shipped.Value.Factors.Count);
        reloaded.Factors.Select(f => f.Id).Should().Equal(Shipped.Value.Factors.Select(f => f.Id));
        reloaded.ActivityTypes.Keys.Should().BeEquivalentTo(Shipped.Value.ActivityTypes.Keys);
        reloaded.GwpSets.Keys.Should().BeEquivalentTo(Shipped.Value.GwpSets.Keys);
        var query = new FactorQuery("ef", new ActivityKey("electricity:grid", null), "I.1.2", Gas.CO2, 2022);
        var city = new CityContext("hai-phong", "VN", null, "tropical-wet");
        var factor = reloaded.Resolve(query, city);
        factor.Id.Should().Be("grid.vn.dcc.2022.co2");
        factor.Should().BeEquivalentTo(Shipped.Value.Resolve(query, city));
    }

    [Fact]
    public async Task FindAsync_ShippedHashOnAFreshRegistry_ReturnsTheShippedCatalog()
    {
        await using var database = await StoreDatabase.CreateAsync(nameof(CatalogRegistryTests));
        await using var db = database.NewContext();
        var fresh = new CatalogRegistry(CatalogLoader.LoadDefault(), CatalogLoader.DefaultDirectory);

        var found = await fresh.FindAsync(db, Shipped.Value.ContentHash, CancellationToken.None);
        var latest = await fresh.FindAsync(db, null, CancellationToken.None);

        found!.ContentHash.Should().Be(Shipped.Value.ContentHash);
        found.Factors.Should().HaveCount(Shipped.Value.Factors.Count);
        found.ActivityTypes.Should().HaveCount(Shipped.Value.ActivityTypes.Count);
        latest.Should().BeSameAs(fresh.Latest);
    }

    [Fact]
    public async Task FindAsync_UnknownHash_ReturnsNull()
    {
        await using var database = await StoreDatabase.CreateAsync(nameof(CatalogRegistryTests));
        await using var db = database.NewContext();
        var registry = CatalogRegistry.LoadShipped();
        await registry.RegisterShippedAsync(db, At, CancellationToken.None);

        var found = await registry.FindAsync(db, new string('f', 64), CancellationToken.None);

        found.Should().BeNull();
    }

    [Fact]
    public async Task Database_UpdateOrDeleteOfAStoredCatalog_IsRefusedWith23000AndChangesNothing()
    {
        await using var database = await StoreDatabase.CreateAsync(nameof(CatalogRegistryTests));
        await using (var db = database.NewContext())
            await CatalogRegistry.LoadShipped().RegisterShippedAsync(db, At, CancellationToken.None);
        var before = await database.ScalarAsync<string>("SELECT md5(files::text) FROM factor_catalogs");

        await SubmissionCorrectionTests.AssertRefusedAsync(database,
            "UPDATE factor_catalogs SET files = jsonb_set(files, '{gwp.csv}', to_jsonb(replace(files->>'gwp.csv', 'AR5,CH4,28', 'AR5,CH4,1')))");
        await SubmissionCorrectionTests.AssertRefusedAsync(database, "UPDATE factor_catalogs SET name = 'renamed'");
        await SubmissionCorrectionTests.AssertRefusedAsync(database, "DELETE FROM factor_catalogs");

        (await database.ScalarAsync<string>("SELECT md5(files::text) FROM factor_catalogs")).Should().Be(before);
        (await database.ScalarAsync<string>("SELECT name FROM factor_catalogs")).Should().Be(Shipped.Value.Name);
    }

    [Fact]
    public async Task FindAsync_StoredFilesThatDoNotHashToTheirKey_ThrowsInvalidData()
    {
        await using var database = await StoreDatabase.CreateAsync(nameof(CatalogRegistryTests));
        var files = ShippedFiles();
        files["gwp.csv"] = files["gwp.csv"].Replace("AR5,CH4,28,", "AR5,CH4,1,", StringComparison.Ordinal);
        await InsertCatalogAsync(database, Shipped.Value.ContentHash, files);
        using var renamed = RenamedCopyOfShipped("ghg-reporting-other");
        var registry = new CatalogRegistry(CatalogLoader.LoadFromDirectory(renamed.Path), renamed.Path);
        await using var db = database.NewContext();

        var act = () => registry.FindAsync(db, Shipped.Value.ContentHash, CancellationToken.None);

        (await act.Should().ThrowAsync<InvalidDataException>()).WithMessage("*altered*");
    }

    [Fact]
    public async Task FindAsync_StoredFileOutsideItsFolder_ThrowsInvalidData()
    {
        await using var database = await StoreDatabase.CreateAsync(nameof(CatalogRegistryTests));
        var files = ShippedFiles();
        files["../escaped.csv"] = "x";
        await InsertCatalogAsync(database, new string('e', 64), files);
        var registry = CatalogRegistry.LoadShipped();
        await using var db = database.NewContext();

        var act = () => registry.FindAsync(db, new string('e', 64), CancellationToken.None);

        (await act.Should().ThrowAsync<InvalidDataException>()).WithMessage("*outside*");
    }

    private static SortedDictionary<string, string> ShippedFiles()
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["manifest.json"] = File.ReadAllText(Path.Combine(CatalogLoader.DefaultDirectory, "manifest.json")),
        };
        foreach (var dataset in Shipped.Value.Datasets)
            files[dataset.File] = File.ReadAllText(Path.Combine(CatalogLoader.DefaultDirectory, dataset.File));
        return files;
    }

    private static async Task InsertCatalogAsync(StoreDatabase database, string hash, SortedDictionary<string, string> files)
    {
        await using var db = database.NewContext();
        db.FactorCatalogs.Add(new FactorCatalogVersion
        {
            ContentHash = hash,
            Name = Shipped.Value.Name,
            DatasetVersions = Shipped.Value.Stamp.DatasetVersions.ToArray(),
            Files = JsonSerializer.Serialize(files),
            RegisteredAt = At,
        });
        await db.SaveChangesAsync();
    }

    /// <summary>A copy of the shipped catalog folder with another catalog name (so another content hash).</summary>
    private static TempFolder RenamedCopyOfShipped(string name)
    {
        var folder = new TempFolder();
        foreach (var file in Directory.EnumerateFiles(CatalogLoader.DefaultDirectory, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(folder.Path, System.IO.Path.GetRelativePath(CatalogLoader.DefaultDirectory, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        var manifest = System.IO.Path.Combine(folder.Path, "manifest.json");
        var text = File.ReadAllText(manifest);
        text.Should().Contain($"\"catalog\": \"{Shipped.Value.Name}\"");
        File.WriteAllText(manifest, text.Replace($"\"catalog\": \"{Shipped.Value.Name}\"", $"\"catalog\": \"{name}\"", StringComparison.Ordinal));
        return folder;
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("ghg-store-tests-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
