using System.Diagnostics;
using System.Globalization;
using GhgReporting.Benchmarks.Workload;
using GhgReporting.Calc.Factors;
using GhgReporting.Calc.Inventory;
using Npgsql;

namespace GhgReporting.Benchmarks.SqlCompare;

/// <summary>
/// <c>sql-compare</c>: the same rows, the same factors, the same totals computed by PostgreSQL (a join
/// to the factors and a GROUP BY) and by the engine (resolved path, one thread), timed side by side
/// (one untimed run, then the median of five) and checked to agree exactly, per GPC reference and gas.
/// </summary>
internal static class SqlCompareCommand
{
    private const int TimedRuns = 5;

    /// <returns>0 when SQL and engine agree exactly; 1 when they differ.</returns>
    public static int Run(IReadOnlyList<string> args)
    {
        var options = SqlCompareOptions.Parse(args);
        Console.WriteLine($"sql-compare: {options.Rows:N0} rows, seed {options.Seed}, {TimedRuns} timed runs after 1 untimed run per side");

        var catalog = CatalogLoader.LoadDefault();
        var factors = EngineSetup.DeriveFactors(catalog);
        Report.Factors(factors);

        var watch = Stopwatch.StartNew();
        var (entries, amounts) = Generate(options.Rows, options.Seed);
        Console.WriteLine($"generated {options.Rows:N0} rows in memory in {watch.Elapsed.TotalSeconds:F2} s");

        var builder = new NpgsqlConnectionStringBuilder(options.Connection) { CommandTimeout = 0 };
        using var connection = new NpgsqlConnection(builder.ConnectionString);
        connection.Open();
        var db = new PostgresWorkload(connection);
        Load(db, entries, amounts, factors);

        Report.Section("PostgreSQL plan (EXPLAIN (ANALYZE, BUFFERS), run once, default settings)");
        var plan = db.ExplainAnalyze();
        foreach (var line in plan) Console.WriteLine("  " + line);
        var workers = string.Join(", ", plan.Select(l => l.Trim()).Where(l => l.StartsWith("Workers ", StringComparison.Ordinal)));

        Report.Section("Timings (seconds)");
        var sql = Measure("SQL  (join + GROUP BY)", db.QueryTotals);
        var engine = Measure("engine (rows in memory)", () => EngineOverRows(catalog, entries, amounts));
        var streamed = Measure("engine (rows from generator)", () => EngineOverGenerator(catalog, options.Rows, options.Seed));

        var tenth = Math.Max(1, options.Rows / 10);
        var allocated = AllocatedBytes(() => EngineOverGenerator(catalog, options.Rows, options.Seed));
        var allocatedTenth = AllocatedBytes(() => EngineOverGenerator(catalog, tenth, options.Seed));

        Report.Section("Totals per GPC reference and gas: SQL vs engine (exact decimal equality)");
        var engineTotals = Totals(engine.Result);
        var mismatches = Compare(sql.Result, engineTotals, "SQL", "engine (rows in memory)");
        mismatches.AddRange(Compare(engineTotals, Totals(streamed.Result), "engine (rows in memory)", "engine (from generator)"));
        mismatches.AddRange(CompareTonnes(engineTotals, Naive(factors, entries, amounts)));
        Report.Totals(sql.Result, engineTotals);

        var speedUp = sql.Median / engine.Median;
        Report.Section("Summary");
        Report.Summary(
        [
            ("rows", options.Rows.ToString("N0", CultureInfo.InvariantCulture)),
            ("SQL median", $"{sql.Median:F3} s  (parallel workers: {(workers.Length == 0 ? "none" : workers)})"),
            ("engine median", $"{engine.Median:F4} s  (rows in memory, 1 thread)"),
            ("engine records/s", $"{options.Rows / engine.Median / 1e6:N1} M"),
            ("speed-up (SQL / engine)", $"{speedUp:N1}x"),
            ("engine median, generator", $"{streamed.Median:F4} s  ({options.Rows / streamed.Median / 1e6:N1} M records/s; speed-up {sql.Median / streamed.Median:N1}x)"),
            ("engine allocations", $"{allocated:N0} B streaming {options.Rows:N0} records, {allocatedTenth:N0} B streaming {tenth:N0} (whole inventory incl. Finish; this thread)"),
            ("totals match exactly", mismatches.Count == 0 ? "yes (tonnes and CO2e per GPC reference and gas; naive per-record tonnes too)" : $"NO: {mismatches.Count} difference(s)"),
            ("CPU", MachineInfo.CpuModel()),
            ("cores", MachineInfo.Cores()),
            ("dotnet --version", MachineInfo.DotnetSdk()),
            ("runtime", MachineInfo.Runtime()),
            ("PostgreSQL", db.Text("SELECT version()")),
            ("PostgreSQL settings", db.Text("""
                SELECT string_agg(name || '=' || setting || coalesce(unit, ''), ', ' ORDER BY name) FROM pg_settings
                WHERE name IN ('max_parallel_workers_per_gather', 'max_parallel_workers', 'shared_buffers', 'work_mem', 'jit')
                """)),
        ]);

        if (mismatches.Count == 0) return 0;
        Console.Error.WriteLine("FAILED: SQL and engine totals differ:");
        foreach (var m in mismatches) Console.Error.WriteLine("  " + m);
        return 1;
    }

    private static (byte[] Entries, decimal[] Amounts) Generate(int rows, ulong seed)
    {
        var entries = new byte[rows];
        var amounts = new decimal[rows];
        var generator = new RecordGenerator(seed);
        for (var i = 0; i < rows; i++)
        {
            var r = generator.Next();
            entries[i] = (byte)r.Entry;
            amounts[i] = r.Amount;
        }
        return (entries, amounts);
    }

    private static void Load(PostgresWorkload db, byte[] entries, decimal[] amounts, IReadOnlyList<IReadOnlyList<GasFactor>> factors)
    {
        var watch = Stopwatch.StartNew();
        db.CreateTables();
        db.CopyActivities(entries, amounts);
        db.InsertLineFactors(factors);
        Console.WriteLine($"loaded with binary COPY in {watch.Elapsed.TotalSeconds:F1} s");
        watch.Restart();
        db.VacuumAnalyze();
        Console.WriteLine($"VACUUM ANALYZE in {watch.Elapsed.TotalSeconds:F1} s; activity: {db.Scalar("SELECT count(*) FROM activity"):N0} rows, " +
                          $"{db.Text("SELECT pg_size_pretty(pg_total_relation_size('activity'))")}; line_factor: {db.Scalar("SELECT count(*) FROM line_factor")} rows");
        if (db.Scalar("SELECT count(*) FROM activity") != entries.Length) throw new InvalidOperationException("COPY did not load every row.");
    }

    private static InventoryResult EngineOverRows(FactorCatalog catalog, byte[] entries, decimal[] amounts)
    {
        var accumulator = EngineSetup.NewAccumulator(catalog);
        var slots = EngineSetup.ResolveSlots(accumulator);
        for (var i = 0; i < entries.Length; i++) accumulator.Add(slots[entries[i]], amounts[i]);
        return InventoryCalculator.Finish(accumulator, GwpChoice.Default, []);
    }

    private static InventoryResult EngineOverGenerator(FactorCatalog catalog, int rows, ulong seed)
    {
        var accumulator = EngineSetup.NewAccumulator(catalog);
        var slots = EngineSetup.ResolveSlots(accumulator);
        var generator = new RecordGenerator(seed);
        for (var i = 0; i < rows; i++)
        {
            var r = generator.Next();
            accumulator.Add(slots[r.Entry], r.Amount);
        }
        return InventoryCalculator.Finish(accumulator, GwpChoice.Default, []);
    }

    private static Dictionary<(string Gpc, Gas Gas), decimal> Naive(IReadOnlyList<IReadOnlyList<GasFactor>> factors, byte[] entries, decimal[] amounts)
    {
        var naive = new NaivePerRecordInventory(factors);
        for (var i = 0; i < entries.Length; i++) naive.Add(entries[i], amounts[i]);
        return naive.Totals();
    }

    private static Dictionary<(string Gpc, Gas Gas), GasTotal> Totals(InventoryResult result) =>
        result.Categories.Where(c => c.HasData)
            .SelectMany(c => c.Tonnes.Select(t => (
                Key: (c.Category.Reference, t.Key),
                Total: new GasTotal(t.Value, c.Lines.SelectMany(l => l.Gases).Where(g => g.Gas == t.Key).Sum(g => g.Co2e)))))
            .ToDictionary(x => x.Key, x => x.Total);

    private static List<string> Compare(
        Dictionary<(string Gpc, Gas Gas), GasTotal> left, Dictionary<(string Gpc, Gas Gas), GasTotal> right, string leftName, string rightName)
    {
        var problems = new List<string>();
        foreach (var key in left.Keys.Union(right.Keys))
        {
            var where = $"{key.Gpc} {key.Gas.Symbol()}";
            if (!left.TryGetValue(key, out var l)) problems.Add($"{where}: only {rightName} has it");
            else if (!right.TryGetValue(key, out var r)) problems.Add($"{where}: only {leftName} has it");
            else if (l.Tonnes != r.Tonnes || l.Co2e != r.Co2e)
                problems.Add($"{where}: {leftName} {l.Tonnes} t / {l.Co2e} t CO2e, {rightName} {r.Tonnes} t / {r.Co2e} t CO2e");
        }
        return problems;
    }

    private static IEnumerable<string> CompareTonnes(Dictionary<(string Gpc, Gas Gas), GasTotal> engine, Dictionary<(string Gpc, Gas Gas), decimal> naive) =>
        engine.Keys.Union(naive.Keys)
            .Where(k => !engine.TryGetValue(k, out var e) || !naive.TryGetValue(k, out var n) || e.Tonnes != n)
            .Select(k => $"{k.Gpc} {k.Gas.Symbol()}: engine {(engine.TryGetValue(k, out var e) ? e.Tonnes : null)} t, naive per-record {(naive.TryGetValue(k, out var n) ? n : null)} t")
            .ToList();

    /// <summary>Bytes the calling thread allocates while <paramref name="run"/> runs (exact, unlike sampling).</summary>
    private static long AllocatedBytes<T>(Func<T> run)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        GC.KeepAlive(run());
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static Measured<T> Measure<T>(string name, Func<T> run)
    {
        var result = run();
        var seconds = new double[TimedRuns];
        for (var i = 0; i < TimedRuns; i++)
        {
            var watch = Stopwatch.StartNew();
            result = run();
            seconds[i] = watch.Elapsed.TotalSeconds;
        }
        var median = seconds.Order().ElementAt(TimedRuns / 2);
        Console.WriteLine($"  {name,-30} median {median,9:F4}   runs: {string.Join("  ", seconds.Select(s => s.ToString("F4", CultureInfo.InvariantCulture)))}");
        return new Measured<T>(result, median);
    }

    private sealed record Measured<T>(T Result, double Median);
}
