using System.Buffers.Binary;
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
    // Duplicates are found by a hash of each row's values (see RowFingerprints for the odds and the memory).
    private readonly RowFingerprints _seen = new();
    private readonly XxHash3 _hasher = new();
    private byte[] _buffer = new byte[512];
    // The normal form (I.1.1, lowercase activity type) of each GPC reference and activity type text seen,
    // computed once per distinct text rather than once per row.
    private readonly Dictionary<(string Gpc, string Activity), (string Gpc, string Activity)> _normal = [];

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
            string.IsNullOrWhiteSpace(raw.Source) ? null : raw.Source.Trim());

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

        // Stored in the form the engine uses, so that a line of an inventory finds its records by equality.
        if (!_normal.TryGetValue((record.GpcReference, record.ActivityType), out var normal))
        {
            normal = (GpcStructure.Get(record.GpcReference).Reference, ActivityKey.Parse(record.ActivityType).ToString());
            _normal[(record.GpcReference, record.ActivityType)] = normal;
        }
        if (!ReferenceEquals(normal.Gpc, record.GpcReference) || !ReferenceEquals(normal.Activity, record.ActivityType))
            record = record with { GpcReference = normal.Gpc, ActivityType = normal.Activity };

        var first = _seen.AddOrGetFirst(Fingerprint(record), checked((int)raw.Row));
        if (first != 0)
        {
            _errors.Add(raw.Row, "(row)", $"is the same as row {first}: every value is equal, so the amount would be counted twice. Remove one of them.");
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
        var span = text.AsSpan().Trim();
        // The common case, yyyy-mm-dd, without the general parser (a million rows have two dates each).
        if (span.Length == 10 && span[4] == '-' && span[7] == '-'
            && TryDigits(span[..4], out var y) && TryDigits(span.Slice(5, 2), out var m) && TryDigits(span.Slice(8, 2), out var d)
            && y >= 1 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m))
            return new DateOnly(y, m, d);
        _errors.Add(row, column, span.Length == 0 ? "is empty; give a date written yyyy-mm-dd." : $"'{span}' is not a date written yyyy-mm-dd (for example 2023-01-31).");
        return default;
    }

    private static bool TryDigits(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        foreach (var c in digits)
        {
            if (c is < '0' or > '9') return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }

    private DataQuality Quality(RawActivityRow raw)
    {
        var text = raw.DataQuality.AsSpan().Trim();
        if (text.Equals("high", StringComparison.OrdinalIgnoreCase)) return DataQuality.High;
        if (text.Equals("medium", StringComparison.OrdinalIgnoreCase)) return DataQuality.Medium;
        if (text.Equals("low", StringComparison.OrdinalIgnoreCase)) return DataQuality.Low;
        _errors.Add(raw.Row, "data_quality", $"'{text}' is not one of high, medium, low.");
        return DataQuality.Low;
    }

    private static string ColumnOf(string engineField) => engineField switch
    {
        "period" => "period_start",
        _ => engineField,
    };

    private ulong Fingerprint(ActivityRecord r)
    {
        _hasher.Reset();
        Append(r.GpcReference);
        Append(r.ActivityType);
        // 1.50 and 1.5 are the same amount: hash the value without trailing zeros.
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(r.Amount, bits);
        var mantissa = ((UInt128)(uint)bits[2] << 64) | ((UInt128)(uint)bits[1] << 32) | (uint)bits[0];
        var scale = (bits[3] >> 16) & 0xFF;
        while (scale > 0 && mantissa % 10 == 0)
        {
            mantissa /= 10;
            scale--;
        }
        Span<byte> fixedPart = stackalloc byte[16 + 4 + 4 + 4 + 4];
        BinaryPrimitives.WriteUInt128LittleEndian(fixedPart, mantissa);
        BinaryPrimitives.WriteInt32LittleEndian(fixedPart[16..], scale | (bits[3] & int.MinValue));
        BinaryPrimitives.WriteInt32LittleEndian(fixedPart[20..], r.PeriodStart.DayNumber);
        BinaryPrimitives.WriteInt32LittleEndian(fixedPart[24..], r.PeriodEnd.DayNumber);
        BinaryPrimitives.WriteInt32LittleEndian(fixedPart[28..], (int)r.Quality);
        _hasher.Append(fixedPart);
        Append(r.Unit);
        Append(r.Source ?? "");
        return _hasher.GetCurrentHashAsUInt64();
    }

    /// <summary>Appends a string's UTF-8 bytes and a separator, so that ("ab","c") and ("a","bc") differ.</summary>
    private void Append(string text)
    {
        var needed = Encoding.UTF8.GetMaxByteCount(text.Length) + 1;
        if (_buffer.Length < needed) _buffer = new byte[needed];
        var n = Encoding.UTF8.GetBytes(text, _buffer);
        _buffer[n] = 0x1f;
        _hasher.Append(_buffer.AsSpan(0, n + 1));
    }
}
