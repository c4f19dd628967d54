using GhgReporting.Calc.Numerics;

namespace GhgReporting.Calc.Tests.Numerics;

public class DecimalMathTests
{
    // Reference values of e^x, from Python's decimal module at 40-digit precision (an implementation independent of ours).
    [Theory]
    [InlineData("0", "1")]
    [InlineData("1", "2.718281828459045235360287471")]
    [InlineData("-0.4", "0.6703200460356393007444329251")]
    [InlineData("-4", "0.0183156388887341802937180213")]
    [InlineData("-0.035", "0.9656054162575664782681957025")]
    [InlineData("10", "22026.465794806716516957900645")]
    public void Exp_KnownValues_AgreeTo24SignificantDigits(string x, string expected)
    {
        var value = DecimalMath.Exp(decimal.Parse(x, System.Globalization.CultureInfo.InvariantCulture));
        var reference = decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture);

        // Relative error below 1e-24: decimal carries 28–29 digits; range reduction costs a few.
        Math.Abs(value - reference).Should().BeLessThanOrEqualTo(reference * 0.000_000_000_000_000_000_000_001m);
    }

    [Fact]
    public void Exp_AboveSupportedRange_Throws()
    {
        var act = () => DecimalMath.Exp(61m);

        act.Should().Throw<OverflowException>();
    }
}
