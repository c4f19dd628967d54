namespace GhgReporting.Calc.Factors;

/// <summary>The method names an activity type may name in <c>activity-types.csv</c>.</summary>
public static class InventoryMethods
{
    public static IReadOnlyCollection<string> Known => [.. GhgReporting.Calc.Inventory.Methods.InventoryMethodRegistry.ByName.Keys, ProjectBaseline];

    /// <summary>Activity types that exist only to name factors for project methodologies (grid margins,
    /// JCM conservative grid factors). An inventory refuses records of them.</summary>
    public const string ProjectBaseline = "project-baseline";

    /// <summary>The method that needs the disposal history by year rather than one year's total.</summary>
    public const string SolidWasteDisposal = "solid-waste-disposal";
}
