namespace GhgReporting.Calc.Gpc;

/// <summary>
/// The rows of the GPC (2014) reporting table, in GPC order. Row set, wording and scopes follow
/// Open-Earth-Foundation/CityCatalyst <c>app/src/data/inventory-structure.json</c> at commit
/// 6075f3165761654a530ba636fb13ab19a9e1e381; see <see cref="GpcStructure"/> for every source and
/// for what could not be confirmed.
/// </summary>
internal static class GpcTable
{
    /// <summary>Which totals a row counts towards. A row is never in BASIC without being in
    /// BASIC+, because the level, not two flags, is what is written down per row.</summary>
    private enum Level
    {
        /// <summary>BASIC and therefore BASIC+.</summary>
        Basic,

        /// <summary>BASIC+ only.</summary>
        BasicPlus,

        /// <summary>Reported, but in neither city-induced total (I.4.4, III.x.3, VI.1).</summary>
        Neither,
    }

    private const string FuelCombustion = "Emissions from fuel combustion within the city boundary";
    private const string GridEnergy = "Emissions from grid-supplied energy consumed within the city boundary";
    private const string TdLosses =
        "Emissions from transmission and distribution losses from grid-supplied energy consumption";
    private const string Fugitive = "Emissions from fugitive emissions within the city boundary";
    private const string Transboundary =
        "Emissions from portion of transboundary journeys occurring outside the city boundary, "
        + "and transmission and distribution losses from grid-supplied energy consumption";

    internal static readonly GpcSubSector Residential = new("I.1", GpcSector.StationaryEnergy, "Residential buildings");
    internal static readonly GpcSubSector Commercial =
        new("I.2", GpcSector.StationaryEnergy, "Commercial and institutional buildings and facilities");
    internal static readonly GpcSubSector Manufacturing =
        new("I.3", GpcSector.StationaryEnergy, "Manufacturing industries and construction");
    internal static readonly GpcSubSector EnergyIndustries = new("I.4", GpcSector.StationaryEnergy, "Energy industries");
    internal static readonly GpcSubSector AgricultureEnergy =
        new("I.5", GpcSector.StationaryEnergy, "Agriculture, forestry and fishing activities");
    internal static readonly GpcSubSector NonSpecified = new("I.6", GpcSector.StationaryEnergy, "Non-specified sources");
    internal static readonly GpcSubSector FugitiveCoal = new(
        "I.7",
        GpcSector.StationaryEnergy,
        "Fugitive emissions from mining, processing, storage and transportation of coal");
    internal static readonly GpcSubSector FugitiveOilGas =
        new("I.8", GpcSector.StationaryEnergy, "Fugitive emissions from oil and natural gas systems");

    internal static readonly GpcSubSector OnRoad = new("II.1", GpcSector.Transportation, "On-road");
    internal static readonly GpcSubSector Railways = new("II.2", GpcSector.Transportation, "Railways");
    internal static readonly GpcSubSector Waterborne = new("II.3", GpcSector.Transportation, "Waterborne navigation");
    internal static readonly GpcSubSector Aviation = new("II.4", GpcSector.Transportation, "Aviation");
    internal static readonly GpcSubSector OffRoad = new("II.5", GpcSector.Transportation, "Off-road");

    internal static readonly GpcSubSector SolidWaste = new("III.1", GpcSector.Waste, "Solid waste disposal");
    internal static readonly GpcSubSector Biological = new("III.2", GpcSector.Waste, "Biological treatment of waste");
    internal static readonly GpcSubSector Incineration = new("III.3", GpcSector.Waste, "Incineration and open burning");
    internal static readonly GpcSubSector Wastewater = new("III.4", GpcSector.Waste, "Wastewater treatment and discharge");

    internal static readonly GpcSubSector IndustrialProcesses = new("IV.1", GpcSector.Ippu, "Industrial processes");
    internal static readonly GpcSubSector ProductUse = new("IV.2", GpcSector.Ippu, "Product use");

    internal static readonly GpcSubSector Livestock = new("V.1", GpcSector.Afolu, "Livestock");
    internal static readonly GpcSubSector Land = new("V.2", GpcSector.Afolu, "Land");
    internal static readonly GpcSubSector AggregateSources =
        new("V.3", GpcSector.Afolu, "Aggregate sources and non-CO2 emission sources on land");

    internal static readonly GpcSubSector OtherScope3 = new("VI.1", GpcSector.OtherScope3, "Other scope 3");

    internal static readonly GpcSubSector[] SubSectors =
    [
        Residential, Commercial, Manufacturing, EnergyIndustries, AgricultureEnergy, NonSpecified,
        FugitiveCoal, FugitiveOilGas,
        OnRoad, Railways, Waterborne, Aviation, OffRoad,
        SolidWaste, Biological, Incineration, Wastewater,
        IndustrialProcesses, ProductUse,
        Livestock, Land, AggregateSources,
        OtherScope3,
    ];

    internal static readonly GpcCategory[] Categories =
    [
        // I Stationary energy (GPC ch. 6): .1 scope 1, .2 scope 2, .3 scope 3 T&D losses.
        Row("I.1.1", Residential, GpcScope.One, FuelCombustion, Level.Basic),
        Row("I.1.2", Residential, GpcScope.Two, GridEnergy, Level.Basic),
        Row("I.1.3", Residential, GpcScope.Three, TdLosses, Level.BasicPlus),
        Row("I.2.1", Commercial, GpcScope.One, FuelCombustion, Level.Basic),
        Row("I.2.2", Commercial, GpcScope.Two, GridEnergy, Level.Basic),
        Row("I.2.3", Commercial, GpcScope.Three, TdLosses, Level.BasicPlus),
        Row("I.3.1", Manufacturing, GpcScope.One, FuelCombustion, Level.Basic),
        Row("I.3.2", Manufacturing, GpcScope.Two, GridEnergy, Level.Basic),
        Row("I.3.3", Manufacturing, GpcScope.Three, TdLosses, Level.BasicPlus),
        Row("I.4.1", EnergyIndustries, GpcScope.One,
            "Emissions from energy used in power plant auxiliary operations within the city boundary", Level.Basic),
        Row("I.4.2", EnergyIndustries, GpcScope.Two,
            "Emissions from grid-supplied energy consumed in power plant auxiliary operations within the city boundary",
            Level.Basic),
        Row("I.4.3", EnergyIndustries, GpcScope.Three,
            "Emissions from transmission and distribution losses from grid-supplied energy consumption "
            + "in power plant auxiliary operations",
            Level.BasicPlus),

        // Counted in the territorial total only: adding it to BASIC would count the same tonnes
        // again as the consumers' scope 2.
        Row("I.4.4", EnergyIndustries, GpcScope.One, "Emissions from energy generation supplied to the grid", Level.Neither),
        Row("I.5.1", AgricultureEnergy, GpcScope.One, FuelCombustion, Level.Basic),
        Row("I.5.2", AgricultureEnergy, GpcScope.Two, GridEnergy, Level.Basic),
        Row("I.5.3", AgricultureEnergy, GpcScope.Three, TdLosses, Level.BasicPlus),
        Row("I.6.1", NonSpecified, GpcScope.One, FuelCombustion, Level.Basic),
        Row("I.6.2", NonSpecified, GpcScope.Two, GridEnergy, Level.Basic),
        Row("I.6.3", NonSpecified, GpcScope.Three, TdLosses, Level.BasicPlus),
        Row("I.7.1", FugitiveCoal, GpcScope.One, Fugitive, Level.Basic),
        Row("I.8.1", FugitiveOilGas, GpcScope.One, Fugitive, Level.Basic),

        // II Transportation (GPC ch. 7). Off-road has no scope 3 row.
        Row("II.1.1", OnRoad, GpcScope.One,
            "Emissions from fuel combustion on-road transportation occurring within the city boundary", Level.Basic),
        Row("II.1.2", OnRoad, GpcScope.Two,
            "Emissions from grid-supplied energy consumed within the city boundary for on-road transportation", Level.Basic),
        Row("II.1.3", OnRoad, GpcScope.Three, Transboundary, Level.BasicPlus),
        Row("II.2.1", Railways, GpcScope.One,
            "Emissions from fuel combustion for railway transportation occurring within the city boundary", Level.Basic),
        Row("II.2.2", Railways, GpcScope.Two,
            "Emissions from grid-supplied energy consumed within the city boundary for railways", Level.Basic),
        Row("II.2.3", Railways, GpcScope.Three, Transboundary, Level.BasicPlus),
        Row("II.3.1", Waterborne, GpcScope.One,
            "Emissions from fuel combustion for waterborne navigation occurring within the city boundary", Level.Basic),
        Row("II.3.2", Waterborne, GpcScope.Two,
            "Emissions from grid-supplied energy consumed within the city boundary for waterborne navigation", Level.Basic),
        Row("II.3.3", Waterborne, GpcScope.Three, Transboundary, Level.BasicPlus),
        Row("II.4.1", Aviation, GpcScope.One,
            "Emissions from fuel combustion for aviation occurring within the city boundary", Level.Basic),
        Row("II.4.2", Aviation, GpcScope.Two,
            "Emissions from grid-supplied energy consumed within the city boundary for aviation", Level.Basic),
        Row("II.4.3", Aviation, GpcScope.Three, Transboundary, Level.BasicPlus),
        Row("II.5.1", OffRoad, GpcScope.One,
            "Emissions from fuel combustion for off-road transportation occurring within the city boundary", Level.Basic),
        Row("II.5.2", OffRoad, GpcScope.Two,
            "Emissions from grid-supplied energy consumed within the city boundary for off-road transportation", Level.Basic),

        // III Waste (GPC ch. 8): .1 generated and treated within (scope 1), .2 generated within,
        // treated outside (scope 3), .3 generated outside, treated within (scope 1, territorial
        // total only: it is another city's waste).
        Row("III.1.1", SolidWaste, GpcScope.One,
            "Emissions from solid waste generated within the city boundary and disposed in landfills or open dumps "
            + "within the city boundary",
            Level.Basic),
        Row("III.1.2", SolidWaste, GpcScope.Three,
            "Emissions from solid waste generated within the city boundary but disposed in landfills or open dumps "
            + "outside the city boundary",
            Level.Basic),
        Row("III.1.3", SolidWaste, GpcScope.One,
            "Emissions from waste generated outside the city boundary and disposed in landfills or open dumps "
            + "within the city boundary",
            Level.Neither),
        Row("III.2.1", Biological, GpcScope.One,
            "Emissions from solid waste generated within the city boundary that is treated biologically "
            + "within the city boundary",
            Level.Basic),
        Row("III.2.2", Biological, GpcScope.Three,
            "Emissions from solid waste generated within the city boundary but treated biologically "
            + "outside of the city boundary",
            Level.Basic),
        Row("III.2.3", Biological, GpcScope.One,
            "Emissions from waste generated outside the city boundary but treated biologically within the city boundary",
            Level.Neither),
        Row("III.3.1", Incineration, GpcScope.One,
            "Emissions from solid waste generated and treated within the city boundary", Level.Basic),
        Row("III.3.2", Incineration, GpcScope.Three,
            "Emissions from solid waste generated within the city boundary but treated outside of the city boundary",
            Level.Basic),
        Row("III.3.3", Incineration, GpcScope.One,
            "Emissions from waste generated outside the city boundary but treated within the city boundary",
            Level.Neither),
        Row("III.4.1", Wastewater, GpcScope.One,
            "Emissions from wastewater generated and treated within the city boundary", Level.Basic),
        Row("III.4.2", Wastewater, GpcScope.Three,
            "Emissions from wastewater generated within the city boundary but treated outside of the city boundary",
            Level.Basic),
        Row("III.4.3", Wastewater, GpcScope.One,
            "Emissions from wastewater generated outside the city boundary but treated within the city boundary",
            Level.Neither),

        // IV IPPU (GPC ch. 9) and V AFOLU (GPC ch. 10): scope 1 only, one row per sub-sector.
        Row("IV.1", IndustrialProcesses, GpcScope.One,
            "Emissions from industrial processes occurring within the city boundary", Level.BasicPlus),
        Row("IV.2", ProductUse, GpcScope.One,
            "Emissions from product use occurring within the city boundary", Level.BasicPlus),
        Row("V.1", Livestock, GpcScope.One, "Emissions from livestock within the city boundary", Level.BasicPlus),
        Row("V.2", Land, GpcScope.One, "Emissions from land within the city boundary", Level.BasicPlus),
        Row("V.3", AggregateSources, GpcScope.One,
            "Emissions from aggregate sources and non-CO2 emission sources on land within the city boundary",
            Level.BasicPlus),

        // VI Other scope 3: optional, reported apart from every total.
        Row("VI.1", OtherScope3, GpcScope.Three, "Other scope 3 emissions", Level.Neither),
    ];

    private static GpcCategory Row(string reference, GpcSubSector subSector, GpcScope scope, string description, Level level) =>
        new(reference, subSector, scope, description, InBasic: level == Level.Basic, InBasicPlus: level != Level.Neither);
}
