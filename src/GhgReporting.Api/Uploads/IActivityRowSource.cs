namespace GhgReporting.Api.Uploads;

/// <summary>
/// One row as read from a file, all fields still text, before validation. <paramref name="Row"/> is the row number a
/// person sees: for CSV and XLSX the spreadsheet row (header = row 1, first data row = 2); for JSON the 1-based index
/// in the array. A column the file does not have (only <c>source</c> may be left out) is "".
/// </summary>
public sealed record RawActivityRow(long Row, string GpcReference, string ActivityType, string Amount, string Unit,
    string PeriodStart, string PeriodEnd, string DataQuality, string Source);

public enum UploadFormat
{
    Csv,
    Xlsx,
    Json,
}

/// <summary>
/// Reads rows from an uploaded file. Structural problems (bad encoding, missing, unknown or duplicate header columns,
/// malformed JSON, an XLSX that is not a workbook, a row with the wrong number of fields) are added to
/// <see cref="Errors"/> and the row concerned is not yielded. After a fatal problem (encoding, header, malformed
/// JSON, damaged workbook) nothing more is yielded. Values are not checked here: empty values are passed on as "".
/// </summary>
/// <remarks>A source reads its stream once; it does not dispose the stream.</remarks>
public interface IActivityRowSource
{
    UploadFormat Format { get; }

    /// <summary>The first <see cref="UploadErrorList.Capacity"/> (1000) errors, in file order.</summary>
    IReadOnlyList<UploadError> Errors { get; }

    /// <summary>All errors found, also those not kept in <see cref="Errors"/>.</summary>
    long ErrorCount { get; }

    IAsyncEnumerable<RawActivityRow> ReadAsync(CancellationToken ct = default);
}
