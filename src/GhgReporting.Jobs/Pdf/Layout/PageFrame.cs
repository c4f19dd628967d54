using System.Globalization;
using SkiaSharp;

namespace GhgReporting.Jobs.Pdf.Layout;

/// <summary>
/// What every page carries besides its content: the header text and rule, the footer rule, the footer
/// text with "Page x of y", and the optional diagonal watermark. Composed after pagination, when the
/// page count is known.
/// </summary>
internal static class PageFrame
{
    /// <summary>The page number label, e.g. "Page 2 of 3".</summary>
    public static string PageLabel(int number, int count) => string.Create(CultureInfo.InvariantCulture, $"Page {number} of {count}");

    public static IReadOnlyList<Fragment> Compose(DocumentSpec spec, TextMeasurer text, int number, int count)
    {
        var page = spec.Page;
        var left = page.MarginX;
        var right = page.Width - page.MarginX;
        var width = right - left;
        var fragments = new List<Fragment>
        {
            Line(text, text.Truncate(spec.HeaderText, Typography.Header, width), Typography.Header, left, page.HeaderBaseline),
            new LineFragment(new SKPoint(left, page.HeaderRuleY), new SKPoint(right, page.HeaderRuleY), Palette.Rule, Spacing.Hairline),
            new LineFragment(new SKPoint(left, page.FooterRuleY), new SKPoint(right, page.FooterRuleY), Palette.Rule, Spacing.Hairline),
        };

        var pageLabel = PageLabel(number, count);
        var pageLabelWidth = text.Width(pageLabel, Typography.Footer);
        fragments.Add(new TextFragment(right - pageLabelWidth, page.FooterBaseline, pageLabelWidth, pageLabel, Typography.Footer));
        var footerRoom = width - pageLabelWidth - Spacing.Block * 2;
        var footerText = text.Truncate(spec.FooterText ?? spec.Title, Typography.Footer, footerRoom);
        fragments.Add(Line(text, footerText, Typography.Footer, left, page.FooterBaseline));

        if (!string.IsNullOrWhiteSpace(spec.Watermark))
            fragments.Add(Watermark(spec.Watermark, text, page));
        return fragments;
    }

    /// <summary>Centred on the page along the diagonal from the bottom-left to the top-right corner.</summary>
    private static WatermarkFragment Watermark(string watermark, TextMeasurer text, PageGeometry page)
    {
        var angle = -MathF.Atan2(page.Height, page.Width) * 180 / MathF.PI;
        var normalized = TextNormalizer.Normalize(watermark);
        return new WatermarkFragment(normalized, Typography.Watermark, new SKPoint(page.Width / 2, page.Height / 2), text.Width(normalized, Typography.Watermark), angle);
    }

    private static TextFragment Line(TextMeasurer text, string value, TextStyle style, float x, float baseline) =>
        new(x, baseline, text.Width(value, style), value, style);
}
