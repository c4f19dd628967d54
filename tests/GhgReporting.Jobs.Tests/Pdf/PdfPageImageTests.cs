using GhgReporting.Jobs.Pdf;
using Xunit.Abstractions;

namespace GhgReporting.Jobs.Tests.Pdf;

/// <summary>
/// Renders page 1 of the sample report to PNG with poppler's pdftoppm (a different PDF reader than the
/// one that wrote it) and leaves it in the test output folder, pdf-review/, for a person to look at.
/// </summary>
public class PdfPageImageTests(ITestOutputHelper output)
{
    [Fact]
    public void RenderPageOne_WithPdftoppm_WritesAPngForReview()
    {
        using var page = PageImages.RenderFirstPage(PdfDocumentBuilder.Render(new SampleMonitoringReport(SampleMonitoringReport.DefaultModel())),
            "sample-monitoring-report", out var png);
        output.WriteLine($"page 1 rendered for review: {png}");
        PageImages.InkShare(page).Should().BeInRange(0.02, 0.5, "the page shows text, tables and a chart on white paper");
    }
}
