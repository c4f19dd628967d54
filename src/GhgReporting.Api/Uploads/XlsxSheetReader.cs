using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace GhgReporting.Api.Uploads;

/// <summary>A cell with a value: its 0-based column, its text, and whether Excel stored it as a number.</summary>
internal readonly record struct XlsxCell(int Column, string Text, bool IsNumber);

/// <summary>
/// Reads one worksheet row by row with the OpenXml SAX reader (<see cref="OpenXmlReader"/>), never loading the sheet
/// data as a DOM. Only the shared string table and the workbook part (sheet names, date system) are loaded whole.
/// Numbers are kept as the text stored in the file ("1234.5", "1.5E-3"), never converted through double.
/// </summary>
internal sealed class XlsxSheetReader : IDisposable
{
    private readonly OpenXmlReader reader;
    private readonly IReadOnlyList<string> sharedStrings;
    private readonly StringBuilder inline = new();
    private long lastRow;

    private XlsxSheetReader(string name, OpenXmlReader reader, IReadOnlyList<string> sharedStrings, bool date1904)
    {
        Name = name;
        this.reader = reader;
        this.sharedStrings = sharedStrings;
        Date1904 = date1904;
    }

    public string Name { get; }

    /// <summary>The workbook counts days from 1904-01-01 (old Mac Excel) instead of 1900.</summary>
    public bool Date1904 { get; }

    /// <summary>Opens the sheet named "activity_records", else the first worksheet; null when the workbook has none.</summary>
    public static XlsxSheetReader? Open(SpreadsheetDocument document)
    {
        var workbookPart = document.WorkbookPart;
        if (workbookPart?.Workbook.Sheets is not { } sheets) return null;
        var worksheets = sheets.Elements<Sheet>()
            .Select(s => (Name: s.Name?.Value ?? "", Part: s.Id?.Value is { } id && workbookPart.TryGetPartById(id, out var p) ? p as WorksheetPart : null))
            .Where(s => s.Part is not null)
            .ToList();
        if (worksheets.Count == 0) return null;
        var (name, part) = worksheets.FirstOrDefault(s => string.Equals(s.Name.Trim(), "activity_records", StringComparison.OrdinalIgnoreCase));
        if (part is null) (name, part) = worksheets[0];
        var date1904 = workbookPart.Workbook.WorkbookProperties?.Date1904?.Value ?? false;
        return new XlsxSheetReader(name, OpenXmlReader.Create(part!), LoadSharedStrings(workbookPart), date1904);
    }

    /// <summary>Reads the next row element (empty ones too) into <paramref name="cells"/>; false at the end of the sheet.</summary>
    public bool ReadRow(List<XlsxCell> cells, out long rowNumber)
    {
        cells.Clear();
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement) continue;
            rowNumber = long.TryParse(Attribute("r"), out var r) && r > 0 ? r : lastRow + 1;
            lastRow = rowNumber;
            ReadCells(cells);
            return true;
        }

        rowNumber = 0;
        return false;
    }

    private void ReadCells(List<XlsxCell> cells)
    {
        var column = -1;
        string? type = null, value = null;
        var phonetic = false;
        while (reader.Read())
        {
            var element = reader.ElementType;
            if (element == typeof(Row)) return; // the end of the row
            if (element == typeof(Cell) && reader.IsStartElement)
            {
                var reference = ColumnIndex(Attribute("r"));
                column = reference >= 0 ? reference : column + 1;
                type = Attribute("t");
                value = null;
                inline.Clear();
            }
            else if (element == typeof(Cell))
            {
                if (CellText(type, value) is { } text) cells.Add(new XlsxCell(column, text, type is null or "n"));
            }
            else if (element == typeof(CellValue) && reader.IsStartElement) value = reader.GetText();
            else if (element == typeof(PhoneticRun)) phonetic = reader.IsStartElement;
            else if (element == typeof(Text) && reader.IsStartElement && !phonetic) inline.Append(reader.GetText());
        }
    }

    private string? CellText(string? type, string? value) => type switch
    {
        "inlineStr" => inline.ToString(),
        _ when value is null => null,
        "s" => int.TryParse(value, out var i) && i >= 0 && i < sharedStrings.Count
            ? sharedStrings[i]
            : throw new InvalidDataException($"A text cell points to shared string {value}, which the workbook does not have."),
        "b" => value == "1" ? "TRUE" : "FALSE",
        _ => value, // "n" or none: the number as stored; "str": a formula's text; "e": an error such as #N/A; "d": an ISO date
    };

    private string? Attribute(string localName)
    {
        foreach (var attribute in reader.Attributes)
            if (attribute.LocalName == localName && string.IsNullOrEmpty(attribute.NamespaceUri)) return attribute.Value;
        return null;
    }

    /// <summary>"C12" → 2; -1 when the reference has no column letters.</summary>
    internal static int ColumnIndex(string? reference)
    {
        if (reference is null) return -1;
        var index = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            var upper = char.ToUpperInvariant(c);
            if (upper is < 'A' or > 'Z' || letters == 3) break;
            index = index * 26 + (upper - 'A' + 1);
            letters++;
        }

        return letters == 0 ? -1 : index - 1;
    }

    /// <summary>0 → "A", 27 → "AB".</summary>
    internal static string ColumnLetters(int index)
    {
        var letters = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) letters = (char)('A' + (n - 1) % 26) + letters;
        return letters;
    }

    private static List<string> LoadSharedStrings(WorkbookPart workbookPart)
    {
        var strings = new List<string>();
        if (workbookPart.SharedStringTablePart is not { } part) return strings;
        using var reader = OpenXmlReader.Create(part);
        var text = new StringBuilder();
        var phonetic = false;
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem))
            {
                if (reader.IsStartElement) text.Clear();
                else strings.Add(text.ToString());
            }
            else if (reader.ElementType == typeof(PhoneticRun)) phonetic = reader.IsStartElement;
            else if (reader.ElementType == typeof(Text) && reader.IsStartElement && !phonetic) text.Append(reader.GetText());
        }

        return strings;
    }

    public void Dispose() => reader.Dispose();
}
