namespace GhgReporting.Calc.Inventory;

/// <summary>
/// One step of a calculation: a named intermediate figure with its value and unit, and — where the
/// step applies a published value — the factor's id and citation, and the formula it follows.
/// </summary>
public sealed record TraceStep(string Name, decimal Value, string Unit, string? FactorId = null, string? Citation = null, string? Formula = null)
{
    public override string ToString() =>
        $"{Name} = {Value.ToString(System.Globalization.CultureInfo.InvariantCulture)} {Unit}" +
        (FactorId is null ? "" : $" [{FactorId}]") + (Formula is null ? "" : $" ({Formula})");
}

/// <summary>How one line of the inventory was computed: the method, its equation and every step.</summary>
public sealed record CalculationTrace(string Method, string Equation, IReadOnlyList<TraceStep> Steps);
