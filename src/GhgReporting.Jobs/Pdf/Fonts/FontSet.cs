using SkiaSharp;

namespace GhgReporting.Jobs.Pdf.Fonts;

/// <summary>
/// The regular and bold typeface one pass works with: the whole embedded fonts while measuring, or a
/// document's subsets while drawing. Skia embeds one font file per typeface instance, so a document
/// must draw everything, charts included, with these two instances.
/// </summary>
public sealed class FontSet : IDisposable
{
    private readonly bool ownsTypefaces;

    private FontSet(SKTypeface regular, SKTypeface bold, bool ownsTypefaces)
    {
        Regular = regular;
        Bold = bold;
        this.ownsTypefaces = ownsTypefaces;
    }

    public SKTypeface Regular { get; }

    public SKTypeface Bold { get; }

    public SKTypeface Get(FontWeight weight) => weight == FontWeight.Bold ? Bold : Regular;

    internal static FontSet Borrowed(SKTypeface regular, SKTypeface bold) => new(regular, bold, ownsTypefaces: false);

    internal static FontSet Owned(SKTypeface regular, SKTypeface bold) => new(regular, bold, ownsTypefaces: true);

    public void Dispose()
    {
        if (!ownsTypefaces)
            return;
        Regular.Dispose();
        Bold.Dispose();
    }
}
