using System.Net;
using System.Net.Http.Json;

namespace GhgReporting.Api.Tests.Service;

/// <summary>The CSV export is opened in spreadsheets: text typed by users must never become a formula.</summary>
public sealed class ExportTests(ExportTests.Factory factory) : IClassFixture<ExportTests.Factory>
{
    public sealed class Factory : ServiceFactory;

    [Fact]
    public async Task ExportCsv_ExplanationStartingWithEquals_IsWrittenAsText()
    {
        await factory.AddCityAsync("export-city", "VN", "Export City");
        using var reporter = await factory.SignInAsync("reporter.export-city@test.example");
        (await reporter.PostCsvAsync("export-city", 2022, Uploads.Csv("I.1.2,electricity:grid,10,MWh,2022-01-01,2022-12-31,high,x"))).EnsureSuccessStatusCode();
        var calculated = await reporter.PostAsJsonAsync("/api/cities/export-city/inventories/2022/calculate",
            new { notationKeys = new[] { new { gpcReference = "I.7.1", key = "NO", explanation = "=HYPERLINK(\"http://example.invalid\")" } } });
        calculated.StatusCode.Should().Be(HttpStatusCode.Created);

        var csv = await reporter.GetStringAsync("/api/cities/export-city/inventories/2022/versions/1/export.csv");
        var line = csv.Split('\n').Single(l => l.StartsWith("I.7.1,", StringComparison.Ordinal));
        line.Should().Contain("\"'=HYPERLINK(\"\"http://example.invalid\"\")\"").And.NotContain(",=HYPERLINK");
        // 10 MWh × 0.6766 t/MWh (Viet Nam 2022 grid factor, grid.vn.dcc.2022.co2) = 6.766 t on the I.1.2 line.
        var grid = csv.Split('\n').Single(l => l.StartsWith("I.1.2,", StringComparison.Ordinal)).Split(',');
        decimal.Parse(grid[7], System.Globalization.CultureInfo.InvariantCulture).Should().Be(10m * 0.6766m);
    }
}
