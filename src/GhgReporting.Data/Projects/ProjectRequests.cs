using GhgReporting.Calc.Methodologies;

namespace GhgReporting.Data.Projects;

/// <summary>A parameter value with where it comes from (ex ante: a document; ex post: see <see cref="MonitoredValue"/>).</summary>
public sealed record ExAnteValue(string Name, string? Index, decimal Value, string Unit, string Source);

/// <summary>A parameter monitored ex post, with its monitoring option (A public data, B invoices, C metered),
/// source and measurement method.</summary>
public sealed record MonitoredValue(string Name, string? Index, decimal Value, string Unit, string MonitoringOption, string Source, string MeasurementMethod);

public sealed record RegisterProject(
    string Code, string HostCityId, string PartnerCityId, string Title, string Sector, string MethodologyId, string MethodologyVersion,
    IReadOnlyList<ExAnteValue> ExAnte, DateOnly CreditingStart, DateOnly CreditingEnd, string Stage, string? FundingScheme,
    string? CoBenefits, string? Outcomes);

/// <summary>A verifier's comment on one parameter (Parameter "name" or "name[index]") or, with Parameter null,
/// on the period as a whole.</summary>
public sealed record ReviewComment(string? Parameter, string Comment);

/// <summary>A refusal: HTTP-like status, title and the problems in plain words.</summary>
public sealed record ProjectProblem(int Status, string Title, string Detail, IReadOnlyList<string>? Problems = null);

/// <summary>How a parameter value is named to people and in verifier comments: "name", or "name[index]".</summary>
public static class ParameterText
{
    public static string Key(string name, string? index) => index is null ? name : $"{name}[{index}]";

    internal static ParameterValue ToCalc(ExAnteValue v) => new(v.Name, v.Value, v.Unit, v.Index);
}
