namespace GhgReporting.Calc.Factors;

/// <summary>The greenhouse gases the engine estimates or accepts as reported emissions.</summary>
public enum Gas
{
    CO2,
    CH4,
    N2O,
    SF6,
    HFC134a,
    NF3,
}

/// <summary>Where the carbon of CH4 (and CO2) comes from: it decides the AR6 CH4 GWP by origin and
/// whether CO2 is reported separately as biogenic.</summary>
public enum CarbonOrigin
{
    Fossil,
    NonFossil,
}

/// <summary>Symbols of gases as written in data files (invariant, case-insensitive on read).</summary>
public static class GasSymbols
{
    private static readonly Dictionary<string, Gas> BySymbol = new(StringComparer.OrdinalIgnoreCase)
    {
        ["CO2"] = Gas.CO2, ["CH4"] = Gas.CH4, ["N2O"] = Gas.N2O,
        ["SF6"] = Gas.SF6, ["HFC-134a"] = Gas.HFC134a, ["NF3"] = Gas.NF3,
    };

    /// <summary>The symbol used in data files and reports: CO2, CH4, N2O, SF6, HFC-134a, NF3.</summary>
    public static string Symbol(this Gas gas) => gas == Gas.HFC134a ? "HFC-134a" : gas.ToString();

    public static bool TryParse(string? text, out Gas gas) => BySymbol.TryGetValue(text?.Trim() ?? "", out gas);

    public static IReadOnlyCollection<string> Known => BySymbol.Keys;
}
