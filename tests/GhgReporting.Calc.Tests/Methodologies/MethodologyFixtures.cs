using GhgReporting.Calc.Factors;
using GhgReporting.Calc.Methodologies;

namespace GhgReporting.Calc.Tests.Methodologies;

/// <summary>The shipped catalog and short ways to write methodology inputs.</summary>
internal static class MethodologyFixtures
{
    private static readonly Lazy<FactorCatalog> Shipped = new(CatalogLoader.LoadDefault);

    public static FactorCatalog Catalog => Shipped.Value;

    /// <summary>e^(−x) from Python's decimal module at 40-digit precision, not from the engine.</summary>
    public const decimal ExpMinus04 = 0.6703200460356393007444329251m;
    public const decimal ExpMinus085 = 0.9185122844014573559394849874m;
    public const decimal ExpMinus017 = 0.8436648165963836820263226519m;

    /// <summary>Diesel CO2 per litre with the IPCC NCV and CO2 factor and the illustrative 0.84 kg/L:
    /// 0.84 kg/L × 43.0 TJ/Gg × 74,100 kg/TJ = 2.676492 kg/L (emission-factor-sources.md §8 check 2), in t/L.</summary>
    public const decimal DieselTonnesCo2PerLitre = 0.84m * 43.0m * 74_100m / 1_000_000m / 1_000m;

    public static ParameterValue V(string name, decimal value, string unit, string? index = null) => new(name, value, unit, index);

    public static MethodologyInput Year(int year, IReadOnlyList<ParameterValue> exAnte, IReadOnlyList<ParameterValue> exPost, string gwp = "AR5") =>
        new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), exAnte, exPost, gwp);

    public static MethodologyResult Run(string id, MethodologyInput input) =>
        MethodologyRegistry.Get(id, "1.0").Calculate(input, Catalog);

    public static decimal CatalogValue(string factorId) => Catalog.Factors.Single(f => f.Id == factorId).Value.Value;
}
