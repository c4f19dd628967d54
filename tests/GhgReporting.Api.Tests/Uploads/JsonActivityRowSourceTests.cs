using GhgReporting.Api.Uploads;
using static GhgReporting.Api.Tests.Uploads.UploadTestData;

namespace GhgReporting.Api.Tests.Uploads;

public class JsonActivityRowSourceTests
{
    private const string Record =
        """{ "gpcReference": "I.1.2", "activityType": "electricity:grid", "amount": 1850000, "unit": "MWh", "periodStart": "2023-01-01", "periodEnd": "2023-12-31", "dataQuality": "high", "source": "invoices" }""";

    [Fact]
    public async Task ReadAsync_GoodFile_YieldsRowsNumberedByIndex()
    {
        var (rows, source) = await ReadJsonAsync($"[{Record},\n" +
            """{ "GPCREFERENCE": " I.1.1 ", "activityType": "fuel:lpg", "amount": "42000.5", "unit": "t", "periodStart": "2023-01-01", "periodEnd": "2023-12-31", "dataQuality": "low", "source": null }""" +
            ",\n" + """{ "amount": 5 }""" + "]");

        source.Errors.Should().BeEmpty();
        source.Format.Should().Be(UploadFormat.Json);
        rows.Should().Equal(
            new RawActivityRow(1, "I.1.2", "electricity:grid", "1850000", "MWh", "2023-01-01", "2023-12-31", "high", "invoices"),
            new RawActivityRow(2, "I.1.1", "fuel:lpg", "42000.5", "t", "2023-01-01", "2023-12-31", "low", ""),
            new RawActivityRow(3, "", "", "5", "", "", "", "", ""));
    }

    [Theory]
    [InlineData("0.1")]
    [InlineData("123456789.123456789012345678901234567890")]
    [InlineData("1.5E-3")]
    [InlineData("1e400")]
    [InlineData("-0.0")]
    public async Task ReadAsync_NumberAmount_KeepsTheExactJsonText(string number)
    {
        var (rows, source) = await ReadJsonAsync($$"""[{ "amount": {{number}} }]""");

        source.Errors.Should().BeEmpty();
        rows.Should().ContainSingle().Which.Amount.Should().Be(number);
    }

    [Fact]
    public async Task ReadAsync_MalformedJson_OneErrorWithLineAndPosition()
    {
        var (_, source) = await ReadJsonAsync("[\n" + Record + ",\n  { \"amount\" 5 }\n]");

        var error = source.Errors.Should().ContainSingle().Subject;
        (error.Row, error.Column).Should().Be((0L, "(file)"));
        error.Reason.Should().StartWith("The JSON is not valid near line 3, position 14: ").And.NotContain("Path:");
    }

    [Fact]
    public async Task ReadAsync_UnknownProperty_IsNamedAndTheRecordSkipped()
    {
        var (rows, source) = await ReadJsonAsync($$"""[{ "gpcReference": "I.1.1", "amount": 1, "notes": "x", "gpc_reference": "I.1.1" }, {{Record}}]""");

        rows.Select(r => r.Row).Should().Equal(2);
        var error = source.Errors.Should().ContainSingle().Subject;
        (error.Row, error.Column).Should().Be((1L, "(row)"));
        error.Reason.Should().Contain("'notes', 'gpc_reference'").And.Contain("gpcReference, activityType");
    }

    [Fact]
    public async Task ReadAsync_ValueThatIsNoTextOrNumber_IsReportedUnderTheLayoutColumnName()
    {
        var (rows, source) = await ReadJsonAsync("""[{ "periodStart": { "year": 2023 }, "amount": true }]""");

        rows.Should().BeEmpty();
        source.Errors.Select(e => (e.Row, e.Column)).Should().Equal((1L, "period_start"), (1L, "amount"));
        source.Errors[0].Reason.Should().Contain("'periodStart'").And.Contain("an object");
    }

    [Fact]
    public async Task ReadAsync_RecordThatIsNoObject_IsReported()
    {
        var (rows, source) = await ReadJsonAsync($"[{Record}, [1, 2], \"I.1.1\"]");

        rows.Should().ContainSingle();
        source.Errors.Select(e => (e.Row, e.Column)).Should().Equal((2L, "(row)"), (3L, "(row)"));
    }

    [Theory]
    [InlineData("""{ "records": [] }""")]
    [InlineData("\"I.1.1\"")]
    public async Task ReadAsync_NotAnArray_OneFileError(string json)
    {
        var (rows, source) = await ReadJsonAsync(json);

        rows.Should().BeEmpty();
        source.Errors.Should().ContainSingle().Which.Should().Match<UploadError>(e => e.Row == 0 && e.Column == "(file)" && e.Reason.Contains("list (array)"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("gpc_reference,activity_type")]
    public async Task ReadAsync_EmptyOrNotJson_OneFileError(string text)
    {
        var (_, source) = await ReadJsonAsync(text);

        source.Errors.Should().ContainSingle().Which.Should().Match<UploadError>(e => e.Row == 0 && e.Reason.Contains("does not start with JSON"));
    }

    [Fact]
    public async Task ReadAsync_EmptyArray_NoRowsNoErrors()
    {
        var (rows, source) = await ReadJsonAsync(" [ ] ");

        rows.Should().BeEmpty();
        source.Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task ReadAsync_InvalidUtf8InAString_ReportsTheRecordAndStops()
    {
        byte[] bytes = [.. Utf8($"[{Record}, {{ \"source\": \"caf"), 0xE9, .. Utf8($"\" }}, {Record}]")];

        var (rows, source) = await ReadJsonAsync(bytes);

        rows.Should().ContainSingle();
        source.Errors.Should().ContainSingle().Which.Should().Match<UploadError>(e => e.Row == 2 && e.Reason.Contains("not UTF-8"));
    }
}
