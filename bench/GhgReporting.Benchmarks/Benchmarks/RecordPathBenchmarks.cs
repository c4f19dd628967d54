using BenchmarkDotNet.Attributes;
using GhgReporting.Benchmarks.Workload;
using GhgReporting.Calc.Factors;
using GhgReporting.Calc.Inventory;

namespace GhgReporting.Benchmarks.Benchmarks;

/// <summary>
/// The record path: <see cref="ActivityRecord"/> objects, created one at a time as they are
/// enumerated, each validated and matched to its slot by the engine
/// (<see cref="InventoryCalculator.Calculate"/> over a streamed <see cref="IEnumerable{T}"/>). The
/// records share their strings, so a real parser's string allocations are not part of it.
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class RecordPathBenchmarks
{
    private FactorCatalog _catalog = null!;

    [Params(1_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup() => _catalog = CatalogLoader.LoadDefault();

    [Benchmark(Description = "Record path: Calculate(ActivityRecord stream)")]
    public InventoryResult RecordPath() =>
        InventoryCalculator.Calculate(_catalog, new InventoryRequest(
            ActivityMix.City, ActivityMix.Year, GwpChoice.Default,
            RecordGenerator.ActivityRecords(N), null, EngineSetup.Options));
}
