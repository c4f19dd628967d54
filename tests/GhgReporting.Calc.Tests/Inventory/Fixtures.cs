using GhgReporting.Calc.Factors;
using GhgReporting.Calc.Inventory;

namespace GhgReporting.Calc.Tests.Inventory;

/// <summary>The shipped catalog (loaded once) and small helpers to state records briefly.</summary>
internal static class Fixtures
{
    private static readonly Lazy<FactorCatalog> Shipped = new(CatalogLoader.LoadDefault);

    public static FactorCatalog Catalog => Shipped.Value;

    public static CityContext HaiPhong { get; } = new("hai-phong", "VN", null, "tropical-wet");

    public static CityContext Surabaya { get; } = new("surabaya", "ID", "ID-JAMALI", "tropical-wet");

    public static CityContext Kitakyushu { get; } = new("kitakyushu", "JP", "JP-KYUSHU", "boreal-temperate-wet");

    public static CityContext PhnomPenh { get; } = new("phnom-penh", "KH", null, "tropical-wet");

    public static ActivityRecord Record(string gpc, string activity, decimal amount, string unit, int year = 2023, string? id = null) =>
        new(gpc, activity, amount, unit, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), DataQuality.High, "test", id);

    public static InventoryResult Calculate(CityContext city, int year, params ActivityRecord[] records) =>
        InventoryCalculator.Calculate(Catalog, new InventoryRequest(city, year, GwpChoice.Default, records));

    public static InventoryResult Calculate(CityContext city, int year, GwpChoice gwp, params ActivityRecord[] records) =>
        InventoryCalculator.Calculate(Catalog, new InventoryRequest(city, year, gwp, records));
}
