using GhgReporting.Calc.Factors;
using GhgReporting.Calc.Inventory;
using static GhgReporting.Calc.Tests.Inventory.Fixtures;

namespace GhgReporting.Calc.Tests.Inventory;

public class FuelCombustionTests
{
    // 100 TJ of diesel in road transport (II.1.1). IPCC 2006 Vol 2 Ch 3 Table 3.2.1: CO2 74,100 kg/TJ;
    // Table 3.2.2: CH4 3.9 kg/TJ, N2O 3.9 kg/TJ.
    //   CO2 = 100 × 74,100 kg = 7,410,000 kg = 7,410 t
    //   CH4 = 100 × 3.9 = 390 kg = 0.39 t; N2O = 0.39 t
    [Fact]
    public void Diesel100TJ_RoadTransport_GivesIpccDefaultsPerGas()
    {
        var result = Calculate(HaiPhong, 2023, Record("II.1.1", "fuel:gas-diesel-oil", 100m, "TJ"));

        var line = result.Lines.Should().ContainSingle().Subject;
        line.TonnesOf(Gas.CO2).Should().Be(7410m);
        line.TonnesOf(Gas.CH4).Should().Be(0.39m);
        line.TonnesOf(Gas.N2O).Should().Be(0.39m);
    }

    // CO2e of the same 100 TJ: AR5 (CH4 28, N2O 265): 7,410 + 0.39 × 28 + 0.39 × 265 = 7,410 + 10.92 + 103.35 = 7,524.27
    // AR4 (CH4 25, N2O 298): 7,410 + 9.75 + 116.22 = 7,535.97
    // AR6 (CH4 27.9, N2O 273, WG1 Table 7.SM.7): 7,410 + 10.881 + 106.47 = 7,527.351
    // AR6 by origin, diesel CH4 is fossil (Table 7.15: 29.8): 7,410 + 11.622 + 106.47 = 7,528.092
    [Theory]
    [InlineData("AR5", false, "7524.27")]
    [InlineData("AR4", false, "7535.97")]
    [InlineData("AR6", false, "7527.351")]
    [InlineData("AR6", true, "7528.092")]
    public void Diesel100TJ_GwpSet_GivesCo2eComputedByHand(string set, bool byOrigin, string expected)
    {
        var result = Calculate(HaiPhong, 2023, new GwpChoice(set, byOrigin), Record("II.1.1", "fuel:gas-diesel-oil", 100m, "TJ"));

        result.Basic.Co2e.Should().Be(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
        result.GwpValues.Should().OnlyContain(g => g.Set == set && !string.IsNullOrWhiteSpace(g.Source));
    }

    // 1,000 t of diesel burned in residential buildings (I.1.1): Vol 2 Ch 1 Table 1.2 NCV 43.0 TJ/Gg,
    // Table 1.4 CO2 74,100 kg/TJ; Ch 2 Table 2.5 (residential) CH4 10 kg/TJ, N2O 0.6 kg/TJ.
    //   energy = 1 Gg × 43.0 = 43 TJ; CO2 = 43 × 74,100 kg = 3,186,300 kg = 3,186.3 t
    //   CH4 = 43 × 10 = 430 kg = 0.43 t; N2O = 43 × 0.6 = 25.8 kg = 0.0258 t
    [Fact]
    public void Diesel1000Tonnes_Residential_ConvertsThroughNcvAndUsesTable25()
    {
        var line = Calculate(HaiPhong, 2023, Record("I.1.1", "fuel:gas-diesel-oil", 1000m, "t")).Lines.Single();

        line.TonnesOf(Gas.CO2).Should().Be(3186.3m);
        line.TonnesOf(Gas.CH4).Should().Be(0.43m);
        line.TonnesOf(Gas.N2O).Should().Be(0.0258m);
        line.Trace.Steps.Should().Contain(s => s.FactorId == "ipcc2006.v2.t1_2.gas_diesel_oil.ncv");
    }

    // The same fuel in energy industries (I.4.1) takes Table 2.2: CH4 3 kg/TJ, N2O 0.6 kg/TJ.
    //   10 TJ → CH4 30 kg = 0.03 t, N2O 6 kg = 0.006 t
    [Fact]
    public void Diesel_EnergyIndustries_UsesTable22NotTable25()
    {
        var line = Calculate(HaiPhong, 2023, Record("I.4.1", "fuel:gas-diesel-oil", 10m, "TJ")).Lines.Single();

        line.TonnesOf(Gas.CH4).Should().Be(0.03m);
        line.TonnesOf(Gas.N2O).Should().Be(0.006m);
    }

    // 1,000,000 L motor gasoline, road, oxidation catalyst. Density 0.7453 kg/L (GHG Protocol cross-sector
    // tools V2.0, Table 1), NCV 44.3 TJ/Gg (T1.2), CO2 69,300 kg/TJ (T3.2.1), CH4 25 / N2O 8.0 kg/TJ (T3.2.2).
    //   mass = 745,300 kg = 0.7453 Gg; energy = 0.7453 × 44.3 = 33.01679 TJ
    //   CO2 = 33.01679 × 69,300 kg = 2,288,063.547 kg = 2,288.063547 t
    //   CH4 = 33.01679 × 25 kg = 825.41975 kg; N2O = 33.01679 × 8 = 264.13432 kg
    [Fact]
    public void GasolineLitres_Road_ConvertsThroughDensityThenNcv()
    {
        var line = Calculate(HaiPhong, 2023, Record("II.1.1", "fuel:motor-gasoline@oxidation-catalyst", 1_000_000m, "L")).Lines.Single();

        line.TonnesOf(Gas.CO2).Should().Be(2288.063547m);
        line.TonnesOf(Gas.CH4).Should().Be(0.82541975m);
        line.TonnesOf(Gas.N2O).Should().Be(0.26413432m);
    }

    [Fact]
    public void GasolineOnRoad_WithoutTechnologyVariant_FailsNamingTheVariants()
    {
        var act = () => Calculate(HaiPhong, 2023, Record("II.1.1", "fuel:motor-gasoline", 10m, "TJ"));

        act.Should().Throw<InventoryCalculationException>()
            .WithMessage("*fuel:motor-gasoline*II.1.1*oxidation-catalyst*");
    }

    // Wood burned in homes: CO2 is biogenic (memo item), CH4 and N2O count. 10 TJ, Table 1.4 CO2 112,000 kg/TJ
    // → 1,120 t biogenic CO2; Table 2.5 CH4 300 kg/TJ → 3 t, N2O 4 kg/TJ → 0.04 t.
    // AR5 CO2e = 3 × 28 + 0.04 × 265 = 84 + 10.6 = 94.6 t (biogenic CO2 excluded).
    [Fact]
    public void Wood_Residential_ReportsBiogenicCo2ApartFromTotals()
    {
        var result = Calculate(HaiPhong, 2023, Record("I.1.1", "fuel:wood-waste", 10m, "TJ"));

        result.Basic.BiogenicCo2.Should().Be(1120m);
        result.Basic.Co2e.Should().Be(94.6m);
        result.Basic.Tonnes.GetValueOrDefault(Gas.CO2).Should().Be(0m);
    }

    [Fact]
    public void ZeroAmount_GivesZeroEmissionsButKeepsTheLine()
    {
        var result = Calculate(HaiPhong, 2023, Record("I.1.1", "fuel:natural-gas", 0m, "TJ"));

        result.Lines.Should().ContainSingle().Which.Co2e.Should().Be(0m);
        result.Category("I.1.1").HasData.Should().BeTrue();
    }

    [Fact]
    public void DieselInLitres_WithoutDensity_FailsAskingForOne()
    {
        // The catalog ships no diesel density (the published ones disagree by 9 %; see emission-factors/README.md).
        var act = () => Calculate(HaiPhong, 2023, Record("I.1.1", "fuel:gas-diesel-oil", 1000m, "L"));

        act.Should().Throw<InventoryCalculationException>()
            .WithMessage("*density*fuel:gas-diesel-oil*I.1.1*VN*city may add its own factor*");
    }
}
