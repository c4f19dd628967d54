using GhgReporting.Jobs.Pdf;
using Xunit.Abstractions;

namespace GhgReporting.Jobs.Tests.Pdf;

/// <summary>
/// The size target for a three-page monitoring report with two charts: under 150 KB. Its time is
/// measured by the BenchmarkDotNet benchmark (bench/report-benchmark.sh), not by a test.
/// </summary>
public class PdfSizeAndSpeedTests(ITestOutputHelper output)
{
    private const int TargetBytes = 150 * 1024;

    private static IPdfDocument Report() => new SampleMonitoringReport(SampleMonitoringReport.DefaultModel());

    [Fact]
    public void Render_ThreePageReportWithTwoCharts_IsUnder150KB()
    {
        var pdf = PdfDocumentBuilder.Render(Report());

        output.WriteLine($"three-page report with two charts: {pdf.Length:N0} bytes ({pdf.Length / 1024.0:F1} KB), {PdfReadBack.Of(pdf).PageCount} pages");
        PdfReadBack.Of(pdf).PageCount.Should().Be(3);
        pdf.Length.Should().BeLessThan(TargetBytes);
    }
}
