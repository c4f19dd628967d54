using GhgReporting.Calc.Units;

namespace GhgReporting.Calc.Ipcc.Energy;

/// <summary>Fuel combustion, IPCC 2006 Guidelines Vol 2 (Energy), Tier 1.</summary>
public static class Combustion
{
    /// <summary>
    /// IPCC 2006 Vol 2 Ch 1 §1.4.1 with Table 1.2: fuel in energy units = mass × net calorific value.
    /// All Vol 2 default factors are per TJ on a net calorific value basis.
    /// </summary>
    /// <exception cref="DimensionMismatchException">The mass is not a mass, or the NCV not energy per mass.</exception>
    public static Quantity EnergyFromMass(Quantity mass, Quantity netCalorificValue) =>
        (mass.In(Unit.Tonne) * netCalorificValue).In(Unit.Terajoule);

    /// <summary>Volume to mass by density. IPCC 2006 gives no default densities; the catalog's density
    /// rows cite where theirs come from.</summary>
    public static Quantity MassFromVolume(Quantity volume, Quantity density) =>
        (volume * density).In(Unit.Tonne);

    /// <summary>
    /// IPCC 2006 Vol 2 Ch 2 Eq 2.1 (stationary, Tier 1) and Ch 3 Eq 3.2.1 / 3.2.3 (road, Tier 1):
    /// Emissions(gas, fuel) = Fuel consumption(fuel, TJ) × EF(gas, fuel, kg/TJ). Returns tonnes.
    /// </summary>
    public static Quantity Emissions(Quantity fuelEnergy, Quantity emissionFactor) =>
        (fuelEnergy.In(Unit.Terajoule) * emissionFactor).In(Unit.Tonne);
}
