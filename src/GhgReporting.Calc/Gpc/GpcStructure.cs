using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;

namespace GhgReporting.Calc.Gpc;

/// <summary>
/// The GPC reporting structure: sectors I–VI, their sub-sectors, and the reference numbers
/// (sub-sector × scope) under which emissions are reported, each marked with the city-induced
/// totals it counts towards.
/// </summary>
/// <remarks>
/// <para><b>Standard.</b> WRI, C40 and ICLEI, <i>Global Protocol for Community-Scale Greenhouse Gas
/// Emission Inventories</i>, version 1.0 (2014). Chapter 3 defines scopes 1–3; chapter 4 the two
/// ways of adding up, the scopes (territorial) framework and the city-induced framework with its
/// BASIC and BASIC+ levels, and the reporting table of reference numbers; chapters 6–10 the sectors
/// (6 stationary energy, 7 transportation, 8 waste, 9 IPPU, 10 AFOLU). Read in the stored copy at
/// https://issuu.com/ghgprotocol/docs/gpc: page /5 (contents: chapters 8–10 and their sections),
/// /14 (executive summary: scopes framework versus city-induced framework, "Chapter 4 of the GPC
/// sets out reporting requirements"), /58 (§6: stationary energy scope 1 fuel combustion and
/// fugitive emissions, scope 2 grid-supplied energy, scope 3 transmission and distribution
/// losses), /83 (§7.5: waterborne scope 1 and 2). Table 4.1 itself was not in any stored copy.</para>
/// <para><b>Rows, names and scopes</b> were confirmed against Open-Earth-Foundation/CityCatalyst
/// <c>app/src/data/inventory-structure.json</c> at commit 6075f3165761654a530ba636fb13ab19a9e1e381
/// (every reference, its name and scope id; the three scope ids are identified by the rows' own
/// names) and <c>app/src/util/GHGI/data/gpc-reference-table.json</c> at commit
/// d618b35dd3dcac9a1f7d23151c38dc3981f7ef7a (the same references with scope as a number). Both
/// have I.4.2 and I.4.3 (power-plant auxiliary operations) and neither has II.5.3.</para>
/// <para><b>BASIC / BASIC+ rules</b>, confirmed against CityCatalyst:</para>
/// <list type="bullet">
/// <item>BASIC = scopes 1 and 2 of I and II, scopes 1 and 3 of III; BASIC+ adds scope 3 of I and
/// II and scope 1 of IV and V: <c>app/src/util/constants.ts</c> at commit
/// 08f3dff6242313358a2ba2ddc94ab658c3cbb44a (<c>SECTORS[].inventoryTypes</c>). A summary of GPC
/// 1.1 says the same ("BASIC covers scope 1 and 2 from energy and transport, and scope 1 and 3 from
/// waste. BASIC+ includes IPPU, AFOLU, and transboundary transport"):
/// https://altiorem.org/research/global-protocol-for-community-scale-greenhouse-gas-inventories-an-accounting-and-reporting-standard-for-cities-version-1-1</item>
/// <item>I.4.4 is stored for the territorial total and left out of BASIC and BASIC+ (it would count
/// the consumers' scope 2 again): <c>app/src/util/GHGI/reported-totals.ts</c> at commit
/// 1bb8971a4209b59eb9ff94477bdf2b90223438be.</item>
/// <item>BASIC excludes I.4.4 and III.x.3; the scope 1 (territorial) total includes III.x.3;
/// transport scope 3 has no II.5.3: <c>app/src/util/cdp-emissions-crosswalk.ts</c> at commit
/// 81a9bbd4db3542021a6eee36b6e1b01db5ff3e62.</item>
/// <item>In inventory-structure.json every I.x.1, I.x.2, II.x.1, II.x.2, III.x.1, III.x.2 row
/// carries one reporting-level id, every I.x.3 and II.x.3 row a second, and I.4.4 and all III.x.3
/// rows a third; hence III.x.3 is, like I.4.4, in neither total.</item>
/// </list>
/// <para><b>Not confirmed from a source</b> (kept as the GPC is generally read): the wording of
/// GPC Table 4.1 itself; that III.x.3 is outside BASIC+ (inferred from the shared reporting-level
/// id above, whose names were not found); that II.5.3 does not exist in the GPC text (only
/// CityCatalyst confirms it; a C40 data query in some other public repository lists a II.5.3
/// column); the scope of VI.1
/// (CityCatalyst leaves it null; scope 3 by the sector's name). CityCatalyst later deleted its
/// III.x.3 rows (a migration deleting <c>III.%.3</c>), so newer copies of its tables lack them;
/// the GPC and the commit cited above have them. IV and V names and descriptions follow
/// CityCatalyst's sub-sector slugs.</para>
/// <para>The territorial total is every scope 1 row, including I.4.4 and III.x.3.</para>
/// </remarks>
public static class GpcStructure
{
    private static readonly ReadOnlyCollection<GpcSubSector> SubSectorList = Array.AsReadOnly(GpcTable.SubSectors);
    private static readonly ReadOnlyCollection<GpcCategory> CategoryList = Array.AsReadOnly(GpcTable.Categories);

    private static readonly Dictionary<string, GpcCategory> ByReference =
        GpcTable.Categories.ToDictionary(c => c.Reference, StringComparer.Ordinal);

    /// <summary>All sub-sectors, I.1 to VI.1, in GPC order.</summary>
    public static IReadOnlyList<GpcSubSector> SubSectors => SubSectorList;

    /// <summary>All reference numbers, I.1.1 to VI.1, in GPC order.</summary>
    public static IReadOnlyList<GpcCategory> Categories => CategoryList;

    /// <summary>
    /// Finds a category by its exact reference number. Surrounding white space is ignored and the
    /// roman numerals may be in any case ("i.1.1" finds I.1.1); nothing else is forgiven.
    /// </summary>
    public static bool TryGet(string reference, [MaybeNullWhen(false)] out GpcCategory category)
    {
        if (reference is null)
        {
            category = null;
            return false;
        }

        return ByReference.TryGetValue(Normalize(reference), out category);
    }

    /// <summary>Finds a category by its reference number, as <see cref="TryGet"/> does.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="reference"/> is null.</exception>
    /// <exception cref="ArgumentException">No category has that reference number.</exception>
    public static GpcCategory Get(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (TryGet(reference, out var category))
        {
            return category;
        }

        // No parameter name: the message is shown to reporters as it is, without " (Parameter …)".
        throw new ArgumentException(
            $"Unknown GPC reference number '{reference}'. Known references look like I.1.1 … VI.1.");
    }

    /// <summary>The sector's roman numeral, "I" to "VI".</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined sector.</exception>
    public static string SectorNumeral(GpcSector sector) => sector switch
    {
        GpcSector.StationaryEnergy => "I",
        GpcSector.Transportation => "II",
        GpcSector.Waste => "III",
        GpcSector.Ippu => "IV",
        GpcSector.Afolu => "V",
        GpcSector.OtherScope3 => "VI",
        _ => throw new ArgumentOutOfRangeException(nameof(sector), sector, "Not a GPC sector."),
    };

    /// <summary>The sector's GPC name, e.g. "Stationary energy".</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined sector.</exception>
    public static string SectorName(GpcSector sector) => sector switch
    {
        GpcSector.StationaryEnergy => "Stationary energy",
        GpcSector.Transportation => "Transportation",
        GpcSector.Waste => "Waste",
        GpcSector.Ippu => "Industrial processes and product use",
        GpcSector.Afolu => "Agriculture, forestry and other land use",
        GpcSector.OtherScope3 => "Other scope 3",
        _ => throw new ArgumentOutOfRangeException(nameof(sector), sector, "Not a GPC sector."),
    };

    /// <summary>
    /// Whether a reference number fits a pattern of the same number of dot-separated segments,
    /// where a segment "*" stands for any one non-empty segment ("I.*.1" fits I.3.1 but not I.1,
    /// I.1.2 or I.1.1.1). Without "*" the two must be equal. Both are compared as
    /// <see cref="TryGet"/> compares: trimmed, roman numerals in any case. The reference need not
    /// be a known one.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">
    /// The pattern is blank, has an empty segment, or has "*" inside a segment ("I.1*"): these are
    /// mistakes in configuration, better refused than silently matching nothing.
    /// </exception>
    public static bool Matches(string pattern, string reference)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        ArgumentNullException.ThrowIfNull(reference);

        var patternSegments = Normalize(pattern).Split('.');
        foreach (var segment in patternSegments)
        {
            if (segment.Length == 0 || (segment != "*" && segment.Contains('*', StringComparison.Ordinal)))
            {
                throw new ArgumentException(
                    $"GPC reference pattern '{pattern}' is not valid: each segment must be a number, a numeral or '*'.",
                    nameof(pattern));
            }
        }

        var referenceSegments = Normalize(reference).Split('.');
        if (referenceSegments.Length != patternSegments.Length)
        {
            return false;
        }

        for (var i = 0; i < patternSegments.Length; i++)
        {
            var fits = patternSegments[i] == "*"
                ? referenceSegments[i].Length > 0
                : string.Equals(patternSegments[i], referenceSegments[i], StringComparison.Ordinal);
            if (!fits)
            {
                return false;
            }
        }

        return true;
    }

    private static string Normalize(string reference) => reference.Trim().ToUpperInvariant();
}
