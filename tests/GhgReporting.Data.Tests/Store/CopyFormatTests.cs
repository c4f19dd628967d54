using GhgReporting.Data.Submissions;
using Microsoft.EntityFrameworkCore;

namespace GhgReporting.Data.Tests.Store;

/// <summary>
/// Records go to PostgreSQL as binary COPY rows written by our own encoder (PgBinaryCopyWriter): every value,
/// text with any character and every decimal with its scale, must come back exactly as uploaded.
/// </summary>
public sealed class CopyFormatTests
{
    [Theory]
    [InlineData("tab\there")]
    [InlineData("line one\nline two")]
    [InlineData("windows\r\nline")]
    [InlineData(@"C:\data\invoices")]
    [InlineData(@"\N")]
    [InlineData("Hải Phòng — hoá đơn điện")]
    [InlineData(@"trailing backslash\")]
    public async Task Write_SourceWithCopySpecialCharacters_ReadsBackExactly(string source)
    {
        await using var database = await StoreDatabase.CreateAsync(nameof(CopyFormatTests));
        var actor = await database.AddCityAndReporterAsync("copy-text");
        await using (var db = database.NewContext())
            (await Uploads.StoreAsync(db, Uploads.Request("copy-text"), actor, Uploads.Sha256(source), [Uploads.Electricity(1.5m, source: source)]))
                .Should().BeOfType<SubmissionOutcome.Stored>();

        await using var read = database.NewContext();
        var row = await read.ActivityRecords.AsNoTracking().SingleAsync();
        row.Source.Should().Be(source);
        row.Amount.Should().Be(1.5m);
    }

    [Fact]
    public async Task Write_NoSource_StoresNull()
    {
        await using var database = await StoreDatabase.CreateAsync(nameof(CopyFormatTests));
        var actor = await database.AddCityAndReporterAsync("copy-null");
        await using (var db = database.NewContext())
            await Uploads.StoreAsync(db, Uploads.Request("copy-null"), actor, Uploads.Sha256("null"), [Uploads.Electricity(2m, source: null)]);

        (await database.ScalarAsync<long>("SELECT count(*) FROM activity_records WHERE source IS NULL")).Should().Be(1);
    }

    [Theory]
    [InlineData("0.0000000000000000000000000001")]
    [InlineData("79228162514264337593543950335")]
    [InlineData("1234567.8900")]
    [InlineData("0")]
    [InlineData("0.00")]
    [InlineData("10000")]
    [InlineData("100000000000000000000")]
    [InlineData("0.5")]
    [InlineData("99999.99990")]
    [InlineData("1.0001")]
    [InlineData("12345678.9")]
    [InlineData("0.00012345")]
    public async Task Write_ExtremeDecimals_ReadBackExactly(string amountText)
    {
        var amount = decimal.Parse(amountText, System.Globalization.CultureInfo.InvariantCulture);
        await using var database = await StoreDatabase.CreateAsync(nameof(CopyFormatTests));
        var actor = await database.AddCityAndReporterAsync("copy-amount");
        await using (var db = database.NewContext())
            await Uploads.StoreAsync(db, Uploads.Request("copy-amount"), actor, Uploads.Sha256(amountText), [Uploads.Electricity(amount)]);

        (await database.ScalarAsync<string>("SELECT amount::text FROM activity_records")).Should().Be(amountText);
    }
}
