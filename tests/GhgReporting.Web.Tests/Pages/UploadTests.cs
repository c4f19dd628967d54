using System.Globalization;
using System.Text;
using GhgReporting.Api.Hosting;
using GhgReporting.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace GhgReporting.Web.Tests.Pages;

/// <summary>
/// A reporter uploads activity data through the pages: a file with problems is refused row by row with nothing
/// stored; a clean file is previewed, confirmed and calculated into an inventory whose figures the test computes from
/// the shipped grid factor. Both use 2024, a year the example seeding does not reach (it stops at 2023) and that no
/// other test reads, and different cities, so they do not see each other's data.
/// </summary>
public sealed class UploadTests(WebServiceFixture service, ITestOutputHelper output) : BrowserTest(service, output)
{
    private const int Year = 2024;

    /// <summary>The published upload layout, as the template's header row must read.</summary>
    private const string Header = "gpc_reference,activity_type,amount,unit,period_start,period_end,data_quality,source";

    /// <summary>Viet Nam's grid emission factor for 2023: 0.6592 t CO2/MWh, Department of Climate Change (MONRE), catalog
    /// row grid.vn.dcc.2023.co2 in emission-factors/grid/grid-electricity.csv. Its valid_to is empty ("latest published
    /// value: used for later years until a newer factor is published"), so it is the factor of a 2024 inventory of Hải
    /// Phòng (country VN, no sub-region). CO2 only; with GWP 1 for CO2 its CO2e is the same.</summary>
    private const decimal VietNamGrid2023TonnesPerMwh = 0.6592m;

    [Fact]
    public async Task Upload_FileWithErrors_ListsEachProblemAndStoresNothing()
    {
        // Dalian: a partner city with a shipped grid factor (China MEE 2022, used for later years), so its good row is
        // good; no other test uploads for it.
        const string city = "dalian";
        var page = await NewPageAsync();
        await SignInAsync(page, ExampleSeeder.ReporterEmail(city));
        new Uri(page.Url).AbsolutePath.Should().Be($"/city/{city}");

        // The overview has no 2024 yet (the seeding stops at 2023), and nothing waiting for confirmation.
        var inventories = TableWithColumn(page.Locator("main"), "BASIC+ (tCO2e)");
        await Expect(RowOf(inventories, "2023")).ToHaveCountAsync(1);
        await Expect(RowOf(inventories, Year.ToString(CultureInfo.InvariantCulture))).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new() { Name = "Upload activity data", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/city/{city}/upload");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Upload activity data");

        // The template from the page's own link: the layout the file below follows.
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "CSV template (.csv)", Exact = true }).ClickAsync());
        var templatePath = await download.PathAsync();
        var template = await File.ReadAllTextAsync(templatePath);
        template.TrimStart('\uFEFF').Split('\n')[0].TrimEnd('\r').Should().Be(Header, "the CSV template's header row is the upload layout");
        Log($"template {download.SuggestedFilename}:\n{template}");
        await ShotAsync(page, "upload-01-form");

        // Row numbers as a spreadsheet shows them: the header is row 1.
        var csv = Csv(
            $"I.1.2,electricity:grid,52000,MWh,{Year}-01-01,{Year}-12-31,high,Utility sales (browser test)",        // row 2: good
            $"I.9.9,electricity:grid,1000,MWh,{Year}-01-01,{Year}-12-31,high,Unknown GPC reference (browser test)", // row 3
            $"I.2.2,electricity:grid,-500,MWh,{Year}-01-01,{Year}-12-31,high,Negative amount (browser test)",       // row 4
            $"I.1.1,fuel:lpg,300,t,{Year - 1}-01-01,{Year - 1}-12-31,medium,Period of another year (browser test)", // row 5
            $"I.2.2,electricity:grid,700,kg,{Year}-01-01,{Year}-12-31,high,Mass unit for electricity (browser test)"); // row 6
        await page.GetByLabel("Inventory year").FillAsync(Year.ToString(CultureInfo.InvariantCulture));
        await page.GetByLabel("File", new() { Exact = true }).SetInputFilesAsync(new FilePayload
        {
            Name = "dalian-2024-with-errors.csv", MimeType = "text/csv", Buffer = csv,
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "dalian-2024-with-errors.csv was not stored" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Alert).First).ToContainTextAsync("4 problem(s) found. Nothing was stored.");
        var errors = TableWithColumn(page.Locator("main"), "Problem");
        await Expect(errors.GetByRole(AriaRole.Row)).ToHaveCountAsync(1 + 4); // the header row and one row per problem
        // Each problem: the row, the column and a reason that names what is wrong in the row's own terms.
        foreach (var (row, column, reason) in new[]
                 {
                     ("3", "gpc_reference", "'I.9.9' is not a GPC reference"),
                     ("4", "amount", "-500 is negative"),
                     ("5", "period_start", $"is outside the inventory year {Year}"),
                     ("6", "unit", "'kg' is mass; electricity:grid is measured in energy"),
                 })
        {
            var line = RowOf(errors, row);
            await Expect(line).ToHaveCountAsync(1);
            await Expect(await CellAsync(errors, line, "Column")).ToHaveTextAsync(column);
            await Expect(await CellAsync(errors, line, "Problem")).ToContainTextAsync(reason);
        }
        await Expect(RowOf(errors, "2")).ToHaveCountAsync(0);
        // Nothing to confirm: the form to upload the corrected file is offered instead.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Confirm and store" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Fix the file and upload it again" })).ToBeVisibleAsync();
        await ShotAsync(page, "upload-02-errors");

        // Nothing was stored or kept: the year has no file, the overview no 2024 row and no upload waiting.
        (await GotoAsync(page, $"/city/{city}/inventories/{Year}")).Status.Should().Be(200);
        await Expect(page.Locator("main")).ToContainTextAsync("No file uploaded for this year yet.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Calculate a new version" })).ToHaveCountAsync(0);
        await GotoAsync(page, $"/city/{city}");
        await Expect(RowOf(TableWithColumn(page.Locator("main"), "BASIC+ (tCO2e)"), Year.ToString(CultureInfo.InvariantCulture))).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Uploads waiting for your decision" })).ToHaveCountAsync(0);
        await ShotAsync(page, "upload-03-nothing-stored");
    }

    [Fact]
    public async Task Upload_CleanFile_PreviewConfirmCalculate_ShowsTheInventory()
    {
        const string city = "hai-phong";
        var page = await NewPageAsync();
        await SignInAsync(page, ExampleSeeder.ReporterEmail(city));
        await GotoAsync(page, $"/city/{city}/upload?year={Year}");
        await Expect(page.GetByLabel("Inventory year")).ToHaveValueAsync(Year.ToString(CultureInfo.InvariantCulture));

        // Grid electricity of residential (I.1.2) and commercial buildings (I.2.2), scope 2, in MWh.
        const decimal residentialMwh = 12_500m, commercialFirstHalfMwh = 7_300.5m, commercialSecondHalfMwh = 7_100.25m;
        var csv = Csv(
            $"I.1.2,electricity:grid,12500,MWh,{Year}-01-01,{Year}-12-31,high,Utility sales to households (browser test)",
            $"I.2.2,electricity:grid,7300.5,MWh,{Year}-01-01,{Year}-06-30,medium,Utility sales to shops and offices H1 (browser test)",
            $"I.2.2,electricity:grid,7100.25,MWh,{Year}-07-01,{Year}-12-31,medium,Utility sales to shops and offices H2 (browser test)");
        await page.GetByLabel("File", new() { Exact = true }).SetInputFilesAsync(new FilePayload
        {
            Name = "hai-phong-2024-electricity.csv", MimeType = "text/csv", Buffer = csv,
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file", Exact = true }).ClickAsync();

        // The preview: what would be stored, nothing stored yet.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check before storing");
        new Uri(page.Url).AbsolutePath.Should().MatchRegex($"^/city/{city}/upload/[0-9a-f-]{{36}}$", "the preview has the kept file's own address");
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "The file has no problems." }))
            .ToHaveTextAsync($"The file has no problems. 3 record(s) for {Year} will be stored.");
        await Expect(page.Locator("main")).ToContainTextAsync($"The records cover {Year}-01-01 to {Year}-12-31.");
        var preview = TableWithColumn(page.Locator("main"), "Total amount");
        var residential = RowOf(preview, "I.1.2");
        await Expect(await CellAsync(preview, residential, "Records")).ToHaveTextAsync("1");
        await Expect(await CellAsync(preview, residential, "Total amount")).ToHaveTextAsync(Amount(residentialMwh));
        await Expect(await CellAsync(preview, residential, "Unit")).ToHaveTextAsync("MWh");
        var commercial = RowOf(preview, "I.2.2");
        await Expect(await CellAsync(preview, commercial, "Records")).ToHaveTextAsync("2");
        await Expect(await CellAsync(preview, commercial, "Total amount")).ToHaveTextAsync(Amount(commercialFirstHalfMwh + commercialSecondHalfMwh));
        await Expect(preview.GetByRole(AriaRole.Row).Filter(new() { HasText = "Total" }).Last).ToContainTextAsync("3");
        await ShotAsync(page, "upload-04-preview");

        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm and store", Exact = true }).ClickAsync();

        // Stored; the year's page, not calculated yet.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Inventory {Year}");
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync($"Stored: 3 record(s) from hai-phong-2024-electricity.csv for {Year}.");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/city/{city}/inventories/{Year}");
        await Expect(page.Locator("main")).ToContainTextAsync("The inventory of this year is not calculated yet.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Calculate a new version", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Version 1 is calculated.");
        var main = page.Locator("main");
        await Expect(Fact(main, "State")).ToContainTextAsync("Draft, not published");

        // Scope 2 = activity × factor, computed here from the published factor (see VietNamGrid2023TonnesPerMwh).
        var residentialTonnes = residentialMwh * VietNamGrid2023TonnesPerMwh;                                       // 8,240 t
        var commercialTonnes = (commercialFirstHalfMwh + commercialSecondHalfMwh) * VietNamGrid2023TonnesPerMwh;   // 9,492.9744 t
        var gpc = TableWithColumn(main, "CO2e (t)");
        foreach (var (reference, tonnes) in new[] { ("I.1.2", residentialTonnes), ("I.2.2", commercialTonnes) })
        {
            var row = RowOf(gpc, reference);
            await Expect(row).ToHaveCountAsync(1);
            await Expect(await CellAsync(gpc, row, "CO2 (t)")).ToHaveTextAsync(Tonnes(tonnes));
            await Expect(await CellAsync(gpc, row, "CO2e (t)")).ToHaveTextAsync(Tonnes(tonnes));
        }
        // Nothing else was uploaded for 2024: BASIC (stationary energy scope 1 and 2, …) is these two lines.
        await Expect(Fact(main, "BASIC")).ToHaveTextAsync($"{Tonnes(residentialTonnes + commercialTonnes)} tCO2e");
        await Expect(Fact(main, "BASIC+")).ToHaveTextAsync($"{Tonnes(residentialTonnes + commercialTonnes)} tCO2e");

        // The charts: SVG drawn by the server, scaled into the page.
        var bySector = page.GetByRole(AriaRole.Img, new() { Name = "BASIC+ emissions by sector (tCO2e)", Exact = true });
        await Expect(bySector.Locator("svg")).ToBeVisibleAsync();
        var years = page.GetByRole(AriaRole.Img, new() { Name = "Year over year (tCO2e)", Exact = true });
        await Expect(years.Locator("svg")).ToBeVisibleAsync();
        // 2021–2023 seeded, 2024 from this upload.
        foreach (var year in new[] { 2021, 2022, 2023, Year })
            await Expect(years.Locator("svg")).ToContainTextAsync(year.ToString(CultureInfo.InvariantCulture));
        await Expect(main).ToContainTextAsync("NE = not estimated");
        await ShotAsync(page, "upload-05-inventory-2024");

        // The city overview lists the new year as a calculated draft.
        await GotoAsync(page, $"/city/{city}");
        var overviewRow = RowOf(TableWithColumn(page.Locator("main"), "BASIC+ (tCO2e)"), Year.ToString(CultureInfo.InvariantCulture));
        await Expect(overviewRow).ToContainTextAsync("Draft, not published");
        await Expect(overviewRow).ToContainTextAsync(Tonnes(residentialTonnes + commercialTonnes));
        await ShotAsync(page, "upload-06-city-overview");

        // At phone width the inventory page (wide GPC table, two charts) fits the screen.
        var phone = await NewPageAsync(Phone);
        await SignInAsync(phone, ExampleSeeder.ReporterEmail(city));
        (await GotoAsync(phone, $"/city/{city}/inventories/{Year}")).Status.Should().Be(200);
        await Expect(phone.GetByRole(AriaRole.Img, new() { Name = "Year over year (tCO2e)", Exact = true }).Locator("svg")).ToBeVisibleAsync();
        await ShotAsync(phone, "phone-city-inventory-2024");
        await ShouldFitThePhoneAsync(phone);
    }

    /// <summary>A full-page screenshot; and the page uses no id twice (a label's <c>for</c> would reach only the first).</summary>
    private async Task ShotAsync(IPage page, string name)
    {
        await ScreenshotAsync(page, name);
        (await DuplicateIdsAsync(page)).Should().BeEmpty($"every id on {new Uri(page.Url).AbsolutePath} is used once");
    }

    private static byte[] Csv(params string[] rows) =>
        new UTF8Encoding(false).GetBytes(Header + "\n" + string.Join("\n", rows) + "\n");

    /// <summary>An amount as the preview writes it (thousands separated, '.' for decimals).</summary>
    private static string Amount(decimal value) => value.ToString("#,##0.######", CultureInfo.InvariantCulture);

    /// <summary>Tonnes as the pages write them: three decimals, rounded half away from zero, thousands separated.</summary>
    private static string Tonnes(decimal tonnes) =>
        decimal.Round(tonnes, 3, MidpointRounding.AwayFromZero).ToString("#,##0.000", CultureInfo.InvariantCulture);
}
