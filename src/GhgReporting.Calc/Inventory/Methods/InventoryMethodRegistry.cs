namespace GhgReporting.Calc.Inventory.Methods;

/// <summary>Every calculation method by the name activity types use.</summary>
internal static class InventoryMethodRegistry
{
    internal static readonly IReadOnlyDictionary<string, IEmissionMethod> ByName = new IEmissionMethod[]
    {
        new FuelCombustionMethod(),
        new GridElectricityMethod(),
        new GridLossesMethod(),
        new SolidWasteDisposalMethod(),
        new BiologicalTreatmentMethod(),
        new IncinerationMethod("incineration"),
        new IncinerationMethod("open-burning"),
        new DomesticWastewaterCh4Method(),
        new IndustrialWastewaterCh4Method(),
        new DomesticEffluentN2OMethod(),
        new PlantN2OMethod(),
        new ReportedEmissionsMethod(),
    }.ToDictionary(m => m.Name);
}
