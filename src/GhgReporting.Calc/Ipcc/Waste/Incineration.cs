using GhgReporting.Calc.Units;

namespace GhgReporting.Calc.Ipcc.Waste;

/// <summary>Incineration and open burning of waste, IPCC 2006 Vol 5 Ch 5, Tier 1.</summary>
public static class Incineration
{
    /// <summary>
    /// IPCC 2006 Vol 5 Ch 5 Eq 5.1 (per waste type): CO2 = SW × dm × CF × FCF × OF × 44/12, in the unit of
    /// <paramref name="wasteTonnes"/>. With FCF the fossil share; the remainder, SW × dm × CF × (1 − FCF) ×
    /// OF × 44/12, is biogenic CO2, reported as a memo item.
    /// </summary>
    public static (decimal Fossil, decimal Biogenic) Co2(decimal wasteTonnes, decimal dm, decimal cf, decimal fcf, decimal of)
    {
        var carbonOxidised = wasteTonnes * dm * cf * of;
        return (carbonOxidised * fcf * 44m / 12m, carbonOxidised * (1m - fcf) * 44m / 12m);
    }

    /// <summary>IPCC 2006 Vol 5 Ch 5 Eq 5.4 (CH4) and Eq 5.5 (N2O): emissions = waste × EF; the
    /// equations' 10⁻⁶ (kg/Gg, g/t) is the unit algebra here. Returns tonnes.</summary>
    public static Quantity NonCo2(Quantity waste, Quantity emissionFactor) =>
        (waste.In(Unit.Tonne) * emissionFactor).In(Unit.Tonne);
}
