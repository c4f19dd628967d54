using BenchmarkDotNet.Attributes;
using GhgReporting.Benchmarks.Workload;
using GhgReporting.Calc.Factors;
using GhgReporting.Calc.Inventory;

namespace GhgReporting.Benchmarks.Benchmarks;

/// <summary>
/// One operation computes a whole inventory from N records streamed from <see cref="RecordGenerator"/>
/// (never materialised, so memory must not depend on N): the engine's resolved path, the naive
/// per-record alternative, and the generator alone, whose cost is inside the other two.
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class StreamingBenchmarks
{
    private FactorCatalog _catalog = null!;
    private IReadOnlyList<IReadOnlyList<GasFactor>> _factors = null!;

    [Params(1_000_000, 10_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _catalog = CatalogLoader.LoadDefault();
        _factors = EngineSetup.DeriveFactors(_catalog);
    }

    /// <summary>The generator alone: the floor under both paths below.</summary>
    [Benchmark(Description = "Generator only")]
    public long GeneratorOnly()
    {
        var generator = new RecordGenerator(RecordGenerator.DefaultSeed);
        long checksum = 0;
        for (var i = 0; i < N; i++)
        {
            var r = generator.Next();
            checksum += r.Entry + r.Thousandths;
        }
        return checksum;
    }

    /// <summary>The engine as a caller streaming millions of records uses it: slots resolved once, one
    /// decimal addition per record, factors applied per line by <see cref="InventoryCalculator.Finish"/>
    /// (all inside the operation).</summary>
    [Benchmark(Description = "Resolved path: Add(slot, amount) + Finish")]
    public InventoryResult ResolvedPath()
    {
        var accumulator = EngineSetup.NewAccumulator(_catalog);
        var slots = EngineSetup.ResolveSlots(accumulator);
        var generator = new RecordGenerator(RecordGenerator.DefaultSeed);
        for (var i = 0; i < N; i++)
        {
            var r = generator.Next();
            accumulator.Add(slots[r.Entry], r.Amount);
        }
        return InventoryCalculator.Finish(accumulator, GwpChoice.Default, []);
    }

    /// <summary>Factors applied to every record (one multiplication per gas), factors resolved
    /// beforehand and outside the operation.</summary>
    [Benchmark(Description = "Naive: amount x factor per gas per record")]
    public NaivePerRecordInventory NaivePerRecord()
    {
        var inventory = new NaivePerRecordInventory(_factors);
        var generator = new RecordGenerator(RecordGenerator.DefaultSeed);
        for (var i = 0; i < N; i++)
        {
            var r = generator.Next();
            inventory.Add(r.Entry, r.Amount);
        }
        return inventory;
    }
}
