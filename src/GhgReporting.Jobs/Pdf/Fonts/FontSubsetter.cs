using System.Runtime.InteropServices;
using HarfBuzzSharp;
using static GhgReporting.Jobs.Pdf.Fonts.HarfBuzzSubsetNative;

namespace GhgReporting.Jobs.Pdf.Fonts;

/// <summary>
/// Cuts a TrueType font down to the glyphs of the given code points, with HarfBuzz's hb_subset.
/// SkiaSharp's PDF backend embeds a typeface's font file whole (about 390 KB for DejaVu Sans), so a
/// document is rendered with a typeface made from the subset instead.
/// </summary>
/// <remarks>
/// The source face is parsed and preprocessed once (hb_subset_preprocess) and then only read, which
/// HarfBuzz allows from several threads at once. What the subset keeps: the glyphs of the code points
/// plus .notdef; outlines, advances and vertical metrics unchanged, so text measured with the whole font
/// fits exactly when drawn with the subset. What it drops: hinting and the gasp table that tunes it,
/// the layout tables (GSUB, GPOS, GDEF; text is drawn glyph by glyph, never shaped) and the name-table
/// entries other than ids 0–6 and the licence (13, 14), which travel with every embedded copy as the
/// Bitstream Vera licence asks.
/// </remarks>
public sealed class FontSubsetter : IDisposable
{
    private static readonly string[] DroppedTables = ["GSUB", "GPOS", "GDEF", "gasp"];
    private static readonly uint[] KeptNameIds = [0, 1, 2, 3, 4, 5, 6, 13, 14];

    private readonly Blob blob;
    private readonly Face face;
    private readonly IntPtr preprocessedFace;
    private bool disposed;

    public FontSubsetter(byte[] fontFile)
    {
        ArgumentNullException.ThrowIfNull(fontFile);
        blob = NativeCopy(fontFile);
        blob.MakeImmutable();
        face = new Face(blob, 0);
        face.MakeImmutable();
        preprocessedFace = hb_subset_preprocess(face.Handle);
        if (preprocessedFace == IntPtr.Zero)
            throw new InvalidOperationException("HarfBuzz could not preprocess the font for subsetting.");
    }

    /// <summary>
    /// A blob over a native copy of the font, freed when HarfBuzz drops its last reference. Not
    /// Blob.FromStream: in HarfBuzzSharp 8.3.1 it hands HarfBuzz the address of a managed array that is
    /// pinned only while the blob is created, so a later garbage collection could move the font under
    /// HarfBuzz (seen here as crashes in glyf subsetting and as stray bytes in subsets).
    /// </summary>
    private static unsafe Blob NativeCopy(byte[] fontFile)
    {
        var length = (nuint)fontFile.Length;
        var data = NativeMemory.Alloc(length);
        fontFile.AsSpan().CopyTo(new Span<byte>(data, fontFile.Length));
        return new Blob((IntPtr)data, fontFile.Length, MemoryMode.ReadOnly, () => NativeMemory.Free(data));
    }

    /// <summary>Number of glyphs in the whole font.</summary>
    public int GlyphCount => face.GlyphCount;

    /// <summary>Returns the bytes of a TrueType font holding only the glyphs of <paramref name="codePoints"/>.</summary>
    public byte[] Subset(IEnumerable<int> codePoints)
    {
        ArgumentNullException.ThrowIfNull(codePoints);
        ObjectDisposedException.ThrowIf(disposed, this);
        var input = hb_subset_input_create_or_fail();
        if (input == IntPtr.Zero)
            throw new InvalidOperationException("HarfBuzz could not allocate a subset input.");
        try
        {
            Configure(input, codePoints);
            return Execute(input);
        }
        finally
        {
            hb_subset_input_destroy(input);
        }
    }

    private static void Configure(IntPtr input, IEnumerable<int> codePoints)
    {
        var unicodes = hb_subset_input_unicode_set(input);
        foreach (var codePoint in codePoints)
            hb_set_add(unicodes, (uint)codePoint);

        var dropTables = hb_subset_input_set(input, SetDropTableTag);
        foreach (var table in DroppedTables)
            hb_set_add(dropTables, Tag(table));

        var nameIds = hb_subset_input_set(input, SetNameId);
        foreach (var nameId in KeptNameIds)
            hb_set_add(nameIds, nameId);

        hb_subset_input_set_flags(input, FlagNoHinting | FlagNoLayoutClosure);
    }

    private byte[] Execute(IntPtr input)
    {
        var subsetFace = hb_subset_or_fail(preprocessedFace, input);
        if (subsetFace == IntPtr.Zero)
            throw new InvalidOperationException("HarfBuzz could not subset the font.");
        try
        {
            var subsetBlob = hb_face_reference_blob(subsetFace);
            try
            {
                var data = hb_blob_get_data(subsetBlob, out var length);
                var bytes = new byte[length];
                Marshal.Copy(data, bytes, 0, (int)length);
                return bytes;
            }
            finally
            {
                hb_blob_destroy(subsetBlob);
            }
        }
        finally
        {
            hb_face_destroy(subsetFace);
        }
    }

    public void Dispose()
    {
        if (disposed)
            return;
        disposed = true;
        hb_face_destroy(preprocessedFace);
        face.Dispose();
        blob.Dispose();
    }
}
