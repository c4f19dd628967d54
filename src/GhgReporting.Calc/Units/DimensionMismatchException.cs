using System.Globalization;

namespace GhgReporting.Calc.Units;

/// <summary>
/// Thrown when an operation needs two quantities of the same dimension and gets different ones:
/// converting mass to energy, adding energy to mass, comparing a volume with a mass. The message
/// names both operands with their units and dimensions and, where one exists, the factor that
/// would legitimately link them (a net calorific value, a density, an emission factor).
/// </summary>
/// <remarks>
/// Cross-dimension conversion is never implicit: the fix is always to multiply or divide by a
/// quantity that carries the missing dimension, e.g. a net calorific value in TJ/Gg.
/// </remarks>
public sealed class DimensionMismatchException : InvalidOperationException
{
    /// <summary>Creates the exception with a message written by the caller.</summary>
    /// <param name="message">One sentence naming both units and both dimensions.</param>
    /// <param name="from">The dimension of the quantity that was to be converted or combined.</param>
    /// <param name="to">The dimension it was expected to have.</param>
    public DimensionMismatchException(string message, Dimension from, Dimension to)
        : base(message)
    {
        From = from;
        To = to;
    }

    /// <summary>
    /// The dimension of the operand that did not fit: the source of a conversion, the right
    /// operand of <c>+</c>/<c>-</c>, the argument of <c>CompareTo</c>.
    /// </summary>
    public Dimension From { get; }

    /// <summary>
    /// The dimension that was required: the target unit of a conversion, the left operand of
    /// <c>+</c>/<c>-</c>, the instance on which <c>CompareTo</c> was called.
    /// </summary>
    public Dimension To { get; }

    /// <summary>"Cannot convert 5 t (mass) to TJ (energy): {hint}"</summary>
    internal static DimensionMismatchException ForConversion(Quantity quantity, Unit target) =>
        new(
            string.Create(
                CultureInfo.InvariantCulture,
                $"Cannot convert {quantity} ({quantity.Dimension}) to {target.Symbol} ({target.Dimension}): {Hint(quantity.Dimension, target.Dimension)}"),
            quantity.Dimension,
            target.Dimension);

    /// <summary>"Cannot add 3 TJ (energy) to 5 t (mass): {hint}" and the like.</summary>
    /// <param name="verb">"add", "subtract", "compare".</param>
    /// <param name="preposition">"to", "from", "with".</param>
    /// <param name="operand">The quantity that does not fit (becomes <see cref="From"/>).</param>
    /// <param name="target">The quantity that sets the dimension (becomes <see cref="To"/>).</param>
    internal static DimensionMismatchException ForOperation(string verb, string preposition, Quantity operand, Quantity target) =>
        new(
            string.Create(
                CultureInfo.InvariantCulture,
                $"Cannot {verb} {operand} ({operand.Dimension}) {preposition} {target} ({target.Dimension}): {Hint(operand.Dimension, target.Dimension)}"),
            operand.Dimension,
            target.Dimension);

    /// <summary>Names the factor that links the two dimensions in an inventory, else the general rule.</summary>
    private static string Hint(Dimension from, Dimension to)
    {
        if (from == Dimension.Mass && to == Dimension.Energy)
        {
            return "a mass becomes an energy only through a net calorific value (multiply by a quantity in TJ/Gg).";
        }

        if (from == Dimension.Energy && to == Dimension.Mass)
        {
            return "an energy becomes a mass only through a factor such as an emission factor in kg/TJ, or by dividing by a net calorific value in TJ/Gg.";
        }

        if (from == Dimension.Volume && to == Dimension.Mass)
        {
            return "a volume becomes a mass only through a density (multiply by a quantity in kg/L or kg/m3).";
        }

        if (from == Dimension.Mass && to == Dimension.Volume)
        {
            return "a mass becomes a volume only by dividing by a density (a quantity in kg/L or kg/m3).";
        }

        if ((from == Dimension.Volume && to == Dimension.Energy) || (from == Dimension.Energy && to == Dimension.Volume))
        {
            return "volume and energy are linked only through a density and a net calorific value, or a volumetric calorific value in MJ/m3.";
        }

        if (from.IsDimensionless || to.IsDimensionless)
        {
            return "a dimensionless number (fraction, %) converts only to another dimensionless unit; multiply by a quantity to give it a dimension.";
        }

        return $"the dimensions differ, so a factor with dimension {to / from} is needed, multiplied in explicitly.";
    }
}
