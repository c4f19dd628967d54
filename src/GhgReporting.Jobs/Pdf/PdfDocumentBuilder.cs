using GhgReporting.Jobs.Pdf.Fonts;
using GhgReporting.Jobs.Pdf.Layout;
using GhgReporting.Jobs.Pdf.Rendering;
using SkiaSharp;

namespace GhgReporting.Jobs.Pdf;

/// <summary>
/// Renders a document to PDF bytes in two passes. Layout: every block is measured with the whole
/// embedded fonts and paginated, which fixes the page count for "Page x of y" and every position; the
/// charts are built and dry-rendered; the code points of all text are collected. Render: the fonts are
/// subset to those code points and each page is drawn with the subsets, so the PDF embeds a few
/// kilobytes of font instead of the whole files.
/// </summary>
public static class PdfDocumentBuilder
{
    private const string Producer = "GhgReporting (SkiaSharp PDF)";

    public static byte[] Render(IPdfDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Render(document.Compose());
    }

    public static byte[] Render(DocumentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var layout = DocumentLayouter.Layout(spec);
        var charts = new Dictionary<ChartFragment, PreparedChart>(ReferenceEqualityComparer.Instance);
        try
        {
            foreach (var chart in layout.AllFragments().Select(f => f.Fragment).OfType<ChartFragment>())
                charts.Add(chart, PreparedChart.Prepare(chart, EmbeddedFonts.Whole));
            using var fonts = EmbeddedFonts.CreateSubset(CollectGlyphs(layout, charts.Values));
            return Write(layout, fonts, charts);
        }
        finally
        {
            foreach (var chart in charts.Values)
                chart.Dispose();
        }
    }

    private static GlyphUsage CollectGlyphs(DocumentLayout layout, IEnumerable<PreparedChart> charts)
    {
        var usage = new GlyphUsage();
        foreach (var (_, fragment) in layout.AllFragments())
        {
            if (fragment is TextFragment text)
                usage.Add(text.Text, text.Style.Weight);
            else if (fragment is WatermarkFragment watermark)
                usage.Add(watermark.Text, watermark.Style.Weight);
        }
        var anyChart = false;
        foreach (var chart in charts)
        {
            anyChart = true;
            foreach (var (text, weight) in chart.Texts())
                usage.Add(text, weight);
        }
        if (anyChart)
            usage.Add(GlyphUsage.ChartCharacters, FontWeight.Regular);
        return usage;
    }

    private static byte[] Write(DocumentLayout layout, FontSet fonts, IReadOnlyDictionary<ChartFragment, PreparedChart> charts)
    {
        var spec = layout.Spec;
        var metadata = new SKDocumentPdfMetadata
        {
            Title = spec.Title,
            Author = spec.Author,
            Creator = Producer,
            Producer = Producer,
            Creation = spec.CreatedAt,
            Modified = spec.CreatedAt,
            RasterDpi = SKDocumentPdfMetadata.DefaultRasterDpi,
            EncodingQuality = SKDocumentPdfMetadata.DefaultEncodingQuality,
        };
        using var output = new MemoryStream();
        using (var document = SKDocument.CreatePdf(output, metadata))
        using (var painter = new PagePainter(fonts, charts))
        {
            foreach (var page in layout.Pages)
            {
                var canvas = document.BeginPage(spec.Page.Width, spec.Page.Height);
                painter.Paint(canvas, page);
                document.EndPage();
            }
            document.Close();
        }
        return output.ToArray();
    }
}
