using System.Text;
using GhgReporting.Jobs.Pdf;
using GhgReporting.Jobs.Pdf.Fonts;
using SkiaSharp;

namespace GhgReporting.Jobs.Tests.Pdf;

public class FontSubsetterTests
{
    private const string Cities = "Hải Phòng, Đà Nẵng, Surabaya";

    private static int[] CodePoints(string text) => text.EnumerateRunes().Select(r => r.Value).Distinct().ToArray();

    private static SKTypeface Typeface(byte[] font)
    {
        using var data = SKData.CreateCopy(font);
        return SKTypeface.FromData(data);
    }

    [Fact]
    public void Subset_CityNames_KeepsTheirGlyphsAndNoOthers()
    {
        using var subsetter = new FontSubsetter(EmbeddedFonts.FontFile(FontWeight.Regular));

        using var subset = Typeface(subsetter.Subset(CodePoints(Cities)));

        CodePoints(Cities).Should().AllSatisfy(cp => subset.ContainsGlyph(cp).Should().BeTrue($"U+{cp:X4} is used"));
        subset.ContainsGlyph('Z').Should().BeFalse();
        subset.ContainsGlyph('ơ').Should().BeFalse();
        // Used glyphs, .notdef, and the components of composite glyphs (a, hook above, …).
        subset.GlyphCount.Should().BeLessThan(2 * CodePoints(Cities).Length + 1);
    }

    [Fact]
    public void Subset_CityNames_IsAFewPercentOfTheWholeFont()
    {
        var whole = EmbeddedFonts.FontFile(FontWeight.Regular);
        using var subsetter = new FontSubsetter(whole);

        var subset = subsetter.Subset(CodePoints(Cities));

        subset.Length.Should().BeLessThan(whole.Length / 20, "the whole DejaVu Sans is ~740 KB; 25 glyphs and the name table are a few KB");
    }

    [Theory]
    [InlineData(FontWeight.Regular)]
    [InlineData(FontWeight.Bold)]
    public void Subset_AnyText_KeepsAdvanceWidthsSoLayoutStillFits(FontWeight weight)
    {
        using var subsetter = new FontSubsetter(EmbeddedFonts.FontFile(weight));
        using var subset = Typeface(subsetter.Subset(CodePoints(Cities)));
        using var subsetFont = new SKFont(subset, 9.5f) { Hinting = SKFontHinting.None, Subpixel = true, LinearMetrics = true };
        using var wholeFont = new SKFont(EmbeddedFonts.Whole.Get(weight), 9.5f) { Hinting = SKFontHinting.None, Subpixel = true, LinearMetrics = true };

        subsetFont.MeasureText(Cities).Should().Be(wholeFont.MeasureText(Cities));
        subsetFont.Metrics.Ascent.Should().Be(wholeFont.Metrics.Ascent);
        subsetFont.Metrics.Descent.Should().Be(wholeFont.Metrics.Descent);
    }

    [Fact]
    public void Subset_AnyText_KeepsTheFontsLicenceInItsNameTable()
    {
        // Bitstream Vera licence: the notice goes with every copy; name id 13 opens with this sentence.
        using var subsetter = new FontSubsetter(EmbeddedFonts.FontFile(FontWeight.Regular));

        var subset = subsetter.Subset(CodePoints("a"));

        var utf16 = Encoding.BigEndianUnicode.GetBytes("DejaVu changes are in public domain");
        subset.AsSpan().IndexOf(utf16).Should().BeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public void Subset_SameCodePointsFromManyThreads_GivesTheSameBytes()
    {
        // A stored report keeps its SHA-256, so equal documents must embed equal fonts; the subsetter is shared by all jobs.
        using var subsetter = new FontSubsetter(EmbeddedFonts.FontFile(FontWeight.Bold));
        var expected = subsetter.Subset(CodePoints(Cities));

        var subsets = new byte[64][];
        Parallel.For(0, subsets.Length, i => subsets[i] = subsetter.Subset(CodePoints(Cities)));

        subsets.Should().AllSatisfy(s => s.Should().Equal(expected));
    }

    [Fact]
    public async Task New_WhileTheGarbageCollectorRuns_ReadsTheFontIntact()
    {
        // HarfBuzz reads the font file while it preprocesses it; those bytes must not be managed memory the GC
        // may free and reuse meanwhile (HarfBuzzSharp's Blob.FromStream did that: crashes and stray bytes).
        using var reference = new FontSubsetter(EmbeddedFonts.FontFile(FontWeight.Regular));
        var expected = reference.Subset(CodePoints(Cities));
        using var stop = new CancellationTokenSource();
        var collector = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                GC.KeepAlive(Enumerable.Repeat((byte)0xFF, 1 << 20).ToArray());
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            }
        });

        var subsets = new byte[16][];
        Parallel.For(0, subsets.Length, i =>
        {
            using var subsetter = new FontSubsetter(EmbeddedFonts.FontFile(FontWeight.Regular));
            subsets[i] = subsetter.Subset(CodePoints(Cities));
        });
        stop.Cancel();
        await collector;

        subsets.Should().AllSatisfy(s => s.Should().Equal(expected));
    }

    [Fact]
    public void LicenceText_EmbeddedWithTheFonts_CitesBitstreamVera()
    {
        EmbeddedFonts.LicenceText().Should().Contain("Bitstream Vera").And.Contain("DejaVu");
    }
}
