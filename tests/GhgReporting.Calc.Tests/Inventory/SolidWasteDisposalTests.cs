using GhgReporting.Calc.Factors;
using static GhgReporting.Calc.Tests.Inventory.Fixtures;

namespace GhgReporting.Calc.Tests.Inventory;

/// <summary>
/// The first-order decay model (IPCC 2006 Vol 5 Ch 3) for food waste at a managed anaerobic site in a
/// tropical wet climate: DOC 0.15 (Ch 2 Table 2.4, wet), DOCf 0.5, MCF 1.0 (Table 3.1), F 0.5, OX 0
/// (Table 3.2, not covered), k 0.4 /yr (Table 3.3, food, tropical wet). Waste deposited in year x starts
/// to decay on 1 January of x+1.
/// </summary>
public class SolidWasteDisposalTests
{
    // e^(−0.4) and e^(−4) from Python's decimal module at 40-digit precision, not from the engine.
    private const decimal ExpMinus04 = 0.6703200460356393007444329251m;
    private const decimal ExpMinus4 = 0.0183156388887341802937180213m;

    // Tolerance: the engine computes e^(−k) in decimal to ~26 significant digits; figures here are
    // below 100 t, so 1e-20 t admits that and nothing a wrong formula could produce.
    private const decimal Tolerance = 0.000_000_000_000_000_000_01m;

    // 1,000 t deposited in 2022, inventory 2023. DDOCm = 1,000 × 0.15 × 0.5 × 1.0 = 75 t;
    // CH4 potential = 75 × 0.5 × 16/12 = 50 t; decomposed in the first full year: 1 − e^(−0.4).
    //   CH4 2023 = 50 × (1 − 0.6703200460356393) = 16.484 t
    [Fact]
    public void OneYearDeposit_FirstYearOfDecay_GivesCh4PotentialTimesOneMinusExpMinusK()
    {
        var result = Calculate(HaiPhong, 2023, Record("III.1.1", "waste:landfill-food@managed-anaerobic", 1000m, "t", 2022));

        result.Lines.Single().TonnesOf(Gas.CH4).Should().BeApproximately(50m * (1m - ExpMinus04), Tolerance);
    }

    // A 10-year disposal history, 1,000 t a year 2013–2022, inventory 2023. Each year's 75 t of DDOCm has
    // decayed e^(−0.4 j) by the start of 2023 (j = 0…9 years); what decomposes in 2023 is
    // Σ 75 × e^(−0.4 j) × (1 − e^(−0.4)) = 75 × (1 − e^(−4)) (a geometric series), so
    //   CH4 2023 = 50 × (1 − e^(−4)) = 50 × 0.9816843611112658 = 49.084218 t
    [Fact]
    public void TenYearHistory_ConstantDeposits_GivesClosedFormOfTheGeometricSeries()
    {
        var records = Enumerable.Range(2013, 10)
            .Select(y => Record("III.1.1", "waste:landfill-food@managed-anaerobic", 1000m, "t", y))
            .Append(Record("III.1.1", "waste:landfill-food@managed-anaerobic", 1000m, "t", 2023)) // decays from 2024 on
            .ToArray();

        var line = Calculate(HaiPhong, 2023, records).Lines.Single();

        line.TonnesOf(Gas.CH4).Should().BeApproximately(50m * (1m - ExpMinus4), Tolerance);
        line.Amount.Value.Should().Be(1000m, "the line shows the waste deposited in the inventory year");
        line.Trace.Steps.Should().Contain(s => s.Name == "Waste deposited in 2013");
    }

    // Two unequal years: 1,000 t in 2021 and 2,000 t in 2022 → DDOCm 75 t and 150 t.
    //   decomposed 2023 = 75 × e^(−0.4) × (1 − e^(−0.4)) + 150 × (1 − e^(−0.4))
    //   CH4 = decomposed × 0.5 × 16/12
    [Fact]
    public void TwoYearHistory_UnequalDeposits_DecaysEachYearFromTheYearAfterDeposition()
    {
        var expected = (75m * ExpMinus04 * (1m - ExpMinus04) + 150m * (1m - ExpMinus04)) * 0.5m * 16m / 12m;

        var line = Calculate(HaiPhong, 2023,
            Record("III.1.1", "waste:landfill-food@managed-anaerobic", 1000m, "t", 2021),
            Record("III.1.1", "waste:landfill-food@managed-anaerobic", 2000m, "t", 2022)).Lines.Single();

        line.TonnesOf(Gas.CH4).Should().BeApproximately(expected, Tolerance);
    }

    // A covered managed site oxidises 10 % of the CH4 (Table 3.2, OX 0.1): 1,000 t in 2022 gives
    // 50 × (1 − e^(−0.4)) × 0.9.
    [Fact]
    public void CoveredSite_OxidationFactor_RemovesTenPercent()
    {
        var line = Calculate(HaiPhong, 2023, Record("III.1.1", "waste:landfill-food@managed-anaerobic-covered", 1000m, "t", 2022)).Lines.Single();

        line.TonnesOf(Gas.CH4).Should().BeApproximately(50m * (1m - ExpMinus04) * 0.9m, Tolerance);
    }

    [Fact]
    public void DepositsOnlyInTheInventoryYear_GiveNoCh4AndAWarning()
    {
        var result = Calculate(HaiPhong, 2023, Record("III.1.1", "waste:landfill-food@managed-anaerobic", 1000m, "t", 2023));

        result.Lines.Single().TonnesOf(Gas.CH4).Should().Be(0m);
        result.Warnings.Should().ContainSingle(w => w.Contains("no waste deposited before 2023"));
    }

    [Fact]
    public void GapInHistory_IsWarnedAbout()
    {
        var result = Calculate(HaiPhong, 2023,
            Record("III.1.1", "waste:landfill-food@managed-anaerobic", 1000m, "t", 2019),
            Record("III.1.1", "waste:landfill-food@managed-anaerobic", 1000m, "t", 2022));

        result.Warnings.Should().Contain(w => w.Contains("2020, 2021"));
    }

    [Fact]
    public void CityWithoutClimateZone_FailsAskingForIt()
    {
        var city = HaiPhong with { Climate = null };

        var act = () => Calculate(city, 2023, Record("III.1.1", "waste:landfill-food@managed-anaerobic", 1000m, "t", 2022));

        act.Should().Throw<GhgReporting.Calc.Inventory.InventoryCalculationException>().WithMessage("*climate zone*");
    }
}
