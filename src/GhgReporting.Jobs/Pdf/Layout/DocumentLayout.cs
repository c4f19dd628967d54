namespace GhgReporting.Jobs.Pdf.Layout;

/// <summary>The measured document: every page with its content and its frame, in page coordinates.</summary>
public sealed record DocumentLayout(DocumentSpec Spec, IReadOnlyList<LaidOutPage> Pages)
{
    /// <summary>Every fragment of every page, with its 1-based page number.</summary>
    public IEnumerable<(int Page, Fragment Fragment)> AllFragments() =>
        Pages.SelectMany(p => p.Frame.Concat(p.Content).Select(f => (p.Number, f)));
}

/// <summary>One page: <paramref name="Content"/> from the blocks, <paramref name="Frame"/> from the header, footer and watermark.</summary>
public sealed record LaidOutPage(int Number, IReadOnlyList<Fragment> Content, IReadOnlyList<Fragment> Frame);

/// <summary>The layout pass: measures every block and paginates, without drawing anything.</summary>
public static class DocumentLayouter
{
    public static DocumentLayout Layout(DocumentSpec spec)
    {
        using var text = new TextMeasurer();
        return Layout(spec, text);
    }

    internal static DocumentLayout Layout(DocumentSpec spec, TextMeasurer text)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var content = spec.Page.Content;
        var measurer = new BlockMeasurer(text, content.Width);
        var units = spec.Blocks.SelectMany((block, index) => measurer.Measure(block, index + 1)).ToList();
        var pages = new Paginator(content).Paginate(units);
        var laidOut = pages
            .Select((fragments, i) => new LaidOutPage(i + 1, fragments, PageFrame.Compose(spec, text, i + 1, pages.Count)))
            .ToList();
        return new DocumentLayout(spec, laidOut);
    }
}
