using GhgReporting.Calc.Gpc;

namespace GhgReporting.Calc.Tests.Gpc;

/// <summary>Patterns that activity types use to list the GPC references they may be filed under.</summary>
public class GpcStructureMatchesTests
{
    [Theory]
    [InlineData("I.*.1", "I.1.1", true)]
    [InlineData("I.*.1", "I.8.1", true)]
    [InlineData("I.*.1", "I.1.2", false)]
    [InlineData("I.*.1", "II.1.1", false)]
    [InlineData("I.*.1", "I.1", false)]
    [InlineData("I.*.1", "I.1.1.1", false)]
    [InlineData("I.*.1", "I..1", false)]
    [InlineData("III.1.*", "III.1.2", true)]
    [InlineData("III.1.*", "III.1.3", true)]
    [InlineData("III.1.*", "III.2.2", false)]
    [InlineData("III.1.*", "III.1", false)]
    [InlineData("*.1.1", "II.1.1", true)]
    [InlineData("*.*.*", "VI.1", false)]
    [InlineData("IV.*", "IV.2", true)]
    [InlineData("IV.*", "IV.2.1", false)]
    public void Matches_WildcardPattern_FitsOneWholeSegmentPerStar(string pattern, string reference, bool expected)
    {
        GpcStructure.Matches(pattern, reference).Should().Be(expected);
    }

    [Theory]
    [InlineData("I.1.1", "I.1.1", true)]
    [InlineData("I.1.1", "I.1.2", false)]
    [InlineData("I.1.1", "I.1.10", false)]
    [InlineData("I.1", "I.1.1", false)]
    [InlineData("IV.1", "IV.1", true)]
    [InlineData("I.1.1", "", false)]
    public void Matches_PatternWithoutStar_MustEqual(string pattern, string reference, bool expected)
    {
        GpcStructure.Matches(pattern, reference).Should().Be(expected);
    }

    [Theory]
    [InlineData(" I.*.1 ", "I.3.1")]
    [InlineData("i.*.1", "I.3.1")]
    [InlineData("I.*.1", " i.3.1\t")]
    [InlineData("iii.1.*", "III.1.2")]
    public void Matches_PaddingAndCase_AreIgnoredAsInTryGet(string pattern, string reference)
    {
        GpcStructure.Matches(pattern, reference).Should().BeTrue();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("I..1")]
    [InlineData("I.1.")]
    [InlineData("I.1*")]
    [InlineData("I.**.1")]
    public void Matches_MalformedPattern_ThrowsArgumentException(string pattern)
    {
        var act = () => GpcStructure.Matches(pattern, "I.1.1");

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Matches_NullArguments_Throw()
    {
        FluentActions.Invoking(() => GpcStructure.Matches(null!, "I.1.1")).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => GpcStructure.Matches("I.*.1", null!)).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Matches_EveryKnownReference_MatchesItselfAndItsScopeWildcard()
    {
        foreach (var category in GpcStructure.Categories)
        {
            GpcStructure.Matches(category.Reference, category.Reference).Should().BeTrue(category.Reference);
        }

        var stationaryScope1 = GpcStructure.Categories.Where(c => GpcStructure.Matches("I.*.1", c.Reference));
        stationaryScope1.Select(c => c.Reference).Should().Equal(
            "I.1.1", "I.2.1", "I.3.1", "I.4.1", "I.5.1", "I.6.1", "I.7.1", "I.8.1");
    }
}
