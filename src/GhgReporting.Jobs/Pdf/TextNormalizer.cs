using System.Text;
using HarfBuzzSharp;

namespace GhgReporting.Jobs.Pdf;

/// <summary>
/// Text as it is measured and drawn: in Unicode normalisation form C (composed). "Hải Phòng" may
/// arrive decomposed (a + U+0309 hook above); DejaVu Sans has the precomposed glyphs, and text drawn
/// glyph by glyph without shaping would misplace combining marks.
/// </summary>
/// <remarks>
/// <see cref="string.Normalize()"/> does nothing under InvariantGlobalization (Directory.Build.props),
/// so this composes with the Unicode data of HarfBuzz, which ships with SkiaSharp anyway: full
/// canonical decomposition, canonical ordering of combining marks, canonical composition (UAX #15).
/// Composition exclusions are left to HarfBuzz's compose table, which already omits them.
/// </remarks>
public static class TextNormalizer
{
    private static readonly UnicodeFunctions Unicode = UnicodeFunctions.Default;

    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Ascii.IsValid(text) || !HasCombiningMarks(text))
            return text;
        var decomposed = new List<int>(text.Length);
        foreach (var rune in text.EnumerateRunes())
            Decompose(rune.Value, decomposed);
        OrderMarks(decomposed);
        var builder = new StringBuilder(text.Length);
        foreach (var codePoint in Compose(decomposed))
            builder.Append(char.ConvertFromUtf32(codePoint));
        return builder.ToString();
    }

    /// <summary>Text without combining marks is taken as already composed (no precomposed letter decomposes to a lone base).</summary>
    private static bool HasCombiningMarks(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (CombiningClass(rune.Value) != 0)
                return true;
        }
        return false;
    }

    private static void Decompose(int codePoint, List<int> output)
    {
        if (Unicode.TryDecompose(codePoint, out var first, out var second))
        {
            Decompose(first, output);
            if (second != 0)
                Decompose(second, output);
            return;
        }
        output.Add(codePoint);
    }

    /// <summary>Sorts each run of combining marks by combining class, keeping the order of equal classes.</summary>
    private static void OrderMarks(List<int> codePoints)
    {
        for (var start = 0; start < codePoints.Count; start++)
        {
            if (CombiningClass(codePoints[start]) == 0)
                continue;
            var end = start;
            while (end < codePoints.Count && CombiningClass(codePoints[end]) != 0)
                end++;
            var sorted = codePoints.GetRange(start, end - start).OrderBy(CombiningClass).ToList();
            codePoints.RemoveRange(start, end - start);
            codePoints.InsertRange(start, sorted);
            start = end;
        }
    }

    /// <summary>
    /// Combines each mark with the last starter unless a mark of the same or a higher class, or a
    /// starter, stands between them.
    /// </summary>
    private static List<int> Compose(List<int> codePoints)
    {
        var result = new List<int>(codePoints.Count);
        var starter = -1;
        var lastClass = -1; // -1: nothing appended since the starter
        foreach (var codePoint in codePoints)
        {
            var combiningClass = CombiningClass(codePoint);
            var blocked = lastClass != -1 && lastClass >= combiningClass;
            if (starter >= 0 && !blocked && Unicode.TryCompose(result[starter], codePoint, out var composed))
            {
                result[starter] = composed;
                continue;
            }
            if (combiningClass == 0)
            {
                starter = result.Count;
                lastClass = -1;
            }
            else
            {
                lastClass = combiningClass;
            }
            result.Add(codePoint);
        }
        return result;
    }

    private static int CombiningClass(int codePoint) => (int)Unicode.GetCombiningClass(codePoint);
}
