using GhgReporting.Api.Console;
using GhgReporting.Api.Uploads;
using GhgReporting.Calc.Factors;
using GhgReporting.Calc.Inventory;

namespace GhgReporting.Api.Tests;

public class ExampleInventoryTests
{
    private static readonly string ExampleFile = Path.Combine(AppContext.BaseDirectory, "examples", "hai-phong-2023.csv");

    [Fact]
    public void BundledExample_ReadsWithoutErrors_AndPrintsTheGpcTable()
    {
        using var file = File.OpenText(ExampleFile);
        var reader = new ActivityCsvReader(file);
        var records = reader.Read().ToList();
        reader.Errors.Should().BeEmpty();

        var result = InventoryCalculator.Calculate(CatalogLoader.LoadDefault(),
            new InventoryRequest(new CityContext("hai-phong", "VN", null, "tropical-wet"), 2023, GwpChoice.Default, records));
        var output = new StringWriter();
        GpcTablePrinter.Print(result, output);

        // I.1.2: 1,850,000 MWh × 0.6592 t/MWh (Viet Nam DCC 2023) = 1,219,520 t CO2 — the first row of the example file's grid use.
        result.Category("I.1.2").Co2e.Should().Be(1_219_520m);
        output.ToString().Should().Contain("I.1.2").And.Contain("1,219,520.000").And.Contain("BASIC+");
    }

    [Fact]
    public void Csv_BadFields_AreReportedByRowAndColumn()
    {
        var csv = "gpc_reference,activity_type,amount,unit,period_start,period_end,data_quality,source\n" +
                  "I.1.1,fuel:lpg,1 000,t,2023-01-01,2023-12-31,high,x\n" +
                  "I.1.1,fuel:lpg,10,t,2023/01/01,2023-12-31,excellent,x\n";
        var reader = new ActivityCsvReader(new StringReader(csv));

        var records = reader.Read().ToList();

        records.Should().BeEmpty();
        reader.Errors.Select(e => (e.Row, e.Column)).Should().Equal((2L, "amount"), (3L, "period_start"), (3L, "data_quality"));
    }

    [Fact]
    public void Csv_MissingColumn_IsNamed()
    {
        var reader = new ActivityCsvReader(new StringReader("gpc_reference,activity_type,amount\nI.1.1,fuel:lpg,1\n"));

        reader.Read().ToList().Should().BeEmpty();
        reader.Errors.Should().ContainSingle().Which.Column.Should().Contain("unit");
    }
}
