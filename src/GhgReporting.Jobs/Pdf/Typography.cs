using SkiaSharp;

namespace GhgReporting.Jobs.Pdf;

/// <summary>The two faces embedded in every report (DejaVu Sans and DejaVu Sans Bold).</summary>
public enum FontWeight
{
    Regular,
    Bold,
}

/// <summary>A named text style. Sizes are in points (1/72 inch).</summary>
/// <param name="Size">Font size.</param>
/// <param name="Weight">Regular or bold.</param>
/// <param name="Color">Text colour.</param>
/// <param name="LineHeight">Distance between baselines as a multiple of <paramref name="Size"/>.</param>
public sealed record TextStyle(float Size, FontWeight Weight, SKColor Color, float LineHeight)
{
    /// <summary>Distance between the baselines of two consecutive lines, in points.</summary>
    public float LineAdvance => Size * LineHeight;
}

/// <summary>
/// Every text style a report uses, by name; layout code refers to these and never to a bare size.
/// </summary>
public static class Typography
{
    public static TextStyle Title { get; } = new(20, FontWeight.Bold, Palette.Accent, 1.2f);
    public static TextStyle Subtitle { get; } = new(11, FontWeight.Regular, Palette.Muted, 1.35f);
    public static TextStyle Heading { get; } = new(13, FontWeight.Bold, Palette.Accent, 1.3f);
    public static TextStyle Subheading { get; } = new(10.5f, FontWeight.Bold, Palette.Ink, 1.3f);
    public static TextStyle Body { get; } = new(9.5f, FontWeight.Regular, Palette.Ink, 1.4f);
    public static TextStyle Small { get; } = new(8, FontWeight.Regular, Palette.Muted, 1.35f);
    public static TextStyle Label { get; } = new(8.5f, FontWeight.Bold, Palette.Muted, 1.4f);
    public static TextStyle TableHeader { get; } = new(8, FontWeight.Bold, Palette.OnAccent, 1.3f);
    public static TextStyle TableCell { get; } = new(8, FontWeight.Regular, Palette.Ink, 1.3f);
    public static TextStyle Header { get; } = new(8, FontWeight.Regular, Palette.Muted, 1.2f);
    public static TextStyle Footer { get; } = new(8, FontWeight.Regular, Palette.Muted, 1.2f);
    public static TextStyle Watermark { get; } = new(110, FontWeight.Bold, Palette.Watermark, 1);
}

/// <summary>Named vertical and horizontal measures of the content, in points.</summary>
public static class Spacing
{
    /// <summary>Space above a paragraph, key–value list, table, image or chart.</summary>
    public static float Block => 6;

    /// <summary>Space above a level-1 heading; a level-2 heading gets <see cref="SubheadingBefore"/>.</summary>
    public static float HeadingBefore => 14;

    public static float SubheadingBefore => 10;

    /// <summary>Space between a heading and what follows it (the rule of a level-1 heading sits in it).</summary>
    public static float HeadingAfter => 5;

    /// <summary>Space under the title block.</summary>
    public static float TitleAfter => 8;

    /// <summary>Padding inside table cells, left/right and top/bottom.</summary>
    public static float CellPaddingX => 4;

    public static float CellPaddingY => 3;

    /// <summary>Width of the key column of a key–value list, as a fraction of the content width.</summary>
    public static float KeyColumnFraction => 0.32f;

    /// <summary>Width of hairlines (table rows, header and footer rules).</summary>
    public static float Hairline => 0.5f;

    /// <summary>Width of the accent rule under a level-1 heading.</summary>
    public static float HeadingRule => 1;

    /// <summary>
    /// Charts are drawn at (width / scale, height / scale) ScottPlot pixels and scaled down by this
    /// factor, so ScottPlot's default 12 px tick labels land at about 8.4 pt, next to 8–9.5 pt body text.
    /// </summary>
    public static float ChartScale => 0.7f;
}
