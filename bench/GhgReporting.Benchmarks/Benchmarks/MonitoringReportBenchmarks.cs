using BenchmarkDotNet.Attributes;
using GhgReporting.Benchmarks.Reports;
using GhgReporting.Jobs.Pdf;
using GhgReporting.Jobs.Reports;

namespace GhgReporting.Benchmarks.Benchmarks;

/// <summary>
/// Rendering the three-page, two-chart monitoring report (<see cref="MonitoringReportSample"/>) on one thread, warm:
/// layout, charts, font subsetting and the PDF itself, as a report job does after loading its model.
/// Targets (issue 5): median under 30 ms on one core, under 150 KB per report; the size is printed by the setup.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class MonitoringReportBenchmarks
{
    private MonitoringReportModel _model = null!;

    [GlobalSetup]
    public void Setup()
    {
        _model = MonitoringReportSample.Model();
        var pdf = PdfDocumentBuilder.Render(new MonitoringReport(_model));
        var pages = MonitoringReportSample.PageCount(pdf);
        Console.WriteLine($"// monitoring report sample: {pages} pages, {pdf.Length:N0} bytes ({pdf.Length / 1024.0:0.0} KB)");
        if (pages != 3) throw new InvalidOperationException($"The sample must be three pages; it is {pages}.");
    }

    [Benchmark]
    public int RenderMonitoringReport() => PdfDocumentBuilder.Render(new MonitoringReport(_model)).Length;
}
