using System.Globalization;
using GhgReporting.Calc.Units;

namespace GhgReporting.Calc.Text;

/// <summary>
/// Formats units and quantities for files, logs and messages, always in the invariant culture so
/// that "0.6592 t/MWh" reads back the same on every machine. The value is written as held, with no
/// rounding (rounding belongs to <c>GhgReporting.Calc.Rounding</c>).
/// </summary>
public static class UnitFormatter
{
    /// <summary>The unit's symbol, e.g. <c>g/(person·d)</c>; <see cref="UnitParser"/> reads it back.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="unit"/> is null.</exception>
    public static string Format(Unit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return unit.Symbol;
    }

    /// <summary>Value, a space and the symbol: <c>74100 kg/TJ</c>.</summary>
    public static string Format(Quantity quantity) =>
        string.Create(CultureInfo.InvariantCulture, $"{quantity.Value} {quantity.Unit.Symbol}");
}
