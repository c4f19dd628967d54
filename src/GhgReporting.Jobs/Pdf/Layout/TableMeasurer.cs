using SkiaSharp;

namespace GhgReporting.Jobs.Pdf.Layout;

/// <summary>
/// Measures tables and key–value lists as rows: each row one unit, as tall as its tallest cell, so a
/// row is never split across pages. A table's header row is its own unit, kept with the first row and
/// attached to every row so the paginator can repeat it on each page the table continues on.
/// </summary>
internal sealed class TableMeasurer(TextMeasurer text, float contentWidth)
{
    public IEnumerable<LayoutUnit> Table(TableBlock table, int index)
    {
        if (table.Columns.Count == 0)
            throw new ArgumentException($"Table (block {index}) has no columns.", nameof(table));
        var edges = ColumnEdges(table.Columns.Select(c => c.Width).ToList());
        var aligns = table.Columns.Select(c => c.Align).ToList();

        var headerStyles = Enumerable.Repeat(Typography.TableHeader, table.Columns.Count).ToList();
        var header = Row(table.Columns.Select(c => c.Header).ToList(), headerStyles, edges, aligns, Palette.Accent, separator: false)
            with
            { Description = BlockMeasurer.Describe("table header", index), SpaceBefore = Spacing.Block, KeepWithNext = true };
        yield return header;

        var cellStyles = Enumerable.Repeat(Typography.TableCell, table.Columns.Count).ToList();
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var cells = table.Rows[i];
            if (cells.Count != table.Columns.Count)
                throw new ArgumentException($"Table (block {index}) row {i + 1} has {cells.Count} cells; the table has {table.Columns.Count} columns.", nameof(table));
            var fill = i % 2 == 1 ? Palette.Stripe : (SKColor?)null;
            yield return Row(cells, cellStyles, edges, aligns, fill, separator: true)
                with
                { Description = BlockMeasurer.Describe("table", index, $"row {i + 1}"), RepeatedHeader = header };
        }
    }

    public IEnumerable<LayoutUnit> KeyValues(KeyValueBlock list)
    {
        var edges = ColumnEdges([Spacing.KeyColumnFraction, 1 - Spacing.KeyColumnFraction]);
        List<TextStyle> styles = [Typography.Label, Typography.Body];
        List<CellAlign> aligns = [CellAlign.Left, CellAlign.Left];
        for (var i = 0; i < list.Items.Count; i++)
        {
            var item = list.Items[i];
            yield return Row([item.Key, item.Value], styles, edges, aligns, fill: null, separator: false)
                with
                { Description = $"key–value \"{item.Key}\"", SpaceBefore = i == 0 ? Spacing.Block : 0 };
        }
    }

    /// <summary>Left edges of the columns plus the right edge of the last, the widths scaled to the content width.</summary>
    private float[] ColumnEdges(IReadOnlyList<float> widths)
    {
        if (widths.Any(w => w <= 0))
            throw new ArgumentException("Every column needs a positive width.", nameof(widths));
        var total = widths.Sum();
        var edges = new float[widths.Count + 1];
        for (var i = 0; i < widths.Count; i++)
            edges[i + 1] = edges[i] + contentWidth * widths[i] / total;
        edges[^1] = contentWidth;
        return edges;
    }

    /// <summary>
    /// A row whose cells wrap in their columns. The first baselines of all cells line up (cells may use
    /// different sizes); the row is as tall as its tallest cell, one line at least.
    /// </summary>
    private LayoutUnit Row(IReadOnlyList<string> cells, IReadOnlyList<TextStyle> styles, float[] edges, IReadOnlyList<CellAlign> aligns, SKColor? fill, bool separator)
    {
        var padX = Spacing.CellPaddingX;
        var padY = Spacing.CellPaddingY;
        var wrapped = cells.Select((cell, c) => text.Wrap(cell, styles[c], Math.Max(1, edges[c + 1] - edges[c] - 2 * padX))).ToList();
        var firstBaseline = styles.Max(text.BaselineOffset);

        var contentHeight = 0f;
        var cellFragments = new List<Fragment>();
        for (var c = 0; c < cells.Count; c++)
        {
            var top = padY + firstBaseline - text.BaselineOffset(styles[c]);
            var lineCount = Math.Max(1, wrapped[c].Count);
            contentHeight = Math.Max(contentHeight, top - padY + lineCount * styles[c].LineAdvance);
            var left = edges[c] + padX;
            cellFragments.AddRange(BlockMeasurer.Lines(text, wrapped[c], styles[c], left, top, edges[c + 1] - edges[c] - 2 * padX, aligns[c]));
        }
        var height = contentHeight + 2 * padY;

        var fragments = new List<Fragment>();
        if (fill is { } color)
            fragments.Add(new FillFragment(new SKRect(0, 0, contentWidth, height), color));
        fragments.AddRange(cellFragments);
        if (separator)
            fragments.Add(new LineFragment(new SKPoint(0, height), new SKPoint(contentWidth, height), Palette.Rule, Spacing.Hairline));
        return new LayoutUnit(height, fragments, "row");
    }
}
