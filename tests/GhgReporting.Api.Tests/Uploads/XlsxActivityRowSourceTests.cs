using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GhgReporting.Api.Uploads;
using static GhgReporting.Api.Tests.Uploads.UploadTestData;

namespace GhgReporting.Api.Tests.Uploads;

public class XlsxActivityRowSourceTests
{
    private static readonly string[] HeaderNames = CsvHeader.Split(',');

    [Fact]
    public async Task ReadAsync_SharedAndInlineStringsAndNumbers_KeepTheStoredText()
    {
        var bytes = Workbook(("activity_records", [
            Row(1, HeaderNames.Select(Shared).ToArray()),
            Row(2, Shared("I.1.2"), Inline(" electricity:grid "), Number("0.1"), Shared("MWh"), Shared("2023-01-01"), Shared("2023-12-31"), Shared("high"), Shared("invoices")),
            Row(3, Shared("I.1.1"), Shared("fuel:lpg"), Number("1.5E-3"), Shared("t"), Shared("2023-01-01"), Shared("2023-12-31"), Shared("low")),
            Row(4, Shared("I.1.1"), Shared("fuel:lpg"), Shared("123456789.123456789"), Shared("t"), Shared("2023-01-01"), Shared("2023-12-31"), Bool(true), Number("42")),
        ]));

        var (rows, source) = await ReadXlsxAsync(bytes);

        source.Errors.Should().BeEmpty();
        source.Format.Should().Be(UploadFormat.Xlsx);
        rows.Should().Equal(
            new RawActivityRow(2, "I.1.2", "electricity:grid", "0.1", "MWh", "2023-01-01", "2023-12-31", "high", "invoices"),
            new RawActivityRow(3, "I.1.1", "fuel:lpg", "1.5E-3", "t", "2023-01-01", "2023-12-31", "low", ""),
            new RawActivityRow(4, "I.1.1", "fuel:lpg", "123456789.123456789", "t", "2023-01-01", "2023-12-31", "TRUE", "42"));
    }

    [Fact]
    public async Task ReadAsync_DateColumnsHoldingExcelDateNumbers_BecomeIsoDates()
    {
        var bytes = Workbook(("Sheet1", [
            Row(1, HeaderNames.Select(Inline).ToArray()),
            Row(2, Inline("I.1.2"), Inline("electricity:grid"), Number("44927"), Inline("MWh"), Number("44927"), Number("45291.75"), Inline("high"), Number("44927")),
        ]));

        var (rows, source) = await ReadXlsxAsync(bytes);

        source.Errors.Should().BeEmpty();
        // 44927 = 2023-01-01 and 45291 = 2023-12-31 in Excel; only the date columns are dates, "amount" and "source" stay numbers.
        rows.Should().ContainSingle().Which.Should().Be(
            new RawActivityRow(2, "I.1.2", "electricity:grid", "44927", "MWh", "2023-01-01", "2023-12-31", "high", "44927"));
    }

    [Fact]
    public async Task ReadAsync_Workbook1904DateSystem_DatesCountFrom1904()
    {
        var bytes = Workbook(("Sheet1", [
            Row(1, HeaderNames.Select(Inline).ToArray()),
            Row(2, Inline("I.1.2"), Inline("electricity:grid"), Number("1"), Inline("MWh"), Number("43465"), Number("43829"), Inline("high")),
        ]), date1904: true);

        var (rows, _) = await ReadXlsxAsync(bytes);

        rows.Should().ContainSingle().Which.Should().Match<RawActivityRow>(r => r.PeriodStart == "2023-01-01" && r.PeriodEnd == "2023-12-31");
    }

    [Theory]
    [InlineData("1", "1900-01-01")]
    [InlineData("59", "1900-02-28")]
    [InlineData("60", "1900-02-29")] // Excel's day that never was: passed on for the validator to refuse
    [InlineData("61", "1900-03-01")]
    [InlineData("44927.999", "2023-01-01")]
    [InlineData("0", "0")]
    [InlineData("-5", "-5")]
    [InlineData("1E+300", "1E+300")]
    public void ExcelDate_Serial_IsExcelsCalendarDay(string serial, string expected) =>
        XlsxActivityRowSource.ExcelDate(serial, date1904: false).Should().Be(expected);

    [Fact]
    public async Task ReadAsync_RowNumbersAreExcels_EmptyRowsSkipped_HeaderIsTheFirstRowWithAValue()
    {
        var bytes = Workbook(("Sheet1", [
            Row(2),
            Row(3, Inline(" ")),
            Row(4, HeaderNames.Select(Inline).ToArray()),
            Row(7, DataCells(1)),
            Row(8),
            Row(null, DataCells(2)), // no r attribute: the row after 8
            Row(12, DataCells(3)),
        ]));

        var (rows, source) = await ReadXlsxAsync(bytes);

        source.Errors.Should().BeEmpty();
        rows.Select(r => (r.Row, r.Amount)).Should().Equal((7L, "1"), (9L, "2"), (12L, "3"));
    }

    [Fact]
    public async Task ReadAsync_CellsWithoutReferencesAndGaps_AreMappedToTheirColumns()
    {
        var data = DataCells(5); // gpc_reference, activity_type, amount, unit, period_start, period_end, data_quality
        data[2].CellReference = "C2";
        data[4].CellReference = "E2"; // after C2: the unit (D) is left out
        var bytes = Workbook(("Sheet1", [
            RowWithoutReferences(1, HeaderNames.Select(Inline).ToArray()),
            RowWithoutReferences(2, data[0], data[1], data[2], data[4], data[5], data[6]),
        ]));

        var (rows, source) = await ReadXlsxAsync(bytes);

        source.Errors.Should().BeEmpty();
        rows.Should().ContainSingle().Which.Should().Be(
            new RawActivityRow(2, "I.1.2", "electricity:grid", "5", "", "2023-01-01", "2023-12-31", "high", ""));
    }

    [Fact]
    public async Task ReadAsync_SheetNamedActivityRecords_IsReadEvenWhenNotFirst()
    {
        var bytes = Workbook(
            ("notes", [Row(1, Inline("read me first"))]),
            ("Activity_Records", [Row(1, HeaderNames.Select(Inline).ToArray()), Row(2, DataCells(1))]));

        var (rows, source) = await ReadXlsxAsync(bytes);

        source.Errors.Should().BeEmpty();
        rows.Should().ContainSingle();
    }

    [Fact]
    public async Task ReadAsync_MissingAndUnknownHeaderColumns_AreNamedAtTheHeaderRow()
    {
        var bytes = Workbook(("Sheet1", [Row(3, Inline("gpc_reference"), Inline("activity_type"), Inline("amount"), Inline("notes")), Row(4, DataCells(1))]));

        var (rows, source) = await ReadXlsxAsync(bytes);

        rows.Should().BeEmpty();
        source.Errors.Select(e => (e.Row, e.Column)).Should().Equal((3L, "(header)"), (3L, "(header)"));
        source.Errors[0].Reason.Should().Contain("'notes'");
        source.Errors[1].Reason.Should().Contain("unit, period_start, period_end, data_quality");
    }

    [Fact]
    public async Task ReadAsync_ValueInAColumnWithoutName_IsReportedAndTheRowSkipped()
    {
        var bytes = Workbook(("Sheet1", [
            Row(1, HeaderNames.Select(Inline).ToArray()),
            Row(2, [.. DataCells(1), Inline("a note", "J2")]),
            Row(3, DataCells(2)),
        ]));

        var (rows, source) = await ReadXlsxAsync(bytes);

        rows.Select(r => r.Row).Should().Equal(3);
        source.Errors.Should().ContainSingle().Which.Should().Match<UploadError>(e => e.Row == 2 && e.Column == "(row)" && e.Reason.Contains("column J"));
    }

    [Fact]
    public async Task ReadAsync_EmptySheet_OneHeaderError()
    {
        var (rows, source) = await ReadXlsxAsync(Workbook(("Sheet1", [Row(1)])));

        rows.Should().BeEmpty();
        source.Errors.Should().ContainSingle().Which.Should().Match<UploadError>(e => e.Column == "(header)" && e.Reason.Contains("'Sheet1' is empty"));
    }

    [Fact]
    public async Task ReadAsync_NotAZip_OneFileError()
    {
        var (rows, source) = await ReadXlsxAsync(Utf8(CsvHeader + "\n" + Line(2)));

        rows.Should().BeEmpty();
        source.Errors.Should().ContainSingle().Which.Should().Match<UploadError>(e => e.Row == 0 && e.Column == "(file)" && e.Reason.Contains("not an Excel workbook"));
    }

    [Fact]
    public async Task ReadAsync_ZipThatIsNoWorkbook_OneFileError()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        using (var writer = new StreamWriter(archive.CreateEntry("activity.csv").Open()))
            await writer.WriteAsync(CsvHeader);

        var (rows, source) = await ReadXlsxAsync(zip.ToArray());

        rows.Should().BeEmpty();
        source.Errors.Should().ContainSingle().Which.Should().Match<UploadError>(e => e.Column == "(file)" && e.Reason.Contains("not an Excel workbook"));
    }

    [Fact]
    public async Task ReadAsync_OldXlsFile_SaysToSaveAsXlsx()
    {
        var (_, source) = await ReadXlsxAsync([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[512]]);

        source.Errors.Should().ContainSingle().Which.Reason.Should().Contain("97-2003");
    }

    [Fact]
    public void Constructor_NonSeekableStream_Throws()
    {
        var create = () => new XlsxActivityRowSource(new AsyncOnlyStream(new MemoryStream()));

        create.Should().Throw<ArgumentException>();
    }

    [Theory]
    [InlineData("A1", 0)]
    [InlineData("Z9", 25)]
    [InlineData("AA10", 26)]
    [InlineData("XFD1048576", 16383)]
    [InlineData("12", -1)]
    public void ColumnIndex_Reference_IsZeroBasedColumn(string reference, int expected)
    {
        XlsxSheetReader.ColumnIndex(reference).Should().Be(expected);
        if (expected >= 0) XlsxSheetReader.ColumnLetters(expected).Should().Be(new string(reference.TakeWhile(char.IsLetter).ToArray()));
    }

    private static Cell[] DataCells(int amount) =>
        [Inline("I.1.2"), Inline("electricity:grid"), Number(amount.ToString(System.Globalization.CultureInfo.InvariantCulture)), Inline("MWh"), Inline("2023-01-01"), Inline("2023-12-31"), Inline("high")];

    /// <summary>A row whose cells get references (A5, B5, …) unless they have one; without index, neither.</summary>
    private static Row Row(uint? index, params Cell[] cells)
    {
        if (index is not null)
            for (var i = 0; i < cells.Length; i++)
                cells[i].CellReference ??= XlsxSheetReader.ColumnLetters(i) + index;
        return RowWithoutReferences(index, cells);
    }

    private static Row RowWithoutReferences(uint? index, params Cell[] cells) =>
        new(cells) { RowIndex = index is null ? null : new UInt32Value(index.Value) };

    private static Cell Inline(string text) => Inline(text, null);

    private static Cell Inline(string text, string? reference) => new()
    {
        CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
    };

    /// <summary>A shared-string cell; <see cref="Workbook"/> builds the table from the "#text" placeholders.</summary>
    private static Cell Shared(string text) => new() { DataType = CellValues.SharedString, CellValue = new CellValue("#" + text) };

    private static Cell Number(string text) => new() { CellValue = new CellValue(text) };

    private static Cell Bool(bool value) => new() { DataType = CellValues.Boolean, CellValue = new CellValue(value ? "1" : "0") };

    private static byte[] Workbook(params (string Name, Row[] Rows)[] sheets) => Workbook(sheets, date1904: false);

    private static byte[] Workbook((string Name, Row[] Rows) sheet, bool date1904) => Workbook([sheet], date1904);

    private static byte[] Workbook((string Name, Row[] Rows)[] sheets, bool date1904)
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook(new WorkbookProperties { Date1904 = date1904 }, new Sheets());
            var shared = new List<string>();
            uint id = 1;
            foreach (var (name, rows) in sheets)
            {
                foreach (var cell in rows.SelectMany(r => r.Elements<Cell>()).Where(c => c.DataType?.Value == CellValues.SharedString))
                {
                    shared.Add(cell.CellValue!.Text[1..]);
                    cell.CellValue = new CellValue((shared.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                var part = workbookPart.AddNewPart<WorksheetPart>();
                part.Worksheet = new Worksheet(new SheetData(rows));
                workbookPart.Workbook.Sheets!.Append(new Sheet { Name = name, SheetId = id++, Id = workbookPart.GetIdOfPart(part) });
            }

            workbookPart.AddNewPart<SharedStringTablePart>().SharedStringTable =
                new SharedStringTable(shared.Select(s => new SharedStringItem(new Text(s) { Space = SpaceProcessingModeValues.Preserve })));
        }

        return buffer.ToArray();
    }
}
