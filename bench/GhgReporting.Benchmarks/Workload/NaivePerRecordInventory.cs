using GhgReporting.Calc.Factors;

namespace GhgReporting.Benchmarks.Workload;

/// <summary>
/// The design the engine avoids, kept for comparison: every record's amount is multiplied by each of
/// its factors (one per gas) and added to its category's per-gas totals. Same result in decimal, but
/// a multiplication per gas per record instead of one addition per record. The factors are resolved
/// before the first record and that work is not part of this class, which favours it.
/// </summary>
public sealed class NaivePerRecordInventory
{
    private const int MaxGases = 3;

    private readonly int[] _categoryOf;
    private readonly int[] _gasCount;
    private readonly int[] _gasIndex;
    private readonly decimal[] _factor;
    private readonly decimal[] _totals;
    private readonly List<string> _categories;

    /// <param name="factors">Per <see cref="ActivityMix"/> entry, its gases' tonnes per unit (CO2, CH4, N2O only).</param>
    public NaivePerRecordInventory(IReadOnlyList<IReadOnlyList<GasFactor>> factors)
    {
        var entries = ActivityMix.Entries;
        _categories = entries.Select(e => e.GpcReference).Distinct().ToList();
        _categoryOf = entries.Select(e => _categories.IndexOf(e.GpcReference)).ToArray();
        _gasCount = new int[entries.Count];
        _gasIndex = new int[entries.Count * MaxGases];
        _factor = new decimal[entries.Count * MaxGases];
        for (var e = 0; e < entries.Count; e++)
        {
            if (factors[e].Count > MaxGases) throw new ArgumentException($"{entries[e]} has more than {MaxGases} gases.", nameof(factors));
            _gasCount[e] = factors[e].Count;
            for (var g = 0; g < factors[e].Count; g++)
            {
                _gasIndex[e * MaxGases + g] = GasIndex(factors[e][g].Gas);
                _factor[e * MaxGases + g] = factors[e][g].TonnesPerUnit;
            }
        }
        _totals = new decimal[_categories.Count * MaxGases];
    }

    public void Add(int entry, decimal amount)
    {
        var category = _categoryOf[entry] * MaxGases;
        var first = entry * MaxGases;
        for (var g = first; g < first + _gasCount[entry]; g++)
            _totals[category + _gasIndex[g]] += amount * _factor[g];
    }

    /// <summary>Tonnes per GPC reference and gas, for the gases the mix estimates there.</summary>
    public Dictionary<(string Gpc, Gas Gas), decimal> Totals()
    {
        var totals = new Dictionary<(string, Gas), decimal>();
        for (var e = 0; e < ActivityMix.Entries.Count; e++)
        {
            for (var g = e * MaxGases; g < e * MaxGases + _gasCount[e]; g++)
            {
                var gas = (Gas)_gasIndex[g];
                totals[(_categories[_categoryOf[e]], gas)] = _totals[_categoryOf[e] * MaxGases + _gasIndex[g]];
            }
        }
        return totals;
    }

    private static int GasIndex(Gas gas) => gas switch
    {
        Gas.CO2 or Gas.CH4 or Gas.N2O => (int)gas,
        _ => throw new ArgumentException($"The naive path handles CO2, CH4 and N2O only, not {gas.Symbol()}.", nameof(gas)),
    };
}
