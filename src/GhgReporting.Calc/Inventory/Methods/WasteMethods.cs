using GhgReporting.Calc.Factors;
using GhgReporting.Calc.Ipcc.Waste;
using GhgReporting.Calc.Units;

namespace GhgReporting.Calc.Inventory.Methods;

/// <summary>Solid waste disposal by the IPCC first-order decay model over the city's disposal history.</summary>
internal sealed class SolidWasteDisposalMethod : IEmissionMethod
{
    public string Name => "solid-waste-disposal";

    public string Equation => "IPCC 2006 Vol 5 Ch 3 Eq 3.1, 3.2, 3.4–3.6 (FOD, Tier 1)";

    public IReadOnlyList<GasAmount> Compute(LineInput input, MethodContext context)
    {
        var deposits = input.DepositsByYear ?? throw new InvalidOperationException("Solid waste disposal needs the disposal history by year.");
        var tonnesByYear = deposits.ToDictionary(d => d.Key, d => d.Value.ValueIn(Unit.Tonne));
        foreach (var (year, tonnes) in tonnesByYear.OrderBy(d => d.Key))
            context.Step($"Waste deposited in {year}", Quantity.Of(tonnes, Unit.Tonne));

        var doc = context.Fraction("doc", "DOC");
        var docF = context.Fraction("docf", "DOCf");
        var mcf = context.Fraction("mcf", "MCF");
        var f = context.Fraction("f", "F");
        var ox = context.Fraction("ox", "OX");
        var kFactor = context.Uses(context.Factor("k"), "k");
        var k = (kFactor.Value * Quantity.Of(1m, Unit.Year)).ValueIn(Unit.Fraction);

        var fod = SolidWasteDisposal.Generated(tonnesByYear, context.Year, doc, docF, mcf, k, f);
        context.Step("e^(−k)", Quantity.Of(fod.DecayFactor, Unit.Fraction));
        context.Step($"DDOCm accumulated at end of {context.Year - 1}", Quantity.Of(fod.DdocmAccumulatedPreviousYear, Unit.Tonne), "Eq 3.4");
        context.Step($"DDOCm decomposed in {context.Year}", Quantity.Of(fod.DdocmDecomposed, Unit.Tonne), "Eq 3.5");
        context.Step("CH4 generated", Quantity.Of(fod.Ch4Generated, Unit.Tonne), "Eq 3.6: DDOCm decomposed × F × 16/12");
        var emitted = context.Step("CH4 emitted", Quantity.Of(SolidWasteDisposal.Ch4Emitted(fod.Ch4Generated, 0m, ox), Unit.Tonne),
            "Eq 3.1: (generated − R) × (1 − OX), R = 0");

        WarnAboutHistory(tonnesByYear.Keys, context);
        return [new GasAmount(Gas.CH4, emitted)];
    }

    private static void WarnAboutHistory(IEnumerable<int> years, MethodContext context)
    {
        var past = years.Where(y => y < context.Year).Order().ToList();
        var what = $"{context.Activity} at {context.GpcReference}";
        if (past.Count == 0)
        {
            context.Warn($"{what}: no waste deposited before {context.Year} is on record, so no CH4 is generated in {context.Year} " +
                         "(waste decays from the year after deposition). Submit the disposal history of earlier years.");
            return;
        }
        var missing = Enumerable.Range(past[0], context.Year - past[0]).Except(past).ToList();
        if (missing.Count > 0)
            context.Warn($"{what}: no disposal recorded for {string.Join(", ", missing)}; those years count as nothing deposited.");
        context.Warn($"{what}: the disposal history starts in {past[0]}; waste deposited earlier is not counted. " +
                     "IPCC 2006 Vol 5 Ch 3 asks for a history covering several decay half-lives (estimated where records are missing).");
    }
}

/// <summary>Composting and anaerobic digestion (IPCC 2006 Vol 5 Ch 4 Eq 4.1, 4.2).</summary>
internal sealed class BiologicalTreatmentMethod : IEmissionMethod
{
    public string Name => "biological-treatment";

    public string Equation => "IPCC 2006 Vol 5 Ch 4 Eq 4.1, 4.2: Emissions = M × EF";

    public IReadOnlyList<GasAmount> Compute(LineInput input, MethodContext context)
    {
        var treated = context.Step("Waste treated", input.Amount.In(Unit.Tonne));
        return context.Type.Gases.Select(gas =>
        {
            var ef = context.Uses(context.Factor("ef", gas), $"EF {gas.Symbol()}");
            return new GasAmount(gas, context.Step($"{gas.Symbol()} emissions", BiologicalTreatment.Emissions(treated, ef.Value), "M × EF", ef));
        }).ToList();
    }
}

/// <summary>Incineration and open burning (IPCC 2006 Vol 5 Ch 5 Eq 5.1, 5.4, 5.5); the two differ only in
/// their factors (oxidation factor, CH4 and N2O factors), so one class serves both.</summary>
internal sealed class IncinerationMethod(string name) : IEmissionMethod
{
    public string Name => name;

    public string Equation => "IPCC 2006 Vol 5 Ch 5 Eq 5.1 (CO2 = SW × dm × CF × FCF × OF × 44/12), Eq 5.4, 5.5 (CH4, N2O = IW × EF)";

    public IReadOnlyList<GasAmount> Compute(LineInput input, MethodContext context)
    {
        var burned = context.Step("Waste burned (wet)", input.Amount.In(Unit.Tonne));
        var result = new List<GasAmount>();
        foreach (var gas in context.Type.Gases)
        {
            if (gas == Gas.CO2)
            {
                var dm = context.Fraction("dm", "dm (dry matter)");
                var cf = context.Fraction("cf", "CF (carbon in dry matter)");
                var fcf = context.Fraction("fcf", "FCF (fossil carbon fraction)");
                var of = context.Fraction("of", "OF (oxidation factor)");
                var (fossil, biogenic) = Incineration.Co2(burned.Value, dm, cf, fcf, of);
                result.Add(new GasAmount(Gas.CO2, context.Step("CO2 emissions (fossil)", Quantity.Of(fossil, Unit.Tonne), "SW × dm × CF × FCF × OF × 44/12")));
                result.Add(new GasAmount(Gas.CO2, context.Step("CO2 emissions (biogenic, memo item)", Quantity.Of(biogenic, Unit.Tonne), "SW × dm × CF × (1 − FCF) × OF × 44/12"), Biogenic: true));
                continue;
            }
            var ef = context.Uses(context.Factor("ef", gas), $"EF {gas.Symbol()}");
            result.Add(new GasAmount(gas, context.Step($"{gas.Symbol()} emissions", Incineration.NonCo2(burned, ef.Value), "IW × EF", ef)));
        }
        return result;
    }
}
