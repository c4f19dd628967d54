using GhgReporting.Calc.Units;

namespace GhgReporting.Calc.Ipcc.Waste;

/// <summary>Wastewater treatment and discharge, IPCC 2006 Vol 5 Ch 6, Tier 1.</summary>
public static class Wastewater
{
    /// <summary>IPCC 2006 Vol 5 Ch 6 Eq 6.2 (domestic) and Eq 6.5 (industrial): EF = Bo × MCF.</summary>
    public static decimal MethaneEmissionFactor(decimal bo, decimal mcf) => bo * mcf;

    /// <summary>
    /// IPCC 2006 Vol 5 Ch 6 Eq 6.3: TOW = P × BOD × 0.001 × I × 365, for the people P served by one
    /// pathway over one year. The 0.001 (g → kg) and the 365 days are the unit algebra here (BOD in
    /// g/person/d, the year as 365 d). Returns kg BOD.
    /// </summary>
    public static Quantity DomesticOrganicsPerYear(Quantity people, Quantity bodPerPersonPerDay, decimal i) =>
        (people * bodPerPersonPerDay * Quantity.Of(1m, Unit.Year) * i).In(Unit.Kilogram);

    /// <summary>IPCC 2006 Vol 5 Ch 6 Eq 6.1 (one pathway; U × T folded into the people served) and
    /// Eq 6.4: CH4 = (TOW − S) × EF − R. Returns kg CH4 when TOW and S are kg.</summary>
    public static decimal Methane(decimal tow, decimal sludgeRemoved, decimal ef, decimal recovered) =>
        (tow - sludgeRemoved) * ef - recovered;

    /// <summary>IPCC 2006 Vol 5 Ch 6 Eq 6.8: N in effluent = P × Protein × F_NPR × F_NON-CON × F_IND-COM − N_sludge.
    /// Protein in kg/person/yr, so the year is the unit algebra. Returns kg N.</summary>
    public static Quantity NitrogenInEffluent(Quantity people, Quantity proteinPerPersonPerYear, decimal fNpr, decimal fNonCon, decimal fIndCom, Quantity nitrogenInSludge) =>
        (people * proteinPerPersonPerYear * Quantity.Of(1m, Unit.Year) * (fNpr * fNonCon * fIndCom)).In(Unit.Kilogram) - nitrogenInSludge.In(Unit.Kilogram);

    /// <summary>IPCC 2006 Vol 5 Ch 6 Eq 6.7: N2O = N_effluent × EF_effluent × 44/28 (EF in kg N2O-N/kg N). Returns kg N2O.</summary>
    public static decimal NitrousOxideFromEffluent(decimal nitrogenKg, decimal efEffluent) => nitrogenKg * efEffluent * 44m / 28m;

    /// <summary>IPCC 2006 Vol 5 Ch 6 Eq 6.9: N2O(plants) = P × T_plant × F_IND-COM × EF_plant, with P × T_plant
    /// the people served by advanced centralised plants and EF in g N2O/person/yr. Returns kg N2O.</summary>
    public static Quantity NitrousOxideFromPlants(Quantity peopleServed, decimal fIndCom, Quantity efPerPersonPerYear) =>
        (peopleServed * efPerPersonPerYear * Quantity.Of(1m, Unit.Year) * fIndCom).In(Unit.Kilogram);
}
