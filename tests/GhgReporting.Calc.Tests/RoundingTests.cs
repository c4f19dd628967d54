namespace GhgReporting.Calc.Tests;

/// <summary>The one place figures are rounded for people: tonnes to the kilogram, tonnes per person to two
/// decimals, both half away from zero; credits rounded down once, negatives kept.</summary>
public class RoundingTests
{
    [Theory]
    [InlineData("1012.7", "1,012.700")]
    [InlineData("189.8496", "189.850")]
    [InlineData("0.0005", "0.001")]
    [InlineData("-79.1040", "-79.104")]
    [InlineData("-0.0005", "-0.001")]
    public void FormatTonnes_ThreeDecimalsWithThousandsSeparator(string tonnes, string shown) =>
        Rounding.FormatTonnes(decimal.Parse(tonnes, System.Globalization.CultureInfo.InvariantCulture)).Should().Be(shown);

    [Theory]
    // 9,120,456.789 t BASIC+ / 3,000,000 people (Surabaya, illustrative) = 3.040152… t per person.
    [InlineData("9120456.789", 3_000_000, "3.04")]
    [InlineData("0.125", 1, "0.13")]
    [InlineData("-0.125", 1, "-0.13")]
    [InlineData("12", 1, "12.00")]
    public void FormatTonnesPerPerson_TwoDecimals(string tonnes, long people, string shown) =>
        Rounding.FormatTonnesPerPerson(decimal.Parse(tonnes, System.Globalization.CultureInfo.InvariantCulture) / people).Should().Be(shown);

    [Theory]
    [InlineData("1012.7", "1012")]
    [InlineData("197.76", "197")]
    [InlineData("-205.17", "-206")]
    public void WholeTonnesDown_RoundsTowardNegativeInfinity(string tonnes, string whole) =>
        Rounding.WholeTonnesDown(decimal.Parse(tonnes, System.Globalization.CultureInfo.InvariantCulture)).Should().Be(decimal.Parse(whole, System.Globalization.CultureInfo.InvariantCulture));
}
