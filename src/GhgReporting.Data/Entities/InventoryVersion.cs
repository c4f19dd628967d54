namespace GhgReporting.Data.Entities;

/// <summary>
/// One calculated version of a city's inventory for a year: the inputs it was made from (submissions,
/// GWP set, factor catalog, notation keys) are pinned, and once published the version is frozen (a
/// database trigger refuses changes). Later uploads or factor changes make a new version.
/// </summary>
public sealed class InventoryVersion
{
    public Guid Id { get; init; }

    public required string CityId { get; init; }

    public int Year { get; init; }

    public int Version { get; init; }

    public required string GwpSet { get; init; }

    public bool Ch4ByOrigin { get; init; }

    public required string CatalogHash { get; init; }

    public required string CatalogName { get; init; }

    public required string[] DatasetVersions { get; init; }

    public required Guid[] SubmissionIds { get; init; }

    /// <summary>SHA-256 over the pinned inputs: the same inputs give the same hash, so a repeated
    /// calculation returns the existing version instead of a new one.</summary>
    public required string InputsHash { get; init; }

    public long RecordCount { get; init; }

    public decimal BasicCo2e { get; init; }

    public decimal BasicPlusCo2e { get; init; }

    public decimal TerritorialCo2e { get; init; }

    public decimal BiogenicCo2 { get; init; }

    /// <summary>The lines with their traces, warnings, GWP values and catalog stamp (jsonb; numbers stay
    /// exact: jsonb keeps them as numeric).</summary>
    public required string Document { get; init; }

    /// <summary>Declared notation keys (jsonb).</summary>
    public required string NotationKeys { get; init; }

    public DateTimeOffset CalculatedAt { get; init; }

    public required string CalculatedByUserId { get; init; }

    public DateTimeOffset? PublishedAt { get; set; }

    public string? PublishedByUserId { get; set; }

    public bool IsPublished => PublishedAt is not null;
}

/// <summary>One row of the GPC table of an inventory version: a category (sub-sector × scope) with its
/// tonnes per gas, CO2e, or its notation key.</summary>
public sealed class InventoryFigure
{
    public Guid VersionId { get; init; }

    public required string GpcReference { get; init; }

    /// <summary>The category's position in the GPC table (orders the rows).</summary>
    public int Position { get; init; }

    public required string Sector { get; init; }

    public required string SubSector { get; init; }

    public int Scope { get; init; }

    public decimal? Co2 { get; init; }

    public decimal? Ch4 { get; init; }

    public decimal? N2o { get; init; }

    public decimal Co2e { get; init; }

    public decimal BiogenicCo2 { get; init; }

    /// <summary>NO, NE, IE or C when the category has a notation key; null otherwise.</summary>
    public string? NotationKey { get; init; }

    public string? NotationExplanation { get; init; }

    public string? DataQuality { get; init; }

    public bool InBasic { get; init; }

    public bool InBasicPlus { get; init; }
}
