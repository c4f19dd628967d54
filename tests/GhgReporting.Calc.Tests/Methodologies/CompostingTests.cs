using GhgReporting.Calc.Methodologies;
using static GhgReporting.Calc.Tests.Methodologies.MethodologyFixtures;

namespace GhgReporting.Calc.Tests.Methodologies;

/// <summary>
/// GHG-WA-COMPOST 1.0 against methodologies.md §8 (CDM TOOL04 Eq (1) baseline, IPCC composting defaults).
/// Tolerances: the expected figures are computed here from the inputs with e^(−k) from Python's decimal module
/// (28 digits); the engine computes e^(−k) in decimal to about 26 significant digits, so on figures of a few
/// thousand tonnes the two agree to 1e-18, which nothing but that last-digit difference could meet. The
/// reference prints two decimals, so its literals are compared to ±0.005.
/// </summary>
public class CompostingTests
{
    private const string Id = "GHG-WA-COMPOST";
    private const decimal EngineTolerance = 1e-18m;
    private const decimal PrintedTolerance = 0.005m;

    // methodologies.md §8 "Composting 1" (Application B; tropical wet food waste; φ = 0.85 PARTIAL; GWP AR5
    // CH4 28, N2O 265): W = 10,000 t/yr, DOC 0.15, k 0.4, DOCf 0.5, MCF 1.0, OX 0.1, F 0.5, f = 0.
    // Constant = 0.85 × 28 × 0.9 × 16/12 × 0.5 × 0.5 × 1.0 = 7.14; year 1: 1,500 × (1 − e^−0.4) = 494.52
    // → BE_1 = 3,530.87 t. PE = 40 t CH4 × 28 + 2.4 t N2O × 265 + 150 MWh × 0.70 + 20,000 L × 2.676492 kg/L
    // = 1,914.53 t. ER_1 = 1,616.34 t.
    [Fact]
    public void Calculate_Composting1Year1_GivesTheReferenceFigures()
    {
        var result = Run(Id, Composting1(2023, "food/2023"));

        var baseline = 0.85m * (1m - 0m) * 28m * (1m - 0.1m) * 16m / 12m * 0.5m * 0.5m * 1.0m * (10_000m * 0.15m * (1m - ExpMinus04));
        var project = 10_000m * 0.004m * 28m + 10_000m * 0.00024m * 265m + 150m * 0.70m + 20_000m * DieselTonnesCo2PerLitre;
        result.ReferenceEmissions.Should().BeApproximately(baseline, EngineTolerance);
        result.ProjectEmissions.Should().Be(project, "every project term terminates in decimal");
        result.Reductions.Should().BeApproximately(baseline - project, EngineTolerance);

        result.ReferenceEmissions.Should().BeApproximately(3_530.87m, PrintedTolerance);
        result.ProjectEmissions.Should().BeApproximately(1_914.53m, PrintedTolerance);
        result.Reductions.Should().BeApproximately(1_616.34m, PrintedTolerance);
        result.Credits.Should().Be(1_616);
    }

    // methodologies.md §8 "Composting 1", year 2: 494.52 × (1 + e^−0.4) = 826.01 → BE_2 = 5,897.69 t;
    // PE unchanged (10,000 t composted in year 2); ER_2 = 3,983.16 t.
    [Fact]
    public void Calculate_Composting1Year2_AddsTheDecayOfYear1Waste()
    {
        var result = Run(Id, Composting1(2024, "food/2023", "food/2024"));

        var baseline = 7.14m * 10_000m * 0.15m * (1m - ExpMinus04) * (1m + ExpMinus04);
        result.ReferenceEmissions.Should().BeApproximately(baseline, EngineTolerance);
        result.ReferenceEmissions.Should().BeApproximately(5_897.69m, PrintedTolerance);
        result.Reductions.Should().BeApproximately(3_983.16m, PrintedTolerance);
        result.Credits.Should().Be(3_983);
    }

    // methodologies.md §8 "Composting 2" (tropical dry, unmanaged deep dump, φ = 0.80 UNVERIFIED): W = 2,000 t/yr,
    // DOC 0.15, k 0.085, MCF 0.8, OX 0, F 0.5, DOCf 0.5. Constant = 0.80 × 28 × 16/12 × 0.25 × 0.8 = 5.9733;
    // annual term 300 × (1 − e^−0.085) = 24.446; BE_1 = 146.03 t; PE = 224 + 127.2 = 351.2 t → ER_1 = −205.17 t.
    // A negative ER is reported as it is; no credits.
    [Fact]
    public void Calculate_Composting2Year1_GivesNegativeReductionsAndNoCredits()
    {
        var result = Run(Id, Composting2(2023, "food/2023"));

        var constant = 0.80m * 28m * 1m * 16m / 12m * 0.5m * 0.5m * 0.8m;
        var baseline = constant * 2_000m * 0.15m * (1m - ExpMinus085);
        var project = 2_000m * 0.004m * 28m + 2_000m * 0.00024m * 265m;
        result.ReferenceEmissions.Should().BeApproximately(baseline, EngineTolerance);
        result.ProjectEmissions.Should().Be(project);
        result.Reductions.Should().BeApproximately(baseline - project, EngineTolerance);

        result.ReferenceEmissions.Should().BeApproximately(146.03m, PrintedTolerance);
        result.ProjectEmissions.Should().Be(351.2m);
        result.Reductions.Should().BeApproximately(-205.17m, PrintedTolerance).And.BeNegative();
        result.Credits.Should().Be(0);
        result.Warnings.Should().Contain(w => w.Contains("never clamped", StringComparison.Ordinal));
    }

    // methodologies.md §8 "Composting 2", year 3: BE_3 = 24.446 × (1 + 0.918512 + 0.843665) × 5.9733 = 403.35 t;
    // ER_3 = +52.15 t.
    [Fact]
    public void Calculate_Composting2Year3_TurnsPositive()
    {
        var result = Run(Id, Composting2(2025, "food/2023", "food/2024", "food/2025"));

        var constant = 0.80m * 28m * 16m / 12m * 0.25m * 0.8m;
        var baseline = constant * 300m * (1m - ExpMinus085) * (1m + ExpMinus085 + ExpMinus017);
        result.ReferenceEmissions.Should().BeApproximately(baseline, EngineTolerance);
        result.ReferenceEmissions.Should().BeApproximately(403.35m, PrintedTolerance);
        result.Reductions.Should().BeApproximately(52.15m, PrintedTolerance);
        result.Credits.Should().Be(52);
    }

    [Fact]
    public void Calculate_Defaults_AreReadFromTheCatalogAndIllustrativeOnesWarned()
    {
        var result = Run(Id, Composting1(2023, "food/2023"));

        result.Steps.Single(s => s.Name == "DOC_j [food]").Should().Match<Calc.Inventory.TraceStep>(s =>
            s.Value == 0.15m && s.FactorId == "ipcc2006.v5.t2_4.food.doc_wet");
        result.Steps.Single(s => s.Name == "DOC_f,y").FactorId.Should().Be("ipcc2006.v5.ch3.docf");
        result.Steps.Single(s => s.Name == "EF_CH4,comp").FactorId.Should().Be("ipcc2006.v5.t4_1.composting.wet.ch4");
        result.Steps.Single(s => s.Name == "GWP_CH4").Should().Match<Calc.Inventory.TraceStep>(s => s.Value == 28m && s.FactorId == "gwp.AR5.CH4");
        result.Warnings.Should().Contain(w => w.StartsWith("φ_y", StringComparison.Ordinal) && w.Contains("ILLUSTRATIVE", StringComparison.Ordinal));
        result.Warnings.Should().Contain(w => w.StartsWith("f_y", StringComparison.Ordinal));
    }

    [Fact]
    public void Calculate_Ar6_UsesTheSetsGwps()
    {
        var result = Run(Id, Composting1(2023, "food/2023") with { GwpSet = "AR6" });

        result.Steps.Single(s => s.Name == "GWP_CH4").Value.Should().Be(27.9m);
        result.Steps.Single(s => s.Name == "GWP_N2O").Value.Should().Be(273m);
    }

    [Fact]
    public void Calculate_BadWasteInputs_ListsEveryProblem()
    {
        var input = Year(2023,
            [V("k", 0.4m, "1/yr", "garden"), V("MCF", 1.0m, "fraction")],
            [V("W", 100m, "t", "food2023"), V("W", 100m, "t", "food/2024"), V("W", 100m, "t", "food/2023"), V("W", 100m, "t", "plastics/2023"),
             V("EC_PJ", 10m, "MWh"), V("FC_diesel", 0m, "L")]);

        var act = () => Run(Id, input);

        var problems = act.Should().Throw<MethodologyInputException>().Which.Problems;
        problems.Should().Contain(p => p.Contains("[food2023]", StringComparison.Ordinal) && p.Contains("waste type/year", StringComparison.Ordinal));
        problems.Should().Contain(p => p.Contains("[food/2024]", StringComparison.Ordinal) && p.Contains("after the monitoring period's year", StringComparison.Ordinal));
        problems.Should().Contain(p => p.Contains("DOC [plastics]", StringComparison.Ordinal));
        problems.Should().Contain(p => p.Contains("k [food]", StringComparison.Ordinal) && p.Contains("0.4 (tropical-wet", StringComparison.Ordinal));
        problems.Should().Contain(p => p.Contains("'garden' has DOC or k but no W", StringComparison.Ordinal));
        problems.Should().Contain(p => p.Contains("EF_elec", StringComparison.Ordinal));
    }

    private static MethodologyInput Composting1(int year, params string[] wasteYears) =>
        Year(year,
            [V("k", 0.4m, "1/yr", "food"), V("MCF", 1.0m, "fraction"), V("OX", 0.1m, "fraction"), V("EF_elec", 0.70m, "t/MWh")],
            [.. wasteYears.Select(i => V("W", 10_000m, "t", i)), V("EC_PJ", 150m, "MWh"), V("FC_diesel", 20_000m, "L")]);

    private static MethodologyInput Composting2(int year, params string[] wasteYears) =>
        Year(year,
            [V("k", 0.085m, "1/yr", "food"), V("MCF", 0.8m, "fraction"), V("OX", 0m, "fraction"), V("phi", 0.80m, "fraction")],
            [.. wasteYears.Select(i => V("W", 2_000m, "t", i)), V("EC_PJ", 0m, "MWh"), V("FC_diesel", 0m, "L")]);
}
