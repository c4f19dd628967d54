using static GhgReporting.Calc.Inventory.DataQuality;

namespace GhgReporting.Data.Seed;

/// <summary>
/// ILLUSTRATIVE activity data of Surabaya, Hải Phòng, Phnom Penh and Mandalay, 2021–2023. Amounts are
/// for 2023 with a yearly growth rate; the comments give the per-person order of magnitude each one was
/// sized from. They are invented to be plausible in size, not taken from any city's statistics.
/// </summary>
internal static class SoutheastAsiaProfiles
{
    private static readonly IReadOnlyList<int> Years = [2021, 2022, 2023];

    /// <summary>
    /// Surabaya, 3.0 million people. Scope 2 is NE: the catalog has no inventory grid factor for Indonesia
    /// (its ID-JAMALI rows are JCM project factors, which the engine refuses for inventories).
    /// </summary>
    public static CityProfile Surabaya { get; } = new(
        "surabaya", Years, 2023, GridFactorFrom: null,
        NoGridFactor: "the shipped catalog has no inventory grid factor for Indonesia (its Java–Madura–Bali rows are JCM project-baseline factors, for project methodologies only).",
        Energy:
        [
            // Cooking LPG (3 kg cylinders since the kerosene-to-LPG conversion): ~30 kg per person per year.
            new("I.1.1", "fuel:lpg", 90_000m, "t", Medium, 0.03m),
            new("I.2.1", "fuel:lpg", 30_000m, "t", Medium, 0.03m),       // restaurants, hotels: a third of household use
            new("I.2.1", "fuel:gas-diesel-oil", 600m, "TJ", Low),         // standby generators
            new("I.3.1", "fuel:natural-gas", 12_000m, "TJ", Medium, 0.02m), // industrial estates on piped gas
            new("I.3.1", "fuel:gas-diesel-oil", 2_000m, "TJ", Low, 0.02m),
            // Road: ~200 L of gasoline per person per year (motorcycles dominate; Table 3.2.2 "uncontrolled"
            // is the conservative choice for such a fleet) and ~80 L of diesel (trucks, buses).
            new("II.1.1", "fuel:motor-gasoline@uncontrolled", 19_000m, "TJ", Low, 0.04m),
            new("II.1.1", "fuel:gas-diesel-oil", 9_000m, "TJ", Low, 0.04m),
            // Grid use, declared NE: ~1,100 kWh per person per year residential, order of magnitude.
            new("I.1.2", "electricity:grid", 3_300_000m, "MWh", High, 0.05m),
            new("I.2.2", "electricity:grid", 2_400_000m, "MWh", High, 0.05m),
            new("I.3.2", "electricity:grid", 3_600_000m, "MWh", High, 0.04m),
        ],
        // ~0.55 kg per person per day; a sanitary landfill (managed anaerobic) and neighbourhood compost houses.
        Waste: new WasteProfile(1_650m, WasteStreams.Landfill("managed-anaerobic", food: 0.52m, composted: 0.03m, garden: 0.08m, paper: 0.10m,
            wood: 0.02m, textiles: 0.03m, plastics: 0.14m, openBurnedPlastics: 0m, inert: 0.08m)),
        // Mostly on-site septic tanks; the rest drains to rivers and canals.
        Wastewater: [new("septic", 0.85m), new("direct-to-sea-river-lake", 0.15m)],
        AdvancedPlantN2O: false, OtherNotationKeys: []);

    /// <summary>
    /// Hải Phòng, 1.96 million people. The 2023 energy and wastewater figures are those of
    /// examples/hai-phong-2023.csv, so the two illustrative sets agree where they overlap; the waste is
    /// modelled here by composition (the example file has food and paper only). Viet Nam's grid factors
    /// cover every seeded year.
    /// </summary>
    public static CityProfile HaiPhong { get; } = new(
        "hai-phong", Years, 2023, GridFactorFrom: 2014, NoGridFactor: "",
        Energy:
        [
            new("I.1.1", "fuel:lpg", 42_000m, "t", Medium, 0.04m),        // ~21 kg per person per year
            new("I.1.2", "electricity:grid", 1_850_000m, "MWh", High, 0.06m), // ~950 kWh per person per year
            new("I.1.3", "electricity:grid-td-losses", 138_000m, "MWh", Medium, 0.06m), // ~7 % losses
            new("I.2.1", "fuel:gas-diesel-oil", 950m, "TJ", Low, 0.02m),
            new("I.2.2", "electricity:grid", 1_100_000m, "MWh", High, 0.07m),
            new("I.2.3", "electricity:grid-td-losses", 82_000m, "MWh", Medium, 0.07m),
            // A port and manufacturing city: coal and fuel oil in industry.
            new("I.3.1", "fuel:other-bituminous-coal", 180_000m, "t", Medium, 0.03m),
            new("I.3.1", "fuel:residual-fuel-oil", 25_000m, "t", Medium, 0.01m),
            new("I.3.2", "electricity:grid", 3_400_000m, "MWh", High, 0.09m),
            new("I.3.3", "electricity:grid-td-losses", 254_000m, "MWh", Medium, 0.09m),
            new("II.1.1", "fuel:gas-diesel-oil", 5_200m, "TJ", Medium, 0.05m),
            new("II.1.1", "fuel:motor-gasoline@uncontrolled", 3_100m, "TJ", Low, 0.06m),
            new("II.3.1", "fuel:gas-diesel-oil", 600m, "TJ", Low, 0.03m), // harbour craft and river boats
        ],
        // ~0.4 kg per person per day (800 t/day); composting ~4 % (≈ the example file's 12,000 t).
        Waste: new WasteProfile(800m, WasteStreams.Landfill("unmanaged-deep", food: 0.51m, composted: 0.04m, garden: 0.06m, paper: 0.12m,
            wood: 0.02m, textiles: 0.03m, plastics: 0.13m, openBurnedPlastics: 0m, inert: 0.09m)),
        // 1.30 million on septic tanks, 0.66 million on sewers discharging to rivers and the sea (as in the example file).
        Wastewater: [new("septic", 0.6633m), new("sewer-to-sea-river-lake", 0.3367m)],
        AdvancedPlantN2O: false, OtherNotationKeys: []);

    /// <summary>Phnom Penh, 1.5 million people. Scope 2 is NE: the catalog has no grid factor for Cambodia.</summary>
    public static CityProfile PhnomPenh { get; } = new(
        "phnom-penh", Years, 2023, GridFactorFrom: null,
        NoGridFactor: "the shipped catalog has no grid factor for Cambodia (only CO2e estimates were found, no official CO2 factor).",
        Energy:
        [
            new("I.1.1", "fuel:lpg", 40_000m, "t", Medium, 0.05m),        // ~27 kg per person per year, growing
            new("I.1.1", "fuel:charcoal", 20_000m, "t", Low, -0.03m),     // still some charcoal cooking, declining
            new("I.2.1", "fuel:lpg", 15_000m, "t", Medium, 0.05m),
            new("I.2.1", "fuel:gas-diesel-oil", 800m, "TJ", Low, 0.03m),  // standby generators
            // Garment factories: boilers on fuel oil, diesel and wood.
            new("I.3.1", "fuel:residual-fuel-oil", 20_000m, "t", Medium, 0.02m),
            new("I.3.1", "fuel:gas-diesel-oil", 1_500m, "TJ", Low, 0.03m),
            new("I.3.1", "fuel:wood-waste", 60_000m, "t", Low, 0.02m),
            // Road: ~180 L of gasoline and ~130 L of diesel per person per year; older fleet, "uncontrolled".
            new("II.1.1", "fuel:motor-gasoline@uncontrolled", 9_000m, "TJ", Low, 0.06m),
            new("II.1.1", "fuel:gas-diesel-oil", 7_000m, "TJ", Low, 0.05m),
            // Grid use, declared NE: ~1,200 kWh per person per year residential.
            new("I.1.2", "electricity:grid", 1_800_000m, "MWh", High, 0.08m),
            new("I.2.2", "electricity:grid", 2_000_000m, "MWh", High, 0.08m),
            new("I.3.2", "electricity:grid", 1_500_000m, "MWh", High, 0.06m),
        ],
        // ~0.9 kg per person per day to a large dump site (unmanaged, deep); a little composted and burned in the open.
        Waste: new WasteProfile(1_350m, WasteStreams.Landfill("unmanaged-deep", food: 0.53m, composted: 0.02m, garden: 0.06m, paper: 0.09m,
            wood: 0.02m, textiles: 0.04m, plastics: 0.14m, openBurnedPlastics: 0.01m, inert: 0.09m)),
        Wastewater: [new("septic", 0.80m), new("direct-to-sea-river-lake", 0.20m)],
        AdvancedPlantN2O: false, OtherNotationKeys: []);

    /// <summary>
    /// Mandalay, 1.2 million people, 955 t/day of municipal waste (the secretariat's figures). Scope 2 is
    /// NE: the catalog has no grid factor for Myanmar.
    /// </summary>
    public static CityProfile Mandalay { get; } = new(
        "mandalay", Years, 2023, GridFactorFrom: null,
        NoGridFactor: "the shipped catalog has no grid factor for Myanmar (only CO2e estimates were found, no official CO2 factor).",
        Energy:
        [
            new("I.1.1", "fuel:lpg", 10_000m, "t", Medium, 0.08m),        // ~8 kg per person per year, growing fast
            new("I.1.1", "fuel:charcoal", 30_000m, "t", Low, -0.02m),     // charcoal is still common for cooking
            new("I.2.1", "fuel:gas-diesel-oil", 1_500m, "TJ", Low),       // generators during power cuts
            new("I.3.1", "fuel:gas-diesel-oil", 2_000m, "TJ", Low, 0.02m),
            new("I.3.1", "fuel:other-bituminous-coal", 30_000m, "t", Low),
            // Road: ~150 L of gasoline (motorcycles) and ~110 L of diesel per person per year.
            new("II.1.1", "fuel:motor-gasoline@uncontrolled", 6_000m, "TJ", Low, 0.04m),
            new("II.1.1", "fuel:gas-diesel-oil", 5_000m, "TJ", Low, 0.03m),
            // Grid use, declared NE: ~500 kWh per person per year residential.
            new("I.1.2", "electricity:grid", 600_000m, "MWh", High, 0.05m),
            new("I.2.2", "electricity:grid", 500_000m, "MWh", High, 0.05m),
            new("I.3.2", "electricity:grid", 700_000m, "MWh", High, 0.04m),
        ],
        // 955 t/day (≈ 0.8 kg per person per day). Dump sites of unknown depth and management: IPCC's
        // "uncategorised" site type.
        Waste: new WasteProfile(955m, WasteStreams.Landfill("uncategorised", food: 0.56m, composted: 0.02m, garden: 0.08m, paper: 0.07m,
            wood: 0.02m, textiles: 0.03m, plastics: 0.12m, openBurnedPlastics: 0.01m, inert: 0.09m)),
        Wastewater: [new("septic", 0.60m), new("latrine-dry-family", 0.20m), new("direct-to-sea-river-lake", 0.20m)],
        AdvancedPlantN2O: false, OtherNotationKeys: []);
}
