using GhgReporting.Data.Entities;
using GhgReporting.Data.Inventories;

namespace GhgReporting.Api.Apis;

public sealed record NotationKeyRequest(string GpcReference, string Key, string Explanation);

public sealed record CalculateRequest(string? GwpSet, bool? Ch4ByOrigin, string? CatalogHash, IReadOnlyList<NotationKeyRequest>? NotationKeys);

/// <summary>What identifies an inventory version and what it was made from.</summary>
public sealed record InventoryVersionSummary(
    string CityId, int Year, int Version, string State, string GwpSet, bool Ch4ByOrigin,
    string CatalogName, string CatalogHash, IReadOnlyList<string> DatasetVersions, IReadOnlyList<Guid> SubmissionIds, long RecordCount,
    decimal BasicCo2e, decimal BasicPlusCo2e, decimal TerritorialCo2e, decimal BiogenicCo2,
    DateTimeOffset CalculatedAt, DateTimeOffset? PublishedAt)
{
    public static InventoryVersionSummary From(InventoryVersion v) => new(
        v.CityId, v.Year, v.Version, v.PublishedAt is null ? "draft" : "published", v.GwpSet, v.Ch4ByOrigin,
        v.CatalogName, v.CatalogHash, v.DatasetVersions, v.SubmissionIds, v.RecordCount,
        v.BasicCo2e, v.BasicPlusCo2e, v.TerritorialCo2e, v.BiogenicCo2, v.CalculatedAt, v.PublishedAt);
}

/// <summary>One row of the GPC table: tonnes per gas (null where the category shows a notation key or the
/// gas is not estimated) and CO2e, all in tonnes.</summary>
public sealed record GpcRow(
    string GpcReference, string Sector, string SubSector, int Scope,
    decimal? Co2, decimal? Ch4, decimal? N2o, decimal Co2e, decimal BiogenicCo2,
    string? NotationKey, string? NotationExplanation, string? DataQuality, bool InBasic, bool InBasicPlus)
{
    public static GpcRow From(InventoryFigure f) => new(f.GpcReference, f.Sector, f.SubSector, f.Scope, f.Co2, f.Ch4, f.N2o, f.Co2e, f.BiogenicCo2,
        f.NotationKey, f.NotationExplanation, f.DataQuality, f.InBasic, f.InBasicPlus);
}

/// <summary>An inventory version as the GPC table with its totals (tonnes; CO2e under the version's GWP set).</summary>
public sealed record InventoryResponse(
    InventoryVersionSummary Version,
    IReadOnlyList<TotalDocument> Totals,
    IReadOnlyList<GpcRow> Table,
    IReadOnlyList<GwpValueUsed> GwpValues,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<LineSummary> Lines);

/// <summary>A line of the inventory in short; its trace is at <see cref="TraceUrl"/>.</summary>
public sealed record LineSummary(int Line, string GpcReference, string ActivityType, decimal Amount, string Unit, long RecordCount, decimal Co2e, string TraceUrl);

public sealed record LineTraceResponse(InventoryVersionSummary Version, InventoryLineDocument Line, string RecordsUrl);

public sealed record SeriesPoint(int Year, int Version, string State, decimal BasicCo2e, decimal BasicPlusCo2e, decimal TerritorialCo2e,
    IReadOnlyDictionary<string, decimal> BasicCo2eBySector);

public sealed record SeriesResponse(string CityId, string Basis, IReadOnlyList<SeriesPoint> Points);

/// <summary>The full export: the summary, the GPC table, the totals and every line with its trace.</summary>
public sealed record InventoryExport(InventoryVersionSummary Version, IReadOnlyList<GpcRow> Table, InventoryDocument Document, IReadOnlyList<NotationKeyRequest> NotationKeys);
