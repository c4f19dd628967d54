using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using GhgReporting.Api.Tests.Service;
using CsvUploads = GhgReporting.Api.Tests.Service.Uploads;
using GhgReporting.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GhgReporting.Api.Tests.Web;

/// <summary>
/// The reporter's upload pages: a file is checked first (row, column and reason for each problem, nothing stored),
/// kept as a draft while the reporter looks at the summary, stored once on Confirm and dropped on Cancel; then the
/// inventory page calculates and shows the GPC table with its two charts. The database is read directly to see what
/// was (not) stored. Expected figures are computed here from the published factors.
/// </summary>
public sealed partial class CityUploadPageTests(CityUploadPageTests.Factory factory) : IClassFixture<CityUploadPageTests.Factory>
{
    public sealed class Factory : ServiceFactory;

    // Viet Nam grid emission factor 2022: 0.6766 tCO2/MWh (DCC/MONRE letter 327/BĐKH-PTCBT; grid.vn.dcc.2022.co2).
    private const decimal VietNamGrid2022 = 0.6766m;

    private const string GridH1 = "I.1.2,electricity:grid,30000,MWh,2022-01-01,2022-06-30,high,EVN invoices H1";
    private const string GridH2 = "I.1.2,electricity:grid,20000,MWh,2022-07-01,2022-12-31,high,EVN invoices H2";
    private const string Lpg = "I.1.1,fuel:lpg,1000,t,2022-03-01,2022-12-31,medium,LPG distributor sales";

    private static string Tonnes(decimal t) => decimal.Round(t, 3, MidpointRounding.AwayFromZero).ToString("#,##0.000", CultureInfo.InvariantCulture);

    private async Task<PageClient> ReporterOfNewCityAsync(string cityId)
    {
        var (reporter, _) = await factory.AddCityAsync(cityId, "VN", $"City {cityId}");
        return await PageClient.SignInAsync(factory, reporter);
    }

    private static Task<HttpResponseMessage> UploadAsync(PageClient page, string cityId, int year, string fileName, byte[] content, string type = "text/csv") =>
        page.PostMultipartAsync($"/city/{cityId}/upload", $"/city/{cityId}/upload", new() { ["Year"] = year.ToString(CultureInfo.InvariantCulture) },
            [("file", fileName, type, content)]);

    private async Task<(int Submissions, int Drafts)> StoredAsync(string cityId)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GhgDbContext>();
        return (await db.Submissions.CountAsync(s => s.CityId == cityId), await db.UploadDrafts.CountAsync(d => d.CityId == cityId));
    }

    /// <summary>The page text with tags removed and entities decoded, spaces collapsed: what a reader sees.</summary>
    private static string Text(string html) => Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(html, " ")), " ");

    [Fact]
    public async Task Upload_FileWithProblems_ListsRowColumnAndReason_AndStoresNothing()
    {
        using var page = await ReporterOfNewCityAsync("web-up-bad");
        var csv = CsvUploads.Csv(GridH1, GridH2.Replace(",20000,", ",20,000,"), Lpg.Replace(",medium,", ",excellent,"));

        var response = await UploadAsync(page, "web-up-bad", 2022, "bad.csv", Encoding.UTF8.GetBytes(csv));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        var text = Text(html);
        text.Should().Contain("bad.csv was not stored").And.Contain("problem(s) found. Nothing was stored.");
        // Row 3 of the sheet (header = row 1) has a comma inside the amount: the CSV reader sees one field too many.
        // Row 4 has a data quality that is not one of the three words.
        html.Should().MatchRegex(@"<td class=""num"">4</td>\s*<td>\s*<code>data_quality</code>");
        text.Should().Contain("'excellent' is not one of high, medium, low");
        Regex.Matches(html, @"<tr>\s*<td class=""num"">3</td>").Should().NotBeEmpty("row 3 has a problem too");
        (await StoredAsync("web-up-bad")).Should().Be((0, 0), "a file with problems is neither stored nor kept");
    }

    [Fact]
    public async Task Upload_GoodFile_PreviewSummarises_StoresNothingUntilConfirm_ThenOneSubmission()
    {
        using var page = await ReporterOfNewCityAsync("web-up-good");
        var bytes = Encoding.UTF8.GetBytes(CsvUploads.Csv(GridH1, GridH2, Lpg));

        var response = await UploadAsync(page, "web-up-good", 2022, "energy-2022.csv", bytes);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var preview = response.Headers.Location!.ToString();
        preview.Should().MatchRegex("^/city/web-up-good/upload/[0-9a-f-]{36}$");
        var (status, html) = await page.GetAsync(preview);
        status.Should().Be(HttpStatusCode.OK);
        var text = Text(html);
        text.Should().Contain("3 record(s) for 2022 will be stored").And.Contain("The records cover 2022-01-01 to 2022-12-31");
        // By GPC reference and activity type: count and total amount per unit.
        text.Should().Contain("I.1.1 fuel:lpg 1 1,000 t").And.Contain("I.1.2 electricity:grid 2 50,000 MWh");
        (await StoredAsync("web-up-good")).Should().Be((0, 1), "only the draft is kept before confirmation");

        var confirm = await page.PostFormAsync(preview, preview + "?handler=confirm", []);

        confirm.StatusCode.Should().Be(HttpStatusCode.Redirect);
        confirm.Headers.Location!.ToString().Should().Be("/city/web-up-good/inventories/2022");
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GhgDbContext>();
            var stored = await db.Submissions.SingleAsync(s => s.CityId == "web-up-good");
            stored.RecordCount.Should().Be(3);
            stored.FileName.Should().Be("energy-2022.csv");
            stored.ContentSha256.Should().Be(Convert.ToHexStringLower(SHA256.HashData(bytes)), "the kept bytes are the uploaded bytes");
            (await db.UploadDrafts.CountAsync(d => d.CityId == "web-up-good")).Should().Be(0);
        }
        var (_, inventory) = await page.GetAsync("/city/web-up-good/inventories/2022");
        Text(inventory).Should().Contain("Stored: 3 record(s) from energy-2022.csv for 2022.").And.Contain("energy-2022.csv");

        // The same file again: the preview says it is stored already, and confirming stores nothing new.
        var again = (await UploadAsync(page, "web-up-good", 2022, "energy-2022.csv", bytes)).Headers.Location!.ToString();
        Text((await page.GetAsync(again)).Html).Should().Contain("This same file is already stored for this year");
        (await page.PostFormAsync(again, again + "?handler=confirm", [])).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await StoredAsync("web-up-good")).Should().Be((1, 0));
    }

    [Fact]
    public async Task Upload_Cancel_StoresNothing_AndTheDraftIsGone()
    {
        using var page = await ReporterOfNewCityAsync("web-up-cancel");
        var preview = (await UploadAsync(page, "web-up-cancel", 2022, "energy.csv", Encoding.UTF8.GetBytes(CsvUploads.Csv(GridH1)))).Headers.Location!.ToString();
        (await StoredAsync("web-up-cancel")).Should().Be((0, 1));

        var cancel = await page.PostFormAsync(preview, preview + "?handler=cancel", []);

        cancel.StatusCode.Should().Be(HttpStatusCode.Redirect);
        cancel.Headers.Location!.ToString().Should().Be("/city/web-up-cancel/upload");
        (await StoredAsync("web-up-cancel")).Should().Be((0, 0));
        var (status, html) = await page.GetAsync(preview);
        status.Should().Be(HttpStatusCode.NotFound);
        Text(html).Should().Contain("This upload is no longer waiting");
    }

    [Fact]
    public async Task Upload_Xlsx_IsCheckedAndStoredLikeTheApi()
    {
        using var page = await ReporterOfNewCityAsync("web-up-xlsx");
        object[] header = ["gpc_reference", "activity_type", "amount", "unit", "period_start", "period_end", "data_quality", "source"];
        var workbook = FormatWorkbook.Build([header,
            ["I.1.2", "electricity:grid", 1500m, "MWh", new DateOnly(2022, 1, 1), new DateOnly(2022, 12, 31), "high", "EVN invoices"]]);

        var response = await UploadAsync(page, "web-up-xlsx", 2022, "energy.xlsx", workbook,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        var preview = response.Headers.Location!.ToString();
        Text((await page.GetAsync(preview)).Html).Should().Contain("1 record(s) for 2022 will be stored").And.Contain("I.1.2 electricity:grid 1 1,500 MWh");
        (await page.PostFormAsync(preview, preview + "?handler=confirm", [])).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await StoredAsync("web-up-xlsx")).Should().Be((1, 0));
    }

    [Fact]
    public async Task Upload_NoYearAndWrongFileType_NameTheFields()
    {
        using var page = await ReporterOfNewCityAsync("web-up-form");
        var response = await page.PostMultipartAsync("/city/web-up-form/upload", "/city/web-up-form/upload", new() { ["Year"] = "" },
            [("file", "notes.pdf", "application/pdf", "%PDF-1.4"u8.ToArray())]);

        var text = Text(await response.Content.ReadAsStringAsync());
        text.Should().Contain("Inventory year: write a year from 1990 to 2100").And.Contain("File: notes.pdf is not a CSV or Excel (.xlsx) file");
        (await StoredAsync("web-up-form")).Should().Be((0, 0));
    }

    [Fact]
    public async Task Inventory_CalculateThenRead_GpcTableAndBothChartsWithTheHandCalculatedFigures()
    {
        using var page = await ReporterOfNewCityAsync("web-inv");
        var preview = (await UploadAsync(page, "web-inv", 2022, "energy.csv", Encoding.UTF8.GetBytes(CsvUploads.Csv(GridH1, GridH2)))).Headers.Location!.ToString();
        await page.PostFormAsync(preview, preview + "?handler=confirm", []);
        var (_, before) = await page.GetAsync("/city/web-inv/inventories/2022");
        Text(before).Should().Contain("not calculated yet");

        var calculate = await page.PostFormAsync("/city/web-inv/inventories/2022", "/city/web-inv/inventories/2022?handler=calculate", new() { ["gwp"] = "AR5" });

        calculate.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var (status, html) = await page.GetAsync("/city/web-inv/inventories/2022");
        status.Should().Be(HttpStatusCode.OK);
        // I.1.2 (residential, scope 2): 50,000 MWh × 0.6766 t/MWh; the only figure, so also BASIC and BASIC+.
        var grid = Tonnes(50_000m * VietNamGrid2022);
        grid.Should().Be("33,830.000");
        html.Should().MatchRegex(@"<td>I\.1\.2</td>\s*<td>[^<]+</td>\s*<td>2</td>(\s*<td class=""num"">[^<]*</td>){3}\s*<td class=""num"">" + Regex.Escape(grid) + "</td>");
        Text(html).Should().Contain($"BASIC {grid} tCO2e").And.Contain("Version 1").And.Contain("Draft, not published");
        Regex.Matches(html, @"<div class=""chart""[^>]*>\s*(<\?xml[^>]*\?>\s*)?<svg").Should().HaveCount(2, "the chart by sector and the year-over-year chart");
        html.Should().Contain("BASIC+ emissions by sector").And.Contain("Year over year");

        // Publish asks for the tick first, then freezes the version.
        Text(await (await page.PostFormAsync("/city/web-inv/inventories/2022", "/city/web-inv/inventories/2022?handler=publish", new() { ["version"] = "1" }))
            .Content.ReadAsStringAsync()).Should().Contain("tick the box");
        (await page.PostFormAsync("/city/web-inv/inventories/2022", "/city/web-inv/inventories/2022?handler=publish", new() { ["version"] = "1", ["confirm"] = "yes" }))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        Text((await page.GetAsync("/city/web-inv/inventories/2022")).Html).Should().Contain("Published");

        // The PDF report is asked for from the page, which then waits for it (jobs do not run in this test host).
        var (_, waiting) = await page.GetAsync("/city/web-inv/inventories/2022?version=1&report=true");
        waiting.Should().Contain("data-wait-for=\"/api/cities/web-inv/inventories/2022/versions/1/report.pdf\"");
    }

    [Fact]
    public async Task Draft_IsTheUploadersOwn_OthersAreToldItIsNotWaiting()
    {
        using var page = await ReporterOfNewCityAsync("web-up-own");
        var preview = (await UploadAsync(page, "web-up-own", 2022, "energy.csv", Encoding.UTF8.GetBytes(CsvUploads.Csv(GridH1)))).Headers.Location!.ToString();
        using var secretariat = await PageClient.SignInAsync(factory, ServiceFactory.SecretariatEmail);

        var (status, html) = await secretariat.GetAsync(preview);

        status.Should().Be(HttpStatusCode.NotFound);
        Text(html).Should().Contain("This upload is no longer waiting");
        (await StoredAsync("web-up-own")).Should().Be((0, 1));
    }

    [Fact]
    public async Task Draft_OlderThanADay_IsIgnored_AndRemovedByTheNextUpload()
    {
        using var page = await ReporterOfNewCityAsync("web-up-old");
        var preview = (await UploadAsync(page, "web-up-old", 2022, "energy.csv", Encoding.UTF8.GetBytes(CsvUploads.Csv(GridH1)))).Headers.Location!.ToString();
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GhgDbContext>();
            await db.UploadDrafts.Where(d => d.CityId == "web-up-old")
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.CreatedAt, DateTimeOffset.UtcNow.AddHours(-25)));
        }

        (await page.GetAsync(preview)).Status.Should().Be(HttpStatusCode.NotFound, "a draft older than a day is ignored");
        (await page.PostFormAsync("/city/web-up-old/upload", preview + "?handler=confirm", [])).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await StoredAsync("web-up-old")).Should().Be((0, 1));
        await UploadAsync(page, "web-up-old", 2022, "energy.csv", Encoding.UTF8.GetBytes(CsvUploads.Csv(GridH2)));
        (await StoredAsync("web-up-old")).Should().Be((0, 1), "the old draft was removed, the new one kept");
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
