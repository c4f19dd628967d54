using GhgReporting.Data.Credits;

namespace GhgReporting.Data.Tests.Credits;

/// <summary>Serial numbers (project code, vintage, period, serial) and serial ranges: pure functions, no database.</summary>
public sealed class SerialNumberTests
{
    [Theory]
    [InlineData("SUB-PV-01", 2024, 1, 123L, "SUB-PV-01-2024-P01-000123")]
    [InlineData("SUB-COMPOST-01", 2024, 12, 1L, "SUB-COMPOST-01-2024-P12-000001")]
    [InlineData("HPH", 2031, 7, 999_999L, "HPH-2031-P07-999999")]
    // Past two period digits and six serial digits the number grows; it is never cut.
    [InlineData("HPH", 2031, 123, 1_234_567L, "HPH-2031-P123-1234567")]
    public void SerialNumber_Parts_FormatsPaddedCanonicalText(string code, int vintage, int period, long serial, string expected) =>
        CreditRegistry.SerialNumber(code, vintage, period, serial).Should().Be(expected);

    [Theory]
    [InlineData("SUB-PV-01-2024-P01-000123", "SUB-PV-01", 2024, 1, 123L)]
    [InlineData("SUB-COMPOST-01-2024-P12-000001", "SUB-COMPOST-01", 2024, 12, 1L)]
    // A code may itself end in digits that look like a year: the vintage is the four digits before -P.
    [InlineData("CITY-2023-2024-P02-000010", "CITY-2023", 2024, 2, 10L)]
    [InlineData("HPH-2031-P123-1234567", "HPH", 2031, 123, 1_234_567L)]
    public void TryParseSerialNumber_CanonicalText_ReturnsPartsThatFormatBack(string text, string code, int vintage, int period, long serial)
    {
        CreditRegistry.TryParseSerialNumber(text, out var parts).Should().BeTrue();
        parts.Should().Be(new CreditSerialNumber(code, vintage, period, serial));
        parts!.ToString().Should().Be(text);
    }

    [Fact]
    public void TryParseSerialNumber_LowerCaseWithSpaces_ReadsTheCanonicalNumber()
    {
        CreditRegistry.TryParseSerialNumber("  sub-pv-01-2024-p01-000123 ", out var parts).Should().BeTrue();
        parts!.ToString().Should().Be("SUB-PV-01-2024-P01-000123");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("SUB-PV-01")]
    [InlineData("SUB-PV-01-2024-P1-000123")]     // period not padded to two digits
    [InlineData("SUB-PV-01-2024-P001-000123")]   // period padded too far: not the canonical form
    [InlineData("SUB-PV-01-2024-P01-123")]       // serial not padded to six digits
    [InlineData("SUB-PV-01-2024-P01-0000123")]   // serial padded too far
    [InlineData("SUB-PV-01-24-P01-000123")]      // two-digit vintage
    [InlineData("SUB-PV-01-2024-P00-000001")]    // periods count from 1
    [InlineData("SUB-PV-01-2024-P01-000000")]    // serials count from 1
    [InlineData("SUB_PV-2024-P01-000001")]       // not a project code
    [InlineData("SUB-PV-01-2024-P01-000123-X")]
    public void TryParseSerialNumber_NotASerialNumber_ReturnsFalse(string? text)
    {
        CreditRegistry.TryParseSerialNumber(text, out var parts).Should().BeFalse();
        parts.Should().BeNull();
    }

    [Fact]
    public void Fold_Empty_NoRanges() => SerialRange.Fold([]).Should().BeEmpty();

    [Fact]
    public void Fold_UnorderedWithGaps_ConsecutiveRunsInOrder() =>
        SerialRange.Fold([7, 3, 1, 2, 9, 8, 5]).Should().Equal(new SerialRange(1, 3), new SerialRange(5, 5), new SerialRange(7, 9));

    [Fact]
    public void Fold_OneSerial_OneRangeOfOne()
    {
        var range = SerialRange.Fold([42]).Should().ContainSingle().Subject;
        range.Should().Be(new SerialRange(42, 42));
        range.Count.Should().Be(1);
    }

    [Fact]
    public void Fold_ManySerials_CountsAddUpToTheSerials()
    {
        long[] serials = [.. Enumerable.Range(1, 1_000).Where(i => i % 7 != 0).Select(i => (long)i)];
        var ranges = SerialRange.Fold(serials);
        ranges.Sum(r => r.Count).Should().Be(serials.Length);
        ranges.Should().HaveCount(143); // 142 multiples of 7 in 1…1000 cut the run into 143 pieces
        ranges.SelectMany(r => Enumerable.Range((int)r.First, (int)r.Count).Select(i => (long)i)).Should().Equal(serials);
    }
}
