using GhgReporting.Calc.Units;

namespace GhgReporting.Calc.Factors;

/// <summary>
/// An activity type of the catalog's vocabulary (<c>fuel:gas-diesel-oil</c>, <c>electricity:grid</c>,
/// <c>waste:composting-wet</c>, …): which method computes it, for which gases, from amounts of which
/// dimensions, in which GPC categories.
/// </summary>
public sealed record ActivityTypeDefinition(
    string Name,
    string Method,
    IReadOnlyList<Gas> Gases,
    IReadOnlyList<Dimension> Dimensions,
    IReadOnlyList<string> GpcPatterns,
    bool BiogenicCo2,
    CarbonOrigin Ch4Origin,
    string Description,
    string Source,
    string DatasetId,
    string DatasetVersion);

/// <summary>An activity type as a record names it: <c>fuel:motor-gasoline@oxidation-catalyst</c> is the
/// type <c>fuel:motor-gasoline</c> with the variant <c>oxidation-catalyst</c>.</summary>
public readonly record struct ActivityKey(string Type, string? Variant)
{
    public const char VariantSeparator = '@';

    public static ActivityKey Parse(string text)
    {
        var trimmed = text.Trim();
        var at = trimmed.IndexOf(VariantSeparator);
        return at < 0
            ? new ActivityKey(trimmed.ToLowerInvariant(), null)
            : new ActivityKey(trimmed[..at].Trim().ToLowerInvariant(), trimmed[(at + 1)..].Trim().ToLowerInvariant());
    }

    public override string ToString() => Variant is null ? Type : $"{Type}{VariantSeparator}{Variant}";
}
