using SkiaSharp;

namespace GhgReporting.Jobs.Pdf;

/// <summary>
/// The few colours a report uses, by role. Reports are read on paper and on screens, often printed in
/// black and white: text stays near-black, fills stay light, and the accent is dark enough to survive
/// greyscale.
/// </summary>
public static class Palette
{
    /// <summary>Body text.</summary>
    public static SKColor Ink { get; } = new(0x1F, 0x29, 0x33);

    /// <summary>Secondary text: header, footer, labels of key–value lists.</summary>
    public static SKColor Muted { get; } = new(0x5F, 0x6B, 0x76);

    /// <summary>Headings, table header fill, the rule under a level-1 heading.</summary>
    public static SKColor Accent { get; } = new(0x1B, 0x5E, 0x72);

    /// <summary>Text on an <see cref="Accent"/> fill.</summary>
    public static SKColor OnAccent { get; } = SKColors.White;

    /// <summary>Hairlines: header and footer rules, lines between table rows.</summary>
    public static SKColor Rule { get; } = new(0xC9, 0xD1, 0xD9);

    /// <summary>Fill of every other table row, so a long row can be followed across the page.</summary>
    public static SKColor Stripe { get; } = new(0xF2, 0xF5, 0xF7);

    /// <summary>The diagonal watermark: translucent, so the figures under it stay legible.</summary>
    public static SKColor Watermark { get; } = new(0xD6, 0x45, 0x45, 0x40);
}
