using static GhgReporting.Calc.Inventory.DataQuality;

namespace GhgReporting.Data.Seed;

/// <summary>
/// How a city's municipal solid waste splits into streams, as shares of the waste generated. Only the
/// activity types the catalog has are used; what it has no type for stays in the balance without a record.
/// </summary>
internal static class WasteStreams
{
    private const string NoLandfillType = "; no degradable carbon, no landfill activity type";

    /// <summary>
    /// A landfilling city. Food, garden, paper, wood and textiles deposited are records (first-order
    /// decay), for the disposal history too; composting and open burning are records of their year;
    /// landfilled plastics and inert waste (glass, metal, ceramics, soil) have no degradable carbon and no
    /// landfill activity type, so they are in the balance only.
    /// </summary>
    public static IReadOnlyList<WasteStreamSpec> Landfill(string site, decimal food, decimal composted, decimal garden, decimal paper,
        decimal wood, decimal textiles, decimal plastics, decimal openBurnedPlastics, decimal inert)
    {
        var disposal = $"deposited in a disposal site ({site})";
        var streams = new List<WasteStreamSpec>
        {
            new("food", food, disposal, $"waste:landfill-food@{site}"),
            new("food", composted, "composted", "waste:composting-wet", Medium),
            new("garden", garden, disposal, $"waste:landfill-garden@{site}"),
            new("paper", paper, disposal, $"waste:landfill-paper@{site}"),
            new("wood", wood, disposal, $"waste:landfill-wood@{site}"),
            new("textiles", textiles, disposal, $"waste:landfill-textiles@{site}"),
        };
        if (openBurnedPlastics > 0m) streams.Add(new("plastics", openBurnedPlastics, "burned in the open", "waste:open-burning-plastics"));
        streams.Add(new("plastics", plastics, disposal + NoLandfillType, null));
        streams.Add(new("glass, metal and other inert", inert, disposal + NoLandfillType, null));
        return streams;
    }

    /// <summary>
    /// A Japanese city: waste for disposal (after source-separated recycling) burned in continuous stoker
    /// incinerators, with a composition typical of Japanese municipal waste in order of magnitude (paper
    /// and food about a third each). Food waste has no incineration activity type in the catalog (its
    /// fossil carbon fraction is not published there), so it is in the balance only; its CO2 is biogenic
    /// anyway, but its CH4 and N2O go unestimated. Incombustibles are landfilled after sorting.
    /// </summary>
    public static IReadOnlyList<WasteStreamSpec> JapaneseIncineration() =>
    [
        new("paper", 0.33m, "incinerated", "waste:incineration-paper@continuous-stoker", Medium),
        new("food", 0.35m, "incinerated; no incineration activity type for food waste in the catalog", null),
        new("plastics", 0.12m, "incinerated", "waste:incineration-plastics@continuous-stoker", Medium),
        new("garden", 0.08m, "incinerated", "waste:incineration-garden@continuous-stoker", Medium),
        new("textiles", 0.04m, "incinerated", "waste:incineration-textiles@continuous-stoker", Medium),
        new("rubber and leather", 0.01m, "incinerated", "waste:incineration-rubber-leather@continuous-stoker", Medium),
        new("other, inert", 0.05m, "incinerated", "waste:incineration-other-inert@continuous-stoker", Medium),
        new("glass and metal", 0.02m, "sorted out as incombustible and landfilled; no degradable carbon, no landfill activity type", null),
    ];
}
