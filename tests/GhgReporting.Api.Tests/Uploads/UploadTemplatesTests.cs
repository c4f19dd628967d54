using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using GhgReporting.Api.Uploads;
using static GhgReporting.Api.Tests.Uploads.UploadTestData;

namespace GhgReporting.Api.Tests.Uploads;

public class UploadTemplatesTests
{
    private static readonly RawActivityRow[] ExpectedRows =
    [
        new(0, "I.1.2", "electricity:grid", "1850000", "MWh", "2023-01-01", "2023-12-31", "high", "Electricity utility sales data 2023 (example)"),
        new(0, "I.1.1", "fuel:lpg", "42000.5", "t", "2023-01-01", "2023-12-31", "medium", "Fuel sales statistics, LPG (example)"),
        new(0, "II.1.1", "fuel:gas-diesel-oil", "5200", "TJ", "2023-01-01", "2023-06-30", "low", ""),
    ];

    [Fact]
    public void ActivityLayout_Columns_AreThePublishedNamesInOrder()
    {
        ActivityLayout.Columns.Select(c => c.Name).Should().Equal(CsvHeader.Split(','));
        ActivityLayout.Columns.Select(c => c.JsonName).Should().Equal(
            "gpcReference", "activityType", "amount", "unit", "periodStart", "periodEnd", "dataQuality", "source");
        ActivityLayout.Columns.Where(c => !c.Required).Select(c => c.Name).Should().Equal("source");
        ActivityLayout.Header.Should().Be(CsvHeader);
    }

    [Fact]
    public async Task Csv_ReadBack_GivesTheExamplesWithoutErrors()
    {
        var bytes = UploadTemplates.Csv();

        bytes.Take(3).Should().NotEqual(new byte[] { 0xEF, 0xBB, 0xBF }, "the template is UTF-8 without BOM");
        Encoding.UTF8.GetString(bytes).Should().StartWith(CsvHeader + "\r\n");
        var (rows, source) = await ReadCsvAsync(bytes);
        source.Errors.Should().BeEmpty();
        rows.Should().Equal(ExpectedRows.Select((r, i) => r with { Row = i + 2 }));
    }

    [Fact]
    public async Task Json_ReadBack_GivesTheExamplesWithoutErrors()
    {
        var bytes = UploadTemplates.Json();

        using (var document = JsonDocument.Parse(bytes))
        {
            document.RootElement.GetArrayLength().Should().Be(3);
            document.RootElement[1].GetProperty("amount").GetRawText().Should().Be("42000.5", "amounts are JSON numbers");
        }

        Encoding.UTF8.GetString(bytes).Should().Contain("\n  {", "the template is indented for people to read");
        var (rows, source) = await ReadJsonAsync(bytes);
        source.Errors.Should().BeEmpty();
        rows.Should().Equal(ExpectedRows.Select((r, i) => r with { Row = i + 1 }));
    }

    [Fact]
    public async Task Xlsx_ReadBack_GivesTheExamplesWithoutErrors()
    {
        var (rows, source) = await ReadXlsxAsync(UploadTemplates.Xlsx());

        source.Errors.Should().BeEmpty();
        rows.Should().Equal(ExpectedRows.Select((r, i) => r with { Row = i + 2 }));
    }

    [Fact]
    public void Xlsx_Workbook_IsValidWithAmountsAsNumbersDatesAsTextAndAColumnsSheet()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(UploadTemplates.Xlsx()), false);

        new OpenXmlValidator().Validate(document).Select(e => e.Description).Should().BeEmpty();
        var workbookPart = document.WorkbookPart!;
        var sheets = workbookPart.Workbook.Sheets!.Elements<Sheet>().ToList();
        sheets.Select(s => s.Name!.Value).Should().Equal("activity_records", "columns");

        var activity = ((WorksheetPart)workbookPart.GetPartById(sheets[0].Id!)).Worksheet.Descendants<Row>().ToList();
        var firstExample = activity[1].Elements<Cell>().ToList();
        firstExample[2].Should().Match<Cell>(c => (c.DataType == null || c.DataType.Value == CellValues.Number) && c.CellValue!.Text == "1850000");
        firstExample[4].Should().Match<Cell>(c => c.DataType!.Value == CellValues.InlineString && c.InnerText == "2023-01-01");

        var columns = ((WorksheetPart)workbookPart.GetPartById(sheets[1].Id!)).Worksheet.Descendants<Row>().ToList();
        columns.Should().HaveCount(ActivityLayout.Columns.Count + 1);
        columns[3].Elements<Cell>().First().InnerText.Should().Be("amount");
        columns[3].Elements<Cell>().ElementAt(4).InnerText.Should().Be(ActivityLayout.Columns[2].Description);
    }
}
