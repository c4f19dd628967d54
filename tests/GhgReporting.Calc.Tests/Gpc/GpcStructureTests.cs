using GhgReporting.Calc.Gpc;

namespace GhgReporting.Calc.Tests.Gpc;

/// <summary>
/// The GPC (2014) reporting table as written in GpcStructure, restated here row by row so that a
/// change to either side fails. Sources: see the remarks on <see cref="GpcStructure"/>.
/// </summary>
public class GpcStructureTests
{
    /// <summary>Every GPC reference with its scope and levels: B = BASIC (and BASIC+),
    /// P = BASIC+ only, N = neither.</summary>
    public static TheoryData<string, GpcScope, char> AllRows => new()
    {
        { "I.1.1", GpcScope.One, 'B' }, { "I.1.2", GpcScope.Two, 'B' }, { "I.1.3", GpcScope.Three, 'P' },
        { "I.2.1", GpcScope.One, 'B' }, { "I.2.2", GpcScope.Two, 'B' }, { "I.2.3", GpcScope.Three, 'P' },
        { "I.3.1", GpcScope.One, 'B' }, { "I.3.2", GpcScope.Two, 'B' }, { "I.3.3", GpcScope.Three, 'P' },
        { "I.4.1", GpcScope.One, 'B' }, { "I.4.2", GpcScope.Two, 'B' }, { "I.4.3", GpcScope.Three, 'P' },
        { "I.4.4", GpcScope.One, 'N' },
        { "I.5.1", GpcScope.One, 'B' }, { "I.5.2", GpcScope.Two, 'B' }, { "I.5.3", GpcScope.Three, 'P' },
        { "I.6.1", GpcScope.One, 'B' }, { "I.6.2", GpcScope.Two, 'B' }, { "I.6.3", GpcScope.Three, 'P' },
        { "I.7.1", GpcScope.One, 'B' },
        { "I.8.1", GpcScope.One, 'B' },
        { "II.1.1", GpcScope.One, 'B' }, { "II.1.2", GpcScope.Two, 'B' }, { "II.1.3", GpcScope.Three, 'P' },
        { "II.2.1", GpcScope.One, 'B' }, { "II.2.2", GpcScope.Two, 'B' }, { "II.2.3", GpcScope.Three, 'P' },
        { "II.3.1", GpcScope.One, 'B' }, { "II.3.2", GpcScope.Two, 'B' }, { "II.3.3", GpcScope.Three, 'P' },
        { "II.4.1", GpcScope.One, 'B' }, { "II.4.2", GpcScope.Two, 'B' }, { "II.4.3", GpcScope.Three, 'P' },
        { "II.5.1", GpcScope.One, 'B' }, { "II.5.2", GpcScope.Two, 'B' },
        { "III.1.1", GpcScope.One, 'B' }, { "III.1.2", GpcScope.Three, 'B' }, { "III.1.3", GpcScope.One, 'N' },
        { "III.2.1", GpcScope.One, 'B' }, { "III.2.2", GpcScope.Three, 'B' }, { "III.2.3", GpcScope.One, 'N' },
        { "III.3.1", GpcScope.One, 'B' }, { "III.3.2", GpcScope.Three, 'B' }, { "III.3.3", GpcScope.One, 'N' },
        { "III.4.1", GpcScope.One, 'B' }, { "III.4.2", GpcScope.Three, 'B' }, { "III.4.3", GpcScope.One, 'N' },
        { "IV.1", GpcScope.One, 'P' }, { "IV.2", GpcScope.One, 'P' },
        { "V.1", GpcScope.One, 'P' }, { "V.2", GpcScope.One, 'P' }, { "V.3", GpcScope.One, 'P' },
        { "VI.1", GpcScope.Three, 'N' },
    };

    [Theory]
    [MemberData(nameof(AllRows))]
    public void Get_EachReference_HasItsScopeAndLevels(string reference, GpcScope scope, char level)
    {
        var category = GpcStructure.Get(reference);

        category.Reference.Should().Be(reference);
        category.Scope.Should().Be(scope);
        category.InBasic.Should().Be(level == 'B');
        category.InBasicPlus.Should().Be(level != 'N');
    }

    [Fact]
    public void Categories_AllOfThem_AreExactlyTheRowsOfTheTable()
    {
        var expected = AllRows.Select(row => (string)row[0]);

        GpcStructure.Categories.Select(c => c.Reference).Should().Equal(expected);
    }

    [Theory]
    [InlineData(GpcSector.StationaryEnergy, 8, 21)]
    [InlineData(GpcSector.Transportation, 5, 14)]
    [InlineData(GpcSector.Waste, 4, 12)]
    [InlineData(GpcSector.Ippu, 2, 2)]
    [InlineData(GpcSector.Afolu, 3, 3)]
    [InlineData(GpcSector.OtherScope3, 1, 1)]
    public void SubSectorsAndCategories_EachSector_IsPresentWithItsRows(GpcSector sector, int subSectors, int categories)
    {
        GpcStructure.SubSectors.Count(s => s.Sector == sector).Should().Be(subSectors);
        GpcStructure.Categories.Count(c => c.SubSector.Sector == sector).Should().Be(categories);
    }

    [Fact]
    public void Categories_EachRow_BelongsToASubSectorWhoseNumberPrefixesItsReference()
    {
        foreach (var category in GpcStructure.Categories)
        {
            GpcStructure.SubSectors.Should().Contain(category.SubSector);
            var prefixOk = category.Reference == category.SubSector.Number
                || category.Reference.StartsWith(category.SubSector.Number + ".", StringComparison.Ordinal);
            prefixOk.Should().BeTrue($"{category.Reference} is filed under {category.SubSector.Number}");
            category.SubSector.Number.Should().StartWith(GpcStructure.SectorNumeral(category.SubSector.Sector) + ".");
            category.Description.Should().NotBeNullOrWhiteSpace();
        }
    }

    [Fact]
    public void SubSectors_EachOne_HasAtLeastOneCategory()
    {
        foreach (var subSector in GpcStructure.SubSectors)
        {
            GpcStructure.Categories.Should().Contain(c => c.SubSector == subSector, subSector.Number);
        }
    }

    [Fact]
    public void Categories_References_AreUnique()
    {
        GpcStructure.Categories.Select(c => c.Reference).Should().OnlyHaveUniqueItems();
        GpcStructure.SubSectors.Select(s => s.Number).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Categories_Order_FollowsSectorThenSubSectorThenRow()
    {
        var keys = GpcStructure.Categories.Select(OrderKey).ToList();

        keys.Should().BeInAscendingOrder(Comparer<(int, int, int)>.Default);
    }

    [Fact]
    public void Categories_InBasic_AlwaysAlsoInBasicPlus()
    {
        GpcStructure.Categories.Where(c => c.InBasic).Should().OnlyContain(c => c.InBasicPlus);
    }

    [Theory]
    [InlineData("I.4.4")]
    [InlineData("III.1.3")]
    [InlineData("III.2.3")]
    [InlineData("III.3.3")]
    [InlineData("III.4.3")]
    [InlineData("VI.1")]
    public void Get_TerritorialOnlyOrOtherScope3_IsInNeitherBasicNorBasicPlus(string reference)
    {
        var category = GpcStructure.Get(reference);

        category.InBasic.Should().BeFalse();
        category.InBasicPlus.Should().BeFalse();
    }

    [Theory]
    [InlineData("I.1.3")]
    [InlineData("I.2.3")]
    [InlineData("I.3.3")]
    [InlineData("I.4.3")]
    [InlineData("I.5.3")]
    [InlineData("I.6.3")]
    [InlineData("II.1.3")]
    [InlineData("II.2.3")]
    [InlineData("II.3.3")]
    [InlineData("II.4.3")]
    [InlineData("IV.1")]
    [InlineData("IV.2")]
    [InlineData("V.1")]
    [InlineData("V.2")]
    [InlineData("V.3")]
    public void Get_EnergyAndTransportScope3OrIppuOrAfolu_IsInBasicPlusButNotBasic(string reference)
    {
        var category = GpcStructure.Get(reference);

        category.InBasic.Should().BeFalse();
        category.InBasicPlus.Should().BeTrue();
    }

    [Fact]
    public void Categories_InBasic_AreEnergyAndTransportScopes1And2AndWasteScopes1And3()
    {
        foreach (var category in GpcStructure.Categories.Where(c => c.InBasic))
        {
            var allowed = category.SubSector.Sector switch
            {
                GpcSector.StationaryEnergy or GpcSector.Transportation => new[] { GpcScope.One, GpcScope.Two },
                GpcSector.Waste => new[] { GpcScope.One, GpcScope.Three },
                _ => [],
            };
            allowed.Should().Contain(category.Scope, category.Reference);
        }
    }

    [Fact]
    public void Categories_ScopeOneRows_MakeTheTerritorialTotalIncludingI44AndIIIx3()
    {
        var territorial = GpcStructure.Categories.Where(c => c.Scope == GpcScope.One).Select(c => c.Reference).ToList();

        territorial.Should().Contain(["I.4.4", "III.1.3", "III.2.3", "III.3.3", "III.4.3", "IV.1", "V.3"]);
        territorial.Should().NotContain(["I.1.2", "II.1.3", "III.1.2", "VI.1"]);
    }

    [Theory]
    [InlineData("I.4.2", true)]
    [InlineData("I.4.3", true)]
    [InlineData("II.5.3", false)]
    [InlineData("I.7.2", false)]
    [InlineData("IV.1.1", false)]
    [InlineData("IV.1.3", false)]
    [InlineData("V.1.3", false)]
    public void TryGet_RowsThatAreAndAreNotInTheGpc_AreFoundOrNot(string reference, bool exists)
    {
        GpcStructure.TryGet(reference, out _).Should().Be(exists);
    }

    [Theory]
    [InlineData(" I.1.1 ", "I.1.1")]
    [InlineData("\tIII.4.1\n", "III.4.1")]
    [InlineData("i.1.1", "I.1.1")]
    [InlineData("ii.5.2", "II.5.2")]
    [InlineData("Iv.1", "IV.1")]
    [InlineData(" vi.1", "VI.1")]
    public void TryGet_PaddedOrLowerCase_FindsTheCanonicalRow(string input, string reference)
    {
        GpcStructure.TryGet(input, out var category).Should().BeTrue();

        category!.Reference.Should().Be(reference);
        category.Should().BeSameAs(GpcStructure.Get(reference));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("I")]
    [InlineData("I.1")]
    [InlineData("I.9.1")]
    [InlineData("I.1.1.1")]
    [InlineData("I.1.1.")]
    [InlineData("I 1 1")]
    [InlineData("1.1.1")]
    [InlineData("VII.1")]
    public void TryGet_UnknownReference_ReturnsFalseAndNull(string input)
    {
        GpcStructure.TryGet(input, out var category).Should().BeFalse();

        category.Should().BeNull();
    }

    [Fact]
    public void TryGet_Null_ReturnsFalse()
    {
        GpcStructure.TryGet(null!, out var category).Should().BeFalse();

        category.Should().BeNull();
    }

    [Fact]
    public void Get_UnknownReference_ThrowsWithTheMessageShownToReporters()
    {
        var act = () => GpcStructure.Get("I.9.1");

        act.Should().Throw<ArgumentException>()
            .Which.Message.Should().Be("Unknown GPC reference number 'I.9.1'. Known references look like I.1.1 … VI.1.");
    }

    [Fact]
    public void Get_Null_ThrowsArgumentNull()
    {
        var act = () => GpcStructure.Get(null!);

        act.Should().Throw<ArgumentNullException>();
    }

    [Theory]
    [InlineData(GpcSector.StationaryEnergy, "I", "Stationary energy")]
    [InlineData(GpcSector.Transportation, "II", "Transportation")]
    [InlineData(GpcSector.Waste, "III", "Waste")]
    [InlineData(GpcSector.Ippu, "IV", "Industrial processes and product use")]
    [InlineData(GpcSector.Afolu, "V", "Agriculture, forestry and other land use")]
    [InlineData(GpcSector.OtherScope3, "VI", "Other scope 3")]
    public void SectorNumeralAndName_EachSector_AreTheGpcOnes(GpcSector sector, string numeral, string name)
    {
        GpcStructure.SectorNumeral(sector).Should().Be(numeral);
        GpcStructure.SectorName(sector).Should().Be(name);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    public void SectorNumeralAndName_UndefinedSector_Throw(int value)
    {
        var sector = (GpcSector)value;

        FluentActions.Invoking(() => GpcStructure.SectorNumeral(sector)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => GpcStructure.SectorName(sector)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void SubSectorsAndCategories_Lists_CannotBeChangedByCasting()
    {
        GpcStructure.SubSectors.Should().NotBeAssignableTo<GpcSubSector[]>();
        GpcStructure.Categories.Should().NotBeAssignableTo<GpcCategory[]>();
    }

    private static (int Sector, int SubSector, int Row) OrderKey(GpcCategory category)
    {
        var parts = category.Reference.Split('.');
        return ((int)category.SubSector.Sector, int.Parse(parts[1]), parts.Length > 2 ? int.Parse(parts[2]) : 0);
    }
}
