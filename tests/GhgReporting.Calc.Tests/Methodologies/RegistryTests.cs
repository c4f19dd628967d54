using GhgReporting.Calc.Methodologies;
using GhgReporting.Calc.Text;
using static GhgReporting.Calc.Tests.Methodologies.MethodologyFixtures;

namespace GhgReporting.Calc.Tests.Methodologies;

public class RegistryTests
{
    public static TheoryData<string> Ids => new(MethodologyRegistry.All.Select(m => m.Id));

    [Fact]
    public void All_ListsTheFiveMethodologiesOnce()
    {
        MethodologyRegistry.All.Select(m => $"{m.Id} {m.Version}").Should().BeEquivalentTo(
            "GHG-EE-CHILLER 1.0", "GHG-RE-SOLARPV 1.0", "GHG-TR-EBUS 1.0", "GHG-WA-COMPOST 1.0", "GHG-IN-WHR 1.0");
        MethodologyRegistry.All.Select(m => m.Sector).Should().BeEquivalentTo(
            "Energy efficiency", "Renewable energy", "Transport", "Waste", "Industry");
    }

    [Fact]
    public void TryGet_KnownIdAndVersion_ReturnsIt()
    {
        MethodologyRegistry.TryGet("GHG-WA-COMPOST", "1.0", out var methodology).Should().BeTrue();
        methodology!.Title.Should().Be("Organic waste composted instead of landfilled");
    }

    [Theory]
    [InlineData("GHG-WA-COMPOST", "2.0")]
    [InlineData("ghg-wa-compost", "1.0")]
    [InlineData("NOPE", "1.0")]
    public void TryGet_UnknownIdOrVersion_ReturnsFalse(string id, string version) =>
        MethodologyRegistry.TryGet(id, version, out _).Should().BeFalse();

    [Fact]
    public void Get_Unknown_ThrowsNamingWhatExists()
    {
        var act = () => MethodologyRegistry.Get("GHG-EE-CHILLER", "9.9");

        act.Should().Throw<KeyNotFoundException>().WithMessage("No methodology 'GHG-EE-CHILLER' version '9.9'. Registered: *GHG-EE-CHILLER 1.0*GHG-WA-COMPOST 1.0*");
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Parameters_EveryDefault_HasASourceAndEveryUnitParses(string id)
    {
        var methodology = MethodologyRegistry.Get(id, "1.0");

        methodology.Parameters.Select(p => p.Name).Should().OnlyHaveUniqueItems();
        foreach (var p in methodology.Parameters)
        {
            if (p.Default is not null) p.DefaultSource.Should().NotBeNullOrWhiteSpace(p.Name);
            if (p.DefaultIsIllustrative) p.Default.Should().NotBeNull(p.Name);
        }
        methodology.BasedOn.Should().NotBeNullOrWhiteSpace();
        methodology.Equations.Should().Contain("ER");
    }

    // A documented default that names a catalog row must be that row's value; the calculation uses the row.
    [Theory]
    [MemberData(nameof(Ids))]
    public void Parameters_CatalogDefaults_EqualTheCatalogRows(string id)
    {
        var specs = ((MethodologyBase)MethodologyRegistry.Get(id, "1.0")).Specs.Where(s => s.CatalogFactorId is not null);

        foreach (var s in specs)
            Catalog.Factors.Single(f => f.Id == s.CatalogFactorId).Value.ValueIn(s.Unit).Should().Be(s.Parameter.Default!.Value, s.Name);
    }

    // What the brief allows to be a placeholder, and nothing else: φ of Tool 04 and the diesel density.
    [Fact]
    public void Parameters_IllustrativeDefaults_AreOnlyPhiAndDieselDensityAndBasedOnSaysSo()
    {
        var illustrative = MethodologyRegistry.All.SelectMany(m => m.Parameters.Where(p => p.DefaultIsIllustrative).Select(p => $"{m.Id}:{p.Name}={p.Default}"));

        illustrative.Should().BeEquivalentTo("GHG-TR-EBUS:RHO_diesel=0.84", "GHG-WA-COMPOST:phi=0.85", "GHG-WA-COMPOST:RHO_diesel=0.84");
        MethodologyRegistry.Get("GHG-TR-EBUS", "1.0").BasedOn.Should().Contain("ILLUSTRATIVE").And.Contain("UNVERIFIED");
        MethodologyRegistry.Get("GHG-WA-COMPOST", "1.0").BasedOn.Should().Contain("ILLUSTRATIVE");
    }
}
