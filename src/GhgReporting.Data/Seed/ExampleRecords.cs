using System.Globalization;
using GhgReporting.Calc.Inventory;

namespace GhgReporting.Data.Seed;

/// <summary>
/// Turns a <see cref="CityProfile"/> into the activity records, waste balance and notation keys of one
/// city-year. Deterministic: formulas only, no random numbers, no clock.
/// </summary>
internal static class ExampleRecords
{
    public static IReadOnlyList<ActivityRecord> For(ExampleCity city, CityProfile profile, int year)
    {
        var records = new List<ActivityRecord>();
        foreach (var line in profile.Energy)
        {
            if (line.IsGrid && !profile.HasGridFactor(year)) continue;
            records.Add(Record(line.Gpc, line.ActivityType, AmountIn(line, profile.BaseYear, year), line.Unit, year, line.Quality));
        }

        foreach (var (variant, persons) in PersonsByPathway(city, profile))
        {
            records.Add(Record("III.4.1", $"wastewater:domestic@{variant}", persons, "person", year, DataQuality.Medium));
            // N2O from advanced centralised plants (IPCC 2006 Vol 5 Ch 6): persons served by well-managed aerobic plants.
            if (profile.AdvancedPlantN2O && variant == "aerobic-plant-well-managed")
                records.Add(Record("III.4.1", "wastewater:domestic-n2o-plant", persons, "person", year, DataQuality.Medium));
        }

        // The disposal history the first-order decay needs: every earlier year's deposits, each within one calendar year.
        for (var deposited = profile.Years[0] - profile.Waste.HistoryYears; deposited < year; deposited++)
        {
            foreach (var (spec, tonnes) in Split(profile.Waste, profile.Years[0], deposited))
                if (spec.IsDeposit) records.Add(Record(spec.Gpc, spec.ActivityType!, tonnes, "t", deposited, spec.Quality));
        }
        foreach (var (spec, tonnes) in Split(profile.Waste, profile.Years[0], year))
            if (spec.ActivityType is not null) records.Add(Record(spec.Gpc, spec.ActivityType, tonnes, "t", year, spec.Quality));

        return records;
    }

    public static IReadOnlyList<ExampleWasteStream> WasteStreams(CityProfile profile, int year) =>
        Split(profile.Waste, profile.Years[0], year)
            .Select(s => new ExampleWasteStream(s.Spec.Component, s.Spec.Treatment, s.Tonnes, s.Spec.ActivityType))
            .ToList();

    public static IReadOnlyList<NotationKeyDeclaration> NotationKeys(CityProfile profile, int year)
    {
        var keys = new List<NotationKeyDeclaration>();
        if (!profile.HasGridFactor(year))
        {
            foreach (var byGpc in profile.Energy.Where(l => l.IsGrid).GroupBy(l => l.Gpc))
            {
                var mwh = byGpc.Sum(l => AmountIn(l, profile.BaseYear, year));
                var what = byGpc.Key.EndsWith(".3", StringComparison.Ordinal)
                    ? "Electricity lost in transmission and distribution"
                    : "Grid electricity is consumed here";
                keys.Add(new NotationKeyDeclaration(byGpc.Key, NotationKey.NE,
                    $"{what} (about {mwh.ToString("N0", CultureInfo.InvariantCulture)} MWh in {year}, illustrative) but is not estimated: " +
                    $"{profile.NoGridFactor} The city may add its own grid factor with its citation " +
                    "(emission-factors/README.md, \"How a city adds its own factor\")."));
            }
        }
        keys.AddRange(profile.OtherNotationKeys);
        return keys;
    }

    /// <summary>The base-year amount grown (or shrunk) to <paramref name="year"/>, three significant digits.</summary>
    internal static decimal AmountIn(EnergyLine line, int baseYear, int year)
    {
        var amount = line.BaseAmount;
        for (var y = baseYear; y < year; y++) amount *= 1m + line.Growth;
        for (var y = baseYear; y > year; y--) amount /= 1m + line.Growth;
        return RoundSignificant(amount, 3);
    }

    /// <summary>Rounds to <paramref name="digits"/> significant digits (1,745,283 → 1,750,000).</summary>
    internal static decimal RoundSignificant(decimal value, int digits)
    {
        if (value == 0m) return 0m;
        var magnitude = (int)Math.Floor(Math.Log10((double)Math.Abs(value)));
        var scale = 1m;
        for (var i = 0; i < Math.Abs(magnitude - digits + 1); i++) scale *= 10m;
        return magnitude - digits + 1 >= 0
            ? Math.Round(value / scale, MidpointRounding.AwayFromZero) * scale
            : Math.Round(value, digits - 1 - magnitude, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// The waste generated in <paramref name="year"/> split into its streams, in whole tonnes; the last
    /// stream takes the rounding remainder so that the streams add up to the waste generated exactly.
    /// </summary>
    private static IEnumerable<(WasteStreamSpec Spec, decimal Tonnes)> Split(WasteProfile waste, int firstSeededYear, int year)
    {
        var shares = waste.Streams.Sum(s => s.Share);
        if (shares != 1m) throw new InvalidOperationException($"The waste streams' shares add up to {shares}, not 1.");

        var days = DateTime.IsLeapYear(year) ? 366 : 365;
        var generated = waste.TonnesPerDay * days;
        for (var y = year; y < firstSeededYear; y++) generated *= 1m - waste.HistoryDecline;
        generated = Math.Round(generated, 0, MidpointRounding.AwayFromZero);

        var left = generated;
        for (var i = 0; i < waste.Streams.Count; i++)
        {
            var spec = waste.Streams[i];
            var tonnes = i == waste.Streams.Count - 1 ? left : Math.Round(generated * spec.Share, 0, MidpointRounding.AwayFromZero);
            left -= tonnes;
            yield return (spec, tonnes);
        }
    }

    /// <summary>The population split by wastewater pathway, in thousands; the last pathway takes the remainder.</summary>
    private static IEnumerable<(string Variant, decimal Persons)> PersonsByPathway(ExampleCity city, CityProfile profile)
    {
        var shares = profile.Wastewater.Sum(p => p.Share);
        if (shares != 1m) throw new InvalidOperationException($"The wastewater pathways' shares add up to {shares}, not 1.");

        decimal left = city.Population;
        for (var i = 0; i < profile.Wastewater.Count; i++)
        {
            var pathway = profile.Wastewater[i];
            var persons = i == profile.Wastewater.Count - 1 ? left : Math.Round(city.Population * pathway.Share / 1000m, 0, MidpointRounding.AwayFromZero) * 1000m;
            left -= persons;
            yield return (pathway.Variant, persons);
        }
    }

    private static ActivityRecord Record(string gpc, string activityType, decimal amount, string unit, int year, DataQuality quality) =>
        new(gpc, activityType, amount, unit, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), quality, ExamplePlatform.Source);
}
