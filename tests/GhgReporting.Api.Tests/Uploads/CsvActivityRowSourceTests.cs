using System.Text;
using GhgReporting.Api.Uploads;
using static GhgReporting.Api.Tests.Uploads.UploadTestData;

namespace GhgReporting.Api.Tests.Uploads;

public class CsvActivityRowSourceTests
{
    [Fact]
    public async Task ReadAsync_GoodFile_YieldsTrimmedTextWithSpreadsheetRowNumbers()
    {
        var (rows, source) = await ReadCsvAsync(CsvHeader + "\r\n" +
                                                " I.1.2 , electricity:grid ,1850000,MWh,2023-01-01,2023-12-31,high, utility invoices \r\n" +
                                                "I.1.1,fuel:lpg,42000.5,t,2023-01-01,2023-12-31,medium,\"sales, LPG\"\r\n");

        source.Errors.Should().BeEmpty();
        source.ErrorCount.Should().Be(0);
        source.Format.Should().Be(UploadFormat.Csv);
        rows.Should().Equal(
            new RawActivityRow(2, "I.1.2", "electricity:grid", "1850000", "MWh", "2023-01-01", "2023-12-31", "high", "utility invoices"),
            new RawActivityRow(3, "I.1.1", "fuel:lpg", "42000.5", "t", "2023-01-01", "2023-12-31", "medium", "sales, LPG"));
    }

    [Fact]
    public async Task ReadAsync_HeaderInOtherOrderAndCase_MapsColumnsByName()
    {
        var (rows, source) = await ReadCsvAsync(" SOURCE ,Amount,unit,gpc_reference,activity_type,period_start,period_end,data_quality\n" +
                                                "x,5,t,I.1.1,fuel:lpg,2023-01-01,2023-12-31,low\n");

        source.Errors.Should().BeEmpty();
        rows.Should().ContainSingle().Which.Should().Be(
            new RawActivityRow(2, "I.1.1", "fuel:lpg", "5", "t", "2023-01-01", "2023-12-31", "low", "x"));
    }

    [Fact]
    public async Task ReadAsync_SourceColumnLeftOut_SourceIsEmpty()
    {
        var (rows, source) = await ReadCsvAsync("gpc_reference,activity_type,amount,unit,period_start,period_end,data_quality\n" +
                                                "I.1.1,fuel:lpg,5,t,2023-01-01,2023-12-31,low\n");

        source.Errors.Should().BeEmpty();
        rows.Should().ContainSingle().Which.Source.Should().BeEmpty();
    }

    [Fact]
    public async Task ReadAsync_EmptyValues_ArePassedOnForTheValidator()
    {
        var (rows, source) = await ReadCsvAsync(CsvHeader + "\n,fuel:lpg,,t,,2023-12-31,,\n");

        source.Errors.Should().BeEmpty();
        rows.Should().ContainSingle().Which.Should().Be(new RawActivityRow(2, "", "fuel:lpg", "", "t", "", "2023-12-31", "", ""));
    }

    [Fact]
    public async Task ReadAsync_Utf8Bom_IsSkipped()
    {
        var (rows, source) = await ReadCsvAsync([0xEF, 0xBB, 0xBF, .. Utf8(CsvHeader + "\n" + Line(1) + "\n")]);

        source.Errors.Should().BeEmpty();
        rows.Should().ContainSingle().Which.GpcReference.Should().Be("I.1.2");
    }

    [Fact]
    public async Task ReadAsync_QuotedLineBreaksAndBlankLines_RowNumbersAreThoseASpreadsheetShows()
    {
        // Spreadsheet rows: 1 header, 2, 3 (a value over two lines), 4, 5 blank, 6, 7 ",,,,,,," (blank to a person), 8.
        var (rows, source) = await ReadCsvAsync(CsvHeader + "\n" + Line(2) + "\n" +
                                                "I.1.2,electricity:grid,3,MWh,2023-01-01,2023-12-31,high,\"first line\nsecond line\"\n" +
                                                Line(4) + "\n\n" + Line(6) + "\n,,,,,,,\n" + Line(8));

        source.Errors.Should().BeEmpty();
        rows.Select(r => r.Row).Should().Equal(2, 3, 4, 6, 8);
        rows[1].Source.Should().Be("first line\nsecond line");
        rows[4].Source.Should().Be("invoice 8");
    }

    [Fact]
    public async Task ReadAsync_RowAfterQuotedLineBreak_WrongFieldCountIsReportedAtItsSpreadsheetRow()
    {
        var (rows, source) = await ReadCsvAsync(CsvHeader + "\n" +
                                                "I.1.2,electricity:grid,3,MWh,2023-01-01,2023-12-31,high,\"a\nb\nc\"\n" +
                                                "I.1.2,electricity:grid,3,MWh,2023-01-01,2023-12-31,high\n");

        rows.Select(r => r.Row).Should().Equal(2);
        source.Errors.Should().ContainSingle().Which.Should().Match<UploadError>(e => e.Row == 3 && e.Column == "(row)");
    }

    [Theory]
    [InlineData("I.1.2,electricity:grid,3,MWh,2023-01-01,2023-12-31,high", "7 values")]
    [InlineData("I.1.2,electricity:grid,3,MWh,2023-01-01,2023-12-31,high,invoice, page 2", "9 values")]
    public async Task ReadAsync_RowWithWrongNumberOfFields_IsReportedAndSkipped(string line, string expected)
    {
        var (rows, source) = await ReadCsvAsync(CsvHeader + "\n" + Line(2) + "\n" + line + "\n" + Line(4) + "\n");

        rows.Select(r => r.Row).Should().Equal(2, 4);
        var error = source.Errors.Should().ContainSingle().Subject;
        (error.Row, error.Column).Should().Be((3L, "(row)"));
        error.Reason.Should().Contain(expected).And.Contain("8 columns");
    }

    [Fact]
    public async Task ReadAsync_QuoteInsideAnUnquotedValue_IsKeptAsASpreadsheetDoes()
    {
        var (rows, source) = await ReadCsvAsync(CsvHeader + "\n" + "I.1.2,electricity:grid,3,MWh,2023-01-01,2023-12-31,high,the \"big\" utility\n");

        source.Errors.Should().BeEmpty();
        rows.Should().ContainSingle().Which.Source.Should().Be("the \"big\" utility");
    }

    [Fact]
    public async Task ReadAsync_TextAfterAClosingQuote_IsReportedAndSkipped()
    {
        var (rows, source) = await ReadCsvAsync(CsvHeader + "\n" + "I.1.2,electricity:grid,3,MWh,2023-01-01,2023-12-31,high,\"invoice\" page 2\n" + Line(3));

        rows.Select(r => r.Row).Should().Equal(3);
        source.Errors.Should().ContainSingle().Which.Should().Match<UploadError>(e => e.Row == 2 && e.Column == "(row)" && e.Reason.Contains("double quote"));
    }

    [Fact]
    public async Task ReadAsync_QuoteNeverClosed_StopsAtTheRowWithoutReadingTheRestIntoOneValue()
    {
        var rest = string.Join("\n", Enumerable.Range(3, 2000).Select(Line));
        var (rows, source) = await ReadCsvAsync(CsvHeader + "\n" + Line(1) + "\n" + "I.1.2,electricity:grid,3,MWh,2023-01-01,2023-12-31,high,\"open\n" + rest);

        rows.Select(r => r.Row).Should().Equal(2);
        source.Errors.Should().ContainSingle().Which.Should().Match<UploadError>(e => e.Row == 3 && e.Reason.Contains("never closed"));
    }

    [Fact]
    public async Task ReadAsync_QuoteNeverClosedInTheLastColumn_IsReportedSoTheSwallowedRowsAreNotLostSilently()
    {
        var (rows, source) = await ReadCsvAsync(CsvHeader + "\n" + "I.1.2,electricity:grid,3,MWh,2023-01-01,2023-12-31,high,\"open\n" + Line(3) + "\n" + Line(4));

        rows.Should().BeEmpty();
        source.Errors.Should().ContainSingle().Which.Should().Match<UploadError>(e => e.Row == 2 && e.Column == "(row)");
    }

    [Fact]
    public async Task ReadAsync_MissingColumns_OneHeaderErrorNamingThemAndTheExpectedHeader()
    {
        var (rows, source) = await ReadCsvAsync("gpc_reference,activity_type,amount,period_start,data_quality\nI.1.1,fuel:lpg,1,2023-01-01,low\n");

        rows.Should().BeEmpty();
        var error = source.Errors.Should().ContainSingle().Subject;
        (error.Row, error.Column).Should().Be((1L, "(header)"));
        error.Reason.Should().Contain("unit, period_end").And.Contain(CsvHeader);
    }

    [Fact]
    public async Task ReadAsync_UnknownAndDuplicateColumns_AreNamed()
    {
        var (rows, source) = await ReadCsvAsync(CsvHeader + ",notes,Amount\n");

        rows.Should().BeEmpty();
        source.Errors.Select(e => (e.Row, e.Column)).Should().Equal((1L, "(header)"), (1L, "(header)"));
        source.Errors[0].Reason.Should().Contain("'notes'");
        source.Errors[1].Reason.Should().Contain("'amount'").And.Contain("more than once");
    }

    [Fact]
    public async Task ReadAsync_HeaderAfterBlankLines_IsFoundAndRowsCountTheBlankLines()
    {
        var (rows, source) = await ReadCsvAsync("\n\n" + CsvHeader + "\n" + Line(4));

        source.Errors.Should().BeEmpty();
        rows.Should().ContainSingle().Which.Row.Should().Be(4);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    public async Task ReadAsync_EmptyFile_OneHeaderError(string text)
    {
        var (rows, source) = await ReadCsvAsync(text);

        rows.Should().BeEmpty();
        source.Errors.Should().ContainSingle().Which.Should().Match<UploadError>(e => e.Row == 1 && e.Column == "(header)" && e.Reason.Contains("empty"));
    }

    [Fact]
    public async Task ReadAsync_SemicolonSeparated_SaysToUseCommas()
    {
        var (_, source) = await ReadCsvAsync(CsvHeader.Replace(',', ';') + "\n");

        source.Errors.Should().ContainSingle().Which.Reason.Should().Contain("semicolons");
    }

    [Fact]
    public async Task ReadAsync_InvalidUtf8InTheMiddle_ReportsItsRowAndStops()
    {
        var bytes = Utf8(CsvHeader + "\n" + Line(2) + "\n" + Line(3) + "\nI.1.2,electricity:grid,4,MWh,2023-01-01,2023-12-31,high,caf")
            .Concat(new byte[] { 0xE9 }) // 'é' in Windows-1252
            .Concat(Utf8("\n" + Line(5) + "\n")).ToArray();

        var (rows, source) = await ReadCsvAsync(bytes);

        rows.Select(r => r.Row).Should().Equal(2, 3);
        source.Errors.Should().ContainSingle().Which.Should().Be(
            new UploadError(4, "(file)", "The file is not UTF-8 text. Save it as 'CSV UTF-8' and upload again."));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(int.MaxValue)]
    public async Task ReadAsync_InvalidUtf8FarIntoTheFile_RowIsRightWhateverTheChunks(int chunk)
    {
        // Far beyond the decoder's and the parser's buffers, after multi-byte characters, in a value over two lines.
        var text = new StringBuilder(CsvHeader + "\n");
        for (var i = 2; i < 3000; i++) text.Append(Line(i)).Append(" Hải Phòng 😀\n");
        text.Append("\n\nI.1.2,electricity:grid,4,MWh,2023-01-01,2023-12-31,high,\"two\nlines ");
        byte[] bytes = [.. Utf8(text.ToString()), 0xC3, 0x28, .. Utf8("\"\n" + Line(3003))];

        var (rows, source) = await ReadCsvAsync(bytes, chunk);

        rows.Should().HaveCount(2998);
        rows[^1].Should().Match<RawActivityRow>(r => r.Row == 2999 && r.Source == "invoice 2999 Hải Phòng 😀");
        source.Errors.Should().ContainSingle().Which.Row.Should().Be(3002);
    }

    [Fact]
    public async Task ReadAsync_InvalidUtf8AtTheStartOfARowAfterBlankLines_ReportsThatRow()
    {
        byte[] bytes = [.. Utf8(CsvHeader + "\n" + Line(2) + "\n\n\n"), 0xFF, .. Utf8("I.1.2\n")];

        var (rows, source) = await ReadCsvAsync(bytes);

        rows.Select(r => r.Row).Should().Equal(2);
        source.Errors.Should().ContainSingle().Which.Row.Should().Be(5);
    }

    [Fact]
    public async Task ReadAsync_Utf16Bom_OneErrorAtRow1()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(CsvHeader + "\n" + Line(2))).ToArray();

        var (rows, source) = await ReadCsvAsync(bytes);

        rows.Should().BeEmpty();
        source.Errors.Should().ContainSingle().Which.Should().Be(
            new UploadError(1, "(file)", "The file is UTF-16 text; save it as 'CSV UTF-8' and upload again."));
    }

    [Fact]
    public async Task ReadAsync_Utf16WithoutBom_SaysUtf16()
    {
        var (rows, source) = await ReadCsvAsync(Encoding.Unicode.GetBytes(CsvHeader + "\n" + Line(2)));

        rows.Should().BeEmpty();
        source.Errors.Should().ContainSingle().Which.Reason.Should().Contain("UTF-16");
    }

    [Fact]
    public async Task ReadAsync_ManyBadRows_KeepsTheFirst1000ErrorsAndCountsAll()
    {
        var text = CsvHeader + "\n" + string.Concat(Enumerable.Repeat("I.1.1,fuel:lpg\n", 1500));

        var (rows, source) = await ReadCsvAsync(text);

        rows.Should().BeEmpty();
        source.Errors.Should().HaveCount(1000);
        source.Errors[^1].Row.Should().Be(1001);
        source.ErrorCount.Should().Be(1500);
    }

    [Fact]
    public async Task ReadAsync_200000RowsFromABodyThatRefusesSyncReads_StreamsThemAll()
    {
        var text = new StringBuilder(CsvHeader).Append('\n');
        for (var i = 0; i < 200_000; i++) text.Append(Line(i)).Append('\n');

        var source = new CsvActivityRowSource(new AsyncOnlyStream(new MemoryStream(Utf8(text.ToString()))));
        long count = 0, lastRow = 0;
        await foreach (var row in source.ReadAsync())
        {
            count++;
            lastRow = row.Row;
        }

        source.Errors.Should().BeEmpty();
        count.Should().Be(200_000);
        lastRow.Should().Be(200_001);
    }

    [Fact]
    public async Task ReadAsync_Cancelled_Throws()
    {
        var text = CsvHeader + "\n" + string.Join("\n", Enumerable.Range(2, 10_000).Select(Line));
        var source = new CsvActivityRowSource(new AsyncOnlyStream(new MemoryStream(Utf8(text))));
        using var cancel = new CancellationTokenSource();

        var read = async () =>
        {
            await foreach (var _ in source.ReadAsync(cancel.Token)) await cancel.CancelAsync();
        };

        await read.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task ReadAsync_Twice_Throws()
    {
        var source = new CsvActivityRowSource(new MemoryStream(Utf8(CsvHeader)));
        await source.ReadAllAsync();

        var again = () => source.ReadAllAsync();

        await again.Should().ThrowAsync<InvalidOperationException>();
    }
}
