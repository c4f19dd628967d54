namespace GhgReporting.Calc.Factors;

/// <summary>The method names an activity type may name in <c>activity-types.csv</c>.</summary>
public static class InventoryMethods
{
    public static IReadOnlyCollection<string> Known => GhgReporting.Calc.Inventory.Methods.InventoryMethodRegistry.ByName.Keys.ToList();

    /// <summary>The method that needs the disposal history by year rather than one year's total.</summary>
    public const string SolidWasteDisposal = "solid-waste-disposal";
}
