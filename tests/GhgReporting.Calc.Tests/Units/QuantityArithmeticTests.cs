using GhgReporting.Calc.Units;

namespace GhgReporting.Calc.Tests.Units;

public class QuantityArithmeticTests
{
    [Fact]
    public void Multiply_EmissionFactorByEnergy_GivesMass()
    {
        // 74 100 kg/TJ × 2 TJ = 148 200 kg (IPCC 2006 Vol 2 Ch 1 Eq 1.1 shape: activity × factor).
        Quantity result = Quantity.Of(74100m, Unit.Kilogram / Unit.Terajoule) * Quantity.Of(2m, Unit.Terajoule);

        result.Value.Should().Be(148200m);
        result.Unit.Should().BeSameAs(Unit.Kilogram);
        result.Dimension.Should().Be(Dimension.Mass);
    }

    [Fact]
    public void Multiply_NetCalorificValueByMass_GivesEnergy()
    {
        // 43 TJ/Gg × 0.5 Gg = 21.5 TJ.
        Quantity result = Quantity.Of(43m, Unit.Terajoule / Unit.Gigagram) * Quantity.Of(0.5m, Unit.Gigagram);

        result.Value.Should().Be(21.5m);
        result.Unit.Should().BeSameAs(Unit.Terajoule);
    }

    [Fact]
    public void Multiply_DensityByVolume_GivesMass()
    {
        // 0.84 kg/L × 1000 L = 840 kg.
        Quantity result = Quantity.Of(0.84m, Unit.Kilogram / Unit.Litre) * Quantity.Of(1000m, Unit.Litre);

        result.Value.Should().Be(840m);
        result.Unit.Should().BeSameAs(Unit.Kilogram);
    }

    [Fact]
    public void Multiply_GramPerKilogramByTonnes_ConvertsToTonnesExactly()
    {
        // 4 g/kg × 1000 t = 4000 g·t/kg; 4 g per kg is 4 t per 1000 t, so 4 t.
        Quantity result = Quantity.Of(4m, Unit.Gram / Unit.Kilogram) * Quantity.Of(1000m, Unit.Tonne);

        result.Dimension.Should().Be(Dimension.Mass);
        result.ValueIn(Unit.Tonne).Should().Be(4m);
    }

    [Fact]
    public void Multiply_FactorPerTerajouleByGigajoules_ConvertsToKilograms()
    {
        // 74 100 kg/TJ × 1000 GJ: 1000 GJ = 1 TJ, so 74 100 kg; the unit is kg·GJ/TJ until converted.
        Quantity result = Quantity.Of(74100m, Unit.Kilogram / Unit.Terajoule) * Quantity.Of(1000m, Unit.Gigajoule);

        result.Unit.Symbol.Should().Be("kg·GJ/TJ");
        result.ValueIn(Unit.Kilogram).Should().Be(74100m);
    }

    [Fact]
    public void Multiply_PerCapitaRateByPersonsAndDays_GivesMass()
    {
        // 60 g/(person·d) × 1000 person × 365 d = 21 900 000 g = 21.9 t.
        Quantity rate = Quantity.Of(60m, Unit.Gram / (Unit.Person * Unit.Day));

        Quantity result = rate * Quantity.Of(1000m, Unit.Person) * Quantity.Of(1m, Unit.Year);

        result.Dimension.Should().Be(Dimension.Mass);
        result.ValueIn(Unit.Tonne).Should().Be(21.9m);
    }

    [Fact]
    public void Divide_MassByMass_StaysDimensionlessQuantity()
    {
        // 2 t / 500 kg = 2000 kg / 500 kg = 4.
        Quantity ratio = Quantity.Of(2m, Unit.Tonne) / Quantity.Of(500m, Unit.Kilogram);

        ratio.Dimension.IsDimensionless.Should().BeTrue();
        ratio.ValueIn(Unit.Fraction).Should().Be(4m);
        ratio.ValueIn(Unit.Percent).Should().Be(400m);
    }

    [Fact]
    public void Divide_SameUnit_IsOne()
    {
        Quantity ratio = Quantity.Of(5m, Unit.Kilogram) / Quantity.Of(10m, Unit.Kilogram);

        ratio.Value.Should().Be(0.5m);
        ratio.Unit.Should().BeSameAs(Unit.One);
    }

    [Fact]
    public void Divide_MassByVolume_GivesDensity()
    {
        // 100 kg / 8 L = 12.5 kg/L = 12 500 kg/m3 (1 m3 = 1000 L).
        Quantity density = Quantity.Of(100m, Unit.Kilogram) / Quantity.Of(8m, Unit.Litre);

        density.Value.Should().Be(12.5m);
        density.ValueIn(Unit.Kilogram / Unit.CubicMetre).Should().Be(12500m);
    }

    [Fact]
    public void Divide_ByZeroQuantity_ThrowsDivideByZero()
    {
        Action act = () => _ = Quantity.Of(1m, Unit.Tonne) / Quantity.Zero(Unit.Megawatthour);

        act.Should().Throw<DivideByZeroException>();
    }

    [Fact]
    public void Add_DifferentUnitsSameDimension_ResultInLeftUnit()
    {
        // 1 t + 500 kg = 1.5 t; 500 kg + 1 t = 1500 kg.
        Quantity tonnes = Quantity.Of(1m, Unit.Tonne) + Quantity.Of(500m, Unit.Kilogram);
        Quantity kilograms = Quantity.Of(500m, Unit.Kilogram) + Quantity.Of(1m, Unit.Tonne);

        tonnes.Value.Should().Be(1.5m);
        tonnes.Unit.Should().BeSameAs(Unit.Tonne);
        kilograms.Value.Should().Be(1500m);
        kilograms.Unit.Should().BeSameAs(Unit.Kilogram);
    }

    [Theory]
    [InlineData("1", "1800", "0.5")]   // 1 MWh − 1800 MJ = 1 MWh − 0.5 MWh
    [InlineData("0", "3600", "-1")]    // 0 − 3600 MJ = −1 MWh
    [InlineData("2", "0", "2")]
    public void Subtract_MegajoulesFromMegawatthours_ResultInMegawatthours(string mwh, string mj, string expected)
    {
        Quantity result = Quantity.Of(TestValues.Dec(mwh), Unit.Megawatthour) - Quantity.Of(TestValues.Dec(mj), Unit.Megajoule);

        result.Value.Should().Be(TestValues.Dec(expected));
        result.Unit.Should().BeSameAs(Unit.Megawatthour);
    }

    [Fact]
    public void Subtract_GigawatthourMinusItsTerajoules_Zero()
    {
        // 1 GWh = 3.6 TJ exactly.
        (Quantity.Of(3.6m, Unit.Terajoule) - Quantity.Of(1m, Unit.Gigawatthour)).Value.Should().Be(0m);
    }

    [Fact]
    public void MultiplyAndDivide_Scalar_KeepUnit()
    {
        Quantity mass = Quantity.Of(2.5m, Unit.Tonne);

        (mass * 2m).Value.Should().Be(5m);
        (4m * mass).Value.Should().Be(10m);
        (mass / 4m).Value.Should().Be(0.625m); // 2.5 / 4
        (mass / 4m).Unit.Should().BeSameAs(Unit.Tonne);
    }

    [Fact]
    public void Divide_ByZeroScalar_ThrowsDivideByZero()
    {
        Action act = () => _ = Quantity.Of(1m, Unit.Tonne) / 0m;

        act.Should().Throw<DivideByZeroException>();
    }

    [Fact]
    public void Negate_Quantity_NegatesValueKeepsUnit()
    {
        Quantity removal = -Quantity.Of(3m, Unit.Tonne);

        removal.Value.Should().Be(-3m);
        removal.Unit.Should().BeSameAs(Unit.Tonne);
    }
}
