using GhgReporting.Calc.Factors;
using GhgReporting.Calc.Inventory;

namespace GhgReporting.Calc.Methodologies;

// The public contract of project methodologies (issue 4). A methodology turns the parameters fixed
// ex ante at registration and the parameters monitored ex post in one monitoring period into
// reference (baseline) emissions, project emissions, leakage and reductions, with a trace of every
// step. Figures are unrounded decimals in t CO2e; the only rounding is the whole-tonne credit count,
// taken once through GhgReporting.Calc.Rounding. Nothing here reads a database, a file other than the
// factor catalog, or the clock.

/// <summary>When a parameter's value is fixed: at validation (ex ante) or by monitoring (ex post).</summary>
public enum ParameterTiming
{
    ExAnte,
    ExPost,
}

/// <summary>
/// A parameter of a methodology.
/// </summary>
/// <param name="Name">The key used in inputs, e.g. <c>EC_PJ</c> (case-sensitive: Tool 04 has both <c>f_y</c> and <c>F</c>).</param>
/// <param name="Symbol">The symbol as printed, e.g. <c>EC_PJ,i,p</c>.</param>
/// <param name="Description">What the value is and how it is obtained.</param>
/// <param name="Unit">The unit the equations use, a <see cref="Text.UnitParser"/> symbol (<c>MWh</c>, <c>t/MWh</c>
/// for t CO2/MWh, <c>L/km</c>, <c>1</c> for a ratio, <c>fraction</c>). Values typed in another unit of the same
/// dimension are converted (kWh → MWh, % → fraction).</param>
/// <param name="Timing">Ex ante (fixed at validation) or ex post (monitored each period).</param>
/// <param name="Indexed">One value per index (chiller i, bus category i, waste type j, year x).</param>
/// <param name="Default">The value used when none is given; null when the parameter must be given.</param>
/// <param name="DefaultSource">Where the default comes from (catalog factor id and citation, or the publication).</param>
/// <param name="DefaultIsIllustrative">True when the published value could not be confirmed: the default is a
/// placeholder and its use is reported as a warning.</param>
public sealed record MethodologyParameter(
    string Name,
    string Symbol,
    string Description,
    string Unit,
    ParameterTiming Timing,
    bool Indexed,
    decimal? Default = null,
    string? DefaultSource = null,
    bool DefaultIsIllustrative = false);

/// <summary>One value given for a parameter (Index null when the parameter is not indexed). Unit is as the user
/// typed it; the methodology converts it to the parameter's unit, and a dimension mismatch is an input error.</summary>
public sealed record ParameterValue(string Name, decimal Value, string Unit, string? Index = null);

/// <summary>The inputs of one monitoring period: the parameters fixed ex ante and those monitored ex post.</summary>
/// <param name="GwpSet">The GWP-100 set of the catalog (AR4, AR5, AR6) used where a methodology weights CH4 or N2O.</param>
public sealed record MethodologyInput(
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    IReadOnlyList<ParameterValue> ExAnte,
    IReadOnlyList<ParameterValue> ExPost,
    string GwpSet = "AR5");

/// <summary>
/// The outcome of one monitoring period. Reference emissions, project emissions, leakage and reductions are
/// unrounded t CO2e. <see cref="Credits"/> is <see cref="Reductions"/> rounded down once to whole tonnes
/// (<see cref="Rounding.WholeTonnesDown"/>), and 0 when reductions are zero or negative; negative reductions
/// are reported as they are, never clamped.
/// </summary>
public sealed record MethodologyResult(
    string MethodologyId,
    string Version,
    decimal ReferenceEmissions,
    decimal ProjectEmissions,
    decimal Leakage,
    decimal Reductions,
    long Credits,
    IReadOnlyList<TraceStep> Steps,
    IReadOnlyList<string> Warnings);

/// <summary>A project methodology: reference emissions − project emissions (− leakage) for a monitoring period.</summary>
public interface IMethodology
{
    /// <summary>Stable id, e.g. <c>GHG-EE-CHILLER</c>.</summary>
    string Id { get; }

    /// <summary>Version of this implementation, e.g. <c>1.0</c>; a registered project pins it.</summary>
    string Version { get; }

    string Title { get; }

    /// <summary>Energy efficiency, Renewable energy, Transport, Waste or Industry.</summary>
    string Sector { get; }

    /// <summary>The published methodology followed, with what was confirmed and what is UNVERIFIED.</summary>
    string BasedOn { get; }

    /// <summary>The equations in plain text (RE, PE, LE, ER) with the symbols explained, for reports.</summary>
    string Equations { get; }

    IReadOnlyList<MethodologyParameter> Parameters { get; }

    /// <summary>Computes one monitoring period.</summary>
    /// <exception cref="MethodologyInputException">Lists every problem of the input at once: a missing or unknown
    /// parameter, a unit of the wrong dimension, a negative or out-of-range value, a missing or extra index, a
    /// value given twice or in the wrong (ex ante / ex post) list, a period that ends before it starts.</exception>
    MethodologyResult Calculate(MethodologyInput input, FactorCatalog catalog);
}

/// <summary>The input of a methodology has problems; <see cref="Problems"/> lists every one, one sentence each.</summary>
public sealed class MethodologyInputException(IReadOnlyList<string> problems)
    : Exception("The methodology input has " + problems.Count + (problems.Count == 1 ? " problem:" : " problems:")
                + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
