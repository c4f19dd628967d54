namespace GhgReporting.Data.Seed;

/// <summary>A city of the example platform.</summary>
/// <param name="Id">Lowercase slug (<c>hai-phong</c>); also the <c>CityContext.CityId</c> of its inventories.</param>
/// <param name="Name">The name as written locally in Latin script, with its diacritics (<c>Hải Phòng</c>).</param>
/// <param name="Country">ISO 3166-1 alpha-2 country code; the factor catalog's region key.</param>
/// <param name="SubRegion">A sub-national region the factor catalog has rows for (<c>JP-KYUSHU</c>), else null.</param>
/// <param name="Climate">IPCC climate zone key of the catalog's decay rates (<c>tropical-wet</c>, …).</param>
/// <param name="Population">Inhabitants, as <paramref name="PopulationSource"/> gives them.</param>
/// <param name="PopulationYear">The year the population figure is taken for.</param>
/// <param name="PopulationSource">Where the population figure comes from.</param>
/// <param name="IsJapanese">A Japanese partner city (verifier side) rather than a developing partner city.</param>
public sealed record ExampleCity(
    string Id,
    string Name,
    string Country,
    string? SubRegion,
    string? Climate,
    long Population,
    int PopulationYear,
    string PopulationSource,
    bool IsJapanese);

/// <summary>A city-to-city partnership between a Japanese city and a partner city.</summary>
/// <param name="IsIllustrative">True when the tie was made up for the example platform; false only for ties
/// that exist between the real cities.</param>
public sealed record ExamplePartnership(string JapaneseCityId, string PartnerCityId, string Description, bool IsIllustrative);

/// <summary>
/// One stream of a city's municipal solid waste in one year: a component and what happens to it. The
/// streams of a year add up to the waste generated, so they are a mass balance of the seeded records.
/// </summary>
/// <param name="Component">Waste component (<c>food</c>, <c>paper</c>, <c>plastics</c>, …).</param>
/// <param name="Treatment">What happens to it, in words.</param>
/// <param name="Tonnes">Wet mass in the year.</param>
/// <param name="ActivityType">The activity type (with variant) of the record that carries this stream, or null
/// when no record does: the catalog has no activity type for it (inert or plastic waste landfilled emits no
/// CH4; food waste incinerated has no incineration type), so it is part of the balance but of no record.</param>
public sealed record ExampleWasteStream(string Component, string Treatment, decimal Tonnes, string? ActivityType);
