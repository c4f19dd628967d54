namespace GhgReporting.Calc.Factors;

/// <summary>No factor in the catalog applies to what was asked; the message names the activity,
/// parameter, gas, GPC reference, region and year, and what the catalog does hold.</summary>
public sealed class MissingFactorException(string message) : Exception(message);

/// <summary>Two or more factors apply equally; the engine never picks one silently.</summary>
public sealed class AmbiguousFactorException(string message) : Exception(message);

/// <summary>A catalog file (or a city's factor) breaks the format; every problem is listed with its
/// file, line and column.</summary>
public sealed class CatalogFormatException(IReadOnlyList<string> problems)
    : Exception("The emission-factor catalog has errors:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
