using SkiaSharp;

namespace GhgReporting.Jobs.Pdf;

/// <summary>
/// The page and its three areas, in points from the top-left corner: the header band in the top
/// margin, the content rectangle, and the footer band in the bottom margin.
/// </summary>
/// <param name="Width">Page width.</param>
/// <param name="Height">Page height.</param>
/// <param name="MarginX">Left and right margin.</param>
/// <param name="MarginTop">Top of the content; the header sits above it.</param>
/// <param name="MarginBottom">Distance from the bottom of the content to the bottom edge; the footer sits below it.</param>
public sealed record PageGeometry(float Width, float Height, float MarginX, float MarginTop, float MarginBottom)
{
    /// <summary>ISO 216 A4, 210 × 297 mm, with 20 mm side margins.</summary>
    public static PageGeometry A4 { get; } = new(Width: 595.28f, Height: 841.89f, MarginX: 56.69f, MarginTop: 72, MarginBottom: 66);

    /// <summary>Where the blocks go.</summary>
    public SKRect Content => new(MarginX, MarginTop, Width - MarginX, Height - MarginBottom);

    /// <summary>Baseline of the header text.</summary>
    public float HeaderBaseline => MarginTop - 30;

    /// <summary>The rule under the header text.</summary>
    public float HeaderRuleY => MarginTop - 22;

    /// <summary>The rule above the footer text.</summary>
    public float FooterRuleY => Height - MarginBottom + 20;

    /// <summary>Baseline of the footer text.</summary>
    public float FooterBaseline => Height - MarginBottom + 33;
}
