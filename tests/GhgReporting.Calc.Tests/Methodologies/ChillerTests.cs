using static GhgReporting.Calc.Tests.Methodologies.MethodologyFixtures;

namespace GhgReporting.Calc.Tests.Methodologies;

/// <summary>GHG-EE-CHILLER 1.0 against the worked examples of methodologies.md §8 (inputs invented by the
/// reference, formula of JCM TH_AM005 / ID_AM002: RE = Σ EC × COP_PJ/COP_RE × EF, PE = Σ EC × EF).</summary>
public class ChillerTests
{
    private const string Id = "GHG-EE-CHILLER";

    // methodologies.md §8 "Chiller 1" (hotel, Surabaya; COP_RE illustrative): EC_PJ 1,200 MWh, COP_PJ 6.2,
    // COP_RE 5.0, EF_elec 0.70 → RE = 1,041.6, PE = 840.0, ER = 201.6 t (floor 201).
    // Exact in decimal: 6.2 / 5.0 = 1.24 terminates, so no tolerance.
    [Fact]
    public void Calculate_Chiller1_GivesTheReferenceFigures()
    {
        var result = Run(Id, Chiller1("1200", "MWh"));

        var expected = 1_200m * (6.2m / 5.0m) * 0.70m - 1_200m * 0.70m;
        result.Reductions.Should().Be(expected);
        result.Reductions.Should().Be(201.6m);
        result.ReferenceEmissions.Should().Be(1_041.6m);
        result.ProjectEmissions.Should().Be(840.0m);
        result.Leakage.Should().Be(0m);
        result.Credits.Should().Be(201);
    }

    // methodologies.md §8 "Chiller 2" (two chillers, EF 0.65): A 800 MWh, 6.5 vs 5.5; B 300 MWh, 6.0 vs 5.2
    // → RE_A = 614.545, RE_B = 225.000, RE = 839.545, PE = 715.000, ER = 124.545 (floor 124).
    // 6.5/5.5 does not terminate: the engine multiplies before dividing, the test divides first, so the two
    // may differ in the 28th significant digit (1e-20 admits that and nothing else). The reference prints
    // three decimals, so its literals are compared to ±0.0005.
    [Fact]
    public void Calculate_Chiller2_SumsTheChillers()
    {
        var input = Year(2024,
            [V("COP_PJ", 6.5m, "", "A"), V("COP_RE", 5.5m, "", "A"), V("COP_PJ", 6.0m, "", "B"), V("COP_RE", 5.2m, "", "B"), V("EF_elec", 0.65m, "t/MWh")],
            [V("EC_PJ", 800m, "MWh", "A"), V("EC_PJ", 300m, "MWh", "B")]);

        var result = Run(Id, input);

        var expected = 800m * (6.5m / 5.5m) * 0.65m + 300m * (6.0m / 5.2m) * 0.65m - 1_100m * 0.65m;
        result.Reductions.Should().BeApproximately(expected, 1e-20m);
        result.Reductions.Should().BeApproximately(124.545m, 0.0005m);
        result.ReferenceEmissions.Should().BeApproximately(839.545m, 0.0005m);
        result.ProjectEmissions.Should().Be(715.000m);
        result.Steps.Single(s => s.Name == "RE_i,p [A]").Value.Should().BeApproximately(614.545m, 0.0005m);
        result.Steps.Single(s => s.Name == "RE_i,p [B]").Value.Should().Be(225.000m, "300 × 6.0 × 0.65 / 5.2 terminates");
        result.Credits.Should().Be(124);
    }

    // The same chiller 1 with consumption in kWh and the factor as JCM prints it (t CO2/MWh) or in kg/kWh:
    // conversion is exact (factors of 1000), so the result is identical.
    [Theory]
    [InlineData("1200000", "kWh", "tCO2/MWh")]
    [InlineData("1.2", "GWh", "kg CO2/kWh")]
    [InlineData("1200", "mwh", "t/MWh")]
    public void Calculate_ConsumptionInOtherEnergyUnits_GivesTheSameResult(string consumption, string unit, string efUnit)
    {
        var result = Run(Id, Chiller1(consumption, unit, efUnit));

        result.Reductions.Should().Be(201.6m);
        result.Steps.Single(s => s.Name == "EC_PJ,i,p [hotel]").Should().Match<Calc.Inventory.TraceStep>(s => s.Value == 1_200m && s.Unit == "MWh");
    }

    [Fact]
    public void Calculate_Chiller1_TracesInputsEquationsAndTheUnroundedReduction()
    {
        var result = Run(Id, Chiller1("1200", "MWh"));

        result.Steps.Select(s => s.Name).Should().ContainInOrder(
            "EC_PJ,i,p [hotel]", "COP_PJ,i [hotel]", "COP_RE,i [hotel]", "EF_elec", "RE_i,p [hotel]", "PE_i,p [hotel]",
            "RE (reference emissions)", "PE (project emissions)", "LE (leakage)", "ER (emission reductions, unrounded)", "Credits (whole t CO2e)");
        result.Steps.Single(s => s.Name == "EC_PJ,i,p [hotel]").FactorId.Should().Be("EC_PJ[hotel]");
        result.Steps.Single(s => s.Name == "RE_i,p [hotel]").Formula.Should().Contain("1200 × (6.2 / 5.0) × 0.70");
        result.Steps.Single(s => s.Name == "ER (emission reductions, unrounded)").Value.Should().Be(201.6m);
        result.Steps.Single(s => s.Name == "Credits (whole t CO2e)").Value.Should().Be(201m);
        result.Warnings.Should().Contain(w => w.Contains("COP_RE", StringComparison.Ordinal) && w.Contains("UNVERIFIED", StringComparison.Ordinal));
    }

    [Fact]
    public void Calculate_ProjectCopBelowReference_GivesNegativeReductionsAndNoCredits()
    {
        var input = Year(2024, [V("COP_PJ", 4.0m, "", "A"), V("COP_RE", 5.0m, "", "A"), V("EF_elec", 0.70m, "t/MWh")], [V("EC_PJ", 100m, "MWh", "A")]);

        var result = Run(Id, input);

        result.Reductions.Should().Be(100m * (4.0m / 5.0m) * 0.70m - 100m * 0.70m).And.BeNegative();
        result.Credits.Should().Be(0);
        result.Warnings.Should().Contain(w => w.Contains("below COP_RE", StringComparison.Ordinal));
    }

    private static Calc.Methodologies.MethodologyInput Chiller1(string consumption, string unit, string efUnit = "t/MWh") =>
        Year(2024,
            [V("COP_PJ", 6.2m, "", "hotel"), V("COP_RE", 5.0m, "1", "hotel"), V("EF_elec", 0.70m, efUnit)],
            [V("EC_PJ", decimal.Parse(consumption, System.Globalization.CultureInfo.InvariantCulture), unit, "hotel")]);
}
