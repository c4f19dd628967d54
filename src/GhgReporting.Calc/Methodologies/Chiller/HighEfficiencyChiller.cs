using GhgReporting.Calc.Factors;

namespace GhgReporting.Calc.Methodologies.Chiller;

/// <summary>
/// GHG-EE-CHILLER 1.0: grid electricity saved by high-efficiency chillers or air conditioning, by the ratio of
/// the project unit's COP to the reference COP.
/// </summary>
/// <remarks>
/// Follows JCM_ID_AM002 ver02.0 "Energy Saving by Introduction of High Efficiency Centrifugal Chiller" and its
/// Thai twin TH_AM005 Ver3.0. Structure confirmed by the official TH_AM005 summary (jcm.go.jp/th-jp/methodologies/144):
/// RE = power consumption of the project chiller × ratio of COPs × CO2 factor of the electricity consumed;
/// PE = power consumption × CO2 factor. EC_PJ,i,p (MWh/p, ex post, option C, continuous) was seen in the ID_AM002
/// monitoring spreadsheet (reference ID009). The symbols COP_PJ,i and EF_elec, and the default table of COP_RE,i
/// in the methodology, were not seen (methodologies.md §1, UNVERIFIED): COP_RE,i is therefore an input with no
/// default. Not implemented: the captive-power weighting of EI_grid,p and any temperature correction of COP_PJ
/// (both UNVERIFIED). JCM has no leakage term.
/// </remarks>
internal sealed class HighEfficiencyChiller : MethodologyBase
{
    private const string Citation = "JCM TH_AM005 Ver3.0 / ID_AM002 ver02.0 (structure from the official TH_AM005 summary)";

    public HighEfficiencyChiller()
        : base(
        [
            new(new MethodologyParameter("EC_PJ", "EC_PJ,i,p",
                    "Power consumption of project chiller i in monitoring period p (certified meter, option C, continuous).",
                    "MWh", ParameterTiming.ExPost, Indexed: true), IndexNoun: "chiller i"),
            new(new MethodologyParameter("COP_PJ", "COP_PJ,i",
                    "COP of project chiller i (rated value from the manufacturer's specification).",
                    "1", ParameterTiming.ExAnte, Indexed: true), MinimumExclusive: true, IndexNoun: "chiller i"),
            new(new MethodologyParameter("COP_RE", "COP_RE,i",
                    "COP of the reference chiller for chiller i's capacity class. The methodology's default table was not seen " +
                    "(UNVERIFIED): give the value from the applied methodology version.",
                    "1", ParameterTiming.ExAnte, Indexed: true), MinimumExclusive: true, IndexNoun: "chiller i"),
            new(new MethodologyParameter("EF_elec", "EF_elec",
                    "CO2 emission factor of the electricity consumed (grid, as fixed for the host country), t CO2/MWh.",
                    "t/MWh", ParameterTiming.ExAnte, Indexed: false)),
        ])
    {
    }

    public override string Id => "GHG-EE-CHILLER";

    public override string Version => "1.0";

    public override string Title => "Grid electricity saved by high-efficiency chillers and air conditioning";

    public override string Sector => "Energy efficiency";

    public override string BasedOn =>
        "JCM ID_AM002 ver02.0 / TH_AM005 Ver3.0 (structure of RE and PE confirmed from the official TH_AM005 summary; " +
        "EC_PJ,i,p seen in the ID_AM002 monitoring spreadsheet); symbols COP_PJ,i and EF_elec UNVERIFIED; " +
        "COP_RE default table UNVERIFIED (not seen), so COP_RE,i has no default; captive-power weighting not implemented";

    public override string Equations =>
        """
        RE_p = Σ_i EC_PJ,i,p × (COP_PJ,i / COP_RE,i) × EF_elec
        PE_p = Σ_i EC_PJ,i,p × EF_elec
        LE_p = 0 (JCM methodologies have no leakage term)
        ER_p = RE_p − PE_p
        where EC_PJ,i,p = power consumption of project chiller i in period p (MWh, metered ex post);
        COP_PJ,i = COP of project chiller i; COP_RE,i = COP of the reference chiller of i's capacity class;
        EF_elec = CO2 emission factor of the electricity consumed (t CO2/MWh, fixed ex ante).
        """;

    protected override void Check(ParameterReader inputs, MethodologyInput input, FactorCatalog catalog) =>
        inputs.RequireSameIndexes("EC_PJ", "COP_PJ", "COP_RE");

    protected override MethodologyResult Compute(ParameterReader inputs, MethodologyInput input, FactorCatalog catalog, CalculationBuilder trace)
    {
        var ef = inputs.Value("EF_elec");
        var copPj = inputs.Indexed("COP_PJ");
        var copRe = inputs.Indexed("COP_RE");
        decimal reference = 0m, project = 0m;

        foreach (var (chiller, consumption) in inputs.Indexed("EC_PJ"))
        {
            var ec = consumption.Value;
            var pj = copPj[chiller].Value;
            var re = copRe[chiller].Value;
            reference += trace.Step($"RE_i,p [{chiller}]", ReferenceEmissions(ec, pj, re, ef), CalculationBuilder.TonnesCo2e,
                $"EC_PJ,i,p × (COP_PJ,i / COP_RE,i) × EF_elec = {N(ec)} × ({N(pj)} / {N(re)}) × {N(ef)}", Citation);
            project += trace.Step($"PE_i,p [{chiller}]", ProjectEmissions(ec, ef), CalculationBuilder.TonnesCo2e,
                $"EC_PJ,i,p × EF_elec = {N(ec)} × {N(ef)}", Citation);

            if (pj < re)
                trace.Warn($"Chiller {chiller}: COP_PJ {N(pj)} is below COP_RE {N(re)}, so it adds to project emissions rather than reducing them.");
            else if (pj <= 6.0m)
                trace.Warn($"Chiller {chiller}: COP_PJ {N(pj)} is not above 6.0, the eligibility threshold of the FY2013 proposed methodology " +
                           "(PARTIAL: the approved ID_AM002 criteria were not seen); check eligibility.");
        }

        trace.Warn("COP_RE,i is a project input: the reference COP default table of JCM ID_AM002/TH_AM005 was not seen (UNVERIFIED); " +
                   "confirm it against the applied methodology version.");
        return trace.Finish(reference, project, 0m, CalculationBuilder.NoLeakageTerm, Citation);
    }

    /// <summary>JCM TH_AM005 / ID_AM002 reference emissions of one chiller: EC_PJ,i,p × (COP_PJ,i / COP_RE,i) × EF_elec.
    /// Multiplies before the one division, so the result is exact whenever it terminates in decimal.</summary>
    internal static decimal ReferenceEmissions(decimal consumptionMwh, decimal copProject, decimal copReference, decimal efTonnesPerMwh) =>
        consumptionMwh * copProject * efTonnesPerMwh / copReference;

    /// <summary>JCM TH_AM005 / ID_AM002 project emissions of one chiller: EC_PJ,i,p × EF_elec.</summary>
    internal static decimal ProjectEmissions(decimal consumptionMwh, decimal efTonnesPerMwh) => consumptionMwh * efTonnesPerMwh;
}
