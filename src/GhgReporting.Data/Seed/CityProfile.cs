using GhgReporting.Calc.Inventory;

namespace GhgReporting.Data.Seed;

/// <summary>
/// One line of a city's energy use: an amount in the profile's base year and a yearly growth rate.
/// Other years are <c>amount × (1 + growth)^(year − base year)</c>, rounded to three significant
/// digits (illustrative figures should not look more precise than they are).
/// </summary>
internal sealed record EnergyLine(string Gpc, string ActivityType, decimal BaseAmount, string Unit, DataQuality Quality, decimal Growth = 0m)
{
    /// <summary>Grid electricity (consumption or T&amp;D losses): recorded only where the catalog has a grid factor.</summary>
    public bool IsGrid => ActivityType.StartsWith("electricity:", StringComparison.Ordinal);
}

/// <summary>
/// One stream of municipal solid waste as a share of the waste generated. <paramref name="ActivityType"/>
/// is null where the catalog has no activity type for the stream (see <see cref="ExampleWasteStream"/>).
/// </summary>
internal sealed record WasteStreamSpec(string Component, decimal Share, string Treatment, string? ActivityType, DataQuality Quality = DataQuality.Low)
{
    /// <summary>Deposited in a disposal site: recorded for the disposal history as well as the inventory year.</summary>
    public bool IsDeposit => ActivityType?.StartsWith("waste:landfill-", StringComparison.Ordinal) ?? false;

    /// <summary>The GPC reference the stream is reported under: generated and treated in the city (scope 1).</summary>
    public string Gpc => ActivityType switch
    {
        null => "",
        _ when IsDeposit => "III.1.1",
        _ when ActivityType.StartsWith("waste:composting-", StringComparison.Ordinal) => "III.2.1",
        _ => "III.3.1",
    };
}

/// <summary>
/// Municipal solid waste: tonnes per day in the seeded years (one current figure, held constant over
/// them) and how it splits. Before the first seeded year the disposal history goes back
/// <see cref="HistoryYears"/> years, smaller by <see cref="HistoryDecline"/> for each year back
/// (collection grew with the city).
/// </summary>
internal sealed record WasteProfile(decimal TonnesPerDay, IReadOnlyList<WasteStreamSpec> Streams, int HistoryYears = 10, decimal HistoryDecline = 0.03m);

/// <summary>A domestic wastewater pathway (the <c>wastewater:domestic</c> variant) and its share of the population.</summary>
internal sealed record WastewaterPathway(string Variant, decimal Share);

/// <summary>
/// Everything the seed generates a city's records from. <paramref name="GridFactorFrom"/> is the first
/// year the shipped catalog has an inventory grid factor (<c>electricity:grid</c>) for the city's region,
/// open-ended; null when it has none (<paramref name="NoGridFactor"/> says why).
/// </summary>
internal sealed record CityProfile(
    string CityId,
    IReadOnlyList<int> Years,
    int BaseYear,
    int? GridFactorFrom,
    string NoGridFactor,
    IReadOnlyList<EnergyLine> Energy,
    WasteProfile Waste,
    IReadOnlyList<WastewaterPathway> Wastewater,
    bool AdvancedPlantN2O,
    IReadOnlyList<NotationKeyDeclaration> OtherNotationKeys)
{
    public bool HasGridFactor(int year) => GridFactorFrom is { } from && year >= from;
}
