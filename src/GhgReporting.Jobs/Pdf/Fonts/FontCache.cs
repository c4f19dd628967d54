using SkiaSharp;

namespace GhgReporting.Jobs.Pdf.Fonts;

/// <summary>
/// One <see cref="SKFont"/> per (weight, size) for the duration of one pass; not shared between threads.
/// </summary>
/// <remarks>
/// Hinting off, subpixel positioning and linear metrics on: advances are then the font's own, scaled
/// linearly, the same in the whole font (layout pass) and in its subset (render pass), and the same as
/// the widths Skia writes into the PDF.
/// </remarks>
internal sealed class FontCache(FontSet fonts) : IDisposable
{
    private readonly Dictionary<(FontWeight, float), SKFont> cache = [];

    public SKFont Get(TextStyle style) => Get(style.Weight, style.Size);

    public SKFont Get(FontWeight weight, float size)
    {
        if (!cache.TryGetValue((weight, size), out var font))
        {
            font = new SKFont(fonts.Get(weight), size)
            {
                Hinting = SKFontHinting.None,
                Subpixel = true,
                LinearMetrics = true,
                Edging = SKFontEdging.Antialias,
            };
            cache.Add((weight, size), font);
        }
        return font;
    }

    public void Dispose()
    {
        foreach (var font in cache.Values)
            font.Dispose();
        cache.Clear();
    }
}
