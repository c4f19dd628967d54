using static GhgReporting.Calc.Inventory.DataQuality;

namespace GhgReporting.Data.Seed;

/// <summary>
/// ILLUSTRATIVE activity data of Dalian, 5.93 million people, 2021–2023: amounts for 2023 with a yearly
/// growth rate, sized from per-person orders of magnitude for a northern Chinese port and industrial
/// city with winter heating. Not taken from any statistics.
/// </summary>
/// <remarks>
/// The catalog's only grid factor for China (Ministry of Ecology and Environment, 2022) is valid from
/// 2022, so 2021 has its scope 2 and T&amp;D categories declared NE: its total is not comparable with
/// 2022–2023, which the notation keys make visible.
/// </remarks>
internal static class DalianProfile
{
    public static CityProfile Dalian { get; } = new(
        "dalian", [2021, 2022, 2023], 2023, GridFactorFrom: 2022,
        NoGridFactor: "the shipped catalog's grid factor for China (Ministry of Ecology and Environment, 2022) is valid from 2022; none is shipped for earlier years.",
        Energy:
        [
            // Residential: piped gas for cooking and some heating (~2 GJ per person per year), coal in
            // small heating boilers and stoves (~130 kg per person per year, being converted to gas), LPG.
            // Heat bought from district-heating plants would be scope 2 heat, for which the catalog has no
            // factor; the seed keeps to fuels burned in and for the buildings.
            new("I.1.1", "fuel:natural-gas", 12_000m, "TJ", Medium, 0.05m),
            new("I.1.1", "fuel:other-bituminous-coal", 800_000m, "t", Medium, -0.04m),
            new("I.1.1", "fuel:lpg", 40_000m, "t", Medium),
            new("I.1.2", "electricity:grid", 5_000_000m, "MWh", High, 0.04m),   // ~850 kWh per person per year
            new("I.1.3", "electricity:grid-td-losses", 250_000m, "MWh", Medium, 0.04m), // ~5 % losses
            new("I.2.1", "fuel:natural-gas", 6_000m, "TJ", Medium, 0.05m),
            new("I.2.1", "fuel:lpg", 30_000m, "t", Medium),
            new("I.2.1", "fuel:gas-diesel-oil", 1_000m, "TJ", Low),
            new("I.2.2", "electricity:grid", 7_500_000m, "MWh", High, 0.05m),
            new("I.2.3", "electricity:grid-td-losses", 375_000m, "MWh", Medium, 0.05m),
            // Industry (machinery, shipbuilding, chemicals): coal ~0.7 t per person per year, gas, fuel oil.
            // Refining and power generation are energy industries (I.4), left out of the example.
            new("I.3.1", "fuel:other-bituminous-coal", 4_000_000m, "t", Medium, -0.02m),
            new("I.3.1", "fuel:natural-gas", 20_000m, "TJ", Medium, 0.04m),
            new("I.3.1", "fuel:residual-fuel-oil", 200_000m, "t", Medium, -0.03m),
            new("I.3.1", "fuel:gas-diesel-oil", 3_000m, "TJ", Low),
            new("I.3.2", "electricity:grid", 26_000_000m, "MWh", High, 0.02m),  // ~4,400 kWh per person per year
            new("I.3.3", "electricity:grid-td-losses", 1_300_000m, "MWh", Medium, 0.02m),
            // Road: ~230 L of gasoline and ~160 L of diesel per person per year; China 5/6 light-duty fleet,
            // so Table 3.2.2's "low-mileage light-duty vehicle, 1995 or later" row. CNG taxis and buses.
            new("II.1.1", "fuel:motor-gasoline@low-mileage-ldv-1995", 45_000m, "TJ", Low, 0.03m),
            new("II.1.1", "fuel:gas-diesel-oil", 35_000m, "TJ", Low, 0.01m),
            new("II.1.1", "fuel:natural-gas", 3_000m, "TJ", Low),
            new("II.2.2", "electricity:grid", 400_000m, "MWh", High, 0.05m),    // metro and tram
            new("II.3.1", "fuel:gas-diesel-oil", 5_000m, "TJ", Low, 0.02m),     // port craft and ferries
        ],
        // ~0.85 kg per person per day to sanitary landfills (managed anaerobic); 5 % of food waste goes to
        // a food-waste treatment (composting) plant.
        Waste: new WasteProfile(5_000m, WasteStreams.Landfill("managed-anaerobic", food: 0.53m, composted: 0.05m, garden: 0.05m,
            paper: 0.10m, wood: 0.02m, textiles: 0.03m, plastics: 0.12m, openBurnedPlastics: 0m, inert: 0.10m)),
        // Sewered to well-run activated-sludge plants for 90 %; septic tanks at the urban fringe.
        Wastewater: [new("aerobic-plant-well-managed", 0.90m), new("septic", 0.10m)],
        AdvancedPlantN2O: true, OtherNotationKeys: []);
}
