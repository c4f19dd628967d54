using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GhgReporting.Api.Tests.Service;

/// <summary>
/// The same activity records arrive as CSV, JSON or XLSX, in a form or as the raw body, and are stored and calculated
/// alike; the published templates upload as they are. Each test uses its own city (country VN, for its grid factors).
/// </summary>
public sealed class UploadFormatTests(UploadFormatTests.Factory factory) : IClassFixture<UploadFormatTests.Factory>
{
    public sealed class Factory : ServiceFactory;

    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    // Viet Nam grid emission factor 2022: 0.6766 tCO2/MWh (Department of Climate Change, MONRE, letter
    // 327/BĐKH-PTCBT; emission-factors/grid/grid-electricity.csv, grid.vn.dcc.2022.co2).
    private const decimal VietNamGrid2022 = 0.6766m;

    private sealed record Activity(string Gpc, string Type, decimal Amount, string Unit, DateOnly Start, DateOnly End, string Quality, string Source);

    // 600 + 400 = 1,000 MWh of grid electricity under I.1.2, and LPG under I.1.1 (which does not touch I.1.2).
    private static readonly Activity[] Records =
    [
        new("I.1.2", "electricity:grid", 600m, "MWh", new(2022, 1, 1), new(2022, 6, 30), "high", "EVN invoices H1"),
        new("I.1.2", "electricity:grid", 400m, "MWh", new(2022, 7, 1), new(2022, 12, 31), "high", "EVN invoices H2"),
        new("I.1.1", "fuel:lpg", 12.5m, "t", new(2022, 1, 1), new(2022, 12, 31), "medium", "LPG distributor sales"),
    ];

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Csv() => Uploads.Csv([.. Records.Select(r =>
        string.Join(",", r.Gpc, r.Type, r.Amount.ToString(CultureInfo.InvariantCulture), r.Unit, Date(r.Start), Date(r.End), r.Quality, r.Source))]);

    private static byte[] Json() => JsonSerializer.SerializeToUtf8Bytes(Records.Select(r => new
    {
        gpcReference = r.Gpc, activityType = r.Type, amount = r.Amount, unit = r.Unit,
        periodStart = Date(r.Start), periodEnd = Date(r.End), dataQuality = r.Quality, source = r.Source,
    }));

    private static readonly object[] XlsxHeader = ["gpc_reference", "activity_type", "amount", "unit", "period_start", "period_end", "data_quality", "source"];

    /// <summary>Amounts as numbers and dates as text, as in the published template.</summary>
    private static byte[] Xlsx() => FormatWorkbook.Build([XlsxHeader, .. Records.Select(r =>
        new object[] { r.Gpc, r.Type, r.Amount, r.Unit, Date(r.Start), Date(r.End), r.Quality, r.Source })]);

    private static HttpContent Body(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return content;
    }

    private static HttpContent ContentFor(string way) => way switch
    {
        "csv-multipart" => Uploads.File("activities.csv", Csv()),
        "csv-body" => Body(Encoding.UTF8.GetBytes(Csv()), "text/csv"),
        "json-body" => Body(Json(), "application/json"),
        "json-multipart" => Uploads.File("activities.json", Json(), "application/json"),
        "xlsx-multipart" => Uploads.File("activities.xlsx", Xlsx(), XlsxType),
        "xlsx-body" => Body(Xlsx(), XlsxType),
        _ => throw new ArgumentOutOfRangeException(nameof(way)),
    };

    private async Task<HttpClient> ReporterOfNewCityAsync(string cityId)
    {
        await factory.AddCityAsync(cityId, "VN", $"Test city {cityId}");
        return await factory.SignInAsync($"reporter.{cityId}@test.example");
    }

    /// <summary>Uploads, expects 201, and returns the stored records in row order.</summary>
    private static async Task<(JsonNode Upload, JsonArray Records)> UploadAsync(HttpClient reporter, string cityId, int year, HttpContent content)
    {
        var response = await reporter.PostAsync($"/api/cities/{cityId}/submissions?year={year}", content);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.Created, body);
        var upload = JsonNode.Parse(body)!;
        var records = JsonNode.Parse(await reporter.GetStringAsync($"{response.Headers.Location}/records"))!;
        return (upload, records["records"]!.AsArray());
    }

    [Theory]
    [InlineData("fmt-csv-multipart", "csv-multipart", "csv")]
    [InlineData("fmt-csv-body", "csv-body", "csv")]
    [InlineData("fmt-json-body", "json-body", "json")]
    [InlineData("fmt-json-multipart", "json-multipart", "json")]
    [InlineData("fmt-xlsx-multipart", "xlsx-multipart", "xlsx")]
    [InlineData("fmt-xlsx-body", "xlsx-body", "xlsx")]
    public async Task Upload_SameRecordsInEachFormat_StoredAndGridLineIs1000MWhTimesVietNam2022(string cityId, string way, string format)
    {
        using var reporter = await ReporterOfNewCityAsync(cityId);

        var (upload, records) = await UploadAsync(reporter, cityId, 2022, ContentFor(way));

        ((string)upload["submission"]!["format"]!).Should().Be(format);
        ((long)upload["submission"]!["recordCount"]!).Should().Be(3);
        records.Select(r => (decimal)r!["amount"]!).Should().Equal(600m, 400m, 12.5m);
        records.Select(r => (string)r!["periodEnd"]!).Should().Equal("2022-06-30", "2022-12-31", "2022-12-31");
        records.Select(r => (string)r!["source"]!).Should().Equal(Records.Select(r => r.Source));

        var calculated = await reporter.PostAsJsonAsync($"/api/cities/{cityId}/inventories/2022/calculate", new { });
        calculated.StatusCode.Should().Be(HttpStatusCode.Created, await calculated.Content.ReadAsStringAsync());
        var inventory = JsonNode.Parse(await reporter.GetStringAsync($"/api/cities/{cityId}/inventories/2022"))!;
        var grid = inventory["table"]!.AsArray().Single(r => (string)r!["gpcReference"]! == "I.1.2")!;
        // 1,000 MWh × 0.6766 t CO2/MWh = 676.6 t; the grid factor is CO2 only, so CO2e = CO2.
        ((decimal)grid["co2e"]!).Should().Be(1_000m * VietNamGrid2022).And.Be(676.6m);
    }

    [Fact]
    public async Task Upload_XlsxWithTextAmountAndDateNumbers_StoredAsTheValuesShown()
    {
        using var reporter = await ReporterOfNewCityAsync("fmt-xlsx-typed");
        // Excel keeps "12.5" typed into a Text cell as text, and a date typed into a General cell as a date number.
        var workbook = FormatWorkbook.Build(
        [
            XlsxHeader,
            ["I.1.1", "fuel:lpg", "12.5", "t", new DateOnly(2022, 1, 1), new DateOnly(2022, 12, 31), "medium", "LPG distributor sales"],
            ["I.1.2", "electricity:grid", 1000m, "MWh", new DateOnly(2022, 3, 1), "2022-03-31", "high", "EVN invoices March"],
        ]);
        FormatWorkbook.Serial(new DateOnly(2022, 1, 1)).Should().Be(44562, "Excel counts 2022-01-01 as day 44562");

        var (_, records) = await UploadAsync(reporter, "fmt-xlsx-typed", 2022, Uploads.File("typed.xlsx", workbook, XlsxType));

        records.Select(r => (decimal)r!["amount"]!).Should().Equal(12.5m, 1000m);
        records.Select(r => ((string)r!["periodStart"]!, (string)r["periodEnd"]!)).Should().Equal(("2022-01-01", "2022-12-31"), ("2022-03-01", "2022-03-31"));
        records.Select(r => (int)r!["row"]!).Should().Equal(2, 3);
    }

    [Fact]
    public async Task Upload_JsonAmountWithDecimalComma_400NamesRecord1Amount()
    {
        using var reporter = await ReporterOfNewCityAsync("fmt-json-comma");
        var json = """
            [{ "gpcReference": "I.1.1", "activityType": "fuel:lpg", "amount": "12,5", "unit": "t",
               "periodStart": "2022-01-01", "periodEnd": "2022-12-31", "dataQuality": "medium", "source": "LPG distributor sales" }]
            """;

        var response = await reporter.PostAsync("/api/cities/fmt-json-comma/submissions?year=2022", Body(Encoding.UTF8.GetBytes(json), "application/json"));

        await response.ShouldBeOneRowProblemAsync(row: 1, "amount", "12,5");
        await factory.ShouldHaveStoredNothingAsync("fmt-json-comma");
    }

    [Fact]
    public async Task Upload_MalformedJson_400AndStoresNothing()
    {
        using var reporter = await ReporterOfNewCityAsync("fmt-json-malformed");
        // The first record is complete and valid; the second is cut off in the middle, and the array never closed.
        var json = Encoding.UTF8.GetString(Json());
        json = json[..(json.IndexOf("},{", StringComparison.Ordinal) + 3)] + "\"gpcReference\": \"I.1.2\", \"activityType\": ";

        var response = await reporter.PostAsync("/api/cities/fmt-json-malformed/submissions?year=2022", Body(Encoding.UTF8.GetBytes(json), "application/json"));

        var errors = await response.ShouldBeRowProblemsAsync();
        errors.Should().ContainSingle().Which.Reason.Should().Contain("not valid");
        await factory.ShouldHaveStoredNothingAsync("fmt-json-malformed");
    }

    [Theory]
    [InlineData("csv", "text/csv")]
    [InlineData("xlsx", XlsxType)]
    [InlineData("json", "application/json")]
    public async Task Template_DownloadedAndUploadedUnchanged_Is201(string format, string contentType)
    {
        using var anonymous = factory.CreateClient();
        var download = await anonymous.GetAsync($"/api/activity-data/templates/{format}");
        download.StatusCode.Should().Be(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.Should().Be(contentType);
        download.Content.Headers.ContentDisposition!.FileName.Should().Contain($"activity-data-template.{format}");
        var template = await download.Content.ReadAsByteArrayAsync();

        var cityId = $"fmt-template-{format}";
        using var reporter = await ReporterOfNewCityAsync(cityId);
        // The template's example rows (UploadTemplates.Examples) are for 2023: grid electricity (VN has a 2023 factor,
        // grid.vn.dcc.2023.co2), LPG and gas/diesel oil (IPCC 2006 defaults, any country).
        var (upload, records) = await UploadAsync(reporter, cityId, 2023, Uploads.File($"activity-data-template.{format}", template, contentType));

        ((string)upload["submission"]!["format"]!).Should().Be(format);
        records.Select(r => (string)r!["activityType"]!).Should().Equal("electricity:grid", "fuel:lpg", "fuel:gas-diesel-oil");
    }

    [Fact]
    public async Task Layout_ListsTheEightColumnsAndTheActivityTypes()
    {
        using var anonymous = factory.CreateClient();

        var layout = JsonNode.Parse(await anonymous.GetStringAsync("/api/activity-data/layout"))!;

        layout["columns"]!.AsArray().Select(c => (string)c!["name"]!).Should().Equal(
            "gpc_reference", "activity_type", "amount", "unit", "period_start", "period_end", "data_quality", "source");
        ((string)layout["csvHeader"]!).Should().Be(Uploads.Header);
        layout["formats"]!.AsArray().Select(f => (string)f!).Should().Equal("csv", "xlsx", "json");
        layout["activityTypes"]!.AsArray().Select(t => (string)t!["name"]!).Should().Contain(["electricity:grid", "fuel:lpg", "waste:landfill-food"]);
    }

    [Fact]
    public async Task Template_UnknownFormat_404()
    {
        using var anonymous = factory.CreateClient();

        var response = await anonymous.GetAsync("/api/activity-data/templates/pdf");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        ((string)problem["detail"]!).Should().Contain("'pdf'");
    }
}
