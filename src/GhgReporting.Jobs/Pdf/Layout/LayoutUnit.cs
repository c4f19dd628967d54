namespace GhgReporting.Jobs.Pdf.Layout;

/// <summary>
/// The smallest piece of content the paginator moves as a whole: a line of a paragraph, a heading, a
/// table row, a key–value pair, an image, a chart. Its fragments are relative to its own top-left corner.
/// </summary>
/// <param name="Height">Measured height, in points.</param>
/// <param name="Fragments">What to draw, relative to the unit's top-left corner.</param>
/// <param name="Description">Names the unit in a layout error ("table row 12").</param>
internal sealed record LayoutUnit(float Height, IReadOnlyList<Fragment> Fragments, string Description)
{
    /// <summary>Space above the unit; not applied at the top of a page.</summary>
    public float SpaceBefore { get; init; }

    /// <summary>Moves to the next page together with the unit that follows (headings, table headers, a paragraph's first line).</summary>
    public bool KeepWithNext { get; init; }

    /// <summary>A forced page break; has no height or fragments.</summary>
    public bool IsPageBreak { get; init; }

    /// <summary>For a table row: the header row to draw first when the row starts a new page.</summary>
    public LayoutUnit? RepeatedHeader { get; init; }

    public static LayoutUnit PageBreak { get; } = new(0, [], "page break") { IsPageBreak = true };
}
