using System.Globalization;
using GhgReporting.Calc.Inventory;

namespace GhgReporting.Calc.Methodologies;

/// <summary>
/// Collects the trace and warnings of one methodology calculation and makes the result: the inputs first
/// (each with the parameter key or catalog factor id it came from), then every equation step, then
/// RE, PE, LE, the unrounded ER and the credits.
/// </summary>
internal sealed class CalculationBuilder
{
    /// <summary>The unit of every emission figure in a methodology result.</summary>
    public const string TonnesCo2e = "t CO2e";

    /// <summary>The leakage basis of every JCM-based methodology.</summary>
    public const string NoLeakageTerm = "LE = 0: JCM methodologies have no leakage term (methodologies.md §0, PARTIAL)";

    private readonly IMethodology _methodology;
    private readonly List<TraceStep> _steps = [];
    private readonly List<string> _warnings = [];

    public CalculationBuilder(IMethodology methodology, ParameterReader inputs)
    {
        _methodology = methodology;
        _steps.AddRange(inputs.All().Select(v => v.ToTraceStep()));
        _warnings.AddRange(inputs.Warnings);
    }

    /// <summary>Records an intermediate figure and returns it, so equations read as assignments.</summary>
    public decimal Step(string name, decimal value, string unit, string formula, string? citation = null, string? factorId = null)
    {
        _steps.Add(new TraceStep(name, value, unit, factorId, citation, formula));
        return value;
    }

    public void Warn(string warning) => _warnings.Add(warning);

    /// <summary>
    /// ER = RE − PE − LE, unrounded; credits = ER rounded down once to whole tonnes
    /// (<see cref="Rounding.WholeTonnesDown"/>), or 0 when ER ≤ 0. A negative ER is reported as it is.
    /// </summary>
    /// <param name="leakageBasis">Why leakage is what it is ("JCM methodologies have no leakage term").</param>
    public MethodologyResult Finish(decimal reference, decimal project, decimal leakage, string leakageBasis, string citation)
    {
        var id = _methodology.Id;
        Step("RE (reference emissions)", reference, TonnesCo2e, "sum of the reference emission steps above", citation);
        Step("PE (project emissions)", project, TonnesCo2e, "sum of the project emission steps above", citation);
        Step("LE (leakage)", leakage, TonnesCo2e, leakageBasis, citation);
        var reductions = Step("ER (emission reductions, unrounded)", reference - project - leakage, TonnesCo2e, "ER = RE − PE − LE", citation);

        long credits = reductions > 0m ? (long)Rounding.WholeTonnesDown(reductions) : 0L;
        Step("Credits (whole t CO2e)", credits, TonnesCo2e,
            reductions > 0m ? "floor(ER), rounded down once (Rounding.WholeTonnesDown)" : "0: ER is not positive, no credits",
            "Rounding rule UNVERIFIED for JCM/CDM (methodologies.md §0): whole tonnes rounded down once, at the end");
        if (reductions <= 0m)
            _warnings.Add($"ER is {Number(reductions)} t CO2e (not positive): reported as it is, never clamped; no credits are issued for it.");

        return new MethodologyResult(id, _methodology.Version, reference, project, leakage, reductions, credits, _steps.ToList(), _warnings.ToList());
    }

    public static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
