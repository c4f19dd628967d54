using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace GhgReporting.Api.Tests.Service;

/// <summary>
/// Upload → calculate → read, through HTTP against a real PostgreSQL. Expected figures are computed here
/// from the published factors, each with its citation, not read from the service.
/// </summary>
public sealed class UploadToInventoryTests(UploadToInventoryTests.Factory factory) : IClassFixture<UploadToInventoryTests.Factory>
{
    public sealed class Factory : ServiceFactory;

    // Viet Nam grid emission factor 2022: 0.6766 tCO2/MWh (Department of Climate Change, MONRE, letter
    // 327/BĐKH-PTCBT; emission-factors/grid/grid-electricity.csv, grid.vn.dcc.2022.co2).
    private const decimal VietNamGrid2022 = 0.6766m;

    // LPG: NCV 47.3 TJ/Gg (IPCC 2006 Vol 2 Ch 1 Table 1.2); CO2 63,100 kg/TJ (Table 1.4); residential CH4
    // 5 kg/TJ and N2O 0.1 kg/TJ (Vol 2 Ch 2 Table 2.5). GWP AR5: CH4 28, N2O 265 (IPCC AR5 WG1 Table 8.7).
    private const decimal LpgNcv = 47.3m, LpgCo2 = 63_100m, LpgCh4Residential = 5m, LpgN2oResidential = 0.1m, Ch4Ar5 = 28m, N2oAr5 = 265m;

    [Fact]
    public async Task UploadCalculateRead_GridAndLpg_GpcTableAndTotalsMatchTheHandCalculation()
    {
        await factory.AddCityAsync("hai-phong", "VN", "Hải Phòng");
        using var reporter = await factory.SignInAsync("reporter.hai-phong@test.example");

        var upload = await reporter.PostCsvAsync("hai-phong", 2022, Uploads.Csv(
            "I.1.2,electricity:grid,30000,MWh,2022-01-01,2022-06-30,high,EVN invoices H1",
            "I.1.2,electricity:grid,20000,MWh,2022-07-01,2022-12-31,high,EVN invoices H2",
            "I.1.1,fuel:lpg,1000,t,2022-01-01,2022-12-31,medium,LPG distributor sales"));
        upload.StatusCode.Should().Be(HttpStatusCode.Created, await upload.Content.ReadAsStringAsync());

        var calculated = await reporter.PostAsJsonAsync("/api/cities/hai-phong/inventories/2022/calculate", new { gwpSet = "AR5" });
        calculated.StatusCode.Should().Be(HttpStatusCode.Created, await calculated.Content.ReadAsStringAsync());

        var inventory = JsonNode.Parse(await reporter.GetStringAsync("/api/cities/hai-phong/inventories/2022"))!;
        var table = inventory["table"]!.AsArray();
        JsonNode Row(string gpc) => table.Single(r => (string)r!["gpcReference"]! == gpc)!;

        // I.1.2 (residential, scope 2): 50,000 MWh × 0.6766 t/MWh = 33,830 t CO2.
        var grid = 50_000m * VietNamGrid2022;
        ((decimal)Row("I.1.2")["co2"]!).Should().Be(33_830m).And.Be(grid);
        ((decimal)Row("I.1.2")["co2e"]!).Should().Be(grid);
        ((int)Row("I.1.2")["scope"]!).Should().Be(2);

        // I.1.1 (residential, scope 1): 1,000 t LPG = 1 Gg × 47.3 TJ/Gg = 47.3 TJ.
        var energyTj = 1m * LpgNcv;
        var co2 = energyTj * LpgCo2 / 1000m;          // 2,984.63 t
        var ch4 = energyTj * LpgCh4Residential / 1000m; // 0.2365 t
        var n2o = energyTj * LpgN2oResidential / 1000m; // 0.00473 t
        ((decimal)Row("I.1.1")["co2"]!).Should().Be(2_984.63m).And.Be(co2);
        ((decimal)Row("I.1.1")["ch4"]!).Should().Be(ch4);
        ((decimal)Row("I.1.1")["n2o"]!).Should().Be(n2o);
        var lpgCo2e = co2 + ch4 * Ch4Ar5 + n2o * N2oAr5; // 2,992.50545 t
        ((decimal)Row("I.1.1")["co2e"]!).Should().Be(2_992.50545m).And.Be(lpgCo2e);

        // BASIC counts scope 1 and scope 2 of stationary energy: the two rows and nothing else here.
        ((decimal)inventory["version"]!["basicCo2e"]!).Should().Be(grid + lpgCo2e);
        // A category without data shows the notation key NE.
        ((string)Row("I.2.1")["notationKey"]!).Should().Be("NE");
        Row("I.2.1")["co2"].Should().BeNull();
    }

    [Fact]
    public async Task Trace_OfTheGridLine_NamesTheFactorAndListsItsRecords()
    {
        await factory.AddCityAsync("da-nang", "VN", "Đà Nẵng");
        using var reporter = await factory.SignInAsync("reporter.da-nang@test.example");
        (await reporter.PostCsvAsync("da-nang", 2022, Uploads.Csv(
            "I.2.2,electricity:grid,1000,MWh,2022-01-01,2022-12-31,high,utility",
            "I.2.2,electricity:grid,500,MWh,2022-01-01,2022-12-31,low,estimate"))).EnsureSuccessStatusCode();
        (await reporter.PostAsJsonAsync("/api/cities/da-nang/inventories/2022/calculate", new { })).EnsureSuccessStatusCode();

        var inventory = JsonNode.Parse(await reporter.GetStringAsync("/api/cities/da-nang/inventories/2022"))!;
        var line = inventory["lines"]!.AsArray().Single()!;
        ((decimal)line["co2e"]!).Should().Be(1_500m * VietNamGrid2022);

        var trace = JsonNode.Parse(await reporter.GetStringAsync((string)line["traceUrl"]!))!;
        var steps = trace["line"]!["steps"]!.AsArray();
        steps.Should().Contain(s => (string?)s!["factorId"] == "grid.vn.dcc.2022.co2");
        var records = JsonNode.Parse(await reporter.GetStringAsync((string)trace["recordsUrl"]!))!;
        ((long)records["total"]!).Should().Be(2);
        records["records"]!.AsArray().Select(r => (decimal)r!["amount"]!).Should().BeEquivalentTo([1000m, 500m]);
    }

    [Fact]
    public async Task BundledHaiPhongExample_UploadsAndCalculates_GridRowAsPublished()
    {
        await factory.AddCityAsync("hai-phong-example", "VN", "Hải Phòng (example)");
        using var reporter = await factory.SignInAsync("reporter.hai-phong-example@test.example");
        var csv = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "examples", "hai-phong-2023.csv"));
        (await reporter.PostCsvAsync("hai-phong-example", 2023, csv, fileName: "hai-phong-2023.csv")).StatusCode.Should().Be(HttpStatusCode.Created);
        var calculated = await reporter.PostAsJsonAsync("/api/cities/hai-phong-example/inventories/2023/calculate",
            new { notationKeys = new[] { new { gpcReference = "I.7.1", key = "NO", explanation = "No coal is mined in the city (illustrative)." } } });
        calculated.StatusCode.Should().Be(HttpStatusCode.Created, await calculated.Content.ReadAsStringAsync());

        var inventory = JsonNode.Parse(await reporter.GetStringAsync("/api/cities/hai-phong-example/inventories/2023"))!;
        var row = inventory["table"]!.AsArray().Single(r => (string)r!["gpcReference"]! == "I.1.2")!;
        // 1,850,000 MWh × 0.6592 t/MWh (Viet Nam DCC 2023, grid.vn.dcc.2023.co2) = 1,219,520 t CO2.
        ((decimal)row["co2e"]!).Should().Be(1_850_000m * 0.6592m).And.Be(1_219_520m);
        ((string)inventory["table"]!.AsArray().Single(r => (string)r!["gpcReference"]! == "I.7.1")!["notationKey"]!).Should().Be("NO");
    }
}
