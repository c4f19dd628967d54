using System.Globalization;
using GhgReporting.Benchmarks.Workload;
using GhgReporting.Calc.Factors;

namespace GhgReporting.Benchmarks.SqlCompare;

/// <summary>The plain-text tables <c>sql-compare</c> prints (invariant culture).</summary>
internal static class Report
{
    public static void Section(string title)
    {
        Console.WriteLine();
        Console.WriteLine($"== {title}");
    }

    public static void Factors(IReadOnlyList<IReadOnlyList<GasFactor>> factors)
    {
        Section("Factors the engine applies per unit of amount (one-record inventories of amount 1; loaded into line_factor)");
        Console.WriteLine($"  {"GPC",-8} {"activity",-34} {"unit",-4} {"gas",-4} {"t per unit",22} {"GWP",6}");
        for (var i = 0; i < factors.Count; i++)
        {
            var e = ActivityMix.Entries[i];
            foreach (var f in factors[i])
                Console.WriteLine($"  {e.GpcReference,-8} {e.ActivityType,-34} {e.Unit,-4} {f.Gas.Symbol(),-4} {Invariant(f.TonnesPerUnit),22} {Invariant(f.Gwp),6}");
        }
    }

    public static void Totals(Dictionary<(string Gpc, Gas Gas), GasTotal> sql, Dictionary<(string Gpc, Gas Gas), GasTotal> engine)
    {
        Console.WriteLine($"  {"GPC",-8} {"gas",-4} {"SQL tonnes",30} {"engine tonnes",30} {"SQL t CO2e",30} {"engine t CO2e",30}  same");
        foreach (var key in sql.Keys.Union(engine.Keys).OrderBy(k => k.Gpc, StringComparer.Ordinal).ThenBy(k => k.Gas))
        {
            var s = sql.GetValueOrDefault(key);
            var e = engine.GetValueOrDefault(key);
            var same = sql.ContainsKey(key) && engine.ContainsKey(key) && s == e;
            Console.WriteLine($"  {key.Gpc,-8} {key.Gas.Symbol(),-4} {Invariant(s.Tonnes),30} {Invariant(e.Tonnes),30} {Invariant(s.Co2e),30} {Invariant(e.Co2e),30}  {(same ? "yes" : "NO")}");
        }
    }

    public static void Summary(IReadOnlyList<(string Name, string Value)> rows)
    {
        var width = rows.Max(r => r.Name.Length);
        foreach (var (name, value) in rows) Console.WriteLine($"  {name.PadRight(width)}  {value}");
    }

    private static string Invariant(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
