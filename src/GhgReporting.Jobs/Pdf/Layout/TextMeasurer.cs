using GhgReporting.Jobs.Pdf.Fonts;

namespace GhgReporting.Jobs.Pdf.Layout;

/// <summary>
/// Measures and wraps text with the whole embedded fonts. One instance per layout pass (it caches
/// <see cref="SkiaSharp.SKFont"/>s, which are not shared between threads).
/// </summary>
public sealed class TextMeasurer : IDisposable
{
    private const char Ellipsis = '…';
    private readonly FontCache fonts;

    public TextMeasurer()
        : this(EmbeddedFonts.Whole)
    {
    }

    internal TextMeasurer(FontSet fontSet) => fonts = new FontCache(fontSet);

    /// <summary>Advance width of <paramref name="text"/> on one line, in points.</summary>
    public float Width(string text, TextStyle style) => fonts.Get(style).MeasureText(TextNormalizer.Normalize(text));

    /// <summary>Distance from the top of a line box (<see cref="TextStyle.LineAdvance"/> tall) to its baseline.</summary>
    public float BaselineOffset(TextStyle style)
    {
        var metrics = fonts.Get(style).Metrics;
        var ascent = -metrics.Ascent;
        var halfLeading = (style.LineAdvance - (ascent + metrics.Descent)) / 2;
        return halfLeading + ascent;
    }

    /// <summary>
    /// Breaks <paramref name="text"/> into lines no wider than <paramref name="maxWidth"/>: at spaces,
    /// and at every '\n'. A word wider than a whole line is cut where it overflows. Runs of spaces
    /// collapse to one; an empty text has no lines.
    /// </summary>
    public IReadOnlyList<string> Wrap(string text, TextStyle style, float maxWidth)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (maxWidth <= 0)
            throw new ArgumentOutOfRangeException(nameof(maxWidth), maxWidth, "A line must have a positive width.");

        var font = fonts.Get(style);
        var spaceWidth = font.MeasureText(" ");
        var lines = new List<string>();
        var paragraphs = TextNormalizer.Normalize(text).ReplaceLineEndings("\n").Split('\n');
        if (paragraphs is [""])
            return lines;

        foreach (var paragraph in paragraphs)
        {
            var line = new List<string>();
            var lineWidth = 0f;
            foreach (var word in paragraph.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            {
                var wordWidth = font.MeasureText(word);
                var widthWithWord = line.Count == 0 ? wordWidth : lineWidth + spaceWidth + wordWidth;
                if (widthWithWord <= maxWidth)
                {
                    line.Add(word);
                    lineWidth = widthWithWord;
                    continue;
                }
                if (line.Count > 0)
                    lines.Add(string.Join(' ', line));
                line.Clear();
                lineWidth = 0;
                var rest = word;
                while (font.MeasureText(rest) > maxWidth)
                {
                    var take = FittingLength(rest, style, maxWidth);
                    lines.Add(rest[..take]);
                    rest = rest[take..];
                }
                line.Add(rest);
                lineWidth = font.MeasureText(rest);
            }
            lines.Add(string.Join(' ', line));
        }
        return lines;
    }

    /// <summary>The text on one line, cut with an ellipsis if it is wider than <paramref name="maxWidth"/>.</summary>
    public string Truncate(string text, TextStyle style, float maxWidth)
    {
        var normalized = TextNormalizer.Normalize(text).ReplaceLineEndings(" ");
        var font = fonts.Get(style);
        if (font.MeasureText(normalized) <= maxWidth)
            return normalized;
        var room = Math.Max(0, maxWidth - font.MeasureText(Ellipsis.ToString()));
        return normalized[..FittingLength(normalized, style, room, allowEmpty: true)].TrimEnd() + Ellipsis;
    }

    /// <summary>
    /// How many UTF-16 units of <paramref name="text"/> fit in <paramref name="maxWidth"/> (SKFont.BreakText),
    /// never splitting a surrogate pair and, unless <paramref name="allowEmpty"/>, at least one character
    /// so that wrapping always advances.
    /// </summary>
    private int FittingLength(string text, TextStyle style, float maxWidth, bool allowEmpty = false)
    {
        var count = (int)fonts.Get(style).BreakText(text, maxWidth, out _);
        if (count > 0 && count < text.Length && char.IsLowSurrogate(text[count]))
            count--;
        if (count == 0 && !allowEmpty)
            count = char.IsSurrogatePair(text, 0) ? 2 : 1;
        return count;
    }

    public void Dispose() => fonts.Dispose();
}
