using SkiaSharp;

namespace GhgReporting.Jobs.Pdf.Layout;

/// <summary>
/// Something placed on a page, in points from the page's top-left corner. The layout pass produces
/// fragments, fully measured; the render pass only draws them.
/// </summary>
public abstract record Fragment
{
    /// <summary>The same fragment moved by (<paramref name="dx"/>, <paramref name="dy"/>).</summary>
    public abstract Fragment Offset(float dx, float dy);
}

/// <summary>One line of text starting at <paramref name="X"/> on <paramref name="Baseline"/>.</summary>
/// <param name="Width">Measured advance width.</param>
public sealed record TextFragment(float X, float Baseline, float Width, string Text, TextStyle Style) : Fragment
{
    public override Fragment Offset(float dx, float dy) => this with { X = X + dx, Baseline = Baseline + dy };
}

/// <summary>A filled rectangle (table header, striped row).</summary>
public sealed record FillFragment(SKRect Rect, SKColor Color) : Fragment
{
    public override Fragment Offset(float dx, float dy) => this with { Rect = Move(Rect, dx, dy) };

    internal static SKRect Move(SKRect rect, float dx, float dy) => new(rect.Left + dx, rect.Top + dy, rect.Right + dx, rect.Bottom + dy);
}

/// <summary>A straight line (rules, row separators).</summary>
public sealed record LineFragment(SKPoint From, SKPoint To, SKColor Color, float StrokeWidth) : Fragment
{
    public override Fragment Offset(float dx, float dy) =>
        this with { From = new SKPoint(From.X + dx, From.Y + dy), To = new SKPoint(To.X + dx, To.Y + dy) };
}

/// <summary>A PNG image scaled into <paramref name="Rect"/>.</summary>
public sealed record ImageFragment(SKRect Rect, byte[] Png) : Fragment
{
    public override Fragment Offset(float dx, float dy) => this with { Rect = FillFragment.Move(Rect, dx, dy) };
}

/// <summary>A chart drawn into <paramref name="Rect"/> during the render pass.</summary>
public sealed record ChartFragment(SKRect Rect, ChartBlock Chart) : Fragment
{
    public override Fragment Offset(float dx, float dy) => this with { Rect = FillFragment.Move(Rect, dx, dy) };
}

/// <summary>Text centred on <paramref name="Center"/> and rotated by <paramref name="AngleDegrees"/> (clockwise).</summary>
public sealed record WatermarkFragment(string Text, TextStyle Style, SKPoint Center, float Width, float AngleDegrees) : Fragment
{
    public override Fragment Offset(float dx, float dy) => this with { Center = new SKPoint(Center.X + dx, Center.Y + dy) };
}
