using GhgReporting.Calc.Units;
using static GhgReporting.Calc.Tests.Units.TestValues;

namespace GhgReporting.Calc.Tests.Units;

public class QuantityEqualityTests
{
    [Theory]
    [InlineData("1", nameof(Unit.Tonne), "1000", nameof(Unit.Kilogram))]
    [InlineData("1.0", nameof(Unit.Tonne), "1000", nameof(Unit.Kilogram))]       // trailing zero does not matter
    [InlineData("1", nameof(Unit.Gigawatthour), "3.6", nameof(Unit.Terajoule))]
    [InlineData("1", nameof(Unit.Kilotonne), "1", nameof(Unit.Gigagram))]        // different units, same mass
    [InlineData("1", nameof(Unit.Kilolitre), "1", nameof(Unit.CubicMetre))]
    [InlineData("50", nameof(Unit.Percent), "0.5", nameof(Unit.Fraction))]
    [InlineData("0", nameof(Unit.Terajoule), "0", nameof(Unit.Kilowatthour))]
    public void Equals_SameAmountInBaseUnits_EqualWithSameHash(string leftValue, string leftUnit, string rightValue, string rightUnit)
    {
        Quantity left = Q(leftValue, leftUnit);
        Quantity right = Q(rightValue, rightUnit);

        left.Equals(right).Should().BeTrue();
        (left == right).Should().BeTrue();
        (left != right).Should().BeFalse();
        left.GetHashCode().Should().Be(right.GetHashCode());
    }

    [Fact]
    public void Equals_InexactBaseFactors_EqualWithSameHash()
    {
        // 1 kg/kWh = 1000 kg/MWh; both base values are the 28-digit 0.2777…8 kg/MJ.
        Quantity perKWh = Quantity.Of(1m, Unit.Kilogram / Unit.Kilowatthour);
        Quantity perMWh = Quantity.Of(1000m, Unit.Kilogram / Unit.Megawatthour);

        perKWh.Should().Be(perMWh);
        perKWh.GetHashCode().Should().Be(perMWh.GetHashCode());
    }

    [Theory]
    [InlineData("1", nameof(Unit.Tonne), "1001", nameof(Unit.Kilogram))]
    [InlineData("1", nameof(Unit.Tonne), "999.999", nameof(Unit.Kilogram))]
    [InlineData("1", nameof(Unit.Kilogram), "1", nameof(Unit.Megajoule))]      // different dimension: not equal, no throw
    [InlineData("1", nameof(Unit.Fraction), "1", nameof(Unit.Person))]
    public void Equals_DifferentAmountOrDimension_NotEqual(string leftValue, string leftUnit, string rightValue, string rightUnit)
    {
        Quantity left = Q(leftValue, leftUnit);
        Quantity right = Q(rightValue, rightUnit);

        left.Equals(right).Should().BeFalse();
        (left != right).Should().BeTrue();
    }

    [Fact]
    public void Equals_BoxedQuantity_UsesValueEquality()
    {
        object boxed = Quantity.Of(1000m, Unit.Kilogram);

        Quantity.Of(1m, Unit.Tonne).Equals(boxed).Should().BeTrue();
        Quantity.Of(1m, Unit.Tonne).Equals("1 t").Should().BeFalse();
    }

    [Fact]
    public void Default_EqualsZeroOne()
    {
        default(Quantity).Should().Be(Quantity.Zero(Unit.One));
    }

    [Fact]
    public void HashSet_TonneAndKilograms_OneEntry()
    {
        var set = new HashSet<Quantity> { Quantity.Of(1m, Unit.Tonne), Quantity.Of(1000m, Unit.Kilogram) };

        set.Should().HaveCount(1);
    }

    [Theory]
    [InlineData("1", nameof(Unit.Tonne), "999", nameof(Unit.Kilogram), 1)]
    [InlineData("1", nameof(Unit.Tonne), "1000", nameof(Unit.Kilogram), 0)]
    [InlineData("1", nameof(Unit.Tonne), "1000.001", nameof(Unit.Kilogram), -1)]
    [InlineData("1", nameof(Unit.Kilowatthour), "1", nameof(Unit.Megajoule), 1)]  // 3.6 MJ > 1 MJ, though 1 = 1
    [InlineData("-1", nameof(Unit.Tonne), "1", nameof(Unit.Kilogram), -1)]
    public void CompareTo_SameDimension_OrdersByBaseValue(string leftValue, string leftUnit, string rightValue, string rightUnit, int expectedSign)
    {
        Quantity left = Q(leftValue, leftUnit);
        Quantity right = Q(rightValue, rightUnit);

        Math.Sign(left.CompareTo(right)).Should().Be(expectedSign);
        (left > right).Should().Be(expectedSign > 0);
        (left < right).Should().Be(expectedSign < 0);
        (left >= right).Should().Be(expectedSign >= 0);
        (left <= right).Should().Be(expectedSign <= 0);
    }
}
