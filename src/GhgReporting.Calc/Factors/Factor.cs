using GhgReporting.Calc.Units;

namespace GhgReporting.Calc.Factors;

/// <summary>
/// One published value of the catalog: an emission factor for one gas, or a parameter a formula
/// needs (net calorific value, density, DOC, MCF, …), with where it applies and where it comes
/// from. A row of an emission-factors CSV file, or a factor a city added for itself.
/// </summary>
/// <param name="Id">Stable identifier, unique in the catalog (for traces and reports).</param>
/// <param name="Parameter">What the value is: <c>ef</c>, <c>ncv</c>, <c>density</c>, <c>doc</c>, …</param>
/// <param name="Activity">The activity type it applies to, or a family ending in <c>*</c>.</param>
/// <param name="Variant">Technology, site type or pathway it is specific to; null for any.</param>
/// <param name="GpcPrefixes">GPC sub-sector prefixes it is specific to; empty for any.</param>
/// <param name="Gas">The gas of an emission factor; null for parameters that are not per gas.</param>
/// <param name="Value">The value in its published unit.</param>
/// <param name="Region"><c>*</c> (IPCC default), a country (<c>VN</c>) or a sub-national grid (<c>ID-JAMALI</c>).</param>
/// <param name="Climate">Climate zone it is specific to (decay rates); null for any.</param>
/// <param name="ValidFrom">First year it applies to (inclusive); null for open.</param>
/// <param name="ValidTo">Last year it applies to (inclusive); null for open.</param>
/// <param name="Source">Citation: document, volume, chapter, table.</param>
/// <param name="SourceRef">Where the value was seen (database id, URL).</param>
/// <param name="Notes">Caveats a reader must know.</param>
/// <param name="DatasetId">Dataset the row belongs to.</param>
/// <param name="DatasetVersion">Version of that dataset.</param>
/// <param name="CityId">Set when a city added this factor for itself; it then applies only there.</param>
public sealed record Factor(
    string Id,
    string Parameter,
    string Activity,
    string? Variant,
    IReadOnlyList<string> GpcPrefixes,
    Gas? Gas,
    Quantity Value,
    string Region,
    string? Climate,
    int? ValidFrom,
    int? ValidTo,
    string Source,
    string? SourceRef,
    string? Notes,
    string DatasetId,
    string DatasetVersion,
    string? CityId = null)
{
    /// <summary>True when the row applies to the given year.</summary>
    public bool IsValidIn(int year) => (ValidFrom is null || year >= ValidFrom) && (ValidTo is null || year <= ValidTo);

    /// <summary>True when <paramref name="activityType"/> is this row's activity or belongs to its family.</summary>
    public bool AppliesToActivity(string activityType) =>
        Activity.EndsWith('*')
            ? activityType.StartsWith(Activity[..^1], StringComparison.Ordinal)
            : Activity == activityType;

    /// <summary>Length of the longest GPC prefix matching <paramref name="gpcReference"/>; 0 when the row
    /// is not GPC-specific; −1 when it is specific to other sub-sectors.</summary>
    public int GpcSpecificity(string gpcReference)
    {
        if (GpcPrefixes.Count == 0) return 0;
        var best = -1;
        foreach (var prefix in GpcPrefixes)
        {
            if (gpcReference == prefix || gpcReference.StartsWith(prefix + ".", StringComparison.Ordinal))
                best = Math.Max(best, prefix.Length);
        }
        return best;
    }

    /// <summary>"IPCC 2006 GL Vol 2 Ch 1 Table 1.4 (EFDB EF ID 117614)" — for traces and reports.</summary>
    public string Citation => string.IsNullOrWhiteSpace(SourceRef) ? Source : $"{Source} ({SourceRef})";
}
