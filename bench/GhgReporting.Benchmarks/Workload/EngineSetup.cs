using GhgReporting.Calc.Factors;
using GhgReporting.Calc.Inventory;

namespace GhgReporting.Benchmarks.Workload;

/// <summary>What the engine applies to one unit of an entry's amount for one gas: tonnes of the gas
/// and the GWP (AR5, the default choice).</summary>
public sealed record GasFactor(Gas Gas, decimal TonnesPerUnit, decimal Gwp);

/// <summary>How the benchmarks set the engine up for <see cref="ActivityMix"/>.</summary>
public static class EngineSetup
{
    public static InventoryOptions Options { get; } = new() { KeepRecordIds = false };

    public static InventoryAccumulator NewAccumulator(FactorCatalog catalog) =>
        new(catalog, ActivityMix.City, ActivityMix.Year, Options);

    /// <summary>The accumulator slot of every mix entry, validated once: the resolved path.</summary>
    /// <exception cref="InvalidOperationException">An entry is refused (e.g. the catalog lacks its activity type).</exception>
    public static int[] ResolveSlots(InventoryAccumulator accumulator)
    {
        var slots = new int[ActivityMix.Entries.Count];
        for (var i = 0; i < slots.Length; i++) slots[i] = ResolveSlot(accumulator, ActivityMix.Entries[i]);
        return slots;
    }

    private static int ResolveSlot(InventoryAccumulator accumulator, MixEntry entry)
    {
        var problems = new List<(string Field, string Message)>();
        var slot = accumulator.SlotFor(entry.GpcReference, entry.ActivityType, entry.Unit, DataQuality.High, 0, problems);
        return slot >= 0
            ? slot
            : throw new InvalidOperationException($"The engine refuses {entry}: {string.Join("; ", problems.Select(p => $"{p.Field}: {p.Message}"))}");
    }

    /// <summary>
    /// Per entry, the factors the engine itself applies, read from a one-record inventory of amount 1:
    /// tonnes of each gas per unit of amount, and its GWP. Every method in the mix is linear in the
    /// amount, so these reproduce the engine's figures exactly for any amount (in decimal, as long as
    /// no product needs more than 28 significant digits).
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<GasFactor>> DeriveFactors(FactorCatalog catalog)
    {
        var factors = new List<IReadOnlyList<GasFactor>>(ActivityMix.Entries.Count);
        for (var i = 0; i < ActivityMix.Entries.Count; i++)
        {
            var accumulator = NewAccumulator(catalog);
            accumulator.Add(ResolveSlot(accumulator, ActivityMix.Entries[i]), 1m);
            var line = InventoryCalculator.Finish(accumulator, GwpChoice.Default, []).Lines.Single();
            factors.Add(line.Gases.Select(g => new GasFactor(g.Gas, g.Tonnes, g.Gwp)).ToList());
        }
        return factors;
    }
}
