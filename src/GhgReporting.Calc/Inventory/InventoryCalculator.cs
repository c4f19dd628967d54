using GhgReporting.Calc.Factors;
using GhgReporting.Calc.Gpc;
using GhgReporting.Calc.Inventory.Methods;
using GhgReporting.Calc.Units;

namespace GhgReporting.Calc.Inventory;

/// <summary>What to calculate: a city's inventory for one year under a GWP choice.</summary>
public sealed record InventoryRequest(
    CityContext City,
    int Year,
    GwpChoice Gwp,
    IEnumerable<ActivityRecord> Records,
    IReadOnlyList<NotationKeyDeclaration>? NotationKeys = null,
    InventoryOptions? Options = null);

/// <summary>Factors could not be found or applied for some lines; nothing was calculated. Every
/// problem names the activity, GPC reference and region.</summary>
public sealed class InventoryCalculationException(IReadOnlyList<string> problems)
    : Exception("The inventory cannot be calculated:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>
/// Calculates city inventories (GPC 2014) from activity records with the catalog's factors. Pure:
/// no clock, no I/O; the same records and catalog give the same result.
/// </summary>
public static class InventoryCalculator
{
    /// <exception cref="InventoryValidationException">Records are invalid (all problems listed).</exception>
    /// <exception cref="InventoryCalculationException">A factor is missing or ambiguous.</exception>
    public static InventoryResult Calculate(FactorCatalog catalog, InventoryRequest request)
    {
        var accumulator = new InventoryAccumulator(catalog, request.City, request.Year, request.Options);
        foreach (var record in request.Records) accumulator.Add(record);
        return Finish(accumulator, request.Gwp, request.NotationKeys ?? []);
    }

    /// <summary>Applies the factors to what the accumulator summed and builds the GPC table and totals.</summary>
    public static InventoryResult Finish(InventoryAccumulator accumulator, GwpChoice gwp, IReadOnlyList<NotationKeyDeclaration> notationKeys)
    {
        if (accumulator.ErrorCount > 0) throw new InventoryValidationException(accumulator.Errors, accumulator.ErrorCount);
        var catalog = accumulator.Catalog;
        if (!catalog.GwpSets.TryGetValue(gwp.Set, out var gwpSet))
            throw new InventoryCalculationException([$"GWP set '{gwp.Set}' is not in catalog {catalog.Name}; it has {string.Join(", ", catalog.GwpSets.Keys)}."]);

        var problems = new List<string>();
        var lines = new List<InventoryLine>();
        var gwpUsed = new Dictionary<string, GwpValue>();
        foreach (var group in GroupIntoLines(accumulator))
        {
            try
            {
                lines.Add(ComputeLine(accumulator, group, gwpSet, gwp, gwpUsed));
            }
            catch (Exception e) when (e is MissingFactorException or AmbiguousFactorException or DimensionMismatchException or KeyNotFoundException)
            {
                problems.Add($"{group.Key.Activity} at {group.Key.Gpc} ({accumulator.City.CityId}, {accumulator.Year}): {e.Message}");
            }
        }
        problems.AddRange(CheckNotationKeys(notationKeys, lines));
        if (problems.Count > 0) throw new InventoryCalculationException(problems);

        var categories = GpcStructure.Categories.Select(c => BuildCategory(c, lines, notationKeys)).ToList();
        return new InventoryResult(
            accumulator.City.CityId, accumulator.Year, gwp, gwpUsed.Values.OrderBy(v => v.GasKey).ToList(), catalog.Stamp,
            lines, categories,
            Total("BASIC", categories.Where(c => c.Category.InBasic)),
            Total("BASIC+", categories.Where(c => c.Category.InBasicPlus)),
            Total("Territorial (scope 1)", categories.Where(c => c.Category.Scope == GpcScope.One)),
            lines.SelectMany(l => l.Warnings).ToList());
    }

    private static IEnumerable<IGrouping<(string Gpc, ActivityKey Activity, Dimension Dimension), int>> GroupIntoLines(InventoryAccumulator accumulator) =>
        Enumerable.Range(0, accumulator.Slots.Count)
            .GroupBy(i =>
            {
                var s = accumulator.Slots[i];
                return (s.GpcReference, s.Activity, s.Unit.Dimension);
            })
            .OrderBy(g => g.Key.GpcReference, GpcOrder.Instance).ThenBy(g => g.Key.Activity.ToString(), StringComparer.Ordinal);

    private static InventoryLine ComputeLine(
        InventoryAccumulator accumulator,
        IGrouping<(string Gpc, ActivityKey Activity, Dimension Dimension), int> group,
        GwpSet gwpSet, GwpChoice gwp, Dictionary<string, GwpValue> gwpUsed)
    {
        var slots = group.Select(i => (Slot: accumulator.Slots[i], Sum: accumulator.SumOf(i), Count: accumulator.CountOf(i))).ToList();
        var first = slots[0].Slot;
        var amount = Quantity.Zero(first.Unit);
        foreach (var s in slots) amount += Quantity.Of(s.Sum, s.Slot.Unit);
        var deposits = first.Type.Method == InventoryMethods.SolidWasteDisposal
            ? slots.GroupBy(s => s.Slot.DepositYear).ToDictionary(g => g.Key, g => g.Aggregate(Quantity.Zero(first.Unit), (q, s) => q + Quantity.Of(s.Sum, s.Slot.Unit)))
            : null;
        var lineAmount = deposits is null ? amount : deposits.GetValueOrDefault(accumulator.Year, Quantity.Zero(first.Unit));

        var method = InventoryMethodRegistry.ByName[first.Type.Method];
        var context = new MethodContext(accumulator.Catalog, accumulator.City, accumulator.Year, group.Key.Gpc, group.Key.Activity, first.Type);
        var amounts = method.Compute(new LineInput(amount, deposits), context);

        var gases = new List<GasFigure>();
        decimal biogenic = 0m;
        foreach (var byGas in amounts.GroupBy(a => (a.Gas, a.Biogenic)))
        {
            var tonnes = byGas.Sum(a => a.Mass.ValueIn(Unit.Tonne));
            if (byGas.Key.Biogenic)
            {
                biogenic += tonnes;
                continue;
            }
            var value = gwpSet.For(byGas.Key.Gas, first.Type.Ch4Origin, gwp.Ch4ByOrigin);
            if (value is not null) gwpUsed.TryAdd(value.GasKey, value);
            var factor = value?.Value ?? 1m;
            gases.Add(new GasFigure(byGas.Key.Gas, tonnes, factor, value is null ? null : $"{value.Set}: {value.Source}", tonnes * factor));
        }

        return new InventoryLine(
            group.Key.Gpc, group.Key.Activity.ToString(), method.Name,
            slots.Max(s => s.Slot.Quality), slots.Sum(s => s.Count), lineAmount,
            slots.SelectMany(s => s.Slot.RecordIds).ToList(),
            gases, gases.Sum(g => g.Co2e), biogenic,
            new CalculationTrace(method.Name, method.Equation, context.Steps), context.Warnings);
    }

    private static CategoryResult BuildCategory(GpcCategory category, List<InventoryLine> allLines, IReadOnlyList<NotationKeyDeclaration> keys)
    {
        var lines = allLines.Where(l => l.GpcReference == category.Reference).ToList();
        var declared = keys.FirstOrDefault(k => GpcStructure.TryGet(k.GpcReference, out var c) && c.Reference == category.Reference);
        var notation = declared ?? (lines.Count == 0
            ? new NotationKeyDeclaration(category.Reference, NotationKey.NE, "No activity data was submitted for this category and no notation key was declared.")
            : null);
        var tonnes = lines.SelectMany(l => l.Gases).GroupBy(g => g.Gas).ToDictionary(g => g.Key, g => g.Sum(x => x.Tonnes));
        var estimated = lines.SelectMany(l => l.Gases.Select(g => g.Gas)).Distinct().Order().ToList();
        return new CategoryResult(category, lines, tonnes, lines.Sum(l => l.Co2e), lines.Sum(l => l.BiogenicCo2), estimated, notation,
            lines.Count == 0 ? null : lines.Max(l => l.Quality));
    }

    private static IEnumerable<string> CheckNotationKeys(IReadOnlyList<NotationKeyDeclaration> keys, List<InventoryLine> lines)
    {
        var seen = new HashSet<string>();
        foreach (var key in keys)
        {
            if (!GpcStructure.TryGet(key.GpcReference, out var category))
            {
                yield return $"notation key {key.Key} for '{key.GpcReference}': not a GPC reference number.";
                continue;
            }
            if (!seen.Add(category.Reference)) yield return $"notation key for {category.Reference}: declared twice.";
            if (string.IsNullOrWhiteSpace(key.Explanation)) yield return $"notation key {key.Key} for {category.Reference}: give the explanation the GPC asks for.";
            if (key.Key != NotationKey.C && lines.Any(l => l.GpcReference == category.Reference))
                yield return $"notation key {key.Key} for {category.Reference}: the category has activity data; only C (confidential) may be declared for it.";
        }
    }

    private static EmissionTotals Total(string name, IEnumerable<CategoryResult> categories)
    {
        var list = categories.ToList();
        var tonnes = list.SelectMany(c => c.Tonnes).GroupBy(t => t.Key).ToDictionary(g => g.Key, g => g.Sum(t => t.Value));
        return new EmissionTotals(name, tonnes, list.Sum(c => c.Co2e), list.Sum(c => c.BiogenicCo2));
    }

    /// <summary>Orders GPC references as the GPC lists them (I.1.1, I.1.2, … II.1.1 …).</summary>
    private sealed class GpcOrder : IComparer<string>
    {
        public static readonly GpcOrder Instance = new();

        public int Compare(string? x, string? y) =>
            IndexOf(x).CompareTo(IndexOf(y));

        private static int IndexOf(string? reference)
        {
            for (var i = 0; i < GpcStructure.Categories.Count; i++)
                if (GpcStructure.Categories[i].Reference == reference) return i;
            return int.MaxValue;
        }
    }
}
