using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace GhgReporting.Benchmarks.Benchmarks;

/// <summary>BenchmarkDotNet's default job (the command line may pick another, e.g. <c>--job short</c>),
/// with allocated bytes per operation and throughput in records.</summary>
public sealed class BenchmarkConfig : ManualConfig
{
    public BenchmarkConfig()
    {
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(RecordsColumn.PerSecond, RecordsColumn.NanosecondsPerRecord);
    }
}

/// <summary>A throughput column computed from the mean time of one operation, which handles
/// <c>N</c> records (the benchmark's <c>N</c> parameter).</summary>
internal sealed class RecordsColumn(string name, string legend, Func<double, double, string> format) : IColumn
{
    public static readonly RecordsColumn PerSecond = new(
        "Records/s", "Records per second: N / mean time of one operation (one operation streams N records)",
        (records, meanNs) => (records / (meanNs / 1e9) / 1e6).ToString("N1", CultureInfo.InvariantCulture) + " M");

    public static readonly RecordsColumn NanosecondsPerRecord = new(
        "ns/record", "Mean time of one operation / N",
        (records, meanNs) => (meanNs / records).ToString("N2", CultureInfo.InvariantCulture));

    public string Id => $"{nameof(RecordsColumn)}.{name}";

    public string ColumnName => name;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => legend;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        var records = benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "N")?.Value;
        return mean is > 0 && records is int n ? format(n, mean.Value) : "-";
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
