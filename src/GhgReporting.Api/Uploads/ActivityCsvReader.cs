using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using GhgReporting.Calc.Inventory;

namespace GhgReporting.Api.Uploads;

/// <summary>A problem in an uploaded file: the row (1 = header), the column and why.</summary>
public sealed record UploadError(long Row, string Column, string Reason)
{
    public override string ToString() => $"row {Row}, column {Column}: {Reason}";
}

/// <summary>
/// Reads activity records from CSV (columns in <see cref="Columns"/>), streaming: rows are yielded as
/// they are read. Field-level problems are collected in <see cref="Errors"/>; the caller refuses the
/// whole file when there is any.
/// </summary>
public sealed class ActivityCsvReader(TextReader reader)
{
    public static readonly string[] Columns =
        ["gpc_reference", "activity_type", "amount", "unit", "period_start", "period_end", "data_quality", "source"];

    public List<UploadError> Errors { get; } = [];

    public IEnumerable<ActivityRecord> Read()
    {
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim });
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is null)
        {
            Errors.Add(new UploadError(1, "(header)", $"the file is empty; expected the header {string.Join(",", Columns)}."));
            yield break;
        }
        var missing = Columns.Except(csv.HeaderRecord, StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            Errors.Add(new UploadError(1, string.Join(",", missing), $"missing column(s); expected {string.Join(",", Columns)}."));
            yield break;
        }

        while (csv.Read())
        {
            var row = csv.Parser.Row;
            var before = Errors.Count;
            string Field(string name) => csv.GetField(name) ?? "";
            if (!decimal.TryParse(Field("amount"), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount))
                Errors.Add(new UploadError(row, "amount", $"'{Field("amount")}' is not a number (use '.' for decimals, no thousands separators)."));
            var start = Date(Field("period_start"), row, "period_start");
            var end = Date(Field("period_end"), row, "period_end");
            if (!Enum.TryParse<DataQuality>(Field("data_quality"), ignoreCase: true, out var quality) || !Enum.IsDefined(quality))
                Errors.Add(new UploadError(row, "data_quality", $"'{Field("data_quality")}' is not high, medium or low."));
            if (Errors.Count > before) continue;

            yield return new ActivityRecord(Field("gpc_reference"), Field("activity_type"), amount, Field("unit"), start, end, quality,
                Field("source"), row.ToString(CultureInfo.InvariantCulture));
        }
    }

    private DateOnly Date(string text, long row, string column)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        Errors.Add(new UploadError(row, column, $"'{text}' is not a date written yyyy-mm-dd."));
        return default;
    }
}
