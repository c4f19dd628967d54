using GhgReporting.Jobs.Pdf;
using UglyToad.PdfPig;

namespace GhgReporting.Jobs.Tests.Pdf;

/// <summary>Report workers render several documents at once (Hangfire runs jobs on parallel workers): rendering
/// must give the same bytes in parallel as alone.</summary>
public sealed class ConcurrentRenderingTests
{
    [Fact]
    public void Render_SixteenDocumentsInParallel_EachEqualsTheSequentialResult()
    {
        var expected = PdfDocumentBuilder.Render(new SampleMonitoringReport(SampleMonitoringReport.DefaultModel()));
        var results = new byte[16][];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            i => results[i] = PdfDocumentBuilder.Render(new SampleMonitoringReport(SampleMonitoringReport.DefaultModel())));

        foreach (var pdf in results)
        {
            pdf.Should().Equal(expected);
            using var document = PdfDocument.Open(pdf);
            document.NumberOfPages.Should().Be(3);
        }
    }
}
