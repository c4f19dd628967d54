using System.Globalization;
using GhgReporting.Data.Entities;
using GhgReporting.Data.Projects;

namespace GhgReporting.Api.Web.CityPages;

/// <summary>
/// One row of the monitoring form as typed: every field text, so that what was typed comes back unchanged when
/// something is wrong. A row with no value, index, source or method is an unused row and is skipped.
/// </summary>
public sealed class ParameterRow
{
    public string? Name { get; set; }

    public string? Index { get; set; }

    public string? Value { get; set; }

    public string? Unit { get; set; }

    public string? Option { get; set; }

    public string? Source { get; set; }

    public string? Method { get; set; }

    public bool IsUnused => string.IsNullOrWhiteSpace(Value) && string.IsNullOrWhiteSpace(Index)
        && string.IsNullOrWhiteSpace(Source) && string.IsNullOrWhiteSpace(Method);

    /// <summary>How a verifier's comment names the value: "EG" or "EG[market-a]".</summary>
    public string Key => string.IsNullOrWhiteSpace(Index) ? Name ?? "" : $"{Name}[{Index.Trim()}]";

    public static ParameterRow From(MonitoredParameter p) => new()
    {
        Name = p.Name, Index = p.Index, Value = p.Value.ToString(CultureInfo.InvariantCulture), Unit = p.Unit, Option = p.MonitoringOption,
        Source = p.Source, Method = p.MeasurementMethod,
    };

    /// <summary>The value as a number: digits with '.' for decimals (as in the upload files); null when it is not one.</summary>
    public decimal? Number => decimal.TryParse(Value?.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
        CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>The row as the monitoring service takes it; the service checks the parameter, option, source and method.</summary>
    public MonitoredValue ToValue() => new(Name?.Trim() ?? "", string.IsNullOrWhiteSpace(Index) ? null : Index.Trim(), Number ?? 0m,
        Unit?.Trim() ?? "", Option?.Trim().ToUpperInvariant() ?? "", Source?.Trim() ?? "", Method?.Trim() ?? "");
}
