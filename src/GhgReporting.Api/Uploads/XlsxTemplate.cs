using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace GhgReporting.Api.Uploads;

/// <summary>Writes the XLSX template (small, so with the OpenXml DOM).</summary>
internal static class XlsxTemplate
{
    // Cell formats in the stylesheet below.
    private const uint Bold = 1, TextFormat = 2;

    public static byte[] Build(IReadOnlyList<string[]> examples)
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook(new Sheets());
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Stylesheet();

            var columns = ActivityLayout.Columns;
            var activity = new List<Row> { HeaderRow(columns.Select(c => c.Name)) };
            foreach (var example in examples)
                activity.Add(new Row(example.Select((value, i) =>
                    i == ActivityLayout.Amount ? NumberCell(value) : TextCell(value, ActivityLayout.IsDate(i) ? TextFormat : 0))));
            AddSheet(workbookPart, "activity_records",
                [.. columns.Select((c, i) => ActivityLayout.IsDate(i) ? (12.0, TextFormat) : (c.Name == "source" ? 48.0 : 18.0, 0u))], activity);

            var described = new List<Row> { HeaderRow(["column", "json_name", "type", "required", "description", "example"]) };
            foreach (var c in columns)
                described.Add(new Row(TextCell(c.Name), TextCell(c.JsonName), TextCell(c.Type), TextCell(c.Required ? "yes" : "no"),
                    TextCell(c.Description), TextCell(c.Example)));
            AddSheet(workbookPart, "columns", [(16, 0), (14, 0), (18, 0), (9, 0), (100, 0), (40, 0)], described);
        }

        return buffer.ToArray();
    }

    private static void AddSheet(WorkbookPart workbookPart, string name, (double Width, uint Style)[] widths, List<Row> rows)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            rows[i].RowIndex = (uint)(i + 1);
            var column = 0;
            foreach (var cell in rows[i].Elements<Cell>())
                cell.CellReference = XlsxSheetReader.ColumnLetters(column++) + (i + 1);
        }

        // Date columns are formatted as text, so that a date typed into them stays as typed instead of becoming a number.
        var layout = new Columns(widths.Select((w, i) => new Column
        {
            Min = (uint)(i + 1), Max = (uint)(i + 1), Width = w.Width, CustomWidth = true, Style = w.Style == 0 ? null : w.Style,
        }));
        var part = workbookPart.AddNewPart<WorksheetPart>();
        part.Worksheet = new Worksheet(layout, new SheetData(rows));
        var sheets = workbookPart.Workbook.Sheets!;
        sheets.Append(new Sheet { Name = name, SheetId = (uint)(sheets.Count() + 1), Id = workbookPart.GetIdOfPart(part) });
    }

    private static Row HeaderRow(IEnumerable<string> names) => new(names.Select(n => TextCell(n, Bold)));

    private static Cell TextCell(string text, uint style = 0) => new()
    {
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
        StyleIndex = style == 0 ? null : style,
    };

    private static Cell NumberCell(string number) => new() { DataType = CellValues.Number, CellValue = new CellValue(number) };

    private static Stylesheet Stylesheet() => new(
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellStyleFormats(new CellFormat()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 49, ApplyNumberFormat = true }) { Count = 3 });
}
