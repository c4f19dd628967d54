using SkiaSharp;

namespace GhgReporting.Jobs.Pdf.Fonts;

/// <summary>
/// DejaVu Sans and DejaVu Sans Bold, compiled into this assembly (Fonts/*.ttf, licence in
/// Fonts/LICENSE.txt), so a report never depends on the fonts installed on the worker. Each file is read
/// once per process; its whole typeface measures text in the layout pass and its subsetter makes the
/// per-document subsets drawn in the render pass.
/// </summary>
public static class EmbeddedFonts
{
    private const string ResourcePrefix = "GhgReporting.Jobs.Fonts.";

    private static readonly Lazy<EmbeddedFace> RegularFace = new(() => EmbeddedFace.Load("DejaVuSans.ttf"));
    private static readonly Lazy<EmbeddedFace> BoldFace = new(() => EmbeddedFace.Load("DejaVuSans-Bold.ttf"));
    private static readonly Lazy<FontSet> WholeFonts = new(() => FontSet.Borrowed(RegularFace.Value.Typeface, BoldFace.Value.Typeface));

    /// <summary>The whole typefaces, shared by every layout pass; never disposed.</summary>
    public static FontSet Whole => WholeFonts.Value;

    /// <summary>The bytes of the embedded font file of <paramref name="weight"/>.</summary>
    public static byte[] FontFile(FontWeight weight) => Face(weight).File;

    /// <summary>The licence text of the embedded fonts.</summary>
    public static string LicenceText()
    {
        using var reader = new StreamReader(OpenResource("LICENSE.txt"));
        return reader.ReadToEnd();
    }

    /// <summary>Makes typefaces holding only the glyphs listed in <paramref name="usage"/>; the caller disposes them.</summary>
    public static FontSet CreateSubset(GlyphUsage usage)
    {
        ArgumentNullException.ThrowIfNull(usage);
        return FontSet.Owned(
            SubsetTypeface(FontWeight.Regular, usage.CodePoints(FontWeight.Regular)),
            SubsetTypeface(FontWeight.Bold, usage.CodePoints(FontWeight.Bold)));
    }

    private static SKTypeface SubsetTypeface(FontWeight weight, IReadOnlySet<int> codePoints)
    {
        var bytes = Face(weight).Subsetter.Subset(codePoints);
        using var data = SKData.CreateCopy(bytes);
        return SKTypeface.FromData(data)
            ?? throw new InvalidOperationException($"Skia could not load the {weight} font subset ({bytes.Length} bytes).");
    }

    private static EmbeddedFace Face(FontWeight weight) => weight == FontWeight.Bold ? BoldFace.Value : RegularFace.Value;

    private static Stream OpenResource(string name) =>
        typeof(EmbeddedFonts).Assembly.GetManifestResourceStream(ResourcePrefix + name)
        ?? throw new InvalidOperationException($"Embedded resource {ResourcePrefix + name} is missing from {typeof(EmbeddedFonts).Assembly.GetName().Name}.");

    private sealed record EmbeddedFace(byte[] File, SKTypeface Typeface, FontSubsetter Subsetter)
    {
        public static EmbeddedFace Load(string fileName)
        {
            using var stream = OpenResource(fileName);
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var file = buffer.ToArray();
            using var data = SKData.CreateCopy(file);
            var typeface = SKTypeface.FromData(data)
                ?? throw new InvalidOperationException($"Skia could not load the embedded font {fileName}.");
            return new EmbeddedFace(file, typeface, new FontSubsetter(file));
        }
    }
}
