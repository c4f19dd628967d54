using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace GhgReporting.Api.Tests.Service;

/// <summary>
/// Every row is validated before anything is stored; a refused file is answered with RFC 9457 problem details naming
/// each bad row (header = row 1, first data row = 2), its column and the reason, and leaves nothing in the database.
/// Each test uses its own city, so none depends on another's rows.
/// </summary>
public sealed class UploadRejectionTests(UploadRejectionTests.Factory factory, UploadRejectionTests.SmallLimitFactory small)
    : IClassFixture<UploadRejectionTests.Factory>, IClassFixture<UploadRejectionTests.SmallLimitFactory>
{
    public sealed class Factory : ServiceFactory;

    /// <summary>The service with an upload limit of 2 KB, small enough to reach with a test file.</summary>
    public sealed class SmallLimitFactory : ServiceFactory
    {
        public const int MaxBytes = 2048;

        public SmallLimitFactory() => Settings["Uploads:MaxBytes"] = MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private const string Good1 = "I.1.2,electricity:grid,1000,MWh,2022-01-01,2022-06-30,high,EVN invoices H1";
    private const string Good2 = "I.1.1,fuel:lpg,12.5,t,2022-01-01,2022-12-31,medium,LPG distributor sales";

    private async Task<HttpClient> ReporterOfNewCityAsync(string cityId, ServiceFactory? service = null)
    {
        service ??= factory;
        await service.AddCityAsync(cityId, "VN", $"Test city {cityId}");
        return await service.SignInAsync($"reporter.{cityId}@test.example");
    }

    // The bad row is row 3: a good row before it (row 2, already sent to COPY when the bad one is read) and one after it.
    [Theory]
    [InlineData("rej-gpc", "I.9.9,electricity:grid,100,MWh,2022-01-01,2022-12-31,high,x", "gpc_reference", "I.9.9")]
    [InlineData("rej-type", "I.1.2,electricity:moonbeam,100,MWh,2022-01-01,2022-12-31,high,x", "activity_type", "electricity:moonbeam")]
    [InlineData("rej-grid-in-t", "I.1.2,electricity:grid,100,t,2022-01-01,2022-12-31,high,x", "unit", "'t'")]
    [InlineData("rej-lpg-in-person", "I.1.1,fuel:lpg,100,person,2022-01-01,2022-12-31,high,x", "unit", "person")]
    [InlineData("rej-negative", "I.1.2,electricity:grid,-12.5,MWh,2022-01-01,2022-12-31,high,x", "amount", "-12.5")]
    [InlineData("rej-not-a-number", "I.1.2,electricity:grid,twelve,MWh,2022-01-01,2022-12-31,high,x", "amount", "twelve")]
    [InlineData("rej-year-2021", "I.1.2,electricity:grid,100,MWh,2021-01-01,2021-12-31,high,x", "period_start", "2021-01-01")]
    [InlineData("rej-two-years", "I.1.2,electricity:grid,100,MWh,2021-07-01,2022-06-30,high,x", "period_start", "2021-07-01")]
    [InlineData("rej-end-first", "I.1.2,electricity:grid,100,MWh,2022-06-30,2022-01-01,high,x", "period_start", "2022-01-01")]
    [InlineData("rej-date-format", "I.1.2,electricity:grid,100,MWh,01/07/2022,2022-12-31,high,x", "period_start", "01/07/2022")]
    [InlineData("rej-quality", "I.1.2,electricity:grid,100,MWh,2022-01-01,2022-12-31,excellent,x", "data_quality", "excellent")]
    public async Task Upload_OneBadRow_400NamesRowColumnAndValueAndStoresNothing(string cityId, string badRow, string column, string mentions)
    {
        using var reporter = await ReporterOfNewCityAsync(cityId);

        var response = await reporter.PostCsvAsync(cityId, 2022, Uploads.Csv(Good1, badRow, Good2));

        await response.ShouldBeOneRowProblemAsync(row: 3, column, mentions);
        await factory.ShouldHaveStoredNothingAsync(cityId);
    }

    [Fact]
    public async Task Upload_DuplicateRow_400NamesTheRepeatAndTheFirstRow()
    {
        using var reporter = await ReporterOfNewCityAsync("rej-duplicate");

        // Rows 2 and 4 are equal in every value; 1000 and 1000.00 are the same amount.
        var response = await reporter.PostCsvAsync("rej-duplicate", 2022, Uploads.Csv(Good1, Good2, Good1.Replace(",1000,", ",1000.00,")));

        await response.ShouldBeOneRowProblemAsync(row: 4, "(row)", "row 2");
        await factory.ShouldHaveStoredNothingAsync("rej-duplicate");
    }

    [Fact]
    public async Task Upload_ThreeBadRowsAmongEight_ListsEachInRowOrderAndStoresNoRow()
    {
        using var reporter = await ReporterOfNewCityAsync("rej-several");
        string Grid(int month, string amount = "100", string unit = "MWh") =>
            $"I.1.2,electricity:grid,{amount},{unit},2022-{month:00}-01,2022-{month:00}-28,high,invoice {month}";

        var response = await reporter.PostCsvAsync("rej-several", 2022, Uploads.Csv(
            Grid(1), Grid(2, amount: "-1"), Grid(3), Grid(4, unit: "kg"), Grid(5), "I.1.2,electricity:grid,100,MWh,2023-06-01,2023-06-30,high,x", Grid(7), Grid(8)));

        var errors = await response.ShouldBeRowProblemsAsync();
        errors.Select(e => (e.Row, e.Column)).Should().Equal((3L, "amount"), (5L, "unit"), (7L, "period_start"));
        errors[0].Reason.Should().Contain("-1");
        errors[1].Reason.Should().Contain("kg");
        errors[2].Reason.Should().Contain("2023-06-01");
        // Rows 2, 4, 6, 8 and 9 are good, and still nothing of the file is kept.
        await factory.ShouldHaveStoredNothingAsync("rej-several");
    }

    [Fact]
    public async Task Upload_Latin1ByteInRow4_400NamesRow4AndStoresNothing()
    {
        using var reporter = await ReporterOfNewCityAsync("rej-latin1");
        // "Biên Hòa" saved as Latin-1 / Windows-1252 would carry 0xE9 for 'é': never valid in UTF-8 on its own.
        var before = Encoding.UTF8.GetBytes(Uploads.Header + "\n" + Good1 + "\n" + Good2 + "\nI.2.2,electricity:grid,5,MWh,2022-01-01,2022-12-31,low,Caf");
        byte[] bytes = [.. before, 0xE9, .. Encoding.UTF8.GetBytes(" invoices\n")];

        var response = await reporter.PostAsync("/api/cities/rej-latin1/submissions?year=2022", Uploads.File("data.csv", bytes));

        var error = await response.ShouldBeOneRowProblemAsync(row: 4, "(file)", "UTF-8");
        error.Reason.Should().Contain("not UTF-8");
        await factory.ShouldHaveStoredNothingAsync("rej-latin1");
    }

    [Fact]
    public async Task Upload_Utf16WithBom_400AtRow1AndStoresNothing()
    {
        using var reporter = await ReporterOfNewCityAsync("rej-utf16");
        // Excel's "Unicode Text" and some exports write UTF-16 LE with the BOM FF FE.
        byte[] bytes = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Uploads.Csv(Good1, Good2))];

        var response = await reporter.PostAsync("/api/cities/rej-utf16/submissions?year=2022", Uploads.File("data.csv", bytes));

        await response.ShouldBeOneRowProblemAsync(row: 1, "(file)", "UTF-16");
        await factory.ShouldHaveStoredNothingAsync("rej-utf16");
    }

    [Fact]
    public async Task Upload_HeaderWithoutDataQuality_400NamesTheMissingColumn()
    {
        using var reporter = await ReporterOfNewCityAsync("rej-missing-column");
        var csv = "gpc_reference,activity_type,amount,unit,period_start,period_end,source\n" +
                  "I.1.2,electricity:grid,1000,MWh,2022-01-01,2022-12-31,EVN invoices\n";

        var response = await reporter.PostCsvAsync("rej-missing-column", 2022, csv);

        await response.ShouldBeOneRowProblemAsync(row: 1, "(header)", "data_quality");
        await factory.ShouldHaveStoredNothingAsync("rej-missing-column");
    }

    [Fact]
    public async Task Upload_HeaderWithUnknownColumn_400NamesTheUnknownName()
    {
        using var reporter = await ReporterOfNewCityAsync("rej-unknown-column");
        var csv = Uploads.Csv(Good1).Replace(",source\n", ",sauce\n");

        var response = await reporter.PostCsvAsync("rej-unknown-column", 2022, csv);

        await response.ShouldBeOneRowProblemAsync(row: 1, "(header)", "'sauce'");
        await factory.ShouldHaveStoredNothingAsync("rej-unknown-column");
    }

    [Fact]
    public async Task Upload_EmptyFile_400AtTheHeaderRow()
    {
        using var reporter = await ReporterOfNewCityAsync("rej-empty");

        var response = await reporter.PostCsvAsync("rej-empty", 2022, "");

        var error = await response.ShouldBeOneRowProblemAsync(row: 1, "(header)", "empty");
        error.Reason.Should().Contain(Uploads.Header, "the reason shows the header to start from");
        await factory.ShouldHaveStoredNothingAsync("rej-empty");
    }

    [Fact]
    public async Task Upload_HeaderOnly_400NoRecords()
    {
        using var reporter = await ReporterOfNewCityAsync("rej-header-only");

        var response = await reporter.PostCsvAsync("rej-header-only", 2022, Uploads.Header + "\n");

        var errors = await response.ShouldBeRowProblemsAsync();
        errors.Should().ContainSingle().Which.Reason.Should().Contain("no activity records");
        await factory.ShouldHaveStoredNothingAsync("rej-header-only");
    }

    [Fact]
    public async Task Upload_LandfillDepositOfAnEarlierYear_IsAccepted()
    {
        using var reporter = await ReporterOfNewCityAsync("rej-landfill-history");

        // Solid waste disposal is a first-order decay model (IPCC 2006 Vol 5 Ch 3 Eq 3.1): deposits of earlier years
        // still emit in 2022, so their disposal history belongs in the 2022 upload.
        var response = await reporter.PostCsvAsync("rej-landfill-history", 2022, Uploads.Csv(
            "III.1.1,waste:landfill-food@unmanaged-deep,1000,t,2015-01-01,2015-12-31,low,x",
            "III.1.1,waste:landfill-food@unmanaged-deep,1200,t,2022-01-01,2022-12-31,low,x"));

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        (await factory.CountStoredAsync("rej-landfill-history")).Should().Be((1, 2));
    }

    [Fact]
    public async Task Upload_LandfillDepositAfterTheInventoryYear_400()
    {
        using var reporter = await ReporterOfNewCityAsync("rej-landfill-future");

        var response = await reporter.PostCsvAsync("rej-landfill-future", 2022, Uploads.Csv(
            "III.1.1,waste:landfill-food@unmanaged-deep,1000,t,2023-01-01,2023-12-31,low,x"));

        await response.ShouldBeOneRowProblemAsync(row: 2, "period_start", "2023");
        await factory.ShouldHaveStoredNothingAsync("rej-landfill-future");
    }

    [Fact]
    public async Task Upload_WithoutYear_400()
    {
        using var reporter = await ReporterOfNewCityAsync("rej-no-year");

        var response = await reporter.PostAsync("/api/cities/rej-no-year/submissions", Uploads.File("data.csv", Uploads.Csv(Good1)));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        ((string)problem["detail"]!).Should().Contain("?year=");
        await factory.ShouldHaveStoredNothingAsync("rej-no-year");
    }

    [Fact]
    public async Task Upload_UnknownCityBySecretariat_404()
    {
        using var secretariat = await factory.SecretariatAsync();

        var response = await secretariat.PostCsvAsync("rej-no-such-city", 2022, Uploads.Csv(Good1));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        ((string)problem["detail"]!).Should().Contain("rej-no-such-city");
        await factory.ShouldHaveStoredNothingAsync("rej-no-such-city");
    }

    [Fact]
    public async Task Upload_TextPlainBody_415NamingTheAcceptedTypes()
    {
        using var reporter = await ReporterOfNewCityAsync("rej-text-plain");

        var response = await reporter.PostAsync("/api/cities/rej-text-plain/submissions?year=2022",
            new StringContent(Uploads.Csv(Good1), Encoding.UTF8, "text/plain"));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        ((string)problem["detail"]!).Should().ContainAll("multipart/form-data", "text/csv", "application/json",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/plain");
        await factory.ShouldHaveStoredNothingAsync("rej-text-plain");
    }

    [Fact]
    public async Task Upload_TxtFileInMultipart_415NamingTheFile()
    {
        using var reporter = await ReporterOfNewCityAsync("rej-txt-file");

        var response = await reporter.PostAsync("/api/cities/rej-txt-file/submissions?year=2022",
            Uploads.File("notes.txt", Encoding.UTF8.GetBytes(Uploads.Csv(Good1)), "text/plain"));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        ((string)problem["detail"]!).Should().ContainAll("notes.txt", ".csv", ".xlsx", ".json");
        await factory.ShouldHaveStoredNothingAsync("rej-txt-file");
    }

    /// <summary>A valid CSV of exactly <paramref name="bytes"/> bytes: distinct grid rows, the last one's source padded.</summary>
    private static string CsvOfSize(int bytes)
    {
        var text = new StringBuilder(Uploads.Header).Append('\n');
        string Row(int i, string source) => $"I.1.2,electricity:grid,{i},MWh,2022-01-01,2022-12-31,high,{source}\n";
        for (var i = 1; text.Length + 2 * Row(i, "invoice").Length < bytes; i++) text.Append(Row(i, "invoice"));
        var last = Row(999_999, "");
        var padding = bytes - text.Length - last.Length;
        text.Append(last.TrimEnd('\n')).Append('x', padding).Append('\n');
        Encoding.UTF8.GetByteCount(text.ToString()).Should().Be(bytes);
        return text.ToString();
    }

    [Fact]
    public async Task Upload_10KbFileOver2KbLimit_413NamingTheLimitAndStoresNothing()
    {
        using var reporter = await ReporterOfNewCityAsync("rej-too-large", small);

        var response = await reporter.PostCsvAsync("rej-too-large", 2022, CsvOfSize(10 * 1024));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        // The limit configured above is 2048 bytes: the detail must tell the person that figure, in bytes or KB.
        ((string)problem["detail"]!).Should().ContainAny("2048", "2 KB", "2 kB", "2 KiB");
        await small.ShouldHaveStoredNothingAsync("rej-too-large");
    }

    [Fact]
    public async Task Upload_10KbBodyWithoutContentLength_413WhileStreamingAndStoresNothing()
    {
        using var reporter = await ReporterOfNewCityAsync("rej-too-large-chunked", small);
        // A non-seekable stream has no length, so the body is sent without Content-Length: the limit is met mid-file,
        // after the first rows have already gone to COPY.
        var body = new StreamContent(new NoLengthStream(Encoding.UTF8.GetBytes(CsvOfSize(10 * 1024))));
        body.Headers.ContentType = new MediaTypeHeaderValue("text/csv");

        var response = await reporter.PostAsync("/api/cities/rej-too-large-chunked/submissions?year=2022", body);

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        await small.ShouldHaveStoredNothingAsync("rej-too-large-chunked");
    }

    [Fact]
    public async Task Upload_1KbFileUnder2KbLimit_Is201()
    {
        using var reporter = await ReporterOfNewCityAsync("rej-small-enough", small);

        var response = await reporter.PostCsvAsync("rej-small-enough", 2022, CsvOfSize(1024));

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        (await small.CountStoredAsync("rej-small-enough")).Submissions.Should().Be(1);
    }

    private sealed class NoLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
