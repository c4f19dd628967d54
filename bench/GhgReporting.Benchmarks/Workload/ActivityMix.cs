using GhgReporting.Calc.Factors;

namespace GhgReporting.Benchmarks.Workload;

/// <summary>One kind of activity record the benchmark city submits: GPC reference, activity type, unit.</summary>
public sealed record MixEntry(string GpcReference, string ActivityType, string Unit)
{
    public override string ToString() => $"{GpcReference} {ActivityType} [{Unit}]";
}

/// <summary>
/// The benchmark's city and the mix of its activity records: ten slots across stationary energy,
/// road transport, grid electricity and composting, in the units cities report them in. Diesel is not
/// given in litres because the catalog ships no default diesel density (see activity-types.csv);
/// gasoline is, through the shipped density.
/// </summary>
public static class ActivityMix
{
    public const int Year = 2023;

    public static CityContext City { get; } = new("hai-phong", "VN", null, "tropical-wet");

    public static IReadOnlyList<MixEntry> Entries { get; } =
    [
        new("I.1.1", "fuel:gas-diesel-oil", "TJ"),
        new("I.2.1", "fuel:gas-diesel-oil", "t"),
        new("II.1.1", "fuel:gas-diesel-oil", "TJ"),
        new("II.1.1", "fuel:gas-diesel-oil", "t"),
        new("I.3.1", "fuel:natural-gas", "TJ"),
        new("II.1.1", "fuel:motor-gasoline@uncontrolled", "L"),
        new("II.1.1", "fuel:motor-gasoline@uncontrolled", "TJ"),
        new("I.1.2", "electricity:grid", "MWh"),
        new("I.2.2", "electricity:grid", "MWh"),
        new("III.2.1", "waste:composting-wet", "t"),
    ];

    /// <summary>Sixteen draws, so a record picks its entry from four random bits: electricity and
    /// gasoline sales are the most frequent records, as in city data.</summary>
    internal static ReadOnlySpan<byte> WeightedEntries => [0, 1, 2, 3, 4, 5, 5, 5, 6, 7, 7, 7, 8, 8, 9, 9];
}
