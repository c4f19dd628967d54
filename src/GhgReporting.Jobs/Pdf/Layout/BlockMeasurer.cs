using System.Globalization;
using SkiaSharp;

namespace GhgReporting.Jobs.Pdf.Layout;

/// <summary>
/// Turns each block into measured <see cref="LayoutUnit"/>s for a content area
/// <paramref name="contentWidth"/> points wide. Nothing is drawn here.
/// </summary>
internal sealed class BlockMeasurer(TextMeasurer text, float contentWidth)
{
    private readonly TableMeasurer tables = new(text, contentWidth);

    public IEnumerable<LayoutUnit> Measure(Block block, int index) => block switch
    {
        TitleBlock title => [Title(title)],
        HeadingBlock heading => [Heading(heading)],
        ParagraphBlock paragraph => Paragraph(paragraph, index),
        PageBreakBlock => [LayoutUnit.PageBreak],
        KeyValueBlock keyValues => tables.KeyValues(keyValues),
        TableBlock table => tables.Table(table, index),
        ImageBlock image => [Image(image, index)],
        ChartBlock chart => [Chart(chart, index)],
        _ => throw new ArgumentException($"Block type {block.GetType().Name} has no layout.", nameof(block)),
    };

    /// <summary>Fragments for wrapped lines, the first line box starting at <paramref name="top"/>.</summary>
    public static IEnumerable<Fragment> Lines(TextMeasurer text, IReadOnlyList<string> lines, TextStyle style, float left, float top, float width, CellAlign align)
    {
        var baseline = top + text.BaselineOffset(style);
        for (var i = 0; i < lines.Count; i++)
        {
            var lineWidth = text.Width(lines[i], style);
            var x = align switch
            {
                CellAlign.Right => left + width - lineWidth,
                CellAlign.Center => left + (width - lineWidth) / 2,
                _ => left,
            };
            yield return new TextFragment(x, baseline + i * style.LineAdvance, lineWidth, lines[i], style);
        }
    }

    private LayoutUnit Title(TitleBlock block)
    {
        var titleLines = text.Wrap(block.Text, Typography.Title, contentWidth);
        var subtitleLines = block.Subtitle is null ? [] : text.Wrap(block.Subtitle, Typography.Subtitle, contentWidth);
        var titleHeight = titleLines.Count * Typography.Title.LineAdvance;
        var fragments = Lines(text, titleLines, Typography.Title, 0, 0, contentWidth, CellAlign.Left)
            .Concat(Lines(text, subtitleLines, Typography.Subtitle, 0, titleHeight, contentWidth, CellAlign.Left))
            .ToList();
        var height = titleHeight + subtitleLines.Count * Typography.Subtitle.LineAdvance + Spacing.TitleAfter;
        return new LayoutUnit(height, fragments, "title") { KeepWithNext = true };
    }

    private LayoutUnit Heading(HeadingBlock block)
    {
        var isMain = block.Level <= 1;
        var style = isMain ? Typography.Heading : Typography.Subheading;
        var lines = text.Wrap(block.Text, style, contentWidth);
        var textHeight = lines.Count * style.LineAdvance;
        var fragments = Lines(text, lines, style, 0, 0, contentWidth, CellAlign.Left).ToList();
        if (isMain)
        {
            var ruleY = textHeight + Spacing.HeadingRule;
            fragments.Add(new LineFragment(new SKPoint(0, ruleY), new SKPoint(contentWidth, ruleY), Palette.Accent, Spacing.HeadingRule));
        }
        return new LayoutUnit(textHeight + Spacing.HeadingAfter, fragments, $"heading \"{block.Text}\"")
        {
            SpaceBefore = isMain ? Spacing.HeadingBefore : Spacing.SubheadingBefore,
            KeepWithNext = true,
        };
    }

    /// <summary>
    /// One unit per line. The first line keeps with the second and the second-to-last with the last,
    /// so a page never ends on a paragraph's first line nor starts with its last line alone.
    /// </summary>
    private IEnumerable<LayoutUnit> Paragraph(ParagraphBlock block, int index)
    {
        var lines = text.Wrap(block.Text, block.Style, contentWidth);
        for (var i = 0; i < lines.Count; i++)
        {
            var fragments = Lines(text, [lines[i]], block.Style, 0, 0, contentWidth, CellAlign.Left).ToList();
            yield return new LayoutUnit(block.Style.LineAdvance, fragments, Describe("paragraph", index, $"line {i + 1}"))
            {
                SpaceBefore = i == 0 ? Spacing.Block : 0,
                KeepWithNext = lines.Count > 1 && (i == 0 || i == lines.Count - 2),
            };
        }
    }

    private LayoutUnit Image(ImageBlock block, int index)
    {
        var info = SKBitmap.DecodeBounds(block.Png);
        if (info.Width <= 0 || info.Height <= 0)
            throw new ArgumentException($"Block {index}: the image is not a PNG (or any format Skia decodes).", nameof(block));
        var width = Math.Min(block.Width, contentWidth);
        var height = width * info.Height / info.Width;
        return new LayoutUnit(height, [new ImageFragment(new SKRect(0, 0, width, height), block.Png)], Describe("image", index))
        {
            SpaceBefore = Spacing.Block,
        };
    }

    private LayoutUnit Chart(ChartBlock block, int index)
    {
        var width = Math.Min(block.Width ?? contentWidth, contentWidth);
        return new LayoutUnit(block.Height, [new ChartFragment(new SKRect(0, 0, width, block.Height), block)], Describe("chart", index))
        {
            SpaceBefore = Spacing.Block,
        };
    }

    internal static string Describe(string kind, int blockIndex, string? part = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{kind} (block {blockIndex}{(part is null ? "" : ", " + part)})");
}
