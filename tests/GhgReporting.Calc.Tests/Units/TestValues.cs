using System.Globalization;
using System.Reflection;
using GhgReporting.Calc.Units;

namespace GhgReporting.Calc.Tests.Units;

/// <summary>
/// Attributes cannot hold decimals or units, so rows carry decimals as invariant strings and units
/// as the names of <see cref="Unit"/>'s static properties (written with nameof).
/// </summary>
internal static class TestValues
{
    public static decimal Dec(string text) => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    public static Unit UnitNamed(string name) =>
        typeof(Unit).GetProperty(name, BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as Unit
        ?? throw new ArgumentException($"Unit has no static property '{name}'.", nameof(name));

    public static Quantity Q(string value, string unitName) => Quantity.Of(Dec(value), UnitNamed(unitName));
}
