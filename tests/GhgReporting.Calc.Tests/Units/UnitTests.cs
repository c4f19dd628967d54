using GhgReporting.Calc.Units;
using static GhgReporting.Calc.Tests.Units.TestValues;

namespace GhgReporting.Calc.Tests.Units;

public class UnitTests
{
    // Factors to the base unit of each dimension (kg, MJ, m3, km, person, d), from the definitions
    // of the units, not from the code.
    [Theory]
    [InlineData(nameof(Unit.Kilogram), "kg", "mass", "1")]
    [InlineData(nameof(Unit.Gram), "g", "mass", "0.001")]                  // 1 g = 10^-3 kg
    [InlineData(nameof(Unit.Tonne), "t", "mass", "1000")]                  // 1 t = 10^3 kg
    [InlineData(nameof(Unit.Kilotonne), "kt", "mass", "1000000")]          // 1 kt = 10^3 t = 10^6 kg
    [InlineData(nameof(Unit.Gigagram), "Gg", "mass", "1000000")]           // 1 Gg = 10^9 g = 10^6 kg
    [InlineData(nameof(Unit.Megatonne), "Mt", "mass", "1000000000")]       // 1 Mt = 10^6 t = 10^9 kg
    [InlineData(nameof(Unit.Megajoule), "MJ", "energy", "1")]
    [InlineData(nameof(Unit.Gigajoule), "GJ", "energy", "1000")]
    [InlineData(nameof(Unit.Terajoule), "TJ", "energy", "1000000")]
    [InlineData(nameof(Unit.Kilowatthour), "kWh", "energy", "3.6")]        // 1000 W × 3600 s = 3.6×10^6 J
    [InlineData(nameof(Unit.Megawatthour), "MWh", "energy", "3600")]
    [InlineData(nameof(Unit.Gigawatthour), "GWh", "energy", "3600000")]
    [InlineData(nameof(Unit.Kilocalorie), "kcal", "energy", "0.0041868")]  // 4.1868 kJ (IT calorie) = 0.0041868 MJ
    [InlineData(nameof(Unit.Litre), "L", "volume", "0.001")]
    [InlineData(nameof(Unit.Kilolitre), "kL", "volume", "1")]
    [InlineData(nameof(Unit.CubicMetre), "m3", "volume", "1")]
    [InlineData(nameof(Unit.Megalitre), "ML", "volume", "1000")]           // 10^6 L = 10^3 m3
    [InlineData(nameof(Unit.Kilometre), "km", "distance", "1")]
    [InlineData(nameof(Unit.TonneKilometre), "t·km", "mass·distance", "1000")] // 1000 kg × 1 km
    [InlineData(nameof(Unit.Person), "person", "count", "1")]
    [InlineData(nameof(Unit.Day), "d", "time", "1")]
    [InlineData(nameof(Unit.Year), "yr", "time", "365")]                   // IPCC 2006 Vol 5 Ch 6 Eq 6.3
    [InlineData(nameof(Unit.Fraction), "fraction", "dimensionless", "1")]
    [InlineData(nameof(Unit.Percent), "%", "dimensionless", "0.01")]
    [InlineData(nameof(Unit.One), "1", "dimensionless", "1")]
    public void WellKnown_Definition_SymbolDimensionAndFactor(string name, string symbol, string dimension, string toBase)
    {
        Unit unit = UnitNamed(name);

        unit.Symbol.Should().Be(symbol);
        unit.Dimension.ToString().Should().Be(dimension);
        unit.ToBase.Should().Be(Dec(toBase));
        unit.ToString().Should().Be(symbol);
    }

    [Fact]
    public void Divide_KilogramByTerajoule_SymbolDimensionFactor()
    {
        Unit unit = Unit.Kilogram / Unit.Terajoule;

        unit.Symbol.Should().Be("kg/TJ");
        unit.Dimension.Should().Be(Dimension.Mass / Dimension.Energy);
        unit.ToBase.Should().Be(0.000001m); // 1 kg / 10^6 MJ
    }

    [Fact]
    public void Divide_GramByPersonDay_ParenthesisedDenominator()
    {
        Unit unit = Unit.Gram / (Unit.Person * Unit.Day);

        unit.Symbol.Should().Be("g/(person·d)");
        unit.Dimension.ToString().Should().Be("mass/(count·time)");
        unit.ToBase.Should().Be(0.001m); // 0.001 kg / (1 person × 1 d)
    }

    [Fact]
    public void Divide_LeftAssociativeChain_EqualsGroupedDenominator()
    {
        Unit chained = Unit.Gram / Unit.Person / Unit.Day;
        Unit grouped = Unit.Gram / (Unit.Person * Unit.Day);

        chained.Should().Be(grouped);
        chained.GetHashCode().Should().Be(grouped.GetHashCode());
    }

    [Fact]
    public void Multiply_FactorTimesItsDenominator_CancelsToAtom()
    {
        Unit unit = Unit.Kilogram / Unit.Terajoule * Unit.Terajoule;

        unit.Should().BeSameAs(Unit.Kilogram);
    }

    [Fact]
    public void Divide_UnitBySelf_IsOne()
    {
        (Unit.Kilogram / Unit.Kilogram).Should().BeSameAs(Unit.One);
    }

    [Fact]
    public void Divide_DifferentMassUnits_DimensionlessWithRatio()
    {
        Unit unit = Unit.Gram / Unit.Kilogram;

        unit.Symbol.Should().Be("g/kg");
        unit.Dimension.IsDimensionless.Should().BeTrue();
        unit.ToBase.Should().Be(0.001m); // 0.001 kg / 1 kg
    }

    [Fact]
    public void Inverse_Year_IsPerYear()
    {
        Unit unit = Unit.Year.Inverse();

        unit.Symbol.Should().Be("1/yr");
        unit.Dimension.ToString().Should().Be("1/time");
    }

    [Fact]
    public void Pow_Two_SquaredSymbolAndFactor()
    {
        Unit unit = Unit.Tonne.Pow(2);

        unit.Symbol.Should().Be("t^2");
        unit.ToBase.Should().Be(1_000_000m); // (10^3 kg)^2
        unit.Dimension.ToString().Should().Be("mass^2");
    }

    [Fact]
    public void Pow_Zero_IsOne()
    {
        Unit.Terajoule.Pow(0).Should().BeSameAs(Unit.One);
    }

    [Fact]
    public void ToBase_InexactQuotient_Holds28Digits()
    {
        // kg/kWh = 1 / 3.6 = 0.2777…; decimal keeps 28 significant digits, last one rounded up.
        (Unit.Kilogram / Unit.Kilowatthour).ToBase.Should().Be(0.2777777777777777777777777778m);
    }

    [Fact]
    public void Equals_SameAmountDifferentSymbol_NotEqual()
    {
        // Documented decision: units compare symbol too, so kL and m3 (both 1 m3) are different units.
        Unit.Kilolitre.Should().NotBe(Unit.CubicMetre);
        (Unit.Kilolitre == Unit.CubicMetre).Should().BeFalse();
    }

    [Fact]
    public void Equals_TonneKilometreBuiltAgain_EqualAndSameHash()
    {
        Unit built = Unit.Tonne * Unit.Kilometre;

        (built == Unit.TonneKilometre).Should().BeTrue();
        built.GetHashCode().Should().Be(Unit.TonneKilometre.GetHashCode());
    }

    [Fact]
    public void Equals_Null_False()
    {
        Unit.Kilogram.Equals(null).Should().BeFalse();
        (Unit.Kilogram == null).Should().BeFalse();
        (Unit.Kilogram != null).Should().BeTrue();
    }

    [Fact]
    public void Multiply_Null_ThrowsArgumentNull()
    {
        Action act = () => _ = Unit.Kilogram * null!;

        act.Should().Throw<ArgumentNullException>();
    }
}
