namespace GhgReporting.Calc.Factors;

/// <summary>One 100-year global warming potential of a set (kg CO2e per kg gas), with its source.</summary>
public sealed record GwpValue(string Set, string GasKey, decimal Value, string Source, string? SourceRef, string? Notes);

/// <summary>
/// A GWP-100 set (AR4, AR5, AR6) as loaded from the catalog. CO2 is 1 by definition and has no row.
/// </summary>
public sealed class GwpSet
{
    private readonly Dictionary<string, GwpValue> _values;

    public GwpSet(string name, IEnumerable<GwpValue> values)
    {
        Name = name;
        _values = values.ToDictionary(v => v.GasKey, StringComparer.OrdinalIgnoreCase);
    }

    public string Name { get; }

    public IReadOnlyCollection<GwpValue> Values => _values.Values;

    /// <summary>
    /// The GWP to apply to a gas. With <paramref name="ch4ByOrigin"/>, CH4 takes the origin-specific value
    /// (AR6 WG1 Ch7 Table 7.15: fossil 29.8, non-fossil 27.0) and fails where the set has none.
    /// Returns null for CO2 (1 by definition).
    /// </summary>
    /// <exception cref="KeyNotFoundException">The set has no value for the gas.</exception>
    public GwpValue? For(Gas gas, CarbonOrigin origin, bool ch4ByOrigin)
    {
        if (gas == Gas.CO2) return null;
        var key = gas == Gas.CH4 && ch4ByOrigin
            ? origin == CarbonOrigin.Fossil ? "CH4-fossil" : "CH4-non-fossil"
            : gas.Symbol();
        return _values.TryGetValue(key, out var value)
            ? value
            : throw new KeyNotFoundException(
                $"The GWP set {Name} has no value for {key}" +
                (gas == Gas.CH4 && ch4ByOrigin ? "; choose a set with CH4 by origin (AR6) or turn the CH4-by-origin option off." : "."));
    }
}

/// <summary>The inventory's choice of GWPs: a set, and for AR6 whether CH4 is weighted by its origin.</summary>
public sealed record GwpChoice(string Set, bool Ch4ByOrigin = false)
{
    /// <summary>AR5 without CH4 by origin: the default of this service (GPC inventories commonly report AR5).</summary>
    public static GwpChoice Default { get; } = new("AR5");

    public override string ToString() => Ch4ByOrigin ? $"{Set} (CH4 by origin)" : Set;
}
