namespace GhgReporting.Jobs.Pdf;

/// <summary>Everything needed to render a document: the page frame and the content blocks.</summary>
/// <param name="Title">PDF title metadata, and the footer text when <see cref="FooterText"/> is not set.</param>
/// <param name="HeaderText">Shown at the top of every page.</param>
/// <param name="Watermark">Drawn diagonally across every page (e.g. "DRAFT"); none when null.</param>
/// <param name="Blocks">The content, top to bottom.</param>
public sealed record DocumentSpec(string Title, string HeaderText, string? Watermark, IReadOnlyList<Block> Blocks)
{
    /// <summary>Left part of the footer; "Page x of y" is on the right.</summary>
    public string? FooterText { get; init; }

    public PageGeometry Page { get; init; } = PageGeometry.A4;

    /// <summary>PDF author metadata, e.g. the platform secretariat.</summary>
    public string? Author { get; init; }

    /// <summary>
    /// PDF creation date. Left null by default so that the same content renders to the same bytes
    /// (a stored report keeps its SHA-256).
    /// </summary>
    public DateTime? CreatedAt { get; init; }
}

/// <summary>
/// A document class in the manner of QuestPDF: it takes its model in the constructor and
/// <see cref="Compose"/> assembles the header, content and footer, each in a short private method.
/// </summary>
public interface IPdfDocument
{
    DocumentSpec Compose();
}
