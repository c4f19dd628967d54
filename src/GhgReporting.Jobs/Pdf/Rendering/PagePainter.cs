using GhgReporting.Jobs.Pdf.Fonts;
using GhgReporting.Jobs.Pdf.Layout;
using SkiaSharp;

namespace GhgReporting.Jobs.Pdf.Rendering;

/// <summary>Draws laid-out fragments onto a page canvas; all positions were decided by the layout pass.</summary>
internal sealed class PagePainter(FontSet fonts, IReadOnlyDictionary<ChartFragment, PreparedChart> charts) : IDisposable
{
    private readonly FontCache fontCache = new(fonts);
    private readonly SKPaint paint = new() { IsAntialias = true };

    /// <summary>Content first, then the frame, so the translucent watermark lies over the content.</summary>
    public void Paint(SKCanvas canvas, LaidOutPage page)
    {
        foreach (var fragment in page.Content.Concat(page.Frame))
            Paint(canvas, fragment);
    }

    private void Paint(SKCanvas canvas, Fragment fragment)
    {
        switch (fragment)
        {
            case TextFragment text:
                Fill(text.Style.Color);
                canvas.DrawText(text.Text, text.X, text.Baseline, SKTextAlign.Left, fontCache.Get(text.Style), paint);
                break;
            case FillFragment fill:
                Fill(fill.Color);
                canvas.DrawRect(fill.Rect, paint);
                break;
            case LineFragment line:
                paint.Style = SKPaintStyle.Stroke;
                paint.StrokeWidth = line.StrokeWidth;
                paint.Color = line.Color;
                canvas.DrawLine(line.From, line.To, paint);
                break;
            case ImageFragment image:
                using (var decoded = SKImage.FromEncodedData(image.Png))
                    canvas.DrawImage(decoded, image.Rect, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None));
                break;
            case ChartFragment chart:
                charts[chart].Draw(canvas, fonts);
                break;
            case WatermarkFragment watermark:
                Watermark(canvas, watermark);
                break;
            default:
                throw new ArgumentException($"Fragment type {fragment.GetType().Name} cannot be painted.", nameof(fragment));
        }
    }

    private void Watermark(SKCanvas canvas, WatermarkFragment watermark)
    {
        var font = fontCache.Get(watermark.Style);
        Fill(watermark.Style.Color);
        canvas.Save();
        canvas.Translate(watermark.Center.X, watermark.Center.Y);
        canvas.RotateDegrees(watermark.AngleDegrees);
        var capHeight = font.Metrics.CapHeight;
        canvas.DrawText(watermark.Text, -watermark.Width / 2, capHeight / 2, SKTextAlign.Left, font, paint);
        canvas.Restore();
    }

    private void Fill(SKColor color)
    {
        paint.Style = SKPaintStyle.Fill;
        paint.Color = color;
    }

    public void Dispose()
    {
        paint.Dispose();
        fontCache.Dispose();
    }
}
