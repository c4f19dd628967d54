using System.Text;

namespace GhgReporting.Jobs.Pdf.Fonts;

/// <summary>
/// The code points a document draws, per weight: collected from the layout pass (every text fragment,
/// the page frame, the chart labels) and handed to the subsetter for the render pass.
/// </summary>
public sealed class GlyphUsage
{
    /// <summary>
    /// Added to the regular face of a document with charts, in case ScottPlot formats a label we did not
    /// read back (tick labels are read after a dry render; this only guards the rest).
    /// </summary>
    public const string ChartCharacters = "0123456789.,-+−×%()/:E ";

    private readonly HashSet<int> regular = [];
    private readonly HashSet<int> bold = [];

    public void Add(string? text, FontWeight weight)
    {
        if (string.IsNullOrEmpty(text))
            return;
        var set = weight == FontWeight.Bold ? bold : regular;
        foreach (var rune in TextNormalizer.Normalize(text).EnumerateRunes())
        {
            if (!Rune.IsControl(rune))
                set.Add(rune.Value);
        }
    }

    public IReadOnlySet<int> CodePoints(FontWeight weight) => weight == FontWeight.Bold ? bold : regular;
}
