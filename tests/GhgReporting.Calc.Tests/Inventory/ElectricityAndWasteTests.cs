using GhgReporting.Calc.Factors;
using GhgReporting.Calc.Inventory;
using static GhgReporting.Calc.Tests.Inventory.Fixtures;

namespace GhgReporting.Calc.Tests.Inventory;

public class ElectricityAndWasteTests
{
    // 50,000 MWh of grid electricity in Viet Nam. DCC grid factors: 2023 0.6592, 2022 0.6766 t CO2/MWh.
    //   2023: 50,000 × 0.6592 = 32,960 t; 2022: 50,000 × 0.6766 = 33,830 t
    [Theory]
    [InlineData(2023, "32960")]
    [InlineData(2022, "33830")]
    public void GridElectricity_VietNam_UsesTheFactorOfTheInventoryYear(int year, string expected)
    {
        var line = Calculate(HaiPhong, year, Record("I.2.2", "electricity:grid", 50_000m, "MWh", year)).Lines.Single();

        line.TonnesOf(Gas.CO2).Should().Be(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
        line.Gases.Select(g => g.Gas).Should().Equal(Gas.CO2); // the DCC factor is CO2 only
    }

    // Same energy in GWh: 50 GWh = 50,000 MWh → 32,960 t; units convert exactly.
    [Fact]
    public void GridElectricity_InGwh_EqualsMwh()
    {
        Calculate(HaiPhong, 2023, Record("I.2.2", "electricity:grid", 50m, "GWh")).Basic.Co2e.Should().Be(32960m);
    }

    // T&D losses (scope 3, I.1.3): 2,000 MWh lost × 0.6592 = 1,318.4 t, in BASIC+ only.
    [Fact]
    public void TransmissionLosses_AreScope3_InBasicPlusOnly()
    {
        var result = Calculate(HaiPhong, 2023, Record("I.1.3", "electricity:grid-td-losses", 2000m, "MWh"));

        result.BasicPlus.Co2e.Should().Be(1318.4m);
        result.Basic.Co2e.Should().Be(0m);
    }

    [Fact]
    public void GridElectricity_CambodiaWithoutPublishedFactor_FailsNamingActivityAndRegion()
    {
        var act = () => Calculate(PhnomPenh, 2023, Record("I.1.2", "electricity:grid", 10m, "MWh"));

        act.Should().Throw<InventoryCalculationException>()
            .Which.Problems.Should().ContainSingle()
            .Which.Should().Contain("electricity:grid").And.Contain("KH").And.Contain("I.1.2");
    }

    [Fact]
    public void GridElectricity_CityOwnFactor_AppliesOnlyToThatCity()
    {
        // A city factor with its citation, e.g. a Phnom Penh grid study; 0.5 t/MWh is a test value, not data.
        var cityFactor = CatalogLoader.ReadFactors(new StringReader(
            "factor_id,parameter,activity,variant,gpc,gas,value,unit,region,climate,valid_from,valid_to,source,source_ref,notes\n" +
            "city.phnom-penh.grid.test,ef,electricity:grid,,,CO2,0.5,t/MWh,KH,,2023,2023,Test citation: city grid study,,\n"),
            "city.csv", "city-phnom-penh", "1");
        var catalog = Catalog.WithCityFactors("phnom-penh", cityFactor);

        var own = InventoryCalculator.Calculate(catalog, new InventoryRequest(PhnomPenh, 2023, GwpChoice.Default, [Record("I.1.2", "electricity:grid", 10m, "MWh")]));
        own.Basic.Co2e.Should().Be(5m); // 10 MWh × 0.5 t/MWh
        own.Catalog.CityFactorsHash.Should().NotBeNull();

        var other = new CityContext("siem-reap", "KH");
        var act = () => InventoryCalculator.Calculate(catalog, new InventoryRequest(other, 2023, GwpChoice.Default, [Record("I.1.2", "electricity:grid", 10m, "MWh")]));
        act.Should().Throw<InventoryCalculationException>();
    }

    // 1,000 t wet organic waste composted (III.2.1): IPCC 2006 Vol 5 Ch 4 Table 4.1, wet basis:
    // CH4 4 g/kg, N2O 0.24 g/kg. CH4 = 1,000,000 kg × 4 g/kg = 4 t; N2O = 0.24 t.
    // AR5: 4 × 28 + 0.24 × 265 = 112 + 63.6 = 175.6 t CO2e. AR6 by origin (non-fossil CH4 27.0, N2O 273):
    // 108 + 65.52 = 173.52 t.
    [Theory]
    [InlineData("AR5", false, "175.6")]
    [InlineData("AR6", true, "173.52")]
    public void Composting1000TonnesWet_GivesTable41Defaults(string set, bool byOrigin, string co2e)
    {
        var result = Calculate(HaiPhong, 2023, new GwpChoice(set, byOrigin), Record("III.2.1", "waste:composting-wet", 1000m, "t"));

        result.Lines.Single().TonnesOf(Gas.CH4).Should().Be(4m);
        result.Lines.Single().TonnesOf(Gas.N2O).Should().Be(0.24m);
        result.Basic.Co2e.Should().Be(decimal.Parse(co2e, System.Globalization.CultureInfo.InvariantCulture));
    }

    // Domestic wastewater, 1,000,000 people on septic systems in Cambodia: BOD 40 g/person/day
    // (Vol 5 Ch 6 Table 6.4, Asia), I = 1.0 (uncollected), Bo 0.6 kg CH4/kg BOD, MCF septic 0.5 (Table 6.3).
    //   TOW = 1,000,000 × 40 g × 365 = 14,600,000 kg BOD; EF = 0.6 × 0.5 = 0.3
    //   CH4 = 14,600,000 × 0.3 = 4,380,000 kg = 4,380 t; AR5: 4,380 × 28 = 122,640 t CO2e
    [Fact]
    public void DomesticWastewater_SepticMillionPeople_GivesEquation61()
    {
        var result = Calculate(PhnomPenh, 2023, Record("III.4.1", "wastewater:domestic@septic", 1_000_000m, "person"));

        result.Lines.Single().TonnesOf(Gas.CH4).Should().Be(4380m);
        result.Basic.Co2e.Should().Be(122640m);
    }

    // 100 t of plastics incinerated in a continuous stoker in Kitakyushu: Vol 5 Ch 2 Table 2.4 dm 100 %,
    // CF 75 %, FCF 100 %; Ch 5 Table 5.2 OF 100 %. CO2 = 100 × 1 × 0.75 × 1 × 1 × 44/12 = 275 t (fossil).
    // N2O: Table 5.6 MSW continuous 50 g/t → 100 t × 50 g = 5 kg = 0.005 t.
    // CH4: Table 5.3 (Japanese incinerators) continuous stoker 0.2 kg/Gg → 0.1 Gg × 0.2 = 0.02 kg = 0.00002 t.
    [Fact]
    public void IncinerationOfPlastics_Japan_GivesEquation51FossilCo2AndTable53Ch4()
    {
        var line = Calculate(Kitakyushu, 2023, Record("III.3.1", "waste:incineration-plastics@continuous-stoker", 100m, "t")).Lines.Single();

        line.TonnesOf(Gas.CO2).Should().Be(275m);
        line.BiogenicCo2.Should().Be(0m);
        line.TonnesOf(Gas.N2O).Should().Be(0.005m);
        line.TonnesOf(Gas.CH4).Should().Be(0.00002m);
    }

    // The Table 5.3 CH4 factors were measured at Japanese plants; the catalog ships them for Japan only, so a
    // city elsewhere is told to add its own rather than being given Japanese figures silently.
    [Fact]
    public void IncinerationCh4_OutsideJapan_FailsNamingActivityAndRegion()
    {
        var act = () => Calculate(HaiPhong, 2023, Record("III.3.1", "waste:incineration-plastics@continuous-stoker", 100m, "t"));

        act.Should().Throw<InventoryCalculationException>().WithMessage("*ef CH4*waste:incineration-plastics*VN*JP*");
    }

    // 100 t of paper incinerated: dm 90 %, CF 46 %, FCF 1 %, OF 100 %.
    //   fossil CO2 = 100 × 0.9 × 0.46 × 0.01 × 44/12 = 0.414 × 44/12 = 1.518 t
    //   biogenic CO2 = 100 × 0.9 × 0.46 × 0.99 × 44/12 = 40.986 × 44/12 = 150.282 t
    [Fact]
    public void IncinerationOfPaper_SplitsFossilAndBiogenicCo2()
    {
        var line = Calculate(Kitakyushu, 2023, Record("III.3.1", "waste:incineration-paper@continuous-stoker", 100m, "t")).Lines.Single();

        line.TonnesOf(Gas.CO2).Should().BeApproximately(1.518m, 0.000_000_000_001m); // 44/12 is a repeating decimal
        line.BiogenicCo2.Should().BeApproximately(150.282m, 0.000_000_000_001m);
    }

    // IPPU entered as measured emissions (GPC allows it): 100 t CO2 and 1 t SF6.
    // AR5: 100 + 1 × 23,500 = 23,600 t CO2e, in BASIC+ only.
    [Fact]
    public void ReportedIppuEmissions_CountInBasicPlusOnly()
    {
        var result = Calculate(HaiPhong, 2023,
            Record("IV.1", "reported:co2", 100m, "t"),
            Record("IV.2", "reported:sf6", 1m, "t"));

        result.BasicPlus.Co2e.Should().Be(23600m);
        result.Basic.Co2e.Should().Be(0m);
    }
}
