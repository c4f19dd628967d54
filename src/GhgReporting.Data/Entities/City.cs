namespace GhgReporting.Data.Entities;

/// <summary>A city on the platform. <see cref="Id"/> is a lowercase slug (<c>hai-phong</c>) and is also the
/// city id the factor catalog matches city-specific factors against.</summary>
public sealed class City
{
    public required string Id { get; init; }

    /// <summary>The name as the city writes it, in Latin script with its diacritics (Hải Phòng).</summary>
    public required string Name { get; set; }

    /// <summary>ISO 3166-1 alpha-2 country code; country-level factors are looked up with it.</summary>
    public required string Country { get; set; }

    /// <summary>Sub-national region for factor lookup (a grid region such as JP-KYUSHU), when there is one.</summary>
    public string? SubRegion { get; set; }

    /// <summary>IPCC climate zone key for climate-dependent factors (tropical-wet, …).</summary>
    public string? Climate { get; set; }

    public long? Population { get; set; }

    public int? PopulationYear { get; set; }

    public string? PopulationSource { get; set; }

    /// <summary>True for the seeded example platform's cities: their data are illustrative.</summary>
    public bool IsIllustrative { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A partner link between two cities (stored once per pair, the smaller id first).</summary>
public sealed class CityPartnership
{
    public long Id { get; init; }

    public required string CityId { get; init; }

    public required string PartnerCityId { get; init; }

    public required string Description { get; set; }

    public bool IsIllustrative { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}
