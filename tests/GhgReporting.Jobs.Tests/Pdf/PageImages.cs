using System.Diagnostics;
using SkiaSharp;

namespace GhgReporting.Jobs.Tests.Pdf;

/// <summary>
/// Renders page 1 of a PDF to PNG with poppler's pdftoppm (a different PDF reader than the one that wrote it) and
/// leaves the PDF and the PNG in the test output folder, pdf-review/, for a person to look at.
/// </summary>
internal static class PageImages
{
    private const int Dpi = 100;

    public static string ReviewFolder => Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "pdf-review")).FullName;

    /// <summary>Writes <c>{name}.pdf</c> and <c>{name}-page1.png</c>; checks the PNG is an A4 page; returns the decoded page.
    /// Fails, saying what to install, when pdftoppm is missing.</summary>
    public static SKBitmap RenderFirstPage(byte[] pdf, string name, out string pngPath)
    {
        var pdftoppm = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "pdftoppm")).FirstOrDefault(File.Exists);
        if (pdftoppm is null)
            Assert.Fail($"pdftoppm is not installed, so page 1 of {name} cannot be rendered for review. Install poppler-utils (Debian/Ubuntu: apt-get install -y poppler-utils) and run the tests again.");

        var pdfPath = Path.Combine(ReviewFolder, name + ".pdf");
        File.WriteAllBytes(pdfPath, pdf);
        var pngPrefix = Path.Combine(ReviewFolder, name + "-page1");
        var start = new ProcessStartInfo(pdftoppm) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-png", "-r", $"{Dpi}", "-f", "1", "-l", "1", "-singlefile", pdfPath, pngPrefix })
            start.ArgumentList.Add(argument);
        using (var process = Process.Start(start)!)
        {
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            process.ExitCode.Should().Be(0, $"pdftoppm failed: {errors}");
        }

        pngPath = pngPrefix + ".png";
        var bitmap = SKBitmap.Decode(pngPath);
        bitmap.Should().NotBeNull();
        // A4 at 100 dpi is 827 × 1170 px (pdftoppm rounds up).
        bitmap.Width.Should().BeInRange(826, 828);
        bitmap.Height.Should().BeInRange(1169, 1171);
        return bitmap;
    }

    /// <summary>Share of pixels that are not near-white.</summary>
    public static double InkShare(SKBitmap bitmap)
    {
        var inked = 0;
        foreach (var pixel in bitmap.Pixels)
            if (pixel.Red < 200 || pixel.Green < 200 || pixel.Blue < 200)
                inked++;
        return (double)inked / bitmap.Pixels.Length;
    }
}
