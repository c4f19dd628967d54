using GhgReporting.Calc.Factors;

namespace GhgReporting.Calc.Methodologies.ElectricBus;

/// <summary>
/// GHG-TR-EBUS 1.0: diesel buses replaced by battery-electric buses. STRUCTURE UNVERIFIED.
/// </summary>
/// <remarks>
/// No approved JCM e-bus methodology was found. The closest published methodology is CDM AMS-III.C v16.0
/// "Emission reductions by electric and hybrid vehicles" (valid from 08 Sep 22), whose equation pages were not
/// readable: every equation below is the UNVERIFIED outline of methodologies.md §3 and must be confirmed against
/// the AMS-III.C text before credits are issued under it.
/// <list type="bullet">
/// <item>Baseline per bus category i: distance driven by the project e-buses × specific fuel consumption of the
/// reference diesel bus × CO2 per litre of diesel. Distance is a category total (odometer or telematics summed over
/// the category's buses), so per-bus records are summed by the reporter; the number of buses is implicit in it.
/// CO2 per litre is built from the IPCC NCV and CO2 factor (catalog) and a diesel density (see
/// <see cref="DieselFuel"/>). CH4 and N2O of the diesel bus are left out, which understates the baseline
/// (conservative). The "technology improvement factor" seen in the ICAT transport tool is not applied (its
/// value and form are UNVERIFIED).</item>
/// <item>Project: electricity charged to the buses in the period, one depot total (charger or depot meters),
/// grossed up for the grid's average technical T&amp;D losses, × the grid emission factor.</item>
/// <item>Leakage: 0; AMS-III.C's leakage provisions (battery, upstream) were not seen (UNVERIFIED).</item>
/// </list>
/// </remarks>
internal sealed class ElectricBusReplacement : MethodologyBase
{
    private const string Citation = "CDM AMS-III.C v16.0 closest; equations an UNVERIFIED outline (methodologies.md §3)";

    public ElectricBusReplacement()
        : base(
        [
            new(new MethodologyParameter("DD", "DD_i,p",
                    "Distance driven in period p by the project electric buses of category i (sum over the category's buses; odometer or telematics).",
                    "km", ParameterTiming.ExPost, Indexed: true), IndexNoun: "bus category i"),
            new(new MethodologyParameter("SFC_RE", "SFC_RE,i",
                    "Specific fuel consumption of the reference diesel bus of category i (the bus the e-bus displaces).",
                    "L/km", ParameterTiming.ExAnte, Indexed: true), MinimumExclusive: true, IndexNoun: "bus category i"),
            DieselFuel.Ncv,
            DieselFuel.Co2Factor,
            DieselFuel.Density,
            new(new MethodologyParameter("EC_PJ", "EC_PJ,p",
                    "Electricity charged to the project buses in period p, depot total (charger or depot meters).",
                    "MWh", ParameterTiming.ExPost, Indexed: false)),
            new(new MethodologyParameter("TDL", "TDL",
                    "Average technical transmission and distribution loss of the grid, as a fraction of electricity supplied (0 to not gross up).",
                    "fraction", ParameterTiming.ExAnte, Indexed: false), Maximum: 1m, MaximumExclusive: true),
            new(new MethodologyParameter("EF_grid", "EF_grid",
                    "CO2 emission factor of the grid electricity used for charging, t CO2/MWh.",
                    "t/MWh", ParameterTiming.ExAnte, Indexed: false)),
        ])
    {
    }

    public override string Id => "GHG-TR-EBUS";

    public override string Version => "1.0";

    public override string Title => "Diesel buses replaced by electric buses";

    public override string Sector => "Transport";

    public override string BasedOn =>
        "CDM AMS-III.C v16.0 'Emission reductions by electric and hybrid vehicles' as the closest published methodology (no approved JCM " +
        "e-bus methodology found); STRUCTURE UNVERIFIED: baseline, project and leakage equations are an outline not read in AMS-III.C; " +
        "leakage 0 UNVERIFIED; technology improvement factor not applied (UNVERIFIED); diesel density default 0.84 kg/L ILLUSTRATIVE";

    public override string Equations =>
        """
        EF_CO2,L = ρ_diesel × NCV_diesel × EF_CO2,diesel
        BE_p = Σ_i DD_i,p × SFC_RE,i × EF_CO2,L
        PE_p = EC_PJ,p / (1 − TDL) × EF_grid
        LE_p = 0 (UNVERIFIED)
        ER_p = BE_p − PE_p − LE_p
        where DD_i,p = distance driven by the project e-buses of category i in period p (km, ex post);
        SFC_RE,i = specific fuel consumption of the reference diesel bus of category i (L/km, ex ante);
        ρ_diesel = diesel density (kg/L); NCV_diesel = net calorific value (TJ/Gg); EF_CO2,diesel = CO2 factor (kg CO2/TJ);
        EC_PJ,p = electricity charged to the e-buses in period p (MWh, ex post, depot total);
        TDL = average technical T&D loss fraction of the grid (ex ante); EF_grid = grid CO2 emission factor (t CO2/MWh, ex ante).
        """;

    protected override void Check(ParameterReader inputs, MethodologyInput input, FactorCatalog catalog) =>
        inputs.RequireSameIndexes("DD", "SFC_RE");

    protected override MethodologyResult Compute(ParameterReader inputs, MethodologyInput input, FactorCatalog catalog, CalculationBuilder trace)
    {
        var density = inputs.Value("RHO_diesel");
        var ncv = inputs.Value("NCV_diesel");
        var co2 = inputs.Value("EF_CO2_diesel");
        var perLitre = trace.Step("EF_CO2,L", DieselFuel.Co2TonnesPerLitre(density, ncv, co2), "t/L",
            $"{DieselFuel.Co2PerLitreFormula} = {N(density)} kg/L × {N(ncv)} TJ/Gg × {N(co2)} kg/TJ", DieselFuel.Co2PerLitreCitation);

        var sfc = inputs.Indexed("SFC_RE");
        decimal baseline = 0m;
        foreach (var (category, distance) in inputs.Indexed("DD"))
        {
            var consumption = sfc[category].Value;
            baseline += trace.Step($"BE_i,p [{category}]", BaselineEmissions(distance.Value, consumption, perLitre), CalculationBuilder.TonnesCo2e,
                $"DD_i,p × SFC_RE,i × EF_CO2,L = {N(distance.Value)} × {N(consumption)} × {N(perLitre)}", Citation);
        }

        var charged = inputs.Value("EC_PJ");
        var losses = inputs.Value("TDL");
        var grid = inputs.Value("EF_grid");
        var supplied = trace.Step("EC_PJ,p / (1 − TDL)", GrossedUpForLosses(charged, losses), "MWh",
            $"EC_PJ,p / (1 − TDL) = {N(charged)} / (1 − {N(losses)})", Citation);
        var project = trace.Step("PE_p", supplied * grid, CalculationBuilder.TonnesCo2e, $"EC_PJ,p / (1 − TDL) × EF_grid = {N(supplied)} × {N(grid)}", Citation);

        trace.Warn("Structure UNVERIFIED: the baseline, project-emission and leakage equations of CDM AMS-III.C were not read; confirm them before issuing credits.");
        trace.Warn("Leakage set to 0: AMS-III.C's leakage provisions (batteries, upstream emissions) were not seen (UNVERIFIED).");
        return trace.Finish(baseline, project, 0m, "LE = 0: AMS-III.C leakage provisions not seen (UNVERIFIED)", Citation);
    }

    /// <summary>Baseline of one bus category (outline of AMS-III.C, UNVERIFIED): DD_i,p × SFC_RE,i × EF_CO2,L, in t CO2.</summary>
    internal static decimal BaselineEmissions(decimal distanceKm, decimal litresPerKm, decimal co2TonnesPerLitre) =>
        distanceKm * litresPerKm * co2TonnesPerLitre;

    /// <summary>Electricity the grid supplies for what was charged, with average T&amp;D losses: EC / (1 − TDL) (UNVERIFIED form).</summary>
    internal static decimal GrossedUpForLosses(decimal chargedMwh, decimal lossFraction) => chargedMwh / (1m - lossFraction);
}
