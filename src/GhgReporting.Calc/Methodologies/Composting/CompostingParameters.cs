namespace GhgReporting.Calc.Methodologies.Composting;

/// <summary>
/// The parameters of GHG-WA-COMPOST 1.0 with their checks and cited defaults. IPCC defaults are read from the
/// catalog rows named here (so the trace cites the row); DOC_j defaults per waste type from
/// <c>ipcc2006.v5.t2_4.{j}.doc_wet</c>. k_j has no default because it depends on the climate of the baseline site.
/// </summary>
internal static class CompostingParameters
{
    public const string DocFactorIdPattern = "ipcc2006.v5.t2_4.{0}.doc_wet";
    public const string DocfFactorId = "ipcc2006.v5.ch3.docf";
    public const string FFactorId = "ipcc2006.v5.ch3.f";
    public const string McfUncategorisedFactorId = "ipcc2006.v5.t3_1.uncategorised.mcf";
    public const string OxUncategorisedFactorId = "ipcc2006.v5.t3_2.uncategorised.ox";
    public const string CompostCh4FactorId = "ipcc2006.v5.t4_1.composting.wet.ch4";
    public const string CompostN2oFactorId = "ipcc2006.v5.t4_1.composting.wet.n2o";

    private const string WasteTypeYear = "waste type and year j/x (e.g. 'food/2023')";

    public static IReadOnlyList<ParameterSpec> All { get; } =
    [
        // Baseline: CDM TOOL04 Eq (1), Application B.
        new(new MethodologyParameter("W", "W_j,x",
                "Waste of type j prevented from disposal (composted) in year x, wet tonnes, weighed; index 'type/year', e.g. 'food/2023'. " +
                "Give every year x of the crediting period up to the period's year y: earlier years' waste is still decaying.",
                "t", ParameterTiming.ExPost, Indexed: true), IndexNoun: WasteTypeYear),
        new(new MethodologyParameter("DOC", "DOC_j",
                "Degradable organic carbon of waste type j, wet basis. Defaults per type from IPCC 2006 Vol 5 Ch 2 Table 2.4 (catalog " +
                "ipcc2006.v5.t2_4.{j}.doc_wet: food 0.15, garden 0.20, paper 0.40, wood 0.43, textiles 0.24) when not given.",
                "fraction", ParameterTiming.ExAnte, Indexed: true,
                DefaultSource: "IPCC 2006 GL Vol 5 Ch 2 Table 2.4 (wet basis), catalog factors ipcc2006.v5.t2_4.{j}.doc_wet, per waste type j"),
            Maximum: 1m, Required: false, IndexNoun: "waste type j"),
        new(new MethodologyParameter("k", "k_j",
                "Decay rate of waste type j for the climate of the baseline SWDS (IPCC 2006 Vol 5 Ch 3 Table 3.3, catalog " +
                "ipcc2006.v5.t3_3.{j}.{climate}.k, e.g. food tropical wet 0.4, tropical dry 0.085). No default: it depends on the climate.",
                "1/yr", ParameterTiming.ExAnte, Indexed: true), MinimumExclusive: true, Required: false, IndexNoun: "waste type j"),
        new(new MethodologyParameter("phi", "φ_y",
                "Model correction factor for uncertainty of the Tool 04 model.",
                "fraction", ParameterTiming.ExAnte, Indexed: false, Default: 0.85m,
                DefaultSource: "0.85 for Application B, humid conditions, per a public implementation citing A6.4-AMT-003 v01.0 Table 5; " +
                               "not seen in CDM TOOL04 itself (UNVERIFIED; a second implementation uses 0.80 for non-wet climates)",
                DefaultIsIllustrative: true),
            MinimumExclusive: true, Maximum: 1m),
        new(new MethodologyParameter("f_y", "f_y",
                "Fraction of CH4 captured at the baseline SWDS and flared, combusted or otherwise used in year y.",
                "fraction", ParameterTiming.ExPost, Indexed: false, Default: 0m,
                DefaultSource: "CDM TOOL04 Eq (1) structure (methodologies.md §4): f_y = 0 where the baseline SWDS captures no CH4"),
            Maximum: 1m, DefaultWarning: "no CH4 capture at the baseline SWDS is assumed; give f_y if the site captures gas."),
        new(new MethodologyParameter("OX", "OX",
                "Oxidation factor of the baseline SWDS cover: 0.1 for a well-managed site covered with CH4-oxidising material, 0 otherwise " +
                "(IPCC 2006 Vol 5 Ch 3 Table 3.2; the Tool 04 rule is UNVERIFIED).",
                "fraction", ParameterTiming.ExAnte, Indexed: false, Default: 0m,
                DefaultSource: "IPCC 2006 GL Vol 5 Ch 3 Table 3.2 (EFDB EF ID 66028), catalog factor " + OxUncategorisedFactorId),
            Maximum: 1m, CatalogFactorId: OxUncategorisedFactorId,
            DefaultWarning: "the IPCC value for managed-not-covered, unmanaged and uncategorised sites; give 0.1 if the baseline site is covered."),
        new(new MethodologyParameter("F", "F",
                "Fraction of CH4 in SWDS gas (volume).",
                "fraction", ParameterTiming.ExAnte, Indexed: false, Default: 0.5m,
                DefaultSource: "IPCC 2006 GL Vol 5 Ch 3 p. 3.15 (EFDB EF ID 66030), catalog factor " + FFactorId),
            Maximum: 1m, CatalogFactorId: FFactorId),
        new(new MethodologyParameter("DOCf", "DOC_f,y",
                "Fraction of DOC that decomposes under the SWDS conditions.",
                "fraction", ParameterTiming.ExAnte, Indexed: false, Default: 0.5m,
                DefaultSource: "IPCC 2006 GL Vol 5 Ch 3 p. 3.13 (EFDB EF ID 615067), catalog factor " + DocfFactorId),
            Maximum: 1m, CatalogFactorId: DocfFactorId),
        new(new MethodologyParameter("MCF", "MCF_y",
                "Methane correction factor of the baseline SWDS: managed anaerobic 1.0, managed semi-aerobic 0.5, unmanaged deep 0.8, " +
                "unmanaged shallow 0.4, uncategorised 0.6 (IPCC 2006 Vol 5 Ch 3 Table 3.1).",
                "fraction", ParameterTiming.ExAnte, Indexed: false, Default: 0.6m,
                DefaultSource: "IPCC 2006 GL Vol 5 Ch 3 Table 3.1, uncategorised SWDS (EFDB EF ID 62741), catalog factor " + McfUncategorisedFactorId),
            Maximum: 1m, CatalogFactorId: McfUncategorisedFactorId,
            DefaultWarning: "the IPCC value for an uncategorised SWDS; give the MCF of the site the waste would have gone to."),

        // Project emissions: composting (Tool 13 component), electricity (Tool 05), fossil fuel (Tool 03); equations UNVERIFIED.
        new(new MethodologyParameter("EF_CH4_comp", "EF_CH4,comp",
                "CH4 emitted per mass of wet waste composted (Tool 13 v02.0 windrow default 0.002 t/t is UNVERIFIED; not used).",
                "g/kg", ParameterTiming.ExAnte, Indexed: false, Default: 4m,
                DefaultSource: "IPCC 2006 GL Vol 5 Ch 4 Table 4.1, composting, wet weight (EFDB EF ID 615013; table number PARTIAL), catalog factor " + CompostCh4FactorId),
            CatalogFactorId: CompostCh4FactorId),
        new(new MethodologyParameter("EF_N2O_comp", "EF_N2O,comp",
                "N2O emitted per mass of wet waste composted (Tool 13 v02.0 windrow default 0.0005 t/t is UNVERIFIED; not used).",
                "g/kg", ParameterTiming.ExAnte, Indexed: false, Default: 0.24m,
                DefaultSource: "IPCC 2006 GL Vol 5 Ch 4 Table 4.1, composting, wet weight (EFDB EF ID 615017; table number PARTIAL), catalog factor " + CompostN2oFactorId),
            CatalogFactorId: CompostN2oFactorId),
        new(new MethodologyParameter("EC_PJ", "EC_PJ,y",
                "Electricity consumed by the composting plant in the period (meter); 0 if none.",
                "MWh", ParameterTiming.ExPost, Indexed: false)),
        new(new MethodologyParameter("EF_elec", "EF_elec",
                "CO2 emission factor of the electricity consumed, t CO2/MWh; needed only when EC_PJ is above 0.",
                "t/MWh", ParameterTiming.ExAnte, Indexed: false), Required: false),
        new(new MethodologyParameter("FC_diesel", "FC_PJ,diesel,y",
                "Diesel consumed by the plant's machinery (turning, loading) and transport in the period; 0 if none.",
                "L", ParameterTiming.ExPost, Indexed: false)),
        DieselFuel.Ncv,
        DieselFuel.Co2Factor,
        DieselFuel.Density,
    ];

    /// <summary>Reads a W index "type/year" (the last '/' separates them).</summary>
    public static bool TryParseWasteYear(string index, out string wasteType, out int year)
    {
        var slash = index.LastIndexOf('/');
        wasteType = slash > 0 ? index[..slash].Trim() : "";
        year = 0;
        return slash > 0 && wasteType.Length > 0
               && int.TryParse(index[(slash + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out year)
               && year is >= 1900 and <= 2200;
    }
}
