using GhgReporting.Calc;
using GhgReporting.Calc.Factors;
using GhgReporting.Calc.Gpc;
using GhgReporting.Calc.Inventory;

namespace GhgReporting.Api.Console;

/// <summary>Prints an inventory as the GPC table (tonnes; NE/NO/IE/C where there is no figure).</summary>
public static class GpcTablePrinter
{
    private static readonly Gas[] Gases = [Gas.CO2, Gas.CH4, Gas.N2O];

    public static void Print(InventoryResult result, TextWriter output)
    {
        output.WriteLine($"GHG inventory of {result.CityId}, {result.Year} — GWP {result.Gwp}; catalog {result.Catalog}");
        output.WriteLine();
        output.WriteLine($"{"GPC",-8} {"Scope",5} {"CO2 t",16} {"CH4 t",14} {"N2O t",12} {"CO2e t",16} {"CO2(b) t",14}  Key / data quality");
        foreach (var c in result.Categories)
        {
            string Gas(Gas g) => c.Show(g, Rounding.FormatTonnes);
            var co2e = c.HasData && c.NotationKey is null ? Rounding.FormatTonnes(c.Co2e) : c.NotationKey!.Key.ToString();
            var note = c.HasData ? $"quality {c.Quality!.Value.ToString().ToLowerInvariant()}" : c.NotationKey!.Key.ToString();
            if (!c.HasData && c.NotationKey!.Key == NotationKey.NE) continue; // printed in summary below to keep the table short
            output.WriteLine($"{c.Category.Reference,-8} {(int)c.Category.Scope,5} {Gas(Gases[0]),16} {Gas(Gases[1]),14} {Gas(Gases[2]),12} {co2e,16} {(c.HasData ? Rounding.FormatTonnes(c.BiogenicCo2) : ""),14}  {note}");
        }
        var notEstimated = result.Categories.Where(c => !c.HasData && c.NotationKey?.Key == NotationKey.NE).Select(c => c.Category.Reference).ToList();
        output.WriteLine();
        output.WriteLine($"NE (no data submitted, no notation key declared): {string.Join(", ", notEstimated)}");
        output.WriteLine();
        foreach (var total in new[] { result.Basic, result.BasicPlus, result.Territorial })
            output.WriteLine($"{total.Name,-22} {Rounding.FormatTonnes(total.Co2e),16} t CO2e   (biogenic CO2, not included: {Rounding.FormatTonnes(total.BiogenicCo2)} t)");
        output.WriteLine();
        output.WriteLine("By sector and scope (t CO2e):");
        foreach (var ((sector, scope), co2e) in result.Co2eBySectorAndScope().Where(kv => kv.Value != 0))
            output.WriteLine($"  {GpcStructure.SectorNumeral(sector),-4} {GpcStructure.SectorName(sector),-45} scope {(int)scope}  {Rounding.FormatTonnes(co2e),16}");
        if (result.Warnings.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Warnings:");
            foreach (var w in result.Warnings) output.WriteLine("  - " + w);
        }
    }
}
