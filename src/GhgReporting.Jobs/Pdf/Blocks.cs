using ScottPlot;

namespace GhgReporting.Jobs.Pdf;

/// <summary>
/// One piece of a document's content, laid out top to bottom in the content area. Blocks are plain
/// data; <see cref="Layout.DocumentLayouter"/> measures them before anything is drawn.
/// </summary>
public abstract record Block;

/// <summary>The document's title (and an optional subtitle line) at the top of the content.</summary>
public sealed record TitleBlock(string Text, string? Subtitle = null) : Block;

/// <summary>A heading; level 1 has an accent rule under it, level 2 is smaller. Never left alone at the bottom of a page.</summary>
public sealed record HeadingBlock(string Text, int Level = 1) : Block;

/// <summary>Text wrapped at word boundaries; '\n' starts a new line. May continue on the next page between lines.</summary>
public sealed record ParagraphBlock(string Text) : Block
{
    /// <summary>Defaults to <see cref="Typography.Body"/>.</summary>
    public TextStyle Style { get; init; } = Typography.Body;
}

/// <summary>Starts a new page, unless the current page is still empty.</summary>
public sealed record PageBreakBlock : Block;

/// <summary>One line of a <see cref="KeyValueBlock"/>.</summary>
public sealed record KeyValue(string Key, string Value);

/// <summary>Labelled values in two columns (project, methodology, period, …). Each pair stays on one page.</summary>
public sealed record KeyValueBlock(IReadOnlyList<KeyValue> Items) : Block;

/// <summary>How a column's text sits in its cell; figures are right-aligned.</summary>
public enum CellAlign
{
    Left,
    Right,
    Center,
}

/// <summary>A table column: its header text and its share of the content width.</summary>
/// <param name="Header">Header text, repeated at the top of every page the table runs onto.</param>
/// <param name="Width">Relative width; the widths of all columns are scaled to the content width.</param>
/// <param name="Align">Alignment of the header and the cells.</param>
public sealed record TableColumn(string Header, float Width, CellAlign Align = CellAlign.Left);

/// <summary>
/// A table whose cells wrap within their column. A row is never split across pages; when the table
/// continues on a new page, its header row is drawn again first.
/// </summary>
public sealed record TableBlock(IReadOnlyList<TableColumn> Columns, IReadOnlyList<IReadOnlyList<string>> Rows) : Block;

/// <summary>A PNG image, drawn <paramref name="Width"/> points wide with its own aspect ratio.</summary>
public sealed record ImageBlock(byte[] Png, float Width) : Block;

/// <summary>
/// A ScottPlot chart drawn straight onto the PDF page as vectors, with the document's embedded font.
/// <paramref name="Configure"/> adds the plottables, labels and limits; it must not render. Chart text
/// belongs in the title, axis labels, tick labels, legend or a plottable's <see cref="LabelStyle"/>:
/// those get the embedded font (ScottPlot's name-based fonts would embed a system font whole).
/// </summary>
/// <param name="Height">Height in points.</param>
/// <param name="Configure">Builds the plot.</param>
public sealed record ChartBlock(float Height, Action<Plot> Configure) : Block
{
    /// <summary>Width in points; the content width when not set.</summary>
    public float? Width { get; init; }
}
