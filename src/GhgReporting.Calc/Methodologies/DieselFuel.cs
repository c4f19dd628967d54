using GhgReporting.Calc.Units;

namespace GhgReporting.Calc.Methodologies;

/// <summary>
/// CO2 per litre of gas/diesel oil, shared by the methodologies that count diesel (the reference diesel bus,
/// a composting plant's machinery): litres → kg by density → TJ by net calorific value → kg CO2 by the CO2
/// factor. Chosen over a single ex-ante "kg CO2 per litre" so that each factor keeps its own citation; the
/// IPCC values come from the catalog, the density does not (see <see cref="Density"/>).
/// </summary>
internal static class DieselFuel
{
    public const string NcvFactorId = "ipcc2006.v2.t1_2.gas_diesel_oil.ncv";
    public const string Co2FactorId = "ipcc2006.v2.t1_4.gas_diesel_oil.co2";

    public static ParameterSpec Ncv { get; } = new(
        new MethodologyParameter("NCV_diesel", "NCV_diesel", "Net calorific value of gas/diesel oil (NCV basis).", "TJ/Gg",
            ParameterTiming.ExAnte, Indexed: false, Default: 43.0m,
            DefaultSource: "IPCC 2006 GL Vol 2 Ch 1 Table 1.2 (EFDB EF ID 117453), catalog factor " + NcvFactorId),
        MinimumExclusive: true, CatalogFactorId: NcvFactorId);

    public static ParameterSpec Co2Factor { get; } = new(
        new MethodologyParameter("EF_CO2_diesel", "EF_CO2,diesel", "CO2 emission factor of gas/diesel oil (NCV basis, oxidation factor 1).", "kg/TJ",
            ParameterTiming.ExAnte, Indexed: false, Default: 74_100m,
            DefaultSource: "IPCC 2006 GL Vol 2 Ch 1 Table 1.4 (EFDB EF ID 117614), catalog factor " + Co2FactorId),
        MinimumExclusive: true, CatalogFactorId: Co2FactorId);

    /// <summary>
    /// No diesel density is cited well enough to ship: IPCC 2006 gives none, the GHG Protocol Cross-Sector Tools
    /// V2.0 give 0.9133 kg/L (from 40 CFR 98 Table MM-1, not checked) and an older GHG Protocol table of unstated
    /// version gives 0.84 kg/L (emission-factor-sources.md §7, DENS.cc.table). 0.84 is used as an ILLUSTRATIVE
    /// default — it reproduces the 2.676 kg CO2/L of the reference's worked examples — and every use is warned.
    /// </summary>
    public static ParameterSpec Density { get; } = new(
        new MethodologyParameter("RHO_diesel", "ρ_diesel", "Density of the diesel used (supplier or national statistics).", "kg/L",
            ParameterTiming.ExAnte, Indexed: false, Default: 0.84m,
            DefaultSource: "0.84 kg/L from an older GHG Protocol table of unstated version, as transcribed in CityCatalyst densities_dic " +
                           "(emission-factor-sources.md §7 DENS.cc.table); GHG Protocol Cross-Sector Tools V2.0 gives 0.9133 kg/L instead, " +
                           "so the catalog ships no diesel density",
            DefaultIsIllustrative: true),
        MinimumExclusive: true);

    public const string Co2PerLitreFormula = "EF_CO2,L = ρ_diesel × NCV_diesel × EF_CO2,diesel";

    public const string Co2PerLitreCitation =
        "IPCC 2006 GL Vol 2 Ch 1 Tables 1.2 and 1.4 (NCV basis): fuel in TJ × kg CO2/TJ, the fuel converted from litres by density";

    /// <summary>t CO2 per litre = ρ (kg/L) × NCV (TJ/Gg) × EF (kg CO2/TJ); the unit algebra does the 10⁻⁶ and 10⁻³.</summary>
    public static decimal Co2TonnesPerLitre(decimal densityKgPerLitre, decimal ncvTjPerGg, decimal co2KgPerTj) =>
        (Quantity.Of(densityKgPerLitre, Unit.Kilogram / Unit.Litre)
         * Quantity.Of(ncvTjPerGg, Unit.Terajoule / Unit.Gigagram)
         * Quantity.Of(co2KgPerTj, Unit.Kilogram / Unit.Terajoule))
        .ValueIn(Unit.Tonne / Unit.Litre);
}
