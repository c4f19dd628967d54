using System.Globalization;
using GhgReporting.Calc.Factors;
using GhgReporting.Calc.Ipcc.Waste;
using GhgReporting.Calc.Numerics;
using GhgReporting.Calc.Units;
using static GhgReporting.Calc.Methodologies.Composting.CompostingParameters;

namespace GhgReporting.Calc.Methodologies.Composting;

/// <summary>
/// GHG-WA-COMPOST 1.0: organic waste composted instead of being disposed of at a solid waste disposal site (SWDS).
/// </summary>
/// <remarks>
/// Follows CDM AMS-III.F v12.0 "Avoidance of methane emissions through composting" (scope and tool list PARTIAL,
/// from a secondary readme; no JCM composting methodology was found), methodologies.md §4.
/// <para>Baseline: CDM TOOL04 "Emissions from solid waste disposal sites", Application B (the project avoids
/// disposal), Equation (1) as implemented by a public implementation of v08.1 (PARTIAL):
/// BE_y = φ × (1 − f) × GWP_CH4 × (1 − OX) × 16/12 × F × DOC_f × MCF × Σ_x Σ_j W_j,x × DOC_j × e^(−k_j (y − x)) × (1 − e^(−k_j)).
/// It is composed from the IPCC 2006 Vol 5 Ch 3 functions of <see cref="SolidWasteDisposal"/> (Eq 3.2 DDOCm, Eq 3.6
/// CH4 generated); unlike the IPCC inventory model, waste disposed of in year x already decays in x (y − x = 0).
/// y is the year of the monitoring period's end; e^(−k) is computed in decimal (<see cref="DecimalMath.Exp"/>).
/// GWP_CH4 is the single CH4 value of the chosen set (no split by origin).</para>
/// <para>Project emissions (components from AMS-III.F's tool list; equations UNVERIFIED): composting CH4 and N2O
/// (IPCC 2006 Vol 5 Ch 4 Eq 4.1/4.2 with Table 4.1 wet-weight defaults, applied to Σ_j W_j,y, the waste composted
/// in year y) × GWP, electricity × EF (Tool 05), diesel × CO2 per litre (Tool 03). Runoff and anaerobic storage of
/// compost are not modelled. Leakage (Tool 13) is UNVERIFIED and set to 0. ER = BE − PE − LE, negative allowed.</para>
/// </remarks>
internal sealed class OrganicWasteComposting() : MethodologyBase(All)
{
    private const string BaselineCitation = "CDM TOOL04 Eq (1), Application B (structure PARTIAL, from a v08.1 implementation)";
    private const string ProjectCitation = "CDM AMS-III.F v12.0 project-emission components (Tools 13, 05, 03; equations UNVERIFIED)";

    public override string Id => "GHG-WA-COMPOST";

    public override string Version => "1.0";

    public override string Title => "Organic waste composted instead of landfilled";

    public override string Sector => "Waste";

    public override string BasedOn =>
        "CDM AMS-III.F v12.0 (scope and tools PARTIAL, secondary source); baseline by CDM TOOL04 Eq (1), Application B (structure PARTIAL, " +
        "from a public v08.1 implementation); φ default 0.85 ILLUSTRATIVE (A6.4-AMT-003 Table 5 via a secondary source, UNVERIFIED in Tool 04); " +
        "project-emission equations (Tools 13, 05, 03) UNVERIFIED, IPCC 2006 Vol 5 Ch 4 Table 4.1 composting factors used; leakage 0 UNVERIFIED";

    public override string Equations =>
        """
        BE_y = φ_y × (1 − f_y) × GWP_CH4 × (1 − OX) × 16/12 × F × DOC_f,y × MCF_y × Σ_x Σ_j W_j,x × DOC_j × e^(−k_j × (y − x)) × (1 − e^(−k_j))
        PE_y = Q_y × EF_CH4,comp × GWP_CH4 + Q_y × EF_N2O,comp × GWP_N2O + EC_PJ,y × EF_elec + FC_PJ,diesel,y × EF_CO2,L,
               with Q_y = Σ_j W_j,y and EF_CO2,L = ρ_diesel × NCV_diesel × EF_CO2,diesel
        LE_y = 0 (Tool 13 leakage UNVERIFIED)
        ER_y = BE_y − PE_y − LE_y (may be negative)
        where y = year of the monitoring period's end; W_j,x = waste of type j composted instead of disposed of in year x (t, wet);
        DOC_j = degradable organic carbon; k_j = decay rate (1/yr); φ_y = model correction factor; f_y = fraction of CH4 captured at the SWDS;
        OX = oxidation factor; F = CH4 fraction of SWDS gas; DOC_f,y = fraction of DOC decomposing; MCF_y = methane correction factor;
        EF_CH4,comp, EF_N2O,comp = composting emission factors (g/kg wet waste); EC_PJ,y = electricity used (MWh); EF_elec (t CO2/MWh);
        FC_PJ,diesel,y = diesel used (L); GWP from the chosen GWP set.
        """;

    protected override void Check(ParameterReader inputs, MethodologyInput input, FactorCatalog catalog)
    {
        var y = input.PeriodEnd.Year;
        var types = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var index in inputs.Indexed("W").Keys)
        {
            if (!TryParseWasteYear(index, out var type, out var x))
                inputs.Problems.Add($"Parameter W [{index}]: the index must be 'waste type/year', e.g. 'food/{y}'.");
            else if (x > y)
                inputs.Problems.Add($"Parameter W [{index}] is for {x}, after the monitoring period's year y = {y}; remove it.");
            else
                types.Add(type);
        }

        foreach (var type in types.Where(t => !inputs.Given("DOC", t)))
        {
            var id = string.Format(CultureInfo.InvariantCulture, DocFactorIdPattern, type.ToLowerInvariant());
            if (catalog.Factors.Any(f => f.Id == id)) inputs.IndexedDefaultFromCatalog("DOC", type, id);
            else inputs.Problems.Add($"Parameter DOC [{type}] is missing, and the catalog has IPCC defaults only for food, garden, paper, wood and textiles; give DOC_j.");
        }
        foreach (var type in inputs.Indexed("k").Keys.Concat(inputs.Indexed("DOC").Keys).Where(t => !types.Contains(t)).Distinct())
            inputs.Problems.Add($"Waste type '{type}' has DOC or k but no W; remove it or give W for it.");
        foreach (var type in types.Where(t => !inputs.Given("k", t)))
            inputs.Problems.Add($"Parameter k [{type}] is missing: it depends on the climate of the baseline SWDS. {CatalogDecayRates(catalog, type)}");

        if (inputs.Scalar("EC_PJ") is { Value: > 0m } && !inputs.Given("EF_elec"))
            inputs.Problems.Add("Parameter EF_elec (t/MWh) is missing: it is needed because EC_PJ is above 0.");
        if (catalog.GwpSets.TryGetValue(input.GwpSet, out var set))
        {
            foreach (var gas in new[] { "CH4", "N2O" }.Where(g => !set.Values.Any(v => v.GasKey == g)))
                inputs.Problems.Add($"GWP set {set.Name} has no {gas} value.");
        }
    }

    protected override MethodologyResult Compute(ParameterReader inputs, MethodologyInput input, FactorCatalog catalog, CalculationBuilder trace)
    {
        var y = input.PeriodEnd.Year;
        if (input.PeriodStart != new DateOnly(y, 1, 1) || input.PeriodEnd != new DateOnly(y, 12, 31))
            trace.Warn($"Tool 04 gives the emissions of a whole year; the monitoring period {input.PeriodStart:yyyy-MM-dd}–{input.PeriodEnd:yyyy-MM-dd} " +
                       $"is not the calendar year y = {y}, and BE is year {y}'s figure (how a programme splits a year is UNVERIFIED).");

        var set = catalog.GwpSets[input.GwpSet];
        var gwpCh4 = Gwp(set, Gas.CH4, trace);
        var gwpN2o = Gwp(set, Gas.N2O, trace);

        // Baseline, Tool 04 Eq (1).
        var (docF, mcf, f) = (inputs.Value("DOCf"), inputs.Value("MCF"), inputs.Value("F"));
        var doc = inputs.Indexed("DOC");
        var k = inputs.Indexed("k");
        decimal decomposed = 0m, composted = 0m;
        foreach (var (index, waste) in inputs.Indexed("W"))
        {
            TryParseWasteYear(index, out var type, out var x);
            var (docJ, kJ) = (doc[type].Value, k[type].Value);
            decomposed += trace.Step($"DDOCm decomposed in {y} [{index}]", DecomposedInYear(waste.Value, docJ, docF, mcf, kJ, y - x), "t",
                $"W_j,x × DOC_j × DOC_f × MCF × e^(−k_j (y − x)) × (1 − e^(−k_j)) = {N(waste.Value)} × {N(docJ)} × {N(docF)} × {N(mcf)} × e^(−{N(kJ)} × {y - x}) × (1 − e^(−{N(kJ)}))",
                BaselineCitation + "; IPCC 2006 Vol 5 Ch 3 Eq 3.2");
            if (x == y) composted += waste.Value;
        }
        var generated = trace.Step($"CH4 generated in {y}", SolidWasteDisposal.Ch4Generated(decomposed, f), "t",
            $"Σ DDOCm decomposed × F × 16/12 = {N(decomposed)} × {N(f)} × 16/12", "IPCC 2006 Vol 5 Ch 3 Eq 3.6");
        var (phi, captured, ox) = (inputs.Value("phi"), inputs.Value("f_y"), inputs.Value("OX"));
        var baseline = trace.Step("BE_CH4,SWDS,y", BaselineEmissions(phi, captured, ox, gwpCh4, generated), CalculationBuilder.TonnesCo2e,
            $"φ × (1 − f_y) × (1 − OX) × GWP_CH4 × CH4 generated = {N(phi)} × (1 − {N(captured)}) × (1 − {N(ox)}) × {N(gwpCh4)} × {N(generated)}", BaselineCitation);

        // Project emissions.
        trace.Step($"Q_{y} (waste composted in {y})", composted, "t", $"Σ_j W_j,{y}", ProjectCitation);
        if (composted == 0m)
            trace.Warn($"No W_j,x for the period's year {y} was given: nothing composted in {y}, so composting CH4 and N2O are 0.");
        var ch4 = trace.Step("CH4 from composting", BiologicalTreatment.Emissions(Quantity.Of(composted, Unit.Tonne),
            Quantity.Of(inputs.Value("EF_CH4_comp"), Unit.Gram / Unit.Kilogram)).Value, "t", "Q_y × EF_CH4,comp", "IPCC 2006 Vol 5 Ch 4 Eq 4.1");
        var n2o = trace.Step("N2O from composting", BiologicalTreatment.Emissions(Quantity.Of(composted, Unit.Tonne),
            Quantity.Of(inputs.Value("EF_N2O_comp"), Unit.Gram / Unit.Kilogram)).Value, "t", "Q_y × EF_N2O,comp", "IPCC 2006 Vol 5 Ch 4 Eq 4.2");
        var peComposting = trace.Step("PE_COMP,y", ch4 * gwpCh4 + n2o * gwpN2o, CalculationBuilder.TonnesCo2e,
            $"CH4 × GWP_CH4 + N2O × GWP_N2O = {N(ch4)} × {N(gwpCh4)} + {N(n2o)} × {N(gwpN2o)}", ProjectCitation);

        var electricity = inputs.Value("EC_PJ");
        var efElec = inputs.Scalar("EF_elec")?.Value ?? 0m;
        var peElectricity = trace.Step("PE_EC,y", electricity * efElec, CalculationBuilder.TonnesCo2e,
            $"EC_PJ,y × EF_elec = {N(electricity)} × {N(efElec)}", ProjectCitation);

        var (density, ncv, co2) = (inputs.Value("RHO_diesel"), inputs.Value("NCV_diesel"), inputs.Value("EF_CO2_diesel"));
        var perLitre = trace.Step("EF_CO2,L", DieselFuel.Co2TonnesPerLitre(density, ncv, co2), "t/L",
            $"{DieselFuel.Co2PerLitreFormula} = {N(density)} kg/L × {N(ncv)} TJ/Gg × {N(co2)} kg/TJ", DieselFuel.Co2PerLitreCitation);
        var diesel = inputs.Value("FC_diesel");
        var peFuel = trace.Step("PE_FC,y", diesel * perLitre, CalculationBuilder.TonnesCo2e, $"FC_PJ,diesel,y × EF_CO2,L = {N(diesel)} × {N(perLitre)}", ProjectCitation);

        var project = peComposting + peElectricity + peFuel;
        trace.Warn("Leakage set to 0: CDM TOOL13 covers leakage emissions from composting, but its content was not seen (UNVERIFIED).");
        return trace.Finish(baseline, project, 0m, "LE = 0: Tool 13 leakage not seen (UNVERIFIED)", BaselineCitation + "; " + ProjectCitation);
    }

    /// <summary>CDM TOOL04 Eq (1), one term: the DDOCm of W_j,x (IPCC 2006 Vol 5 Ch 3 Eq 3.2) that decomposes in year y,
    /// W × DOC × DOC_f × MCF × e^(−k (y − x)) × (1 − e^(−k)), in t.</summary>
    internal static decimal DecomposedInYear(decimal wasteTonnes, decimal doc, decimal docF, decimal mcf, decimal k, int yearsSinceDisposal) =>
        SolidWasteDisposal.DecomposableDoc(wasteTonnes, doc, docF, mcf) * DecimalMath.Exp(-k * yearsSinceDisposal) * (1m - DecimalMath.Exp(-k));

    /// <summary>CDM TOOL04 Eq (1), outer factors: φ × (1 − f) × (1 − OX) × GWP_CH4 × CH4 generated (t CO2e).</summary>
    internal static decimal BaselineEmissions(decimal phi, decimal capturedFraction, decimal ox, decimal gwpCh4, decimal ch4GeneratedTonnes) =>
        phi * (1m - capturedFraction) * (1m - ox) * gwpCh4 * ch4GeneratedTonnes;

    private static decimal Gwp(GwpSet set, Gas gas, CalculationBuilder trace)
    {
        var value = set.For(gas, CarbonOrigin.NonFossil, ch4ByOrigin: false)!;
        var citation = string.IsNullOrWhiteSpace(value.SourceRef) ? value.Source : $"{value.Source} ({value.SourceRef})";
        return trace.Step($"GWP_{gas.Symbol()}", value.Value, "t CO2e/t", $"GWP-100, set {set.Name}", citation, $"gwp.{set.Name}.{gas.Symbol()}");
    }

    private static string CatalogDecayRates(FactorCatalog catalog, string type)
    {
        var rows = catalog.Factors.Where(f => f.Parameter == "k" && f.Activity == $"waste:landfill-{type.ToLowerInvariant()}")
            .Select(f => $"{N(f.Value.Value)} ({f.Climate}, {f.Id})").ToList();
        return rows.Count == 0
            ? "The catalog has no IPCC decay rate for this waste type; give k_j with its source."
            : $"IPCC 2006 Vol 5 Ch 3 Table 3.3 gives {string.Join(", ", rows)}.";
    }
}
