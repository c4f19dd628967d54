using GhgReporting.Calc.Units;

namespace GhgReporting.Calc.Tests.Units;

public class DimensionTests
{
    [Fact]
    public void Divide_MassByEnergy_SubtractsExponents()
    {
        // mass¹ / energy¹ → mass exponent 1, energy exponent 0 - 1 = -1.
        (Dimension.Mass / Dimension.Energy).Should().Be(new Dimension(1, -1, 0, 0, 0, 0));
    }

    [Fact]
    public void Multiply_MassByDistance_IsMassDistance()
    {
        (Dimension.Mass * Dimension.Distance).Should().Be(Dimension.MassDistance);
    }

    [Fact]
    public void Multiply_ThenDivideBySame_GivesOriginal()
    {
        Dimension perCapitaRate = Dimension.Mass / (Dimension.Count * Dimension.Time);

        (perCapitaRate * Dimension.Count * Dimension.Time).Should().Be(Dimension.Mass);
    }

    [Fact]
    public void IsDimensionless_MassOverMass_IsTrue()
    {
        (Dimension.Mass / Dimension.Mass).IsDimensionless.Should().BeTrue();
    }

    [Fact]
    public void IsDimensionless_Count_IsFalse()
    {
        Dimension.Count.IsDimensionless.Should().BeFalse();
    }

    [Fact]
    public void Default_IsDimensionless()
    {
        default(Dimension).Should().Be(Dimension.Dimensionless);
    }

    [Fact]
    public void Pow_BeyondSbyteRange_ThrowsOverflow()
    {
        // Exponent 1 × 200 does not fit in sbyte (max 127): silently wrapping would corrupt dimensions.
        Action act = () => Dimension.Mass.Pow(200);

        act.Should().Throw<OverflowException>();
    }

    [Fact]
    public void Divide_ExponentBelowSbyteRange_ThrowsOverflow()
    {
        Dimension deep = Dimension.Time.Pow(-128);

        Action act = () => _ = deep / Dimension.Time;

        act.Should().Throw<OverflowException>();
    }

    [Theory]
    [InlineData(0, 0, 0, 0, 0, 0, "dimensionless")]
    [InlineData(1, 0, 0, 0, 0, 0, "mass")]
    [InlineData(1, -1, 0, 0, 0, 0, "mass/energy")]
    [InlineData(-1, 1, 0, 0, 0, 0, "energy/mass")]
    [InlineData(1, 0, 0, 1, 0, 0, "mass·distance")]
    [InlineData(1, 0, 0, 0, -1, -1, "mass/(count·time)")]
    [InlineData(0, 0, 0, 0, 0, -1, "1/time")]
    [InlineData(0, 2, 0, 0, 0, 0, "energy^2")]
    [InlineData(2, -1, 0, 0, 0, 0, "mass^2/energy")]
    [InlineData(0, 0, 0, -2, 0, 0, "1/distance^2")]
    public void ToString_Exponents_ReadableForm(int mass, int energy, int volume, int distance, int count, int time, string expected)
    {
        var dimension = new Dimension((sbyte)mass, (sbyte)energy, (sbyte)volume, (sbyte)distance, (sbyte)count, (sbyte)time);

        dimension.ToString().Should().Be(expected);
    }
}
