using UglyToad.PdfPig;

namespace GhgReporting.Jobs.Tests.Pdf;

/// <summary>Reads a generated PDF back with PdfPig: what a reader's viewer would extract.</summary>
internal sealed record PdfReadBack(IReadOnlyList<string> PageTexts, IReadOnlyList<string> FontNames, int ImageCount)
{
    public int PageCount => PageTexts.Count;

    public static PdfReadBack Of(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().ToList();
        return new PdfReadBack(
            pages.Select(p => p.Text).ToList(),
            pages.SelectMany(p => p.Letters).Select(l => l.FontName ?? "(none)").Distinct().ToList(),
            pages.Sum(p => p.GetImages().Count()));
    }

    /// <summary>How often <paramref name="value"/> occurs in the text of a page.</summary>
    public int Occurrences(int pageNumber, string value)
    {
        var text = PageTexts[pageNumber - 1];
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
            count++;
        return count;
    }
}
