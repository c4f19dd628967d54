using System.Security.Cryptography;
using System.Text;

namespace GhgReporting.Calc.Factors;

/// <summary>A dataset of the catalog as the manifest lists it.</summary>
public sealed record DatasetInfo(string Id, string Version, string Kind, string File, string Title, string? Publisher, string? Document);

/// <summary>
/// Which factors produced a result: the catalog's content hash and dataset versions, and the hash
/// of the city's own factors when it has any. Every inventory carries one.
/// </summary>
public sealed record CatalogStamp(string CatalogName, string ContentHash, IReadOnlyList<string> DatasetVersions, string? CityFactorsHash)
{
    public override string ToString() =>
        $"{CatalogName} sha256:{ContentHash[..12]}… [{string.Join(", ", DatasetVersions)}]" +
        (CityFactorsHash is null ? "" : $" + city factors sha256:{CityFactorsHash[..12]}…");
}

/// <summary>
/// The emission-factor catalog: factor rows, the activity-type vocabulary and the GWP sets, loaded
/// from <c>emission-factors/</c> (see <see cref="CatalogLoader"/>), optionally with one city's own
/// factors on top. Immutable; lookups never pick between equal candidates silently.
/// </summary>
public sealed class FactorCatalog
{
    private readonly ILookup<(string Parameter, Gas? Gas), Factor> _byParameter;

    internal FactorCatalog(
        string name,
        string contentHash,
        IReadOnlyList<DatasetInfo> datasets,
        IReadOnlyList<Factor> factors,
        IReadOnlyDictionary<string, ActivityTypeDefinition> activityTypes,
        IReadOnlyDictionary<string, GwpSet> gwpSets,
        string? cityId = null,
        string? cityFactorsHash = null)
    {
        Name = name;
        ContentHash = contentHash;
        Datasets = datasets;
        Factors = factors;
        ActivityTypes = activityTypes;
        GwpSets = gwpSets;
        CityId = cityId;
        CityFactorsHash = cityFactorsHash;
        _byParameter = factors.ToLookup(f => (f.Parameter, f.Gas));
    }

    public string Name { get; }

    /// <summary>SHA-256 (hex) of the manifest and every file it lists; any edit changes it.</summary>
    public string ContentHash { get; }

    public IReadOnlyList<DatasetInfo> Datasets { get; }

    public IReadOnlyList<Factor> Factors { get; }

    public IReadOnlyDictionary<string, ActivityTypeDefinition> ActivityTypes { get; }

    public IReadOnlyDictionary<string, GwpSet> GwpSets { get; }

    /// <summary>The city whose own factors are layered on top, if any.</summary>
    public string? CityId { get; }

    public string? CityFactorsHash { get; }

    public CatalogStamp Stamp => new(
        Name,
        ContentHash,
        Datasets.Select(d => $"{d.Id}@{d.Version}").ToList(),
        CityFactorsHash);

    /// <summary>
    /// This catalog with a city's own factors on top (e.g. a local grid factor). They apply only to
    /// that city and win over catalog rows for the same lookup. Each must carry a citation.
    /// </summary>
    /// <exception cref="CatalogFormatException">A city factor has no source, or breaks the format.</exception>
    public FactorCatalog WithCityFactors(string cityId, IReadOnlyList<Factor> cityFactors)
    {
        if (CityId is not null) throw new InvalidOperationException($"This catalog already carries the factors of city {CityId}.");
        var problems = new List<string>();
        var stamped = new List<Factor>(cityFactors.Count);
        foreach (var f in cityFactors)
        {
            if (string.IsNullOrWhiteSpace(f.Source))
                problems.Add($"city factor {f.Id}: a city's own factor needs a citation in 'source' (document, table, year).");
            if (Factors.Any(c => c.Id == f.Id))
                problems.Add($"city factor {f.Id}: the id is already used by the catalog; choose another.");
            stamped.Add(f with { CityId = cityId });
        }
        if (problems.Count > 0) throw new CatalogFormatException(problems);
        CatalogValidation.ThrowIfOverlapping(stamped);

        return new FactorCatalog(Name, ContentHash, Datasets, [.. Factors, .. stamped], ActivityTypes, GwpSets,
            cityId, HashCityFactors(cityId, stamped));
    }

    /// <summary>The variants the catalog knows for an activity type (from rows written for it or its family).</summary>
    public IReadOnlySet<string> VariantsOf(string activityType) =>
        Factors.Where(f => f.Variant is not null && f.AppliesToActivity(activityType))
            .Select(f => f.Variant!)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The one factor that applies. Precedence: the city's own factor, then sub-national region, then
    /// country, then IPCC default (<c>*</c>); then the exact activity over its family, the exact variant
    /// over "any", the longest GPC prefix, the exact climate over "any". Equal best candidates are an
    /// error, never a silent choice.
    /// </summary>
    /// <exception cref="MissingFactorException">Nothing applies.</exception>
    /// <exception cref="AmbiguousFactorException">Two or more apply equally.</exception>
    public Factor Resolve(FactorQuery query, CityContext city)
    {
        var regions = city.RegionsMostSpecificFirst().ToList();
        Factor? best = null;
        (int, int, int, int, int) bestScore = default;
        var ties = new List<Factor>();

        foreach (var f in _byParameter[(query.Parameter, query.Gas)])
        {
            if (!f.AppliesToActivity(query.Activity.Type) || !f.IsValidIn(query.Year)) continue;
            if (f.Variant is not null && f.Variant != query.Activity.Variant) continue;
            if (f.Climate is not null && f.Climate != city.Climate) continue;
            var gpc = f.GpcSpecificity(query.GpcReference);
            if (gpc < 0) continue;
            int regionRank;
            if (f.CityId is not null)
            {
                if (f.CityId != city.CityId) continue;
                regionRank = regions.Count + 1;
            }
            else
            {
                var at = regions.IndexOf(f.Region);
                if (at < 0) continue;
                regionRank = regions.Count - at;
            }

            var score = (regionRank, f.Activity.EndsWith('*') ? 0 : 1, f.Variant is null ? 0 : 1, gpc, f.Climate is null ? 0 : 1);
            if (best is null || score.CompareTo(bestScore) > 0)
            {
                best = f;
                bestScore = score;
                ties.Clear();
            }
            else if (score.CompareTo(bestScore) == 0)
            {
                ties.Add(f);
            }
        }

        if (best is null) throw new MissingFactorException(DescribeMissing(query, city));
        if (ties.Count > 0)
        {
            throw new AmbiguousFactorException(
                $"Several factors apply equally to {query} in region {string.Join("/", regions)}: " +
                $"{string.Join(", ", new[] { best }.Concat(ties).Select(f => f.Id))}. Narrow their validity, variant or GPC sub-sector in the catalog.");
        }
        return best;
    }

    private string DescribeMissing(FactorQuery query, CityContext city)
    {
        var where = $"region {string.Join(" / ", city.RegionsMostSpecificFirst())}";
        var sameActivity = _byParameter[(query.Parameter, query.Gas)].Where(f => f.AppliesToActivity(query.Activity.Type)).ToList();
        var message = $"No factor {query} in {where}";
        if (query.Parameter == "k" && city.Climate is null) return message + ": the city has no IPCC climate zone, which the decay rate k depends on; set it.";
        if (sameActivity.Count == 0) return message + $": the catalog has no '{query.Parameter}' for {query.Activity.Type} at all. A city may add its own factor with a citation.";

        var hints = new List<string>();
        var variants = sameActivity.Where(f => f.Variant is not null).Select(f => f.Variant!).Distinct().ToList();
        if (query.Activity.Variant is null && variants.Count > 0)
            hints.Add($"it is given only per variant ({string.Join(", ", variants)}): write the activity type as {query.Activity.Type}@{variants[0]}");
        var regions = sameActivity.Select(f => f.CityId is null ? f.Region : "city " + f.CityId).Distinct().ToList();
        hints.Add($"the catalog has it for {string.Join(", ", regions)}");
        var years = sameActivity.Where(f => f.ValidFrom is not null || f.ValidTo is not null)
            .Select(f => $"{f.ValidFrom?.ToString() ?? "…"}–{f.ValidTo?.ToString() ?? "…"}").Distinct().ToList();
        if (years.Count > 0) hints.Add($"valid in {string.Join(", ", years)}");
        return message + ": " + string.Join("; ", hints) + ". A city may add its own factor with a citation.";
    }

    private static string HashCityFactors(string cityId, IEnumerable<Factor> factors)
    {
        var text = new StringBuilder(cityId).Append('\n');
        foreach (var f in factors.OrderBy(f => f.Id, StringComparer.Ordinal))
        {
            text.AppendJoin('|', f.Id, f.Parameter, f.Activity, f.Variant, string.Join(';', f.GpcPrefixes), f.Gas?.Symbol(),
                    f.Value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), f.Value.Unit.Symbol, f.Region, f.Climate,
                    f.ValidFrom, f.ValidTo, f.Source, f.SourceRef, f.Notes)
                .Append('\n');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
