using GhgReporting.Calc.Factors;
using GhgReporting.Calc.Gpc;
using GhgReporting.Calc.Units;

namespace GhgReporting.Calc.Inventory;

/// <summary>The mass of one gas and its CO2e under the inventory's GWP set (fossil CO2 has GWP 1 and no
/// source: it is 1 by definition).</summary>
public sealed record GasFigure(Gas Gas, decimal Tonnes, decimal Gwp, string? GwpSource, decimal Co2e);

/// <summary>
/// One line of the inventory: the records of one activity type (and variant) under one GPC
/// reference, summed, and what they emit, with the trace of how.
/// </summary>
public sealed record InventoryLine(
    string GpcReference,
    string ActivityType,
    string Method,
    DataQuality Quality,
    long RecordCount,
    Quantity Amount,
    IReadOnlyList<string> RecordIds,
    IReadOnlyList<GasFigure> Gases,
    decimal Co2e,
    decimal BiogenicCo2,
    CalculationTrace Trace,
    IReadOnlyList<string> Warnings)
{
    /// <summary>Tonnes of one gas on this line (0 when the line does not estimate it).</summary>
    public decimal TonnesOf(Gas gas) => Gases.Where(g => g.Gas == gas).Sum(g => g.Tonnes);
}

/// <summary>One GPC category (sub-sector × scope) of the inventory: its lines and totals, or its
/// notation key when it has none.</summary>
public sealed record CategoryResult(
    GpcCategory Category,
    IReadOnlyList<InventoryLine> Lines,
    IReadOnlyDictionary<Gas, decimal> Tonnes,
    decimal Co2e,
    decimal BiogenicCo2,
    IReadOnlyList<Gas> EstimatedGases,
    NotationKeyDeclaration? NotationKey,
    DataQuality? Quality)
{
    public bool HasData => Lines.Count > 0;

    /// <summary>What the GPC table shows for a gas: the figure, or the notation key (the category's, or
    /// NE for a gas that none of the category's methods estimates).</summary>
    public string Show(Gas gas, Func<decimal, string> format)
    {
        if (NotationKey is { Key: Inventory.NotationKey.C }) return "C";
        if (!HasData) return NotationKey?.Key.ToString() ?? nameof(Inventory.NotationKey.NE);
        return EstimatedGases.Contains(gas) ? format(Tonnes.GetValueOrDefault(gas)) : nameof(Inventory.NotationKey.NE);
    }
}

/// <summary>A total of the inventory (BASIC, BASIC+ or territorial): per gas, CO2e and biogenic CO2.</summary>
public sealed record EmissionTotals(string Name, IReadOnlyDictionary<Gas, decimal> Tonnes, decimal Co2e, decimal BiogenicCo2);

/// <summary>
/// A city's GHG inventory for one year, unrounded: every line with its trace, the GPC table by
/// category, the BASIC, BASIC+ and territorial totals, and the catalog and GWP values it was made with.
/// </summary>
public sealed record InventoryResult(
    string CityId,
    int Year,
    GwpChoice Gwp,
    IReadOnlyList<GwpValue> GwpValues,
    CatalogStamp Catalog,
    IReadOnlyList<InventoryLine> Lines,
    IReadOnlyList<CategoryResult> Categories,
    EmissionTotals Basic,
    EmissionTotals BasicPlus,
    EmissionTotals Territorial,
    IReadOnlyList<string> Warnings)
{
    public CategoryResult Category(string gpcReference) =>
        Categories.Single(c => c.Category.Reference == GpcStructure.Get(gpcReference).Reference);

    /// <summary>CO2e by sector and scope (the GPC summary table).</summary>
    public IReadOnlyDictionary<(GpcSector Sector, GpcScope Scope), decimal> Co2eBySectorAndScope() =>
        Categories.GroupBy(c => (c.Category.SubSector.Sector, c.Category.Scope))
            .ToDictionary(g => g.Key, g => g.Sum(c => c.Co2e));
}
