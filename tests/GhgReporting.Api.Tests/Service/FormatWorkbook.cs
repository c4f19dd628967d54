using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace GhgReporting.Api.Tests.Service;

/// <summary>
/// Builds an .xlsx the way Excel saves one: text in the shared string table, numbers as numbers, and a
/// <see cref="DateOnly"/> as an Excel date number (days since 1899-12-30 in the 1900 date system) shown with the
/// built-in date format 14, which is what Excel stores when a date is typed into a General cell.
/// </summary>
public static class FormatWorkbook
{
    private const uint DateStyle = 1;

    /// <summary>One sheet "activity_records"; each cell is a string (text), a decimal (number) or a DateOnly (date number).</summary>
    public static byte[] Build(IReadOnlyList<object[]> rows)
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook(new Sheets());
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = new Stylesheet(
                new Fonts(new Font()) { Count = 1 },
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
                new Borders(new Border()) { Count = 1 },
                new CellStyleFormats(new CellFormat()) { Count = 1 },
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }) { Count = 2 });

            var strings = new List<string>();
            var sheetData = new SheetData();
            for (var r = 0; r < rows.Count; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    var reference = (char)('A' + c) + (r + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    row.Append(Cell(rows[r][c], reference, strings));
                }
                sheetData.Append(row);
            }

            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            sheetPart.Worksheet = new Worksheet(sheetData);
            workbookPart.AddNewPart<SharedStringTablePart>().SharedStringTable =
                new SharedStringTable(strings.Select(s => new SharedStringItem(new Text(s) { Space = SpaceProcessingModeValues.Preserve })))
                    { Count = (uint)strings.Count, UniqueCount = (uint)strings.Count };
            workbookPart.Workbook.Sheets!.Append(new Sheet { Name = "activity_records", SheetId = 1, Id = workbookPart.GetIdOfPart(sheetPart) });
        }

        return buffer.ToArray();
    }

    /// <summary>The Excel date number of a day: 2022-01-01 is 44562.</summary>
    public static int Serial(DateOnly date) => (int)date.ToDateTime(TimeOnly.MinValue).ToOADate();

    private static Cell Cell(object value, string reference, List<string> strings) => value switch
    {
        string text => new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(Index(strings, text)) },
        decimal number => new Cell { CellReference = reference, CellValue = new CellValue(number) },
        DateOnly date => new Cell { CellReference = reference, StyleIndex = DateStyle, CellValue = new CellValue(Serial(date)) },
        _ => throw new ArgumentException($"Cannot write {value.GetType()} to a cell."),
    };

    private static int Index(List<string> strings, string text)
    {
        var index = strings.IndexOf(text);
        if (index >= 0) return index;
        strings.Add(text);
        return strings.Count - 1;
    }
}
