using GhgReporting.Calc.Methodologies;
using static GhgReporting.Calc.Tests.Methodologies.MethodologyFixtures;

namespace GhgReporting.Calc.Tests.Methodologies;

/// <summary>Every problem of an input is reported at once, each in one sentence naming the parameter.</summary>
public class InputValidationTests
{
    // One e-bus input carrying one of each kind of problem. The valid values around them (DD [city]) show that
    // a problem does not hide another.
    [Fact]
    public void Calculate_EveryKindOfInputError_ListsThemAllTogether()
    {
        var input = new MethodologyInput(
            new DateOnly(2024, 12, 31), new DateOnly(2024, 1, 1),
            ExAnte:
            [
                V("SFC_RE", 0.4m, "L/km"),                      // index missing
                V("SFC_RE", 0.5m, "L/km", "articulated"),       // extra index: no DD for it
                V("SFC_RE", 0.3m, "gallon/km", "std"),          // unit not understood
                V("RHO_diesel", 0m, "kg/L"),                    // out of range (must be > 0)
            ],
            ExPost:
            [
                V("DD", 1_000m, "km", "city"),
                V("DD", 2_000m, "km", "city"),                  // given twice
                V("DD", 1_000m, "L", "std"),                    // wrong dimension
                V("DD", -10m, "km", "mini"),                    // negative
                V("EC_PJ", 1_584m, "MWh", "depot1"),            // index on a parameter without one
                V("EC_PJJ", 5m, "MWh"),                         // unknown name
                V("TDL", 0.1m, "fraction"),                     // ex-ante parameter in the ex-post list
            ],
            GwpSet: "AR7");                                     // unknown GWP set; EF_grid is missing altogether

        var act = () => MethodologyRegistry.Get("GHG-TR-EBUS", "1.0").Calculate(input, Catalog);

        var error = act.Should().Throw<MethodologyInputException>().Which;
        error.Problems.Should().SatisfyRespectively(
            p => p.Should().Contain("ends (2024-01-01) before it starts (2024-12-31)"),
            p => p.Should().Contain("GWP set 'AR7'"),
            p => p.Should().Contain("SFC_RE (SFC_RE,i) needs an index"),
            p => p.Should().Contain("SFC_RE [std]").And.Contain("gallon"),
            p => p.Should().Contain("RHO_diesel is 0 kg/L; it must be greater than 0"),
            p => p.Should().Contain("DD [city] is given more than once"),
            p => p.Should().Contain("DD [std] is in km").And.Contain("'L' measures"),
            p => p.Should().Contain("DD [mini] is -10 km; it must not be negative"),
            p => p.Should().Contain("EC_PJ takes no index, but 'depot1' was given"),
            p => p.Should().Contain("Unknown parameter 'EC_PJJ'"),
            p => p.Should().Contain("TDL is ex ante but was given among the ex-post values"),
            p => p.Should().Contain("EF_grid (EF_grid, ex ante, in t/MWh) is missing"),
            p => p.Should().Contain("SFC_RE has no value for index 'city'"),
            p => p.Should().Contain("SFC_RE has a value for index 'articulated'"));
        error.Message.Should().StartWith("The methodology input has 14 problems:");
    }

    [Fact]
    public void Calculate_IndexedParameterMissingAltogether_SaysOneValuePerIndex()
    {
        var act = () => Run("GHG-EE-CHILLER", Year(2024, [V("EF_elec", 0.7m, "t/MWh")], []));

        act.Should().Throw<MethodologyInputException>().Which.Problems.Should().BeEquivalentTo(
            "Parameter EC_PJ (EC_PJ,i,p, ex post) is missing: give one value per chiller i.",
            "Parameter COP_PJ (COP_PJ,i, ex ante) is missing: give one value per chiller i.",
            "Parameter COP_RE (COP_RE,i, ex ante) is missing: give one value per chiller i.");
    }

    [Fact]
    public void Calculate_FractionAboveOne_IsRefused()
    {
        var act = () => Run("GHG-TR-EBUS", Year(2024,
            [V("SFC_RE", 0.4m, "L/km", "a"), V("TDL", 100m, "%"), V("EF_grid", 0.5m, "t/MWh")],
            [V("DD", 1m, "km", "a"), V("EC_PJ", 1m, "MWh")]));

        act.Should().Throw<MethodologyInputException>().Which.Problems.Should().ContainSingle()
            .Which.Should().Be("Parameter TDL is 100 % = 1.00 fraction; it must be at least 0 and less than 1.");
    }

    [Fact]
    public void Calculate_InvalidValueForDefaultedParameter_IsNotReplacedByTheDefault()
    {
        var act = () => Run("GHG-TR-EBUS", Year(2024,
            [V("SFC_RE", 0.4m, "L/km", "a"), V("TDL", 0m, ""), V("EF_grid", 0.5m, "t/MWh"), V("NCV_diesel", 43m, "TJ")],
            [V("DD", 1m, "km", "a"), V("EC_PJ", 1m, "MWh")]));

        act.Should().Throw<MethodologyInputException>().Which.Problems.Should().ContainSingle()
            .Which.Should().Contain("NCV_diesel is in TJ/Gg");
    }
}
