using GhgReporting.Calc.Units;

namespace GhgReporting.Calc.Ipcc.Waste;

/// <summary>Composting and anaerobic digestion, IPCC 2006 Vol 5 Ch 4, Tier 1.</summary>
public static class BiologicalTreatment
{
    /// <summary>
    /// IPCC 2006 Vol 5 Ch 4 Eq 4.1 (CH4 = Σ M × EF × 10⁻³ − R) and Eq 4.2 (N2O = Σ M × EF × 10⁻³): the
    /// 10⁻³ turns g/kg × t into t, which the unit algebra does here. R (CH4 recovered) is not
    /// modelled: the Tier 1 factors already describe what escapes. Returns tonnes.
    /// </summary>
    public static Quantity Emissions(Quantity wasteTreated, Quantity emissionFactor) =>
        (wasteTreated.In(Unit.Tonne) * emissionFactor).In(Unit.Tonne);
}
