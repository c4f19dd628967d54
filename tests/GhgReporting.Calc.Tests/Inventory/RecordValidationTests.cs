using GhgReporting.Calc.Inventory;
using static GhgReporting.Calc.Tests.Inventory.Fixtures;

namespace GhgReporting.Calc.Tests.Inventory;

public class RecordValidationTests
{
    [Theory]
    [InlineData("I.9.1", "fuel:natural-gas", "1", "TJ", "gpc_reference", "not a GPC reference")]
    [InlineData("I.1.1", "fuel:unobtainium", "1", "TJ", "activity_type", "not an activity type")]
    [InlineData("I.1.1", "fuel:natural-gas@warp", "1", "TJ", "activity_type", "not a variant")]
    [InlineData("I.1.2", "fuel:natural-gas", "1", "TJ", "gpc_reference", "cannot be reported under I.1.2")]
    [InlineData("I.1.2", "electricity:grid", "1", "t", "unit", "mass")]
    [InlineData("I.1.2", "electricity:grid", "1", "kwhr", "unit", "kwhr")]
    [InlineData("I.1.1", "fuel:natural-gas", "-1", "TJ", "amount", "negative")]
    [InlineData("I.1.2", "electricity:grid-combined-margin", "1", "MWh", "activity_type", "project methodologies only")]
    public void InvalidRecord_IsRefusedNamingFieldAndReason(string gpc, string activity, string amount, string unit, string field, string reason)
    {
        var record = Record(gpc, activity, decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), unit, id: "row 7");

        var act = () => Calculate(HaiPhong, 2023, record);

        var error = act.Should().Throw<InventoryValidationException>().Which.Errors.Should().ContainSingle().Subject;
        error.RecordId.Should().Be("row 7");
        error.Field.Should().Be(field);
        error.Message.Should().Contain(reason);
    }

    [Fact]
    public void RecordOutsideInventoryYear_IsRefused()
    {
        var act = () => Calculate(HaiPhong, 2023, Record("I.1.1", "fuel:natural-gas", 1m, "TJ", 2022));

        act.Should().Throw<InventoryValidationException>().Which.Errors.Single().Field.Should().Be("period");
    }

    [Fact]
    public void AllProblems_AreListedTogether_AndNothingIsCalculated()
    {
        var act = () => Calculate(HaiPhong, 2023,
            Record("I.1.1", "fuel:natural-gas", -1m, "TJ", id: "1"),
            Record("I.1.1", "fuel:natural-gas", 1m, "TJ", id: "2"),
            Record("X", "fuel:natural-gas", 1m, "TJ", id: "3"));

        act.Should().Throw<InventoryValidationException>().Which.Errors.Select(e => e.RecordId).Should().Equal("1", "3");
    }
}
