using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Npgsql;

namespace GhgReporting.Api.Tests.Service;

/// <summary>
/// "A submission is immutable once stored: re-uploading corrects by creating a new version that supersedes
/// the old one; the old one remains readable. Uploading the same file twice is recognised (content hash) and
/// does not count twice." Inventory versions are pinned the same way, and the database itself refuses
/// changes to what is stored.
/// </summary>
public sealed class VersioningTests(VersioningTests.Factory factory) : IClassFixture<VersioningTests.Factory>
{
    public sealed class Factory : ServiceFactory;

    // Viet Nam grid emission factor 2022: 0.6766 tCO2/MWh (Department of Climate Change, MONRE, letter
    // 327/BĐKH-PTCBT; emission-factors/grid/grid-electricity.csv, grid.vn.dcc.2022.co2).
    private const decimal VietNamGrid2022 = 0.6766m;

    private static string Grid(decimal mwh, string gpc = "I.1.2", int year = 2022) =>
        Uploads.Csv($"{gpc},electricity:grid,{mwh},MWh,{year}-01-01,{year}-12-31,high,EVN invoices");

    private async Task<HttpClient> ReporterOfNewCityAsync(string id)
    {
        var (reporter, _) = await factory.AddCityAsync(id, "VN", $"City {id}");
        return await factory.SignInAsync(reporter);
    }

    private static async Task<JsonNode> UploadAsync(HttpClient client, string city, string csv, Guid? supersedes = null, int year = 2022) =>
        (await (await client.PostCsvAsync(city, year, csv, supersedes)).ShouldAnswerJsonAsync(HttpStatusCode.Created))["submission"]!;

    private static async Task<JsonNode> CalculateAsync(HttpClient client, string city, HttpStatusCode expected = HttpStatusCode.Created, object? body = null, int year = 2022) =>
        await (await client.PostAsJsonAsync($"/api/cities/{city}/inventories/{year}/calculate", body ?? new { })).ShouldAnswerJsonAsync(expected);

    private Task<long> CountAsync(string sql, string city) => PlatformAssertions.ScalarAsync<long>(factory.ConnectionString, sql, ("city", city));

    [Fact]
    public async Task Upload_SameBytesTwice_SecondIsDuplicateAndCountsOnce()
    {
        using var reporter = await ReporterOfNewCityAsync("ver-dup");
        var csv = Grid(1000);

        var first = await UploadAsync(reporter, "ver-dup", csv);
        var again = await reporter.PostCsvAsync("ver-dup", 2022, csv);
        var second = await again.ShouldAnswerJsonAsync(HttpStatusCode.OK);
        ((bool)second["duplicate"]!).Should().BeTrue();
        ((Guid)second["submission"]!["id"]!).Should().Be((Guid)first["id"]!);
        ((string)second["submission"]!["contentSha256"]!).Should().Be((string)first["contentSha256"]!);
        // The content decides, not the file name or how the file is sent.
        var renamed = await (await reporter.PostCsvAsync("ver-dup", 2022, csv, fileName: "renamed.csv")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        ((Guid)renamed["submission"]!["id"]!).Should().Be((Guid)first["id"]!);
        var raw = await (await reporter.PostAsync("/api/cities/ver-dup/submissions?year=2022", new StringContent(csv, new UTF8Encoding(false), "text/csv")))
            .ShouldAnswerJsonAsync(HttpStatusCode.OK);
        ((bool)raw["duplicate"]!).Should().BeTrue();
        ((Guid)raw["submission"]!["id"]!).Should().Be((Guid)first["id"]!);

        (await CountAsync("SELECT count(*) FROM submissions WHERE city_id = @city", "ver-dup")).Should().Be(1);
        (await CountAsync("SELECT count(*) FROM activity_records r JOIN submissions s ON s.id = r.submission_id WHERE s.city_id = @city", "ver-dup"))
            .Should().Be(1);
        (await reporter.GetFromJsonAsync<JsonArray>("/api/cities/ver-dup/submissions"))!.Should().ContainSingle();

        // 1,000 MWh × 0.6766 t/MWh = 676.6 t, once.
        var version = await CalculateAsync(reporter, "ver-dup");
        ((decimal)version["basicCo2e"]!).Should().Be(1_000m * VietNamGrid2022).And.Be(676.6m);
        ((long)version["recordCount"]!).Should().Be(1);
    }

    [Fact]
    public async Task Upload_SupersedesCurrentVersion_NewVersionInSeriesAndOldStillReadable()
    {
        using var reporter = await ReporterOfNewCityAsync("ver-fix");
        var v1 = await UploadAsync(reporter, "ver-fix", Grid(1000));
        var v1Id = (Guid)v1["id"]!;

        var v2 = await UploadAsync(reporter, "ver-fix", Grid(1500), supersedes: v1Id);
        var v2Id = (Guid)v2["id"]!;
        ((int)v2["version"]!).Should().Be(2);
        ((Guid)v2["seriesId"]!).Should().Be((Guid)v1["seriesId"]!);
        ((Guid)v2["supersedes"]!).Should().Be(v1Id);
        ((bool)v2["isCurrent"]!).Should().BeTrue();

        var old = await (await reporter.GetAsync($"/api/cities/ver-fix/submissions/{v1Id}")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        ((bool)old["isCurrent"]!).Should().BeFalse();
        ((Guid)old["supersededBy"]!).Should().Be(v2Id);
        ((int)old["version"]!).Should().Be(1);
        var oldRecords = (await reporter.GetFromJsonAsync<JsonNode>($"/api/cities/ver-fix/submissions/{v1Id}/records"))!;
        ((decimal)oldRecords["records"]![0]!["amount"]!).Should().Be(1000m);
        (await reporter.GetFromJsonAsync<JsonArray>("/api/cities/ver-fix/submissions"))!.Select(s => (int)s!["version"]!).Should().Equal(1, 2);

        // Only the current version counts: 1,500 MWh × 0.6766 t/MWh = 1,014.9 t.
        var version = await CalculateAsync(reporter, "ver-fix");
        ((decimal)version["basicCo2e"]!).Should().Be(1_500m * VietNamGrid2022);
        version["submissionIds"]!.AsArray().Select(s => (Guid)s!).Should().Equal(v2Id);

        var audit = (await reporter.GetFromJsonAsync<JsonArray>("/api/audit"))!;
        audit.Should().Contain(e => (string)e!["action"]! == "submission.corrected" && (string)e["entityId"]! == v2Id.ToString());
    }

    [Fact]
    public async Task Upload_SupersedesInvalidTarget_RefusedAndNothingStored()
    {
        using var reporter = await ReporterOfNewCityAsync("ver-bad-fix");
        var v1Id = (Guid)(await UploadAsync(reporter, "ver-bad-fix", Grid(1000)))["id"]!;
        var v2Id = (Guid)(await UploadAsync(reporter, "ver-bad-fix", Grid(1100), supersedes: v1Id))["id"]!;
        var other2021 = (Guid)(await UploadAsync(reporter, "ver-bad-fix", Grid(900, year: 2021), year: 2021))["id"]!;
        using var otherCity = await ReporterOfNewCityAsync("ver-bad-fix-other");
        var foreign = (Guid)(await UploadAsync(otherCity, "ver-bad-fix-other", Grid(1000)))["id"]!;
        var before = await CountAsync("SELECT count(*) FROM submissions WHERE city_id = @city", "ver-bad-fix");

        // v1 has been corrected already: correct the latest version instead.
        await (await reporter.PostCsvAsync("ver-bad-fix", 2022, Grid(1200), v1Id)).ShouldAnswerProblemAsync(HttpStatusCode.Conflict);
        await (await reporter.PostCsvAsync("ver-bad-fix", 2022, Grid(1200), Guid.NewGuid())).ShouldAnswerProblemAsync(HttpStatusCode.NotFound);
        // Another city's submission is not there for this city.
        await (await reporter.PostCsvAsync("ver-bad-fix", 2022, Grid(1200), foreign)).ShouldAnswerProblemAsync(HttpStatusCode.NotFound);
        await (await reporter.PostCsvAsync("ver-bad-fix", 2022, Grid(1200), other2021)).ShouldAnswerProblemAsync(HttpStatusCode.BadRequest);

        (await CountAsync("SELECT count(*) FROM submissions WHERE city_id = @city", "ver-bad-fix")).Should().Be(before);
        var v2 = (await reporter.GetFromJsonAsync<JsonNode>($"/api/cities/ver-bad-fix/submissions/{v2Id}"))!;
        ((bool)v2["isCurrent"]!).Should().BeTrue();
    }

    [Fact]
    public async Task Calculate_TwiceThenPublishThenNewData_VersionsArePinned()
    {
        using var reporter = await ReporterOfNewCityAsync("ver-calc");
        await UploadAsync(reporter, "ver-calc", Grid(1000));

        var first = await CalculateAsync(reporter, "ver-calc");
        ((int)first["version"]!).Should().Be(1);
        var same = await CalculateAsync(reporter, "ver-calc", HttpStatusCode.OK);
        ((int)same["version"]!).Should().Be(1);
        same["submissionIds"]!.ToJsonString().Should().Be(first["submissionIds"]!.ToJsonString());
        ((decimal)same["basicCo2e"]!).Should().Be((decimal)first["basicCo2e"]!);

        const string publish = "/api/cities/ver-calc/inventories/2022/versions/1/publish";
        var published = await (await reporter.PostAsync(publish, null)).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        ((string)published["state"]!).Should().Be("published");
        published["publishedAt"].Should().NotBeNull();
        await (await reporter.PostAsync(publish, null)).ShouldAnswerProblemAsync(HttpStatusCode.Conflict);
        var frozen = await reporter.GetStringAsync("/api/cities/ver-calc/inventories/2022/versions/1");

        // New data for I.2.2 (commercial): version 2 counts both uploads; version 1 reads exactly as before.
        await UploadAsync(reporter, "ver-calc", Grid(500, "I.2.2"));
        var second = await CalculateAsync(reporter, "ver-calc");
        ((int)second["version"]!).Should().Be(2);
        ((string)second["state"]!).Should().Be("draft");
        ((decimal)second["basicCo2e"]!).Should().Be(1_000m * VietNamGrid2022 + 500m * VietNamGrid2022);

        (await reporter.GetStringAsync("/api/cities/ver-calc/inventories/2022/versions/1")).Should().Be(frozen);
        var v1 = JsonNode.Parse(frozen)!;
        ((decimal)v1["version"]!["basicCo2e"]!).Should().Be(1_000m * VietNamGrid2022);
        ((string)v1["version"]!["state"]!).Should().Be("published");
        ((int)(await reporter.GetFromJsonAsync<JsonNode>("/api/cities/ver-calc/inventories/2022"))!["version"]!["version"]!).Should().Be(2);
    }

    // Viet Nam grid emission factor 2021: 0.7221 tCO2/MWh (Department of Climate Change, MONRE, grid emission
    // factor announcement; grid.vn.dcc.2021.co2).
    private const decimal VietNamGrid2021 = 0.7221m;

    // LPG: NCV 47.3 TJ/Gg (IPCC 2006 Vol 2 Ch 1 Table 1.2); CO2 63,100 kg/TJ (Table 1.4); residential CH4 5 kg/TJ
    // and N2O 0.1 kg/TJ (Vol 2 Ch 2 Table 2.5). GWP AR4: CH4 25, N2O 298 (IPCC AR4 WG1 Table 2.14); AR5: CH4 28,
    // N2O 265 (IPCC AR5 WG1 Table 8.7).
    private const decimal LpgNcv = 47.3m, LpgCo2 = 63_100m, LpgCh4Residential = 5m, LpgN2oResidential = 0.1m;
    private const decimal Ch4Ar4 = 25m, N2oAr4 = 298m, Ch4Ar5 = 28m, N2oAr5 = 265m;

    [Fact]
    public async Task Series_TwoYears_OnePointPerYearFromItsOwnGridFactor()
    {
        using var reporter = await ReporterOfNewCityAsync("ver-series");
        await UploadAsync(reporter, "ver-series", Grid(1000, year: 2021), year: 2021);
        await UploadAsync(reporter, "ver-series", Grid(1000));
        await CalculateAsync(reporter, "ver-series", year: 2021);
        await CalculateAsync(reporter, "ver-series");

        var series = await (await reporter.GetAsync("/api/cities/ver-series/inventories/series")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        var points = series["points"]!.AsArray();
        points.Select(p => (int)p!["year"]!).Should().Equal(2021, 2022);
        // 1,000 MWh × 0.7221 = 722.1 t (2021); 1,000 MWh × 0.6766 = 676.6 t (2022).
        ((decimal)points[0]!["basicCo2e"]!).Should().Be(1_000m * VietNamGrid2021).And.Be(722.1m);
        ((decimal)points[1]!["basicCo2e"]!).Should().Be(1_000m * VietNamGrid2022).And.Be(676.6m);
        foreach (var point in points)
            point!["basicCo2eBySector"]!.AsObject().Sum(s => (decimal)s.Value!).Should().Be((decimal)point["basicCo2e"]!);
    }

    [Fact]
    public async Task Export_CsvAndJson_GridLineWithItsFigureAndTrace()
    {
        using var reporter = await ReporterOfNewCityAsync("ver-export");
        await UploadAsync(reporter, "ver-export", Grid(1000));
        await CalculateAsync(reporter, "ver-export");
        var expected = 1_000m * VietNamGrid2022; // 676.6 t CO2 (grid.vn.dcc.2022.co2)

        var csv = await reporter.GetAsync("/api/cities/ver-export/inventories/2022/versions/1/export.csv");
        csv.StatusCode.Should().Be(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        lines[0].Should().StartWith("gpc_reference,sector,sub_sector,scope");
        var header = lines[0].Split(',');
        var grid = lines.Single(l => l.StartsWith("I.1.2,", StringComparison.Ordinal));
        grid.Should().Contain("676.6");
        var cells = grid.Split(',');
        cells.Should().HaveSameCount(header, "no cell of this line holds a comma");
        decimal.Parse(cells[Array.IndexOf(header, "co2e_t")], System.Globalization.CultureInfo.InvariantCulture).Should().Be(expected);
        cells[Array.IndexOf(header, "scope")].Should().Be("2");

        var json = await (await reporter.GetAsync("/api/cities/ver-export/inventories/2022/versions/1/export.json")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        ((decimal)json["table"]!.AsArray().Single(r => (string)r!["gpcReference"]! == "I.1.2")!["co2e"]!).Should().Be(expected);
        var line = json["document"]!["lines"]!.AsArray().Should().ContainSingle().Subject!;
        ((decimal)line["co2e"]!).Should().Be(expected);
        line["steps"]!.AsArray().Should().Contain(s => (string?)s!["factorId"] == "grid.vn.dcc.2022.co2" && (decimal)s["value"]! == VietNamGrid2022);
    }

    [Fact]
    public async Task Calculate_Ar4GwpSet_LpgCo2eUsesAr4Values()
    {
        using var reporter = await ReporterOfNewCityAsync("ver-ar4");
        await UploadAsync(reporter, "ver-ar4", Uploads.Csv("I.1.1,fuel:lpg,1000,t,2022-01-01,2022-12-31,medium,LPG distributor sales"));

        var ar4 = await CalculateAsync(reporter, "ver-ar4", body: new { gwpSet = "AR4" });
        ((string)ar4["gwpSet"]!).Should().Be("AR4");
        // 1,000 t = 1 Gg × 47.3 TJ/Gg = 47.3 TJ; CO2 2,984.63 t, CH4 0.2365 t, N2O 0.00473 t.
        var energyTj = 1m * LpgNcv;
        var co2 = energyTj * LpgCo2 / 1000m;
        var ch4 = energyTj * LpgCh4Residential / 1000m;
        var n2o = energyTj * LpgN2oResidential / 1000m;
        var expectedAr4 = co2 + ch4 * Ch4Ar4 + n2o * N2oAr4; // 2,984.63 + 0.2365 × 25 + 0.00473 × 298 = 2,991.95204 t
        ((decimal)ar4["basicCo2e"]!).Should().Be(expectedAr4).And.Be(2_991.95204m);
        var inventory = (await reporter.GetFromJsonAsync<JsonNode>("/api/cities/ver-ar4/inventories/2022/versions/1"))!;
        ((decimal)inventory["table"]!.AsArray().Single(r => (string)r!["gpcReference"]! == "I.1.1")!["co2e"]!).Should().Be(expectedAr4);
        inventory["gwpValues"]!.AsArray().Should().Contain(g => (string)g!["gas"]! == "CH4" && (decimal)g["value"]! == Ch4Ar4);

        // The GWP set is an input: AR5 over the same records is a new version, not the AR4 one.
        var ar5 = await CalculateAsync(reporter, "ver-ar4", body: new { gwpSet = "AR5" });
        ((int)ar5["version"]!).Should().Be(2);
        ((decimal)ar5["basicCo2e"]!).Should().Be(co2 + ch4 * Ch4Ar5 + n2o * N2oAr5);
    }

    [Fact]
    public async Task Calculate_UnknownGwpOrCatalogOrNoData_RefusedAndNothingStored()
    {
        using var reporter = await ReporterOfNewCityAsync("ver-refuse");
        await UploadAsync(reporter, "ver-refuse", Grid(1000));

        await (await reporter.PostAsJsonAsync("/api/cities/ver-refuse/inventories/2022/calculate", new { gwpSet = "AR7" }))
            .ShouldAnswerProblemAsync(HttpStatusCode.BadRequest);
        await (await reporter.PostAsJsonAsync("/api/cities/ver-refuse/inventories/2022/calculate", new { catalogHash = new string('0', 64) }))
            .ShouldAnswerProblemAsync(HttpStatusCode.NotFound);
        await (await reporter.PostAsJsonAsync("/api/cities/ver-refuse/inventories/2019/calculate", new { }))
            .ShouldAnswerProblemAsync(HttpStatusCode.Conflict);

        (await CountAsync("SELECT count(*) FROM inventory_versions WHERE city_id = @city", "ver-refuse")).Should().Be(0);
    }

    [Fact]
    public async Task CreatedAnswers_OfUploadCalculateAndPublish_EqualWhatIsStored()
    {
        using var reporter = await ReporterOfNewCityAsync("ver-answer");
        var upload = await UploadAsync(reporter, "ver-answer", Grid(1000));
        var calculated = await CalculateAsync(reporter, "ver-answer");
        var published = await (await reporter.PostAsync("/api/cities/ver-answer/inventories/2022/versions/1/publish", null)).ShouldAnswerJsonAsync(HttpStatusCode.OK);

        // The answer to a write describes the stored resource: a later read of it says the same, timestamps included
        // (PostgreSQL keeps microseconds, so a moment with a finer fraction cannot be what was stored).
        var storedSubmission = (await reporter.GetFromJsonAsync<JsonNode>($"/api/cities/ver-answer/submissions/{(Guid)upload["id"]!}"))!;
        var storedVersion = (await reporter.GetFromJsonAsync<JsonNode>("/api/cities/ver-answer/inventories/2022/versions/1"))!["version"]!;
        using (new FluentAssertions.Execution.AssertionScope())
        {
            ((string)storedSubmission["createdAt"]!).Should().Be((string)upload["createdAt"]!, "the 201 of the upload and a later read name the same moment");
            ((string)storedVersion["calculatedAt"]!).Should().Be((string)calculated["calculatedAt"]!, "the 201 of calculate and a later read name the same moment");
            ((string)storedVersion["publishedAt"]!).Should().Be((string)published["publishedAt"]!, "the 200 of publish and a later read name the same moment");
            storedSubmission.ToJsonString().Should().Be(upload.ToJsonString());
            storedVersion.ToJsonString().Should().Be(published.ToJsonString());
        }
    }

    [Theory]
    [InlineData("ver-db-1", "UPDATE activity_records SET amount = 0")]
    [InlineData("ver-db-2", "DELETE FROM activity_records")]
    [InlineData("ver-db-3", "UPDATE submissions SET year = 2000")]
    [InlineData("ver-db-4", "DELETE FROM submissions")]
    [InlineData("ver-db-5", "UPDATE inventory_versions SET basic_co2e = 0 WHERE published_at IS NOT NULL")]
    [InlineData("ver-db-6", "UPDATE inventory_versions SET published_at = NULL WHERE published_at IS NOT NULL")]
    [InlineData("ver-db-7", "DELETE FROM inventory_versions")]
    [InlineData("ver-db-8", "UPDATE audit_log SET user_name = 'nobody'")]
    [InlineData("ver-db-9", "DELETE FROM audit_log")]
    public async Task Database_ChangeToStoredRows_RefusedWithIntegrityViolationAndNothingChanges(string city, string sql)
    {
        var before = await StoredAndPublishedAsync(city);
        var refused = await ExecuteAsync(sql, city).Should().ThrowAsync<PostgresException>();
        refused.Which.SqlState.Should().Be(PostgresErrorCodes.IntegrityConstraintViolation, refused.Which.MessageText); // 23000
        (await SnapshotAsync()).Should().Be(before);
    }

    // Beyond UPDATE and DELETE: a stored submission gains no records, a current one is superseded only by the
    // version that corrects it, and a published version's GPC table gains no rows. Any integrity class (23xxx) will do.
    // Each statement touches only the test's own city, so that if it is not refused it spoils no other test.
    [Theory]
    [InlineData("ver-db-10", """
        INSERT INTO activity_records (submission_id, row_number, gpc_reference, activity_type, amount, unit, period_start, period_end, data_quality, source)
        SELECT id, 999, 'I.1.2', 'electricity:grid', 1000000, 'MWh', DATE '2022-01-01', DATE '2022-12-31', 'high', 'forged'
        FROM submissions WHERE city_id = @city AND content_sha256 IS NOT NULL
        """)]
    [InlineData("ver-db-11", "UPDATE submissions SET superseded_by_id = gen_random_uuid() WHERE city_id = @city AND superseded_by_id IS NULL")]
    [InlineData("ver-db-12", """
        INSERT INTO inventory_figures (version_id, gpc_reference, position, sector, sub_sector, scope, co2, ch4, n2o, co2e, biogenic_co2, in_basic, in_basic_plus)
        SELECT id, 'X.9.9', 999, 'Forged', 'Forged', 1, 1000000, 0, 0, 1000000, 0, true, true
        FROM inventory_versions WHERE city_id = @city AND published_at IS NOT NULL
        """)]
    public async Task Database_AddingToStoredSubmissionOrPublishedVersion_RefusedAndNothingChanges(string city, string sql)
    {
        var before = await StoredAndPublishedAsync(city);
        var refused = await ExecuteAsync(sql, city).Should().ThrowAsync<PostgresException>("the database must refuse: " + sql);
        refused.Which.SqlState.Should().StartWith("23", refused.Which.MessageText);
        (await SnapshotAsync()).Should().Be(before);
    }

    /// <summary>A city with a stored submission and a published inventory version; returns the snapshot of the guarded tables.</summary>
    private async Task<string> StoredAndPublishedAsync(string city)
    {
        using var reporter = await ReporterOfNewCityAsync(city);
        await UploadAsync(reporter, city, Grid(1000));
        await CalculateAsync(reporter, city);
        (await reporter.PostAsync($"/api/cities/{city}/inventories/2022/versions/1/publish", null)).EnsureSuccessStatusCode();
        return await SnapshotAsync();
    }

    /// <summary>Runs SQL directly against the test's database, past the service; @city is the test's own city.</summary>
    private Func<Task> ExecuteAsync(string sql, string city) => async () =>
    {
        await using var connection = new NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("city", city);
        await command.ExecuteNonQueryAsync();
    };

    /// <summary>Everything the guarded tables hold, summed up so that any change shows.</summary>
    private async Task<string> SnapshotAsync()
    {
        await using var connection = new NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT concat_ws(' | ',
              (SELECT count(*) || ' records, amount ' || coalesce(sum(amount), 0) FROM activity_records),
              (SELECT count(*) || ' submissions, ' || string_agg(year::text || '/' || coalesce(superseded_by_id::text, '-'), ',' ORDER BY id) FROM submissions),
              (SELECT count(*) || ' versions, ' || string_agg(basic_co2e::text || '/' || coalesce(published_at::text, 'draft'), ',' ORDER BY id) FROM inventory_versions),
              (SELECT count(*) || ' figures, co2e ' || coalesce(sum(co2e), 0) FROM inventory_figures),
              (SELECT count(*) || ' audit entries, ' || md5(string_agg(user_name || action || details::text, ',' ORDER BY id)) FROM audit_log))
            """, connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
