using GhgReporting.Calc.Units;
using static GhgReporting.Calc.Tests.Units.TestValues;

namespace GhgReporting.Calc.Tests.Units;

public class QuantityConversionTests
{
    [Theory]
    [InlineData("1", nameof(Unit.Gigawatthour), "3.6", nameof(Unit.Terajoule))]          // 3.6×10^6 MJ / 10^6 MJ
    [InlineData("1", nameof(Unit.Megawatthour), "3.6", nameof(Unit.Gigajoule))]          // 3600 MJ / 1000 MJ
    [InlineData("1", nameof(Unit.Kilowatthour), "0.0000036", nameof(Unit.Terajoule))]    // 3.6 MJ / 10^6 MJ
    [InlineData("1", nameof(Unit.Kilocalorie), "0.0041868", nameof(Unit.Megajoule))]     // 4.1868 kJ
    [InlineData("1000", nameof(Unit.Kilocalorie), "1.163", nameof(Unit.Kilowatthour))]   // 4.1868 MJ / 3.6 MJ = 1.163
    [InlineData("1", nameof(Unit.Kilolitre), "1", nameof(Unit.CubicMetre))]
    [InlineData("1", nameof(Unit.Megalitre), "1000000", nameof(Unit.Litre))]             // 10^3 m3 / 10^-3 m3
    [InlineData("250", nameof(Unit.Litre), "0.25", nameof(Unit.CubicMetre))]
    [InlineData("1", nameof(Unit.Gigagram), "1000", nameof(Unit.Tonne))]                 // 10^6 kg / 10^3 kg
    [InlineData("1", nameof(Unit.Gigagram), "1000000", nameof(Unit.Kilogram))]
    [InlineData("1", nameof(Unit.Kilotonne), "1", nameof(Unit.Gigagram))]
    [InlineData("1", nameof(Unit.Megatonne), "1000", nameof(Unit.Kilotonne))]            // 10^9 kg / 10^6 kg
    [InlineData("2500", nameof(Unit.Gram), "0.0025", nameof(Unit.Tonne))]                // 2.5 kg / 1000
    [InlineData("-2.5", nameof(Unit.Tonne), "-2500", nameof(Unit.Kilogram))]             // negative (a removal) converts too
    [InlineData("0", nameof(Unit.Terajoule), "0", nameof(Unit.Kilowatthour))]
    [InlineData("1", nameof(Unit.Year), "365", nameof(Unit.Day))]
    [InlineData("50", nameof(Unit.Percent), "0.5", nameof(Unit.Fraction))]
    [InlineData("79228162514264337593543950335", nameof(Unit.Kilogram), "79228162514264337593543950.335", nameof(Unit.Tonne))] // decimal.MaxValue / 1000
    public void ValueIn_SameDimension_Exact(string value, string from, string expected, string to)
    {
        Q(value, from).ValueIn(UnitNamed(to)).Should().Be(Dec(expected));
    }

    [Fact]
    public void In_GigawatthourToTerajoule_KeepsTargetUnit()
    {
        Quantity converted = Quantity.Of(2m, Unit.Gigawatthour).In(Unit.Terajoule);

        converted.Value.Should().Be(7.2m); // 2 × 3.6
        converted.Unit.Should().BeSameAs(Unit.Terajoule);
    }

    [Fact]
    public void ValueIn_TerajouleToKilowatthour_CorrectTo28Digits()
    {
        // 10^6 MJ / 3.6 MJ = 277 777.777… (repeating). 6 integer digits leave 22–23 decimals in
        // 28–29 significant digits, so one correctly rounded division is within 5×10^-23.
        // Tolerance 10^-22 is twice that; a second rounding step through a truncated 1/3.6
        // or any double arithmetic (≈10^-11 here) would fail it.
        decimal kWh = Quantity.Of(1m, Unit.Terajoule).ValueIn(Unit.Kilowatthour);

        kWh.Should().BeApproximately(277777.7777777777777777777778m, 0.0000000000000000000001m);
    }

    [Fact]
    public void ValueIn_DerivedUnitsWithInexactFactors_DividesOnceAndStaysExact()
    {
        // 1 kg/kWh = 1 kg / (1/1000 MWh) = 1000 kg/MWh. ToBase of both is inexact (1/3.6, 1/3600),
        // so converting via ToBase would give 999.99…; the single final division gives 1000.
        Quantity factor = Quantity.Of(1m, Unit.Kilogram / Unit.Kilowatthour);

        factor.ValueIn(Unit.Kilogram / Unit.Megawatthour).Should().Be(1000m);
    }

    [Fact]
    public void ValueIn_GridFactorTonnesPerMWhToKgPerKWh_Exact()
    {
        // 0.6592 t/MWh = 659.2 kg / 1000 kWh = 0.6592 kg/kWh.
        Quantity.Of(0.6592m, Unit.Tonne / Unit.Megawatthour)
            .ValueIn(Unit.Kilogram / Unit.Kilowatthour)
            .Should().Be(0.6592m);
    }

    [Fact]
    public void ValueIn_PerCapitaPerYearToPerDay_Exact()
    {
        // 21.9 kg/(person·yr) = 21 900 g / 365 d per person = 60 g/(person·d).
        Quantity.Of(21.9m, Unit.Kilogram / (Unit.Person * Unit.Year))
            .ValueIn(Unit.Gram / (Unit.Person * Unit.Day))
            .Should().Be(60m);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("12345.678")]
    [InlineData("0.001")]
    [InlineData("-40")]
    public void In_KilowatthourToTerajouleAndBack_Exact(string value)
    {
        // kWh → TJ multiplies by 3.6 and divides by 10^6: both exact in decimal, and so is the way
        // back (× 10^6 / 3.6 of a multiple of 3.6).
        decimal original = Dec(value);

        Quantity.Of(original, Unit.Kilowatthour).In(Unit.Terajoule).In(Unit.Kilowatthour).Value.Should().Be(original);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("0.7")]
    [InlineData("1234.5")]
    public void In_TerajouleToKilowatthourAndBack_WithinOneRounding(string value)
    {
        // TJ → kWh divides by 3.6 (inexact, ≤ 0.5 ulp at 28 significant digits, relative 5×10^-28);
        // the way back adds at most one more such rounding. Relative tolerance 10^-25 is far above
        // two roundings (10^-27) and far below any real error (a double step is ≈10^-16).
        decimal original = Dec(value);

        decimal back = Quantity.Of(original, Unit.Terajoule).In(Unit.Kilowatthour).In(Unit.Terajoule).Value;

        back.Should().BeApproximately(original, original * 0.0000000000000000000000001m);
    }

    [Fact]
    public void ValueIn_SameUnit_ReturnsValueUnchanged()
    {
        Quantity.Of(74100.00m, Unit.Kilogram / Unit.Terajoule).ValueIn(Unit.Kilogram / Unit.Terajoule).Should().Be(74100.00m);
    }

    [Fact]
    public void ValueIn_NullTarget_ThrowsArgumentNull()
    {
        Action act = () => Quantity.Of(1m, Unit.Tonne).ValueIn(null!);

        act.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Of_NullUnit_ThrowsArgumentNull()
    {
        Action act = () => Quantity.Of(1m, null!);

        act.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Zero_Unit_ValueZeroInThatUnit()
    {
        Quantity zero = Quantity.Zero(Unit.Megawatthour);

        zero.Value.Should().Be(0m);
        zero.Unit.Should().BeSameAs(Unit.Megawatthour);
        zero.Dimension.Should().Be(Dimension.Energy);
    }

    [Fact]
    public void Default_IsZeroDimensionless()
    {
        Quantity none = default;

        none.Unit.Should().BeSameAs(Unit.One);
        none.Value.Should().Be(0m);
        none.Dimension.IsDimensionless.Should().BeTrue();
    }

    [Theory]
    [InlineData("74100", nameof(Unit.Kilogram), nameof(Unit.Terajoule), "74100 kg/TJ")]
    [InlineData("0.6592", nameof(Unit.Tonne), nameof(Unit.Megawatthour), "0.6592 t/MWh")]
    [InlineData("-1.50", nameof(Unit.Tonne), nameof(Unit.One), "-1.50 t")] // trailing zero kept: no rounding or trimming
    public void ToString_Invariant_ValueSpaceSymbol(string value, string numerator, string denominator, string expected)
    {
        Quantity quantity = Quantity.Of(Dec(value), UnitNamed(numerator) / UnitNamed(denominator));

        quantity.ToString().Should().Be(expected);
    }
}
