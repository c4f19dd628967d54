using System.Globalization;
using System.Runtime.CompilerServices;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace GhgReporting.Api.Uploads;

/// <summary>
/// Reads an XLSX upload: the sheet "activity_records" if there is one, else the first worksheet. The first row with
/// a value is the header; empty rows are skipped; row numbers are Excel's. A date column holding an Excel date number
/// becomes yyyy-MM-dd; every other value is the text stored in the file. A zip needs random access, so the request
/// body must be buffered first (to memory or a temporary file): the stream must be seekable, and is read synchronously.
/// </summary>
public sealed class XlsxActivityRowSource : IActivityRowSource
{
    private const string Damaged = "The workbook is damaged and cannot be read. Open it in Excel, save it again and upload it again.";
    private const string NotAWorkbook = "The file is not an Excel workbook (.xlsx). Save it in Excel as 'Excel Workbook (*.xlsx)' and upload again.";

    private readonly Stream stream;
    private readonly UploadErrorList errors = new();
    private bool started;

    public XlsxActivityRowSource(Stream seekableStream)
    {
        ArgumentNullException.ThrowIfNull(seekableStream);
        if (!seekableStream.CanSeek) throw new ArgumentException("An XLSX file is a zip archive and must be read from a seekable stream.", nameof(seekableStream));
        stream = seekableStream;
    }

    public UploadFormat Format => UploadFormat.Xlsx;

    public IReadOnlyList<UploadError> Errors => errors.Items;

    public long ErrorCount => errors.Count;

    public async IAsyncEnumerable<RawActivityRow> ReadAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        if (started) throw new InvalidOperationException("An upload can be read only once.");
        started = true;

        using var document = OpenDocument();
        if (document is null) yield break;
        using var sheet = Guard(() => XlsxSheetReader.Open(document), null);
        if (sheet is null)
        {
            if (errors.Count == 0) errors.Add(0, "(file)", "The workbook has no worksheet.");
            yield break;
        }

        var cells = new List<XlsxCell>();
        int[]? columnToField = null; // sheet column → layout column, -1 for a column without a name
        var values = new string[ActivityLayout.Columns.Count];
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            long row;
            try
            {
                if (!sheet.ReadRow(cells, out row)) break;
            }
            catch (Exception e) when (IsDamaged(e))
            {
                errors.Add(0, "(file)", Damaged);
                yield break;
            }

            if (cells.TrueForAll(c => string.IsNullOrWhiteSpace(c.Text))) continue;

            if (columnToField is null)
            {
                columnToField = ResolveHeader(cells, row);
                if (columnToField is null) yield break;
                continue;
            }

            if (Fill(values, cells, columnToField, row, sheet.Date1904))
                yield return new RawActivityRow(row, values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7]);
        }

        if (columnToField is null)
            errors.Add(1, "(header)", $"The sheet '{sheet.Name}' is empty. Its first row must be the header: {ActivityLayout.Header}");
    }

    private SpreadsheetDocument? OpenDocument()
    {
        Span<byte> head = stackalloc byte[8];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Seek(-read, SeekOrigin.Current);
        if (head[..read].SequenceEqual((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            errors.Add(0, "(file)", "The file is an old Excel 97-2003 workbook (.xls). Save it in Excel as 'Excel Workbook (*.xlsx)' and upload again.");
            return null;
        }

        var document = Guard(() => SpreadsheetDocument.Open(stream, isEditable: false), null, NotAWorkbook);
        if (document is not null && document.WorkbookPart is null)
        {
            document.Dispose();
            errors.Add(0, "(file)", NotAWorkbook);
            return null;
        }

        return document;
    }

    /// <summary>Runs a read on the package; a damaged or foreign file becomes one "(file)" error and <paramref name="failed"/>.</summary>
    private T Guard<T>(Func<T> read, T failed, string reason = Damaged)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (IsDamaged(e))
        {
            errors.Add(0, "(file)", reason);
            return failed;
        }
    }

    private static bool IsDamaged(Exception e) => e is OpenXmlPackageException or FormatException or InvalidDataException or IOException or XmlException;

    private int[]? ResolveHeader(List<XlsxCell> cells, long row)
    {
        var names = new string[cells.Max(c => c.Column) + 1];
        Array.Fill(names, "");
        foreach (var cell in cells) names[cell.Column] = cell.Text;
        var positions = ActivityLayout.ResolveHeader(names, row, errors);
        if (positions is null) return null;

        var columnToField = new int[names.Length];
        Array.Fill(columnToField, -1);
        for (var field = 0; field < positions.Length; field++)
            if (positions[field] >= 0) columnToField[positions[field]] = field;
        return columnToField;
    }

    /// <summary>Puts the row's cells into layout order; false (with an error) when a value is in a column without a name.</summary>
    private bool Fill(string[] values, List<XlsxCell> cells, int[] columnToField, long row, bool date1904)
    {
        Array.Fill(values, "");
        foreach (var cell in cells)
        {
            var field = cell.Column < columnToField.Length ? columnToField[cell.Column] : -1;
            if (field >= 0)
            {
                values[field] = cell.IsNumber && ActivityLayout.IsDate(field) ? ExcelDate(cell.Text, date1904) : cell.IsNumber ? cell.Text : cell.Text.Trim();
            }
            else if (!string.IsNullOrWhiteSpace(cell.Text))
            {
                errors.Add(row, "(row)", $"This row has a value in column {XlsxSheetReader.ColumnLetters(cell.Column)}, which has no name in the header row. " +
                                         "Remove the value, or move it to the right column.");
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// An Excel date number (days since 1899-12-30 for dates from 1900-03-01 on, because Excel counts a 29 February 1900
    /// that did not exist) as yyyy-MM-dd; the time of day is dropped. A number that is no date is kept as it is.
    /// </summary>
    internal static string ExcelDate(string serialText, bool date1904)
    {
        if (!double.TryParse(serialText, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial)) return serialText;
        var days = Math.Floor(serial) + (date1904 ? 1462 : 0);
        if (days is < 1 or > 2_958_465) return serialText; // before 1900-01-01 or after 9999-12-31
        if (days == 60) return "1900-02-29"; // Excel's own date, which the validator will refuse
        return DateTime.FromOADate(days < 60 ? days + 1 : days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
