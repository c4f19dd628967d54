using static GhgReporting.Calc.Tests.Methodologies.MethodologyFixtures;

namespace GhgReporting.Calc.Tests.Methodologies;

/// <summary>GHG-IN-WHR 1.0 against methodologies.md §8 (JCM ID_AM001 / MM_AM005: RE = EG_net × EF, PE = 0).
/// All figures terminate in decimal, so comparisons are exact.</summary>
public class WasteHeatRecoveryTests
{
    private const string Id = "GHG-IN-WHR";

    // methodologies.md §8 "Cement WHR 1" (ID_AM001-style, EF illustrative 0.70): gross 190,000 MWh, auxiliary
    // 10 % → net 171,000 MWh × 0.70 = 119,700 t/yr.
    [Fact]
    public void Calculate_CementWhr1GrossMinusAuxiliary_GivesTheReferenceFigures()
    {
        var gross = 190_000m;
        var auxiliary = gross * 0.10m;

        var result = Run(Id, Year(2024, [V("EF_RE", 0.70m, "t/MWh")], [V("EG_gross", gross, "MWh"), V("EC_aux", auxiliary, "MWh")]));

        var expected = (gross - auxiliary) * 0.70m;
        result.Reductions.Should().Be(expected);
        result.Reductions.Should().Be(119_700m);
        result.ProjectEmissions.Should().Be(0m);
        result.Steps.Single(s => s.Name == "EG_net,p").Value.Should().Be(171_000m);
        result.Credits.Should().Be(119_700);
    }

    // methodologies.md §8 "Cement WHR 2" (MM_AM005-style): 60,000 MWh supplied to the plant × 0.55
    // (illustrative) = 33,000 t; PE = 0; ER = 33,000 t.
    [Fact]
    public void Calculate_CementWhr2NetSupply_GivesTheReferenceFigures()
    {
        var result = Run(Id, Year(2024, [V("EF_RE", 0.55m, "t/MWh")], [V("EG_net", 60_000m, "MWh")]));

        result.Reductions.Should().Be(60_000m * 0.55m);
        result.Reductions.Should().Be(33_000m);
        result.ReferenceEmissions.Should().Be(33_000m);
        result.ProjectEmissions.Should().Be(0m);
        result.Credits.Should().Be(33_000);
    }

    [Fact]
    public void Calculate_NetAndGrossBothGiven_IsRefusedAsAmbiguous()
    {
        var act = () => Run(Id, Year(2024, [V("EF_RE", 0.55m, "t/MWh")], [V("EG_net", 1m, "MWh"), V("EG_gross", 2m, "MWh"), V("EC_aux", 1m, "MWh")]));

        act.Should().Throw<Calc.Methodologies.MethodologyInputException>()
            .Which.Problems.Should().ContainSingle().Which.Should().Contain("not both");
    }

    [Fact]
    public void Calculate_GrossWithoutAuxiliaryAndNoFactor_ListsBothProblems()
    {
        var act = () => Run(Id, Year(2024, [], [V("EG_gross", 2m, "MWh")]));

        act.Should().Throw<Calc.Methodologies.MethodologyInputException>()
            .Which.Problems.Should().HaveCount(2)
            .And.Contain(p => p.Contains("EC_aux", StringComparison.Ordinal))
            .And.Contain(p => p.Contains("EF_RE", StringComparison.Ordinal) && p.Contains("missing", StringComparison.Ordinal));
    }
}
