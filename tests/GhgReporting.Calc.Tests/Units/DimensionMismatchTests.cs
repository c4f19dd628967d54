using GhgReporting.Calc.Units;
using static GhgReporting.Calc.Tests.Units.TestValues;

namespace GhgReporting.Calc.Tests.Units;

public class DimensionMismatchTests
{
    [Fact]
    public void ValueIn_MassToEnergy_ThrowsWithCalorificValueHint()
    {
        Action act = () => Quantity.Of(5m, Unit.Tonne).ValueIn(Unit.Terajoule);

        act.Should().Throw<DimensionMismatchException>()
            .WithMessage("Cannot convert 5 t (mass) to TJ (energy): a mass becomes an energy only through a net calorific value (multiply by a quantity in TJ/Gg).")
            .Which.Should().Match<DimensionMismatchException>(e => e.From == Dimension.Mass && e.To == Dimension.Energy);
    }

    [Fact]
    public void DimensionMismatchException_IsInvalidOperation()
    {
        Action act = () => Quantity.Of(5m, Unit.Tonne).In(Unit.Litre);

        act.Should().Throw<InvalidOperationException>();
    }

    // Every pair of dimensions an inventory could confuse; each must fail loudly, naming both sides.
    [Theory]
    [InlineData(nameof(Unit.Tonne), nameof(Unit.Terajoule), "mass", "energy", "net calorific value")]
    [InlineData(nameof(Unit.Megawatthour), nameof(Unit.Kilogram), "energy", "mass", "emission factor")]
    [InlineData(nameof(Unit.Litre), nameof(Unit.Kilogram), "volume", "mass", "density")]
    [InlineData(nameof(Unit.Tonne), nameof(Unit.CubicMetre), "mass", "volume", "density")]
    [InlineData(nameof(Unit.CubicMetre), nameof(Unit.Gigajoule), "volume", "energy", "calorific value")]
    [InlineData(nameof(Unit.Kilowatthour), nameof(Unit.Litre), "energy", "volume", "calorific value")]
    [InlineData(nameof(Unit.Fraction), nameof(Unit.Tonne), "dimensionless", "mass", "only to another dimensionless unit")]
    [InlineData(nameof(Unit.Percent), nameof(Unit.Person), "dimensionless", "count", "only to another dimensionless unit")]
    [InlineData(nameof(Unit.Person), nameof(Unit.Kilogram), "count", "mass", "factor with dimension mass/count")]
    [InlineData(nameof(Unit.Kilometre), nameof(Unit.TonneKilometre), "distance", "mass·distance", "factor with dimension mass is needed")]
    [InlineData(nameof(Unit.Year), nameof(Unit.Kilometre), "time", "distance", "factor with dimension distance/time")]
    public void ValueIn_DifferentDimension_ThrowsNamingBothUnitsAndDimensions(string from, string to, string fromDimension, string toDimension, string hint)
    {
        Unit source = UnitNamed(from);
        Unit target = UnitNamed(to);

        Action act = () => Quantity.Of(2m, source).ValueIn(target);

        var thrown = act.Should().Throw<DimensionMismatchException>().Which;
        thrown.Message.Should().StartWith($"Cannot convert 2 {source.Symbol} ({fromDimension}) to {target.Symbol} ({toDimension}): ")
            .And.Contain(hint);
        thrown.From.Should().Be(source.Dimension);
        thrown.To.Should().Be(target.Dimension);
    }

    [Fact]
    public void ValueIn_FactorTimesMassInsteadOfEnergy_Throws()
    {
        // The classic slip: kg/TJ × t (forgot the NCV) is mass²/energy, not mass.
        Quantity wrong = Quantity.Of(74100m, Unit.Kilogram / Unit.Terajoule) * Quantity.Of(10m, Unit.Tonne);

        Action act = () => wrong.ValueIn(Unit.Kilogram);

        act.Should().Throw<DimensionMismatchException>()
            .WithMessage("Cannot convert 741000 kg·t/TJ (mass^2/energy) to kg (mass):*");
    }

    [Fact]
    public void Add_EnergyToMass_ThrowsNamingBoth()
    {
        Action act = () => _ = Quantity.Of(5m, Unit.Tonne) + Quantity.Of(3m, Unit.Terajoule);

        act.Should().Throw<DimensionMismatchException>()
            .WithMessage("Cannot add 3 TJ (energy) to 5 t (mass): an energy becomes a mass only through*")
            .Which.Should().Match<DimensionMismatchException>(e => e.From == Dimension.Energy && e.To == Dimension.Mass);
    }

    [Fact]
    public void Subtract_VolumeFromMass_ThrowsNamingBoth()
    {
        Action act = () => _ = Quantity.Of(5m, Unit.Tonne) - Quantity.Of(3m, Unit.Litre);

        act.Should().Throw<DimensionMismatchException>()
            .WithMessage("Cannot subtract 3 L (volume) from 5 t (mass): a volume becomes a mass only through a density*");
    }

    [Fact]
    public void Add_PerYearToPerDay_SucceedsBecauseSameDimension()
    {
        // Contrast with the throws above: kg/yr and kg/d are both mass/time, 365 kg/yr = 1 kg/d.
        Quantity sum = Quantity.Of(1m, Unit.Kilogram / Unit.Day) + Quantity.Of(365m, Unit.Kilogram / Unit.Year);

        sum.Value.Should().Be(2m);
    }

    [Fact]
    public void CompareTo_MassWithEnergy_Throws()
    {
        Action act = () => Quantity.Of(5m, Unit.Tonne).CompareTo(Quantity.Of(3m, Unit.Terajoule));

        act.Should().Throw<DimensionMismatchException>()
            .WithMessage("Cannot compare 3 TJ (energy) with 5 t (mass):*");
    }

    [Fact]
    public void GreaterThan_DifferentDimensions_Throws()
    {
        Action act = () => _ = Quantity.Of(5m, Unit.Tonne) > Quantity.Of(3m, Unit.Person);

        act.Should().Throw<DimensionMismatchException>();
    }
}
