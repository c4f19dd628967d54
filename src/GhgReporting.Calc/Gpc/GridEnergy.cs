using GhgReporting.Calc.Units;

namespace GhgReporting.Calc.Gpc;

/// <summary>Grid-supplied electricity in city inventories, GPC (2014) Ch 6 (stationary energy) and
/// Ch 7 (transportation), scope 2 and scope 3.</summary>
public static class GridEnergy
{
    /// <summary>
    /// GPC Ch 6, scope 2 (I.x.2, II.x.2): emissions = grid electricity consumed in the city × grid
    /// emission factor. Returns tonnes of the factor's gas.
    /// </summary>
    public static Quantity Scope2(Quantity electricityConsumed, Quantity gridEmissionFactor) =>
        (electricityConsumed.In(Unit.Megawatthour) * gridEmissionFactor).In(Unit.Tonne);

    /// <summary>
    /// GPC Ch 6, scope 3 (I.x.3): emissions from transmission and distribution losses = electricity
    /// lost in delivering the city's consumption × grid emission factor. The amount is the energy lost,
    /// as the utility reports it; no default loss rate ships with the catalog.
    /// </summary>
    public static Quantity TransmissionAndDistributionLosses(Quantity electricityLost, Quantity gridEmissionFactor) =>
        (electricityLost.In(Unit.Megawatthour) * gridEmissionFactor).In(Unit.Tonne);
}
