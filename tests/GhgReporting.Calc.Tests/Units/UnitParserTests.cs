using GhgReporting.Calc.Text;
using GhgReporting.Calc.Units;
using static GhgReporting.Calc.Tests.Units.TestValues;

namespace GhgReporting.Calc.Tests.Units;

public class UnitParserTests
{
    [Theory]
    [InlineData("kWh", nameof(Unit.Kilowatthour))]
    [InlineData("MWh", nameof(Unit.Megawatthour))]
    [InlineData("GWh", nameof(Unit.Gigawatthour))]
    [InlineData("MJ", nameof(Unit.Megajoule))]
    [InlineData("GJ", nameof(Unit.Gigajoule))]
    [InlineData("TJ", nameof(Unit.Terajoule))]
    [InlineData("kcal", nameof(Unit.Kilocalorie))]
    [InlineData("L", nameof(Unit.Litre))]
    [InlineData("l", nameof(Unit.Litre))]
    [InlineData("litre", nameof(Unit.Litre))]
    [InlineData("liter", nameof(Unit.Litre))]
    [InlineData("kL", nameof(Unit.Kilolitre))]
    [InlineData("m3", nameof(Unit.CubicMetre))]
    [InlineData("m³", nameof(Unit.CubicMetre))]
    [InlineData("ML", nameof(Unit.Megalitre))]
    [InlineData("kg", nameof(Unit.Kilogram))]
    [InlineData("g", nameof(Unit.Gram))]
    [InlineData("t", nameof(Unit.Tonne))]
    [InlineData("tonne", nameof(Unit.Tonne))]
    [InlineData("tonnes", nameof(Unit.Tonne))]
    [InlineData("kt", nameof(Unit.Kilotonne))]
    [InlineData("Gg", nameof(Unit.Gigagram))]
    [InlineData("Mt", nameof(Unit.Megatonne))]
    [InlineData("km", nameof(Unit.Kilometre))]
    [InlineData("t.km", nameof(Unit.TonneKilometre))]
    [InlineData("t·km", nameof(Unit.TonneKilometre))]
    [InlineData("tkm", nameof(Unit.TonneKilometre))]
    [InlineData("person", nameof(Unit.Person))]
    [InlineData("persons", nameof(Unit.Person))]
    [InlineData("people", nameof(Unit.Person))]
    [InlineData("d", nameof(Unit.Day))]
    [InlineData("day", nameof(Unit.Day))]
    [InlineData("yr", nameof(Unit.Year))]
    [InlineData("year", nameof(Unit.Year))]
    [InlineData("fraction", nameof(Unit.Fraction))]
    [InlineData("%", nameof(Unit.Percent))]
    [InlineData("1", nameof(Unit.One))]
    [InlineData("  kg  ", nameof(Unit.Kilogram))]
    public void Parse_AcceptedSymbol_WellKnownUnit(string text, string expected)
    {
        ParseResult<Unit> result = UnitParser.Parse(text);

        result.Success.Should().BeTrue(result.Error);
        result.Value.Should().Be(UnitNamed(expected));
        result.Error.Should().BeNull();
    }

    [Theory]
    [InlineData("mwh", nameof(Unit.Megawatthour))]
    [InlineData("gj", nameof(Unit.Gigajoule))]
    [InlineData("KG", nameof(Unit.Kilogram))]
    [InlineData("tj", nameof(Unit.Terajoule))]
    [InlineData("KWH", nameof(Unit.Kilowatthour))]
    [InlineData("Tonnes", nameof(Unit.Tonne))]
    [InlineData("LITRE", nameof(Unit.Litre))]
    [InlineData("kl", nameof(Unit.Kilolitre))]
    [InlineData("M3", nameof(Unit.CubicMetre))]
    [InlineData("Day", nameof(Unit.Day))]
    [InlineData("YR", nameof(Unit.Year))]
    [InlineData("TKM", nameof(Unit.TonneKilometre))]
    public void Parse_CaseVariantWhereUnambiguous_WellKnownUnit(string text, string expected)
    {
        UnitParser.Parse(text).Value.Should().Be(UnitNamed(expected));
    }

    [Theory]
    [InlineData("kg/TJ", "kg/TJ", "mass/energy")]
    [InlineData("t/MWh", "t/MWh", "mass/energy")]
    [InlineData("TJ/Gg", "TJ/Gg", "energy/mass")]
    [InlineData("kg/L", "kg/L", "mass/volume")]
    [InlineData("kg/m3", "kg/m3", "mass/volume")]
    [InlineData("g/kg", "g/kg", "dimensionless")]
    [InlineData("kg/Gg", "kg/Gg", "dimensionless")]
    [InlineData("g/t", "g/t", "dimensionless")]
    [InlineData("g/person/day", "g/(person·d)", "mass/(count·time)")]    // left-associative: (g/person)/day
    [InlineData("(g/person)/day", "g/(person·d)", "mass/(count·time)")]
    [InlineData("g/(person·yr)", "g/(person·yr)", "mass/(count·time)")]
    [InlineData("g/(person.yr)", "g/(person·yr)", "mass/(count·time)")]
    [InlineData("g/(person*yr)", "g/(person·yr)", "mass/(count·time)")]
    [InlineData("1/yr", "1/yr", "1/time")]
    [InlineData("kg / TJ", "kg/TJ", "mass/energy")]
    [InlineData("kg·km", "kg·km", "mass·distance")]
    [InlineData("g/t·km", "g/(t·km)", "1/distance")]                     // t·km is one word: grams per tonne-kilometre
    [InlineData("g/tkm", "g/(t·km)", "1/distance")]
    [InlineData("kg·km/t", "kg·km/t", "distance")]                       // a product before '/' is unambiguous
    [InlineData("km^2", "km^2", "distance^2")]
    [InlineData("yr^-1", "1/yr", "1/time")]
    [InlineData("kg/kg", "1", "dimensionless")]
    [InlineData("MJ/m³", "MJ/m3", "energy/volume")]
    public void Parse_CompoundExpression_SymbolAndDimension(string text, string symbol, string dimension)
    {
        ParseResult<Unit> result = UnitParser.Parse(text);

        result.Success.Should().BeTrue(result.Error);
        result.Value!.Symbol.Should().Be(symbol);
        result.Value.Dimension.ToString().Should().Be(dimension);
    }

    [Fact]
    public void Parse_GramPerPersonPerDay_FactorMatchesDefinition()
    {
        // g/(person·d): 0.001 kg / (1 person × 1 d) = 0.001 in base units.
        UnitParser.Parse("g/person/day").Value!.ToBase.Should().Be(0.001m);
    }

    [Fact]
    public void Parse_PerYear_FactorIsOneOver365()
    {
        // 1/yr = 1 / 365 d; checked through a conversion so the test does not depend on ToBase
        // rounding: 365 per year is 1 per day.
        Unit perYear = UnitParser.Parse("1/yr").Value!;

        Quantity.Of(365m, perYear).ValueIn(Unit.Day.Inverse()).Should().Be(1m);
    }

    [Theory]
    [InlineData("kg/TJ")]
    [InlineData("g/(person·d)")]
    [InlineData("1/yr")]
    [InlineData("km^2")]
    [InlineData("t·km")]
    [InlineData("g/(t·km)")]
    [InlineData("kg·GJ/TJ")]
    [InlineData("kg·t/TJ")]
    public void Parse_SymbolOfBuiltUnit_RoundTrips(string symbol)
    {
        Unit unit = UnitParser.ParseOrThrow(symbol);

        unit.Symbol.Should().Be(symbol);
        UnitParser.ParseOrThrow(unit.ToString()).Should().Be(unit);
    }

    [Fact]
    public void Parse_CompoundOfWellKnown_EqualsOperatorResult()
    {
        UnitParser.Parse("TJ/Gg").Value.Should().Be(Unit.Terajoule / Unit.Gigagram);
        UnitParser.Parse("g/person/day").Value.Should().Be(Unit.Gram / (Unit.Person * Unit.Day));
    }

    [Theory]
    [InlineData("mt", "Unit 'mt' at position 1 in 'mt' is ambiguous: it can mean metric ton ('t') or megatonne ('Mt'); write 't' or 'Mt'.")]
    [InlineData("kg/mt", "Unit 'mt' at position 4 in 'kg/mt' is ambiguous: it can mean metric ton ('t') or megatonne ('Mt'); write 't' or 'Mt'.")]
    [InlineData("MT", "Unit 'MT' at position 1 in 'MT' is ambiguous: it can mean metric ton ('t') or megatonne ('Mt'); write 't' or 'Mt'.")]
    [InlineData("mL", "Unit 'mL' at position 1 in 'mL' is not supported: millilitres (mL) are not used here; write 'L' for litres or 'ML' for megalitres.")]
    [InlineData("ml", "Unit 'ml' at position 1 in 'ml' is not supported: millilitres (mL) are not used here; write 'L' for litres or 'ML' for megalitres.")]
    [InlineData("gg", "Unit 'gg' at position 1 in 'gg' is not recognised: prefixes are case-sensitive and only 'Gg' (gigagram, 1000 t) is unambiguous.")]
    [InlineData("GG", "Unit 'GG' at position 1 in 'GG' is not recognised: prefixes are case-sensitive and only 'Gg' (gigagram, 1000 t) is unambiguous.")]
    [InlineData("T", "Unit 'T' at position 1 in 'T' is not recognised: single-letter symbols are case-sensitive; did you mean 't'?")]
    [InlineData("kg/G", "Unit 'G' at position 4 in 'kg/G' is not recognised: single-letter symbols are case-sensitive; did you mean 'g'?")]
    [InlineData("kg//TJ", "Expected a unit at position 4 in 'kg//TJ' but found '/'.")]
    [InlineData("kg/", "Expected a unit at position 4 in 'kg/' but found the end of the text.")]
    [InlineData("/kg", "Expected a unit at position 1 in '/kg' but found '/'.")]
    [InlineData("kwhr/day", "Unknown unit 'kwhr' at position 1 in 'kwhr/day'. Known energy units: kWh, MWh, GWh, MJ, GJ, TJ, kcal.")]
    [InlineData("kg/tonns", "Unknown unit 'tonns' at position 4 in 'kg/tonns'. Known mass units: kg, g, t, kt, Gg, Mt.")]
    [InlineData("g/(person·d", "Missing ')' for the '(' at position 3 in 'g/(person·d'.")]
    [InlineData("kg)", "Unmatched ')' at position 3 in 'kg)'.")]
    [InlineData("kg TJ", "Expected '/' or '·' at position 4 in 'kg TJ' but found 'TJ'.")]
    [InlineData("g/person·day", "Ambiguous '·' at position 9 in 'g/person·day': a product after '/' could mean a/(b·c) or (a/b)·c, so add parentheses.")]
    [InlineData("2/yr", "Only the number 1 may stand in a unit (as in '1/yr'), but found '2' at position 1 in '2/yr'.")]
    [InlineData("kg#", "Unexpected character '#' at position 3 in 'kg#'.")]
    [InlineData("km^", "Expected a whole-number exponent of at most two digits at position 4 in 'km^' but found the end of the text.")]
    [InlineData("km^100", "Expected a whole-number exponent of at most two digits at position 4 in 'km^100' but found '100'.")]
    [InlineData("Mt^9", "Unit 'Mt^9' is too large to represent: an exponent or factor is out of range.")] // (10^9 kg)^9 = 10^81 > decimal.MaxValue ≈ 7.9×10^28
    public void Parse_InvalidText_FailsWithMessage(string text, string expected)
    {
        ParseResult<Unit> result = UnitParser.Parse(text);

        result.Success.Should().BeFalse();
        result.Value.Should().BeNull();
        result.Error.Should().Be(expected);
    }

    [Fact]
    public void Parse_UnrelatedWord_ListsAllKnownUnits()
    {
        UnitParser.Parse("banana").Error.Should().Be(
            "Unknown unit 'banana' at position 1 in 'banana'. Known units: energy kWh, MWh, GWh, MJ, GJ, TJ, kcal; "
            + "mass kg, g, t, kt, Gg, Mt; volume L, kL, m3, ML; distance km, t·km; count person; time d, yr; dimensionless fraction, %.");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_Empty_FailsWithoutThrowing(string? text)
    {
        ParseResult<Unit> result = UnitParser.Parse(text);

        result.Success.Should().BeFalse();
        result.Error.Should().Be("Unit text is empty; expected a unit such as 'kg' or 'kg/TJ'.");
    }

    [Fact]
    public void ParseOrThrow_InvalidText_ThrowsFormatExceptionWithParseError()
    {
        Action act = () => UnitParser.ParseOrThrow("mt");

        act.Should().Throw<FormatException>().WithMessage("Unit 'mt' at position 1 in 'mt' is ambiguous:*");
    }

    [Fact]
    public void ParseOrThrow_ValidText_ReturnsUnit()
    {
        UnitParser.ParseOrThrow("t/MWh").Should().Be(Unit.Tonne / Unit.Megawatthour);
    }

    [Fact]
    public void ParseResult_Default_IsFailureWithMessage()
    {
        ParseResult<Unit> none = default;

        none.Success.Should().BeFalse();
        none.Error.Should().NotBeNullOrWhiteSpace();
    }
}
