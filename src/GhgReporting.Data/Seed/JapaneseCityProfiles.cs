using GhgReporting.Calc.Inventory;
using static GhgReporting.Calc.Inventory.DataQuality;

namespace GhgReporting.Data.Seed;

/// <summary>
/// ILLUSTRATIVE activity data of the Japanese cities, one year (2022) each, sized from Japanese per-person
/// orders of magnitude: roughly 2,000 kWh of residential electricity and 300 L of gasoline per person per
/// year, 0.6–0.9 kg of waste for disposal per person per day. Not taken from any city's statistics.
/// </summary>
/// <remarks>
/// Only Kitakyushu has grid electricity: the catalog's one Japanese grid factor is Kyushu Electric's
/// (JP-KYUSHU, FY2022 on). Yokohama and Osaka declare scope 2 NE, so their totals leave out what is,
/// in a Japanese city, the largest source; they are not comparable with Kitakyushu's.
/// </remarks>
internal static class JapaneseCityProfiles
{
    private const string NoJapaneseGridFactor =
        "the shipped catalog has no national grid factor for Japan and none for this city's utility (its one Japanese grid factor is Kyushu Electric's, region JP-KYUSHU).";

    private static readonly NotationKeyDeclaration NoDirectLandfill = new("III.1.1", NotationKey.NE,
        "ILLUSTRATIVE example: municipal waste is incinerated and only residues and incombustibles are landfilled; " +
        "CH4 from organic waste deposited in earlier decades is not estimated.");

    public static CityProfile Kitakyushu { get; } = new(
        "kitakyushu", [2022], 2022, GridFactorFrom: 2022, NoGridFactor: "",
        Energy:
        [
            new("I.1.1", "fuel:natural-gas", 3_000m, "TJ", Medium),          // city gas, ~3 GJ per person
            new("I.1.1", "fuel:lpg", 15_000m, "t", Medium),
            new("I.1.1", "fuel:other-kerosene", 10_000m, "t", Medium),       // space heaters; mild winters
            new("I.1.2", "electricity:grid", 1_900_000m, "MWh", High),       // ~2,000 kWh per person
            new("I.2.1", "fuel:natural-gas", 4_000m, "TJ", Medium),
            new("I.2.1", "fuel:lpg", 5_000m, "t", Medium),
            new("I.2.1", "fuel:gas-diesel-oil", 1_000m, "TJ", Medium),
            new("I.2.2", "electricity:grid", 2_500_000m, "MWh", High),
            // An industrial city (steel, chemicals, ceramics): fuels burned for energy only; process
            // emissions (IPPU) are declared NE below.
            new("I.3.1", "fuel:natural-gas", 8_000m, "TJ", Medium),
            new("I.3.1", "fuel:other-bituminous-coal", 500_000m, "t", Medium),
            new("I.3.1", "fuel:residual-fuel-oil", 30_000m, "t", Medium),
            new("I.3.2", "electricity:grid", 4_500_000m, "MWh", High),
            new("II.1.1", "fuel:motor-gasoline@low-mileage-ldv-1995", 11_000m, "TJ", Medium), // ~350 L per person
            new("II.1.1", "fuel:gas-diesel-oil", 7_000m, "TJ", Medium),
            new("II.2.2", "electricity:grid", 150_000m, "MWh", High),        // monorail and railways
            new("II.3.1", "fuel:gas-diesel-oil", 2_000m, "TJ", Low),         // port craft and ferries
        ],
        Waste: new WasteProfile(820m, WasteStreams.JapaneseIncineration()),   // ~0.9 kg per person per day
        Wastewater: [new("aerobic-plant-well-managed", 0.99m), new("septic", 0.01m)], // sewered ~99 %
        AdvancedPlantN2O: true,
        OtherNotationKeys:
        [
            NoDirectLandfill,
            new("IV.1", NotationKey.NE, "ILLUSTRATIVE example: process emissions of the city's iron and steel and chemical industry are not estimated."),
        ]);

    public static CityProfile Yokohama { get; } = new(
        "yokohama", [2022], 2022, GridFactorFrom: null, NoGridFactor: NoJapaneseGridFactor,
        Energy:
        [
            new("I.1.1", "fuel:natural-gas", 18_000m, "TJ", Medium),         // city gas, ~5 GJ per person
            new("I.1.1", "fuel:other-kerosene", 60_000m, "t", Medium),       // ~16 kg per person for heaters
            new("I.1.1", "fuel:lpg", 20_000m, "t", Medium),
            new("I.2.1", "fuel:natural-gas", 15_000m, "TJ", Medium),
            new("I.2.1", "fuel:gas-diesel-oil", 2_000m, "TJ", Medium),
            new("I.3.1", "fuel:natural-gas", 20_000m, "TJ", Medium),         // Keihin coastal industry
            new("I.3.1", "fuel:residual-fuel-oil", 100_000m, "t", Medium),
            new("II.1.1", "fuel:motor-gasoline@low-mileage-ldv-1995", 40_000m, "TJ", Medium), // ~320 L per person
            new("II.1.1", "fuel:gas-diesel-oil", 25_000m, "TJ", Medium),
            new("II.3.1", "fuel:gas-diesel-oil", 3_000m, "TJ", Low),         // port craft
            // Grid use, declared NE: ~2,100 kWh per person residential.
            new("I.1.2", "electricity:grid", 8_000_000m, "MWh", High),
            new("I.2.2", "electricity:grid", 9_000_000m, "MWh", High),
            new("I.3.2", "electricity:grid", 6_000_000m, "MWh", High),
            new("II.2.2", "electricity:grid", 600_000m, "MWh", High),
        ],
        Waste: new WasteProfile(2_400m, WasteStreams.JapaneseIncineration()), // ~0.65 kg per person per day
        Wastewater: [new("aerobic-plant-well-managed", 0.999m), new("septic", 0.001m)],
        AdvancedPlantN2O: true, OtherNotationKeys: [NoDirectLandfill]);

    public static CityProfile Osaka { get; } = new(
        "osaka", [2022], 2022, GridFactorFrom: null, NoGridFactor: NoJapaneseGridFactor,
        Energy:
        [
            new("I.1.1", "fuel:natural-gas", 14_000m, "TJ", Medium),
            new("I.1.1", "fuel:other-kerosene", 20_000m, "t", Medium),       // warmer winters than Yokohama
            new("I.1.1", "fuel:lpg", 10_000m, "t", Medium),
            new("I.2.1", "fuel:natural-gas", 20_000m, "TJ", Medium),         // a large commercial centre
            new("I.2.1", "fuel:gas-diesel-oil", 2_000m, "TJ", Medium),
            new("I.3.1", "fuel:natural-gas", 15_000m, "TJ", Medium),
            new("I.3.1", "fuel:residual-fuel-oil", 60_000m, "t", Medium),
            new("II.1.1", "fuel:motor-gasoline@low-mileage-ldv-1995", 25_000m, "TJ", Medium), // dense rail city: ~280 L per person
            new("II.1.1", "fuel:gas-diesel-oil", 20_000m, "TJ", Medium),
            new("II.3.1", "fuel:gas-diesel-oil", 3_000m, "TJ", Low),
            // Grid use, declared NE: ~2,100 kWh per person residential; commercial above residential.
            new("I.1.2", "electricity:grid", 5_800_000m, "MWh", High),
            new("I.2.2", "electricity:grid", 11_000_000m, "MWh", High),
            new("I.3.2", "electricity:grid", 5_000_000m, "MWh", High),
            new("II.2.2", "electricity:grid", 800_000m, "MWh", High),
        ],
        // ~0.95 kg per person per day: business waste of a commercial centre counts in.
        Waste: new WasteProfile(2_600m, WasteStreams.JapaneseIncineration()),
        Wastewater: [new("aerobic-plant-well-managed", 0.998m), new("septic", 0.002m)],
        AdvancedPlantN2O: true, OtherNotationKeys: [NoDirectLandfill]);
}
