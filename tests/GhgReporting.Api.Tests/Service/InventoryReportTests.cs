using System.Net;
using System.Net.Http.Json;
using GhgReporting.Calc;
using GhgReporting.Data;
using GhgReporting.Jobs.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace GhgReporting.Api.Tests.Service;

/// <summary>The city inventory report: the endpoint enqueues its job in Hangfire's storage (202), the job is run
/// here in-process (what a worker calls) and the report read back with PdfPig.</summary>
public sealed class InventoryReportTests(InventoryReportTests.Factory factory) : IClassFixture<InventoryReportTests.Factory>
{
    public sealed class Factory : ServiceFactory;

    /// <summary>Asks for the report (202 and a job in the queue), runs the job as a worker would, then downloads it.</summary>
    private async Task<byte[]> FetchAsync(HttpClient client, string url, string cityId, int year, int version)
    {
        var first = await client.GetAsync(url);
        first.StatusCode.Should().Be(HttpStatusCode.Accepted, await first.Content.ReadAsStringAsync());
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GhgDbContext>();
            var versionId = await db.InventoryVersions.Where(v => v.CityId == cityId && v.Year == year && v.Version == version).Select(v => v.Id).SingleAsync();
            await scope.ServiceProvider.GetRequiredService<ReportJobs>().InventoryReportAsync(versionId, null, CancellationToken.None);
        }
        var response = await client.GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static string Text(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(p => p.Text));
    }

    [Fact]
    public async Task InventoryReport_DraftThenPublished_ShowsTheFiguresNameAndDraftMark()
    {
        await factory.AddCityAsync("report-city", "VN", "Hải Phòng (report test)");
        using var reporter = await factory.SignInAsync("reporter.report-city@test.example");
        (await reporter.PostCsvAsync("report-city", 2022, Uploads.Csv("I.1.2,electricity:grid,1000,MWh,2022-01-01,2022-12-31,high,utility invoices"))).EnsureSuccessStatusCode();
        (await reporter.PostAsJsonAsync("/api/cities/report-city/inventories/2022/calculate", new { })).StatusCode.Should().Be(HttpStatusCode.Created);
        const string url = "/api/cities/report-city/inventories/2022/versions/1/report.pdf";

        // Another city's reporter and the public may not have the draft's report.
        await factory.AddCityAsync("report-other", "VN", "Other");
        using var other = await factory.SignInAsync("reporter.report-other@test.example");
        (await other.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await factory.CreateClient().GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.NotFound);

        // 1,000 MWh × 0.6766 t/MWh (Viet Nam 2022 grid factor, DCC/MONRE, grid.vn.dcc.2022.co2) = 676.6 t CO2e,
        // shown rounded for display by the one rounding rule.
        var expected = Rounding.FormatTonnes(1_000m * 0.6766m);
        var draft = Text(await FetchAsync(reporter, url, "report-city", 2022, 1));
        draft.Should().Contain("Hải Phòng (report test)").And.Contain(expected).And.Contain("DRAFT").And.Contain("I.1.2").And.Contain("grid-electricity");

        (await reporter.PostAsync("/api/cities/report-city/inventories/2022/versions/1/publish", null)).EnsureSuccessStatusCode();
        var published = Text(await FetchAsync(factory.CreateClient(), url, "report-city", 2022, 1));
        published.Should().Contain(expected).And.Contain("published").And.NotContain("DRAFT");
    }
}
