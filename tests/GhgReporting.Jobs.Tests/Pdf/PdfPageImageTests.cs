using System.Diagnostics;
using GhgReporting.Jobs.Pdf;
using SkiaSharp;
using Xunit.Abstractions;

namespace GhgReporting.Jobs.Tests.Pdf;

/// <summary>
/// Renders page 1 of the sample report to PNG with poppler's pdftoppm (a different PDF reader than the
/// one that wrote it) and leaves it in the test output folder, pdf-review/, for a person to look at.
/// </summary>
public class PdfPageImageTests(ITestOutputHelper output)
{
    private const int Dpi = 100;

    [Fact]
    public void RenderPageOne_WithPdftoppm_WritesAPngForReview()
    {
        var pdftoppm = FindOnPath("pdftoppm");
        if (pdftoppm is null)
            Assert.Fail("pdftoppm is not installed, so page 1 cannot be rendered for review. Install poppler-utils (Debian/Ubuntu: apt-get install -y poppler-utils) and run the tests again.");

        var folder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "pdf-review")).FullName;
        var pdfPath = Path.Combine(folder, "sample-monitoring-report.pdf");
        File.WriteAllBytes(pdfPath, PdfDocumentBuilder.Render(new SampleMonitoringReport(SampleMonitoringReport.DefaultModel())));
        var pngPrefix = Path.Combine(folder, "sample-monitoring-report-page1");

        Run(pdftoppm, ["-png", "-r", $"{Dpi}", "-f", "1", "-l", "1", "-singlefile", pdfPath, pngPrefix]);

        var pngPath = pngPrefix + ".png";
        output.WriteLine($"page 1 rendered for review: {pngPath}");
        using var bitmap = SKBitmap.Decode(pngPath);
        bitmap.Should().NotBeNull();
        // A4 at 100 dpi is 827 × 1170 px (pdftoppm rounds up).
        bitmap.Width.Should().BeInRange(826, 828);
        bitmap.Height.Should().BeInRange(1169, 1171);
        InkShare(bitmap).Should().BeInRange(0.02, 0.5, "the page shows text, tables and a chart on white paper");
    }

    /// <summary>Share of pixels that are not near-white.</summary>
    private static double InkShare(SKBitmap bitmap)
    {
        var inked = 0;
        foreach (var pixel in bitmap.Pixels)
        {
            if (pixel.Red < 200 || pixel.Green < 200 || pixel.Blue < 200)
                inked++;
        }
        return (double)inked / bitmap.Pixels.Length;
    }

    private static void Run(string executable, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.Should().Be(0, $"pdftoppm failed: {errors}");
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
