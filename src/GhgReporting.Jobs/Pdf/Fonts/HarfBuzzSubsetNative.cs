using System.Runtime.InteropServices;

namespace GhgReporting.Jobs.Pdf.Fonts;

/// <summary>
/// HarfBuzz's subsetter (hb-subset.h). HarfBuzzSharp does not wrap it, but the native library it ships,
/// libHarfBuzzSharp.so (package HarfBuzzSharp.NativeAssets.Linux), exports these functions.
/// Signatures follow harfbuzz 8.3.1; every handle is an opaque pointer owned by HarfBuzz.
/// </summary>
internal static partial class HarfBuzzSubsetNative
{
    private const string Library = "libHarfBuzzSharp";

    /// <summary>hb_subset_flags_t: drop hinting instructions (PDF viewers rasterise without them).</summary>
    public const uint FlagNoHinting = 0x1;

    /// <summary>hb_subset_flags_t: do not add glyphs reachable through GSUB (ligatures, alternates); we never shape.</summary>
    public const uint FlagNoLayoutClosure = 0x200;

    /// <summary>hb_subset_sets_t: table tags to drop.</summary>
    public const int SetDropTableTag = 3;

    /// <summary>hb_subset_sets_t: name-table ids to keep.</summary>
    public const int SetNameId = 4;

    [LibraryImport(Library)]
    public static partial IntPtr hb_subset_input_create_or_fail();

    [LibraryImport(Library)]
    public static partial void hb_subset_input_destroy(IntPtr input);

    [LibraryImport(Library)]
    public static partial IntPtr hb_subset_input_unicode_set(IntPtr input);

    [LibraryImport(Library)]
    public static partial IntPtr hb_subset_input_set(IntPtr input, int setType);

    [LibraryImport(Library)]
    public static partial void hb_subset_input_set_flags(IntPtr input, uint flags);

    [LibraryImport(Library)]
    public static partial void hb_set_add(IntPtr set, uint codepoint);

    /// <summary>Returns a new face (to destroy), or null on failure.</summary>
    [LibraryImport(Library)]
    public static partial IntPtr hb_subset_or_fail(IntPtr sourceFace, IntPtr input);

    /// <summary>Attaches the subsetting accelerator to a new face, so later subsets of it are cheaper.</summary>
    [LibraryImport(Library)]
    public static partial IntPtr hb_subset_preprocess(IntPtr sourceFace);

    [LibraryImport(Library)]
    public static partial IntPtr hb_face_reference_blob(IntPtr face);

    [LibraryImport(Library)]
    public static partial void hb_face_destroy(IntPtr face);

    [LibraryImport(Library)]
    public static partial IntPtr hb_blob_get_data(IntPtr blob, out uint length);

    [LibraryImport(Library)]
    public static partial void hb_blob_destroy(IntPtr blob);

    public static uint Tag(string tag) => (uint)(tag[0] << 24 | tag[1] << 16 | tag[2] << 8 | tag[3]);
}
