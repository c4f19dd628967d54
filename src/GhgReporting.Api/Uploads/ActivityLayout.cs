namespace GhgReporting.Api.Uploads;

/// <summary>One column of the published upload layout.</summary>
/// <param name="Name">The column name in CSV and XLSX headers, and in error messages.</param>
/// <param name="JsonName">The property name in JSON uploads.</param>
/// <param name="Type">What the value is, in words (<c>text</c>, <c>number</c>, <c>date yyyy-mm-dd</c>…).</param>
/// <param name="Required">Whether a value must be given; a column that is not required may also be left out of the file.</param>
public sealed record ColumnSpec(string Name, string JsonName, string Type, bool Required, string Description, string Example);

/// <summary>The published column layout of activity-data uploads, the same for CSV, XLSX and JSON.</summary>
public static class ActivityLayout
{
    internal const int GpcReference = 0, ActivityType = 1, Amount = 2, Unit = 3, PeriodStart = 4, PeriodEnd = 5, DataQuality = 6, Source = 7;

    public static IReadOnlyList<ColumnSpec> Columns { get; } =
    [
        new("gpc_reference", "gpcReference", "text", true,
            "The GPC reference number: sector, sub-sector and scope, e.g. I.1.2 = residential buildings, scope 2 (grid energy).", "I.1.2"),
        new("activity_type", "activityType", "text", true,
            "The activity type from the emission-factor catalog, e.g. fuel:lpg or electricity:grid. A variant may follow '@', e.g. fuel:motor-gasoline@oxidation-catalyst.",
            "electricity:grid"),
        new("amount", "amount", "number", true,
            "The amount of the activity, in the unit of the next column. Use '.' for decimals and no thousands separators. Never negative.", "1850000"),
        new("unit", "unit", "text", true, "The unit symbol, e.g. t, L, MWh, TJ.", "MWh"),
        new("period_start", "periodStart", "date yyyy-mm-dd", true, "The first day the amount covers, written yyyy-mm-dd.", "2023-01-01"),
        new("period_end", "periodEnd", "date yyyy-mm-dd", true, "The last day the amount covers (this day included), written yyyy-mm-dd.", "2023-12-31"),
        new("data_quality", "dataQuality", "high, medium or low", true, "How much you trust the figure: high, medium or low.", "high"),
        new("source", "source", "text", false,
            "Where the figure comes from, e.g. utility invoices or fuel sales statistics. May be empty.", "Electricity utility sales data 2023 (example)"),
    ];

    /// <summary>The header line of a CSV upload: the column names separated by commas.</summary>
    public static string Header { get; } = string.Join(",", Columns.Select(c => c.Name));

    internal static bool IsDate(int column) => column is PeriodStart or PeriodEnd;

    internal static int IndexOfName(string name) => IndexOf(name, c => c.Name);

    internal static int IndexOfJsonName(string name) => IndexOf(name, c => c.JsonName);

    private static int IndexOf(string name, Func<ColumnSpec, string> key)
    {
        var trimmed = name.Trim().Trim('\uFEFF');
        for (var i = 0; i < Columns.Count; i++)
            if (string.Equals(key(Columns[i]), trimmed, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }

    /// <summary>
    /// Maps a header row to the layout: for each layout column, the position of its field in the row, or -1 for an
    /// optional column that is absent. Header cells without a name are ignored. Adds every problem found to
    /// <paramref name="errors"/> and returns null when there is one.
    /// </summary>
    internal static int[]? ResolveHeader(IReadOnlyList<string> names, long row, UploadErrorList errors)
    {
        var positions = new int[Columns.Count];
        Array.Fill(positions, -1);
        var unknown = new List<string>();
        var duplicates = new List<string>();
        for (var position = 0; position < names.Count; position++)
        {
            var name = names[position].Trim().Trim('\uFEFF');
            if (name.Length == 0) continue;
            var column = IndexOfName(name);
            if (column < 0) unknown.Add(name);
            else if (positions[column] >= 0) duplicates.Add(Columns[column].Name);
            else positions[column] = position;
        }

        var missing = Columns.Where((c, i) => c.Required && positions[i] < 0).Select(c => c.Name).ToList();
        var expected = $"The header must be: {Header}";
        if (unknown.Count > 0)
            errors.Add(row, "(header)",
                $"Unknown column name(s) in the header: {string.Join(", ", unknown.Select(n => $"'{n}'"))}. Remove them or correct the spelling. {expected}");
        foreach (var name in duplicates.Distinct())
            errors.Add(row, "(header)", $"The column '{name}' is in the header more than once. Keep it only once.");
        if (missing.Count > 0)
            errors.Add(row, "(header)", $"The header does not have the column(s): {string.Join(", ", missing)}. {expected}");
        return unknown.Count + duplicates.Count + missing.Count == 0 ? positions : null;
    }
}
