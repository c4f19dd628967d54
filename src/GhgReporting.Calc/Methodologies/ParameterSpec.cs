using System.Globalization;
using GhgReporting.Calc.Inventory;
using GhgReporting.Calc.Text;
using GhgReporting.Calc.Units;

namespace GhgReporting.Calc.Methodologies;

/// <summary>
/// A parameter with the checks the engine applies to it and, where its default is a catalog row, the
/// factor id the default is read from (the catalog value is used, so a trace cites the row).
/// </summary>
/// <param name="Required">False when the methodology decides itself whether the value is needed (alternatives
/// such as net vs gross − auxiliary generation, or per-index catalog defaults).</param>
/// <param name="DefaultWarning">Said when the default is used (e.g. a site-specific value defaulted).</param>
/// <param name="IndexNoun">What one index of an indexed parameter is ("chiller i"), for messages.</param>
internal sealed record ParameterSpec(
    MethodologyParameter Parameter,
    decimal Minimum = 0m,
    bool MinimumExclusive = false,
    decimal? Maximum = null,
    bool MaximumExclusive = false,
    bool Required = true,
    string? CatalogFactorId = null,
    string? DefaultWarning = null,
    string IndexNoun = "index")
{
    public string Name => Parameter.Name;

    /// <summary>The parameter's unit, parsed (the symbols are fixed in code; a test parses every one).</summary>
    public Unit Unit { get; } = UnitParser.ParseOrThrow(Parameter.Unit);

    public bool InRange(decimal value) =>
        (MinimumExclusive ? value > Minimum : value >= Minimum)
        && (Maximum is not { } max || (MaximumExclusive ? value < max : value <= max));

    /// <summary>What a value must satisfy, as the end of a sentence: "must not be negative", "must be from 0 to 1".</summary>
    public string RangeText
    {
        get
        {
            static string N(decimal v) => v.ToString(CultureInfo.InvariantCulture);
            if (Maximum is not { } max)
                return Minimum == 0m && !MinimumExclusive ? "must not be negative" : $"must be {(MinimumExclusive ? "greater than" : "at least")} {N(Minimum)}";
            if (!MinimumExclusive && !MaximumExclusive) return $"must be from {N(Minimum)} to {N(max)}";
            return $"must be {(MinimumExclusive ? "greater than" : "at least")} {N(Minimum)} and {(MaximumExclusive ? "less than" : "at most")} {N(max)}";
        }
    }
}

/// <summary>One value a calculation uses, given or defaulted, with where it came from.</summary>
/// <param name="FactorId">The catalog factor id when the value is a catalog row; otherwise the input key.</param>
/// <param name="Citation">How the value was obtained: as given (with the unit typed) or the default's source.</param>
internal sealed record InputValue(ParameterSpec Spec, string? Index, decimal Value, string FactorId, string Citation)
{
    public string Label => Index is null ? Spec.Parameter.Symbol : $"{Spec.Parameter.Symbol} [{Index}]";

    public TraceStep ToTraceStep() => new(Label, Value, Spec.Parameter.Unit, FactorId, Citation);
}
