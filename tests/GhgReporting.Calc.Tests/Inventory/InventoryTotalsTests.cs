using GhgReporting.Calc.Factors;
using GhgReporting.Calc.Gpc;
using GhgReporting.Calc.Inventory;
using static GhgReporting.Calc.Tests.Inventory.Fixtures;

namespace GhgReporting.Calc.Tests.Inventory;

public class InventoryTotalsTests
{
    // One line in each kind of category, each 1 t of reported CO2 (GWP 1), or grid electricity at
    // 0.6592 t/MWh, so every total can be counted by hand.
    private static InventoryResult SmallCity() => Calculate(HaiPhong, 2023,
        Record("I.1.1", "fuel:natural-gas", 1m, "TJ"),                        // scope 1, BASIC
        Record("I.1.2", "electricity:grid", 1000m, "MWh"),                     // scope 2, BASIC: 659.2 t
        Record("I.1.3", "electricity:grid-td-losses", 100m, "MWh"),           // scope 3, BASIC+ only: 65.92 t
        Record("I.4.4", "fuel:natural-gas", 1m, "TJ"),                        // scope 1, in neither BASIC nor BASIC+
        Record("II.1.3", "fuel:gas-diesel-oil", 1m, "TJ"),                    // transboundary, BASIC+ only
        Record("III.2.3", "waste:composting-wet", 1m, "t"),                   // waste from outside, territorial only
        Record("IV.1", "reported:co2", 1m, "t"));                              // IPPU, BASIC+ only

    [Fact]
    public void Totals_FollowGpcBasicAndBasicPlusRules()
    {
        var r = SmallCity();
        decimal Co2e(string reference) => r.Category(reference).Co2e;

        r.Basic.Co2e.Should().Be(Co2e("I.1.1") + Co2e("I.1.2"));
        r.BasicPlus.Co2e.Should().Be(Co2e("I.1.1") + Co2e("I.1.2") + Co2e("I.1.3") + Co2e("II.1.3") + Co2e("IV.1"));
        r.Territorial.Co2e.Should().Be(Co2e("I.1.1") + Co2e("I.4.4") + Co2e("III.2.3") + Co2e("IV.1"));
        Co2e("I.1.2").Should().Be(659.2m);   // 1,000 MWh × 0.6592
        Co2e("I.1.3").Should().Be(65.92m);   // 100 MWh × 0.6592
        Co2e("IV.1").Should().Be(1m);
    }

    [Fact]
    public void Categories_SumToLines_AndSectorsSumToTheWhole()
    {
        var r = SmallCity();

        r.Categories.Sum(c => c.Co2e).Should().Be(r.Lines.Sum(l => l.Co2e));
        r.Co2eBySectorAndScope().Values.Sum().Should().Be(r.Lines.Sum(l => l.Co2e));
        foreach (var gas in new[] { Gas.CO2, Gas.CH4, Gas.N2O })
            r.Categories.Sum(c => c.Tonnes.GetValueOrDefault(gas)).Should().Be(r.Lines.Sum(l => l.TonnesOf(gas)));
    }

    [Fact]
    public void CategoriesWithoutData_AreNotEstimatedUnlessDeclared()
    {
        var declared = new NotationKeyDeclaration("I.7.1", NotationKey.NO, "No coal is mined in the city.");
        var r = InventoryCalculator.Calculate(Catalog, new InventoryRequest(HaiPhong, 2023, GwpChoice.Default,
            [Record("I.1.1", "fuel:natural-gas", 1m, "TJ")], [declared]));

        r.Category("I.7.1").NotationKey.Should().Be(declared);
        r.Category("I.7.1").Show(Gas.CO2, x => x.ToString()).Should().Be("NO");
        r.Category("I.2.1").NotationKey!.Key.Should().Be(NotationKey.NE);
        r.Category("I.2.1").NotationKey!.Explanation.Should().NotBeNullOrWhiteSpace();
        r.Category("I.1.1").NotationKey.Should().BeNull();
        r.Categories.Should().HaveCount(GpcStructure.Categories.Count);
    }

    [Fact]
    public void GasNotEstimatedByTheMethod_ShowsNE()
    {
        var r = Calculate(HaiPhong, 2023, Record("I.1.2", "electricity:grid", 1000m, "MWh"));

        r.Category("I.1.2").Show(Gas.CH4, x => x.ToString()).Should().Be("NE");
        r.Category("I.1.2").Show(Gas.CO2, x => x.ToString(System.Globalization.CultureInfo.InvariantCulture)).Should().Be("659.2000");
    }

    [Fact]
    public void NotationKeyOnCategoryWithData_IsRefusedUnlessConfidential()
    {
        var records = new[] { Record("I.3.1", "fuel:natural-gas", 1m, "TJ") };

        var refused = () => InventoryCalculator.Calculate(Catalog, new InventoryRequest(HaiPhong, 2023, GwpChoice.Default, records,
            [new NotationKeyDeclaration("I.3.1", NotationKey.NO, "none")]));
        refused.Should().Throw<InventoryCalculationException>().WithMessage("*I.3.1*only C*");

        var confidential = InventoryCalculator.Calculate(Catalog, new InventoryRequest(HaiPhong, 2023, GwpChoice.Default, records,
            [new NotationKeyDeclaration("I.3.1", NotationKey.C, "Single plant; figure confidential.")]));
        confidential.Category("I.3.1").Show(Gas.CO2, x => x.ToString()).Should().Be("C");
        confidential.Basic.Co2e.Should().Be(confidential.Category("I.3.1").Co2e, "confidential figures stay in the totals");
    }

    // Emissions are linear in the amount, so the inventory of many records equals the sum of one-record
    // inventories exactly (decimal, no rounding). Amounts chosen with 3 decimals.
    [Fact]
    public void ManyRecords_EqualTheSumOfSingleRecordInventories()
    {
        var amounts = new[] { 0.001m, 12.345m, 999.999m, 5000m, 7.5m };
        var records = amounts.Select((a, i) => Record("II.1.1", "fuel:gas-diesel-oil", a, i % 2 == 0 ? "TJ" : "GJ", id: $"r{i}")).ToArray();

        var together = Calculate(HaiPhong, 2023, records);
        var oneByOne = records.Sum(r => Calculate(HaiPhong, 2023, r).Basic.Co2e);

        together.Basic.Co2e.Should().Be(oneByOne);
        together.Lines.Should().ContainSingle().Which.RecordIds.Should().BeEquivalentTo("r0", "r1", "r2", "r3", "r4");
    }

    [Fact]
    public void Result_RecordsCatalogHashDatasetsAndGwpSources()
    {
        var r = Calculate(HaiPhong, 2023, Record("III.2.1", "waste:composting-wet", 1m, "t"));

        r.Catalog.ContentHash.Should().Be(Catalog.ContentHash).And.HaveLength(64);
        r.Catalog.DatasetVersions.Should().Contain(v => v.StartsWith("gwp@"));
        r.GwpValues.Select(g => g.GasKey).Should().BeEquivalentTo("CH4", "N2O");
        r.Lines.Single().Trace.Steps.Where(s => s.FactorId is not null).Should().OnlyContain(s => !string.IsNullOrWhiteSpace(s.Citation));
    }
}
