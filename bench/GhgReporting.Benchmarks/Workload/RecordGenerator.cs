using System.Runtime.CompilerServices;
using GhgReporting.Calc.Inventory;

namespace GhgReporting.Benchmarks.Workload;

/// <summary>One generated record: which <see cref="ActivityMix"/> entry, the amount in thousandths
/// (1 … 9 999 999, so 0.001 … 9 999.999 in the entry's unit) and the month (1–12).</summary>
public readonly record struct GeneratedRecord(int Entry, int Thousandths, int Month)
{
    /// <summary>The amount with its three decimal places, as a city's file would give it.</summary>
    public decimal Amount => new(Thousandths, 0, 0, false, 3);
}

/// <summary>
/// A deterministic, endless stream of activity records that holds nothing but a 64-bit state, so
/// streaming N records costs the same memory for any N. SplitMix64 (Steele, Lea, Flood 2014) rather
/// than a seeded <see cref="Random"/>: it costs about a nanosecond per record, where seeded
/// <see cref="Random"/> (the legacy subtractive generator, kept for reproducibility) costs several
/// times the engine's own work per record and would dominate what is measured. The same seed gives
/// the same records on every machine and runtime.
/// </summary>
public struct RecordGenerator(ulong seed)
{
    public const ulong DefaultSeed = 20_231_231;

    private ulong _state = seed;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public GeneratedRecord Next()
    {
        var z = _state += 0x9E37_79B9_7F4A_7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D0_49BB_1331_11EBUL;
        z ^= z >> 31;
        // Bits 60–63 pick the entry, 32–47 the month, 0–31 the amount. Multiply-shift instead of modulo:
        // amounts are uniform to within 1 part in 430, which is irrelevant here.
        var entry = ActivityMix.WeightedEntries[(int)(z >> 60)];
        var month = 1 + (int)((((z >> 32) & 0xFFFF) * 12) >> 16);
        var thousandths = 1 + (int)(((z & 0xFFFF_FFFFUL) * 9_999_999UL) >> 32);
        return new GeneratedRecord(entry, thousandths, month);
    }

    /// <summary>The records as <see cref="ActivityRecord"/> objects, created one at a time as the caller
    /// enumerates (the record path: each is validated by the engine). Periods are calendar months of
    /// <see cref="ActivityMix.Year"/>.</summary>
    public static IEnumerable<ActivityRecord> ActivityRecords(long count, ulong seed = DefaultSeed)
    {
        var generator = new RecordGenerator(seed);
        for (long i = 0; i < count; i++)
        {
            var r = generator.Next();
            var entry = ActivityMix.Entries[r.Entry];
            var start = new DateOnly(ActivityMix.Year, r.Month, 1);
            yield return new ActivityRecord(entry.GpcReference, entry.ActivityType, r.Amount, entry.Unit,
                start, start.AddMonths(1).AddDays(-1), DataQuality.High);
        }
    }
}
