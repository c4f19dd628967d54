using static GhgReporting.Calc.Tests.Methodologies.MethodologyFixtures;

namespace GhgReporting.Calc.Tests.Methodologies;

/// <summary>GHG-RE-SOLARPV 1.0 against methodologies.md §8 (JCM PV methodologies: RE = Σ EG × EF_RE, PE = 0).
/// All figures terminate in decimal, so every comparison is exact.</summary>
public class SolarPvTests
{
    private const string Id = "GHG-RE-SOLARPV";

    // methodologies.md §8 "PV 1": 1.5 MW rooftop on the Java–Bali grid, JCM Case 2 factor 0.533 (catalog
    // grid.id_jamali.jcm.case2.co2, JCM Indonesia "Additional information on calculating the emission factors");
    // EG 1,900 MWh → RE = ER = 1,012.7 t (floor 1,012). With Case 1 (0.619): 1,176.1 t.
    [Theory]
    [InlineData("grid.id_jamali.jcm.case2.co2", "0.533", "1012.7", 1_012)]
    [InlineData("grid.id_jamali.jcm.case1.co2", "0.619", "1176.1", 1_176)]
    public void Calculate_Pv1JavaBali_GivesTheReferenceFigures(string factorId, string published, string reference, long credits)
    {
        var ef = CatalogValue(factorId);
        ef.Should().Be(decimal.Parse(published, System.Globalization.CultureInfo.InvariantCulture));

        var result = Run(Id, Year(2024, [V("EF_RE", ef, "t/MWh")], [V("EG", 1_900m, "MWh", "rooftop")]));

        var expected = 1_900m * ef;
        result.Reductions.Should().Be(expected);
        result.Reductions.Should().Be(decimal.Parse(reference, System.Globalization.CultureInfo.InvariantCulture));
        result.ProjectEmissions.Should().Be(0m);
        result.Credits.Should().Be(credits);
    }

    // methodologies.md §8 "PV 2": Hai Phong, Viet Nam 2023 grid factor 0.6592 (catalog grid.vn.dcc.2023.co2):
    // 2,400 MWh × 0.6592 = 1,582.08 t. CDM variant: Luzon-Visayas CM for solar 0.6836 (catalog
    // grid.ph_luzon_visayas.doe.2015_2017.cm.wind_solar.co2) × 10,000 MWh = 6,836 t.
    [Theory]
    [InlineData("grid.vn.dcc.2023.co2", "2400", "1582.08", 1_582)]
    [InlineData("grid.ph_luzon_visayas.doe.2015_2017.cm.wind_solar.co2", "10000", "6836", 6_836)]
    public void Calculate_Pv2_GivesTheReferenceFigures(string factorId, string generation, string reference, long credits)
    {
        var ef = CatalogValue(factorId);
        var eg = decimal.Parse(generation, System.Globalization.CultureInfo.InvariantCulture);

        var result = Run(Id, Year(2024, [V("EF_RE", ef, "t/MWh")], [V("EG", eg, "MWh", "school-roof")]));

        result.Reductions.Should().Be(eg * ef);
        result.Reductions.Should().Be(decimal.Parse(reference, System.Globalization.CultureInfo.InvariantCulture));
        result.Credits.Should().Be(credits);
    }

    // Credits are the floor of the period's unrounded total, taken once: two systems of 0.6 t each give 1.2 t
    // and 1 credit (flooring each system first would give 0).
    [Fact]
    public void Calculate_TwoSystemsWithFractionalTonnes_FloorsTheTotalOnce()
    {
        var result = Run(Id, Year(2024, [V("EF_RE", 1m, "t/MWh")], [V("EG", 0.6m, "MWh", "a"), V("EG", 600m, "kWh", "b")]));

        result.Reductions.Should().Be(1.2m);
        result.Credits.Should().Be(1);
    }

    [Theory]
    [InlineData("0.999", 0)]
    [InlineData("1", 1)]
    [InlineData("5.5", 5)]
    [InlineData("201.6", 201)]
    [InlineData("1012.7", 1_012)]
    public void Calculate_Reductions_CreditsAreTheFloorOfTheUnroundedValue(string tonnes, long credits)
    {
        var value = decimal.Parse(tonnes, System.Globalization.CultureInfo.InvariantCulture);

        var result = Run(Id, Year(2024, [V("EF_RE", 1m, "t/MWh")], [V("EG", value, "MWh", "a")]));

        result.Reductions.Should().Be(value, "the reduction itself is never rounded");
        result.Credits.Should().Be(credits);
        result.Steps.Single(s => s.Name == "ER (emission reductions, unrounded)").Value.Should().Be(value);
    }
}
