namespace GhgReporting.Calc.Inventory;

/// <summary>How much a figure can be trusted, as the reporter judges its source (GPC Ch 5 asks for a
/// data-quality note on every activity).</summary>
public enum DataQuality
{
    High,
    Medium,
    Low,
}

/// <summary>
/// One activity record as a city submits it: the amount of an activity over a period, under a GPC
/// reference number. <paramref name="ActivityType"/> may carry a variant after '@'
/// (<c>fuel:motor-gasoline@oxidation-catalyst</c>, <c>waste:landfill-food@managed-anaerobic</c>).
/// </summary>
/// <param name="GpcReference">GPC reference number, e.g. <c>I.1.1</c>, <c>II.1.1</c>, <c>III.2.1</c>.</param>
/// <param name="ActivityType">Activity type from the catalog vocabulary, optionally with '@variant'.</param>
/// <param name="Amount">The amount, in <paramref name="Unit"/>; never negative.</param>
/// <param name="Unit">Unit symbol as typed (<c>L</c>, <c>MWh</c>, <c>t</c>, <c>TJ</c>, <c>person</c>).</param>
/// <param name="PeriodStart">First day the amount covers.</param>
/// <param name="PeriodEnd">Last day the amount covers (inclusive).</param>
/// <param name="Quality">The reporter's judgement of the data.</param>
/// <param name="Source">Where the figure comes from (utility invoices, fuel sales statistics…).</param>
/// <param name="RecordId">An identifier the caller uses (row number, database id) — kept in traces and errors.</param>
public sealed record ActivityRecord(
    string GpcReference,
    string ActivityType,
    decimal Amount,
    string Unit,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    DataQuality Quality,
    string? Source = null,
    string? RecordId = null);

/// <summary>One problem with one record: which record, which field, and why.</summary>
public sealed record RecordError(long RecordIndex, string? RecordId, string Field, string Message)
{
    public override string ToString() =>
        $"record {RecordId ?? (RecordIndex + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)}: {Field}: {Message}";
}

/// <summary>Records were refused; nothing was calculated. Lists every problem found (up to a cap).</summary>
public sealed class InventoryValidationException(IReadOnlyList<RecordError> errors, long totalErrors)
    : Exception($"{totalErrors} problem(s) in the activity records:" + Environment.NewLine +
                string.Join(Environment.NewLine, errors.Select(e => "  - " + e)) +
                (totalErrors > errors.Count ? $"{Environment.NewLine}  … and {totalErrors - errors.Count} more." : ""))
{
    public IReadOnlyList<RecordError> Errors { get; } = errors;

    public long TotalErrors { get; } = totalErrors;
}
