using GhgReporting.Calc.Text;

namespace GhgReporting.Calc.Units;

// Implementation note
// -------------------
// A Quantity is a decimal value and a Unit. decimal, not double, because inventory inputs are
// decimal fractions as published (0.6592 t/MWh, 74 100 kg/TJ, 43.0 TJ/Gg): decimal holds them
// exactly, with 28–29 significant digits, and sums of many activity rows do not drift the way
// binary floating point does, so a recomputed inventory reproduces its published total digit for
// digit.
//
// Multiplication, addition and conversion between units whose factors are decimal multiples of
// each other (t→kg, GWh→TJ, kL→m3, kcal→MJ) are exact. A result can be inexact only where a
// division does not terminate in decimal: converting towards a unit whose factor has a factor 3
// (TJ→kWh: 10^6 / 3.6 = 277 777.77…), per-year → per-day (÷ 365), and the quotient of two
// quantities. There decimal keeps 28 significant digits and rounds the last one (banker's rounding
// by the runtime), an error below 1 part in 10^27. Conversions multiply first and divide once.
// decimal also has at most 28 digits after the point, so a value far below one in its unit keeps
// fewer significant digits (1 g in Mt, 10^-12, keeps 16), and values beyond about 7.9 × 10^28 in
// base units overflow with an OverflowException rather than wrapping.
//
// Nothing here rounds for presentation or reporting. Rounding to reported precision happens only
// in GhgReporting.Calc.Rounding, once, at the end of a calculation.

/// <summary>
/// An amount in a unit: 74 100 kg/TJ, 12.5 MWh, 0.6592 t/MWh. Immutable.
/// </summary>
/// <remarks>
/// <para>
/// Equality: two quantities are equal when their dimensions are equal and their values converted
/// to base units are equal, so 1 t equals 1000 kg and 1 GWh equals 3.6 TJ; the units themselves
/// need not match. The hash code hashes the same base value, so it agrees with equality. Quantities
/// of different dimensions are simply not equal (<see cref="Equals(Quantity)"/> never throws).
/// </para>
/// <para>
/// Ordering: <see cref="CompareTo"/> and <c>&lt; &gt; &lt;= &gt;=</c> compare base values and throw
/// <see cref="DimensionMismatchException"/> for different dimensions, because a mass is neither
/// more nor less than an energy.
/// </para>
/// <para>
/// <c>default(Quantity)</c> is zero in <see cref="Unit.One"/>.
/// </para>
/// </remarks>
public readonly struct Quantity : IEquatable<Quantity>, IComparable<Quantity>
{
    private readonly Unit? _unit;

    private Quantity(decimal value, Unit unit)
    {
        Value = value;
        _unit = unit;
    }

    /// <summary>The number, in <see cref="Unit"/>.</summary>
    public decimal Value { get; }

    /// <summary>The unit of <see cref="Value"/>.</summary>
    public Unit Unit => _unit ?? Unit.One;

    /// <summary>The dimension of <see cref="Unit"/>.</summary>
    public Dimension Dimension => Unit.Dimension;

    /// <summary>Creates a quantity of <paramref name="value"/> in <paramref name="unit"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="unit"/> is null.</exception>
    public static Quantity Of(decimal value, Unit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return new Quantity(value, unit);
    }

    /// <summary>Zero in <paramref name="unit"/>: the start of a sum.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="unit"/> is null.</exception>
    public static Quantity Zero(Unit unit) => Of(0m, unit);

    /// <summary>The same amount expressed in <paramref name="target"/>.</summary>
    /// <exception cref="DimensionMismatchException">The target measures another dimension.</exception>
    public Quantity In(Unit target) => new(ValueIn(target), target);

    /// <summary>
    /// The value in <paramref name="target"/>: the value times the source unit's factor, divided by
    /// the target unit's factor, with all multiplications done before the single division.
    /// Exact when the result terminates within 28 significant digits; otherwise rounded in the
    /// last digit (TJ→kWh), see the implementation note. No unit of another dimension is accepted:
    /// mass becomes energy only by multiplying with a quantity such as a net calorific value.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="target"/> is null.</exception>
    /// <exception cref="DimensionMismatchException">The target measures another dimension.</exception>
    public decimal ValueIn(Unit target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (Dimension != target.Dimension)
        {
            throw DimensionMismatchException.ForConversion(this, target);
        }

        return Unit.ConvertValue(Value, target);
    }

    /// <summary>The sum, in the left operand's unit.</summary>
    /// <exception cref="DimensionMismatchException">The dimensions differ.</exception>
    public static Quantity operator +(Quantity left, Quantity right)
    {
        if (left.Dimension != right.Dimension)
        {
            throw DimensionMismatchException.ForOperation("add", "to", right, left);
        }

        return new Quantity(left.Value + right.Unit.ConvertValue(right.Value, left.Unit), left.Unit);
    }

    /// <summary>The difference, in the left operand's unit.</summary>
    /// <exception cref="DimensionMismatchException">The dimensions differ.</exception>
    public static Quantity operator -(Quantity left, Quantity right)
    {
        if (left.Dimension != right.Dimension)
        {
            throw DimensionMismatchException.ForOperation("subtract", "from", right, left);
        }

        return new Quantity(left.Value - right.Unit.ConvertValue(right.Value, left.Unit), left.Unit);
    }

    /// <summary>The negated quantity, same unit.</summary>
    public static Quantity operator -(Quantity quantity) => new(-quantity.Value, quantity.Unit);

    /// <summary>
    /// The product: values multiply, units multiply (kg/TJ × TJ = kg). Units are not converted,
    /// so kg/TJ × GJ is a quantity in kg·GJ/TJ; convert it with <see cref="In"/>.
    /// </summary>
    public static Quantity operator *(Quantity left, Quantity right) =>
        new(left.Value * right.Value, left.Unit * right.Unit);

    /// <summary>The quotient: values divide (possibly inexactly), units divide.</summary>
    /// <exception cref="DivideByZeroException"><paramref name="right"/> has value zero.</exception>
    public static Quantity operator /(Quantity left, Quantity right) =>
        new(left.Value / right.Value, left.Unit / right.Unit);

    /// <summary>Scales the value; the unit is unchanged.</summary>
    public static Quantity operator *(Quantity quantity, decimal scalar) => new(quantity.Value * scalar, quantity.Unit);

    /// <summary>Scales the value; the unit is unchanged.</summary>
    public static Quantity operator *(decimal scalar, Quantity quantity) => new(scalar * quantity.Value, quantity.Unit);

    /// <summary>Divides the value; the unit is unchanged.</summary>
    /// <exception cref="DivideByZeroException"><paramref name="scalar"/> is zero.</exception>
    public static Quantity operator /(Quantity quantity, decimal scalar) => new(quantity.Value / scalar, quantity.Unit);

    /// <summary>Equality as documented on the type (dimension and base value).</summary>
    public static bool operator ==(Quantity left, Quantity right) => left.Equals(right);

    /// <summary>Negation of <see cref="op_Equality"/>.</summary>
    public static bool operator !=(Quantity left, Quantity right) => !left.Equals(right);

    /// <summary>Compares base values.</summary>
    /// <exception cref="DimensionMismatchException">The dimensions differ.</exception>
    public static bool operator <(Quantity left, Quantity right) => left.CompareTo(right) < 0;

    /// <summary>Compares base values.</summary>
    /// <exception cref="DimensionMismatchException">The dimensions differ.</exception>
    public static bool operator >(Quantity left, Quantity right) => left.CompareTo(right) > 0;

    /// <summary>Compares base values.</summary>
    /// <exception cref="DimensionMismatchException">The dimensions differ.</exception>
    public static bool operator <=(Quantity left, Quantity right) => left.CompareTo(right) <= 0;

    /// <summary>Compares base values.</summary>
    /// <exception cref="DimensionMismatchException">The dimensions differ.</exception>
    public static bool operator >=(Quantity left, Quantity right) => left.CompareTo(right) >= 0;

    /// <summary>Equal when dimensions match and values in base units are equal (1 t == 1000 kg).</summary>
    public bool Equals(Quantity other) =>
        Dimension == other.Dimension && Unit.ToBaseValue(Value) == other.Unit.ToBaseValue(other.Value);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Quantity other && Equals(other);

    /// <summary>Hashes the dimension and the base value, the same data <see cref="Equals(Quantity)"/> compares.</summary>
    public override int GetHashCode() => HashCode.Combine(Dimension, Unit.ToBaseValue(Value));

    /// <summary>Orders by value in base units.</summary>
    /// <exception cref="DimensionMismatchException">The dimensions differ.</exception>
    public int CompareTo(Quantity other)
    {
        if (Dimension != other.Dimension)
        {
            throw DimensionMismatchException.ForOperation("compare", "with", other, this);
        }

        return Unit.ToBaseValue(Value).CompareTo(other.Unit.ToBaseValue(other.Value));
    }

    /// <summary>Value and symbol in the invariant culture, e.g. <c>74100 kg/TJ</c>.</summary>
    public override string ToString() => UnitFormatter.Format(this);
}
