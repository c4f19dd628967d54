using GhgReporting.Calc.Factors;
using GhgReporting.Calc.Gpc;
using GhgReporting.Calc.Tests.Inventory;

namespace GhgReporting.Calc.Tests.Factors;

public sealed class CatalogTests : IDisposable
{
    private readonly string _copy = Path.Combine(Path.GetTempPath(), "ghg-catalog-" + Guid.NewGuid().ToString("N"));

    public CatalogTests() => CopyDirectory(CatalogLoader.DefaultDirectory, _copy);

    public void Dispose() => Directory.Delete(_copy, recursive: true);

    [Fact]
    public void Load_SameFiles_GivesSameHash()
    {
        CatalogLoader.LoadFromDirectory(_copy).ContentHash.Should().Be(Fixtures.Catalog.ContentHash);
    }

    [Fact]
    public void Load_AfterChangingOneFactor_GivesNewHash()
    {
        var file = Path.Combine(_copy, "ipcc2006", "v2-energy.csv");
        var text = File.ReadAllText(file);
        File.WriteAllText(file, text.Replace(",74100,kg/TJ,", ",74101,kg/TJ,"));

        CatalogLoader.LoadFromDirectory(_copy).ContentHash.Should().NotBe(Fixtures.Catalog.ContentHash);
    }

    [Fact]
    public void Load_LineEndingsChanged_KeepsHash()
    {
        var file = Path.Combine(_copy, "gwp.csv");
        File.WriteAllText(file, File.ReadAllText(file).Replace("\n", "\r\n"));

        CatalogLoader.LoadFromDirectory(_copy).ContentHash.Should().Be(Fixtures.Catalog.ContentHash);
    }

    [Fact]
    public void Load_RowWithoutSourceAndBadUnit_ListsEveryProblemWithFileLineAndColumn()
    {
        var file = Path.Combine(_copy, "grid", "grid-electricity.csv");
        File.AppendAllText(file, "test.bad.1,ef,electricity:grid,,,CO2,0.5,t/MWh,XX,,2030,2030,,,\n" +
                                 "test.bad.2,ncv,fuel:natural-gas,,,,48,kg/TJ,XX,,,,IPCC,,\n");

        var act = () => CatalogLoader.LoadFromDirectory(_copy);

        var problems = act.Should().Throw<CatalogFormatException>().Which.Problems;
        problems.Should().Contain(p => p.Contains("grid-electricity.csv:") && p.Contains("column source"));
        problems.Should().Contain(p => p.Contains("column unit") && p.Contains("energy/mass"));
    }

    [Fact]
    public void Load_OverlappingValidity_IsRefused()
    {
        var file = Path.Combine(_copy, "grid", "grid-electricity.csv");
        File.AppendAllText(file, "test.overlap,ef,electricity:grid,,,CO2,0.5,t/MWh,VN,,2023,2023,Test citation,,\n");

        var act = () => CatalogLoader.LoadFromDirectory(_copy);

        act.Should().Throw<CatalogFormatException>().WithMessage("*test.overlap*overlap*");
    }

    [Fact]
    public void CityFactor_WithoutCitation_IsRefused()
    {
        var factor = Fixtures.Catalog.Factors.First(f => f.Parameter == "ef") with { Id = "city.x", Source = " " };

        var act = () => Fixtures.Catalog.WithCityFactors("hai-phong", [factor]);

        act.Should().Throw<CatalogFormatException>().WithMessage("*citation*");
    }

    /// <summary>The data promise of the catalog: every row cites its source, and every fuel can be computed
    /// in every stationary sub-sector it may be reported under (NCV, and an EF per gas).</summary>
    [Fact]
    public void ShippedCatalog_EveryFuelResolvesInEveryStationaryCategory()
    {
        var catalog = Fixtures.Catalog;
        catalog.Factors.Should().OnlyContain(f => !string.IsNullOrWhiteSpace(f.Source));
        var world = new CityContext("test", "ZZ");
        var fuels = catalog.ActivityTypes.Values.Where(t => t.Method == "fuel-combustion").ToList();
        fuels.Should().NotBeEmpty();

        foreach (var fuel in fuels)
        {
            foreach (var category in GpcStructure.Categories.Where(c => c.Reference.StartsWith("I.", StringComparison.Ordinal) && fuel.GpcPatterns.Any(p => GpcStructure.Matches(p, c.Reference))))
            {
                var key = new ActivityKey(fuel.Name, null);
                catalog.Resolve(new FactorQuery("ncv", key, category.Reference, null, 2023), world).Value.Value.Should().BePositive();
                foreach (var gas in fuel.Gases)
                    catalog.Resolve(new FactorQuery("ef", key, category.Reference, gas, 2023), world).Should().NotBeNull($"{fuel.Name} {gas} at {category.Reference}");
            }
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(dir.Replace(from, to));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, file.Replace(from, to));
    }
}
