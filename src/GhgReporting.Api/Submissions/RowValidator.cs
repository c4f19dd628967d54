using System.Globalization;
using System.IO.Hashing;
using System.Text;
using GhgReporting.Api.Uploads;
using GhgReporting.Calc.Factors;
using GhgReporting.Calc.Gpc;
using GhgReporting.Calc.Inventory;

namespace GhgReporting.Api.Submissions;

/// <summary>
/// Turns raw rows into activity records and validates each one before anything is stored: required values,
/// numbers, dates and data quality here; GPC reference, activity type, unit dimension, sign and period
/// through the engine's own accumulator (so an upload is refused for exactly what the calculation would
/// refuse); and duplicate rows, which would be counted twice.
/// </summary>
internal sealed class RowValidator
{
    private const NumberStyles AmountStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
    private const int MaxSourceLength = 2000;

    private readonly InventoryAccumulator _engine;
    private readonly UploadErrorList _errors;
    // Duplicates are found by a 128-bit hash of each row's canonical text: a collision between two
    // different rows is vanishingly unlikely (~1e-26 for a million rows), and the set stays small
    // (about 36 bytes a row) where keeping the rows themselves would not.
    private readonly Dictionary<UInt128, long> _seen = [];
    private readonly StringBuilder _canonical = new(256);

    public RowValidator(FactorCatalog catalog, CityContext city, int year, UploadErrorList errors)
    {
        _engine = new InventoryAccumulator(catalog, city, year, new InventoryOptions { KeepRecordIds = false, MaxErrorsListed = UploadErrorList.Capacity });
        _errors = errors;
    }

    /// <summary>The record, or null when the row has problems (added to the error list).</summary>
    public ActivityRecord? Validate(RawActivityRow raw)
    {
        var before = _errors.Count;
        Required(raw.Row, "gpc_reference", raw.GpcReference);
        Required(raw.Row, "activity_type", raw.ActivityType);
        Required(raw.Row, "unit", raw.Unit);
        var amount = Amount(raw);
        var start = Date(raw.Row, "period_start", raw.PeriodStart);
        var end = Date(raw.Row, "period_end", raw.PeriodEnd);
        var quality = Quality(raw);
        if (raw.Source.Length > MaxSourceLength)
            _errors.Add(raw.Row, "source", $"is {raw.Source.Length} characters long; keep it under {MaxSourceLength}.");
        if (_errors.Count > before) return null;

        var record = new ActivityRecord(raw.GpcReference.Trim(), raw.ActivityType.Trim(), amount, raw.Unit.Trim(), start, end, quality,
            string.IsNullOrWhiteSpace(raw.Source) ? null : raw.Source.Trim(), raw.Row.ToString(CultureInfo.InvariantCulture));

        var listed = _engine.Errors.Count;
        var counted = _engine.ErrorCount;
        _engine.Add(record);
        if (_engine.ErrorCount > counted)
        {
            for (var i = listed; i < _engine.Errors.Count; i++)
                _errors.Add(raw.Row, ColumnOf(_engine.Errors[i].Field), _engine.Errors[i].Message);
            for (var i = _engine.Errors.Count - listed; i < _engine.ErrorCount - counted; i++)
                _errors.Add(raw.Row, "(row)", "another problem in this row (not listed: too many problems in the file)");
            return null;
        }

        // Stored in the form the engine uses (I.1.1, lowercase activity type), so that a line of an
        // inventory finds its records by equality.
        record = record with { GpcReference = GpcStructure.Get(record.GpcReference).Reference, ActivityType = ActivityKey.Parse(record.ActivityType).ToString() };
        var fingerprint = Fingerprint(record);
        if (!_seen.TryAdd(fingerprint, raw.Row))
        {
            _errors.Add(raw.Row, "(row)", $"is the same as row {_seen[fingerprint]}: every value is equal, so the amount would be counted twice. Remove one of them.");
            return null;
        }
        return record;
    }

    private void Required(long row, string column, string value)
    {
        if (string.IsNullOrWhiteSpace(value)) _errors.Add(row, column, "is empty; a value is required.");
    }

    private decimal Amount(RawActivityRow raw)
    {
        var text = raw.Amount.Trim();
        if (text.Length == 0)
        {
            _errors.Add(raw.Row, "amount", "is empty; give the amount as a number.");
            return 0;
        }
        if (decimal.TryParse(text, AmountStyle, CultureInfo.InvariantCulture, out var amount)) return amount;
        _errors.Add(raw.Row, "amount", text.Contains(',')
            ? $"'{text}' is not a number: use '.' for decimals and no thousands separators (1234.5, not 1,234.5)."
            : $"'{text}' is not a number.");
        return 0;
    }

    private DateOnly Date(long row, string column, string text)
    {
        var trimmed = text.Trim();
        if (DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        _errors.Add(row, column, trimmed.Length == 0 ? "is empty; give a date written yyyy-mm-dd." : $"'{trimmed}' is not a date written yyyy-mm-dd (for example 2023-01-31).");
        return default;
    }

    private DataQuality Quality(RawActivityRow raw)
    {
        switch (raw.DataQuality.Trim().ToLowerInvariant())
        {
            case "high": return DataQuality.High;
            case "medium": return DataQuality.Medium;
            case "low": return DataQuality.Low;
            default:
                _errors.Add(raw.Row, "data_quality", $"'{raw.DataQuality.Trim()}' is not one of high, medium, low.");
                return DataQuality.Low;
        }
    }

    private static string ColumnOf(string engineField) => engineField switch
    {
        "period" => "period_start",
        _ => engineField,
    };

    private UInt128 Fingerprint(ActivityRecord r)
    {
        _canonical.Clear()
            .Append(r.GpcReference).Append('\u001f').Append(r.ActivityType.ToLowerInvariant()).Append('\u001f')
            // 1.50 and 1.5 are the same amount: drop trailing zeros before hashing.
            .Append((r.Amount / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture)).Append('\u001f')
            .Append(r.Unit).Append('\u001f').Append(r.PeriodStart.DayNumber).Append('\u001f').Append(r.PeriodEnd.DayNumber).Append('\u001f')
            .Append((int)r.Quality).Append('\u001f').Append(r.Source);
        return XxHash128.HashToUInt128(Encoding.UTF8.GetBytes(_canonical.ToString()));
    }
}
