using System.Text;

namespace GhgReporting.Calc.Units;

/// <summary>
/// A unit of measurement: a symbol, a <see cref="Units.Dimension"/> and the factor to the base
/// unit of that dimension. Atomic units are the static properties below; derived units such as
/// kg/TJ or g/(person·d) come from <c>*</c>, <c>/</c>, <see cref="Pow"/> and <see cref="Inverse"/>.
/// </summary>
/// <remarks>
/// Base units: mass kg, energy MJ, volume m3, distance km, count person, time day.
/// <para>
/// A derived unit remembers its atomic units with exponents, so identical atoms cancel
/// (kg/TJ × TJ is kg, g/person/d is g/(person·d)), and it keeps the product of the atoms' factors
/// above and below the fraction bar separately. <see cref="ToBase"/> is their quotient, which can be
/// inexact (kg/kWh is 1/3.6); conversions in <see cref="Quantity"/> use the separate products so
/// that they divide only once, at the end.
/// </para>
/// <para>
/// Equality: two units are equal when <see cref="Symbol"/>, <see cref="Dimension"/> and
/// <see cref="ToBase"/> are all equal. Units that measure the same amount under different names
/// (kt and Gg, kL and m3) are therefore different units; their quantities still compare equal,
/// because <see cref="Quantity"/> compares values in base units.
/// </para>
/// <para>
/// The set of atoms is closed: there is no public constructor, so no two atoms can share a symbol
/// with different factors. Count has a single atom, <see cref="Person"/>; a "vehicle" atom is not
/// offered because the count dimension cannot tell vehicles from persons, and a g/person factor
/// applied to vehicles would then convert silently.
/// </para>
/// </remarks>
public sealed class Unit : IEquatable<Unit>
{
    private readonly Factor[] _factors;

    // ToBase = _numerator / _denominator, both exact products of atomic factors.
    private readonly decimal _numerator;
    private readonly decimal _denominator;

    private Unit(string symbol, Dimension dimension, decimal toBase)
    {
        Symbol = symbol;
        Dimension = dimension;
        ToBase = toBase;
        _numerator = toBase;
        _denominator = 1m;
        _factors = [new Factor(this, 1)];
    }

    private Unit(Factor[] factors)
    {
        _factors = factors;
        _numerator = 1m;
        _denominator = 1m;
        Dimension dimension = Dimension.Dimensionless;
        foreach (Factor factor in factors)
        {
            dimension *= factor.Atom.Dimension.Pow(factor.Exponent);
            for (int i = 0; i < Math.Abs(factor.Exponent); i++)
            {
                if (factor.Exponent > 0)
                {
                    _numerator *= factor.Atom.ToBase;
                }
                else
                {
                    _denominator *= factor.Atom.ToBase;
                }
            }
        }

        Dimension = dimension;
        ToBase = _numerator / _denominator;
        Symbol = BuildSymbol(factors);
    }

    /// <summary>The symbol, e.g. <c>kg/TJ</c>; <see cref="Text.UnitParser"/> reads it back.</summary>
    public string Symbol { get; }

    /// <summary>The dimension measured by this unit.</summary>
    public Dimension Dimension { get; }

    /// <summary>
    /// Value in this unit × <see cref="ToBase"/> = value in the base unit of the dimension
    /// (kg, MJ, m3, km, person, day). Exact for atomic units; for a derived unit whose factor is a
    /// non-terminating quotient (kg/kWh = 1/3.6) it holds 28 significant digits.
    /// </summary>
    public decimal ToBase { get; }

    /// <summary>The unit of a pure number, symbol <c>1</c>: what remains when all units cancel.</summary>
    public static Unit One { get; } = new([]);

    /// <summary>Kilogram, the base unit of mass.</summary>
    public static Unit Kilogram { get; } = new("kg", Dimension.Mass, 1m);

    /// <summary>Gram, 0.001 kg.</summary>
    public static Unit Gram { get; } = new("g", Dimension.Mass, 0.001m);

    /// <summary>Tonne (metric ton), 1000 kg.</summary>
    public static Unit Tonne { get; } = new("t", Dimension.Mass, 1_000m);

    /// <summary>Kilotonne, 1000 t = 10^6 kg.</summary>
    public static Unit Kilotonne { get; } = new("kt", Dimension.Mass, 1_000_000m);

    /// <summary>Gigagram, 10^6 kg = 1000 t; the mass unit of IPCC net calorific values (TJ/Gg).</summary>
    public static Unit Gigagram { get; } = new("Gg", Dimension.Mass, 1_000_000m);

    /// <summary>Megatonne, 10^9 kg.</summary>
    public static Unit Megatonne { get; } = new("Mt", Dimension.Mass, 1_000_000_000m);

    /// <summary>Megajoule, the base unit of energy.</summary>
    public static Unit Megajoule { get; } = new("MJ", Dimension.Energy, 1m);

    /// <summary>Gigajoule, 1000 MJ.</summary>
    public static Unit Gigajoule { get; } = new("GJ", Dimension.Energy, 1_000m);

    /// <summary>Terajoule, 10^6 MJ; the energy unit of IPCC 2006 stationary combustion factors.</summary>
    public static Unit Terajoule { get; } = new("TJ", Dimension.Energy, 1_000_000m);

    /// <summary>Kilowatt-hour, 3.6 MJ exactly.</summary>
    public static Unit Kilowatthour { get; } = new("kWh", Dimension.Energy, 3.6m);

    /// <summary>Megawatt-hour, 3600 MJ exactly.</summary>
    public static Unit Megawatthour { get; } = new("MWh", Dimension.Energy, 3_600m);

    /// <summary>Gigawatt-hour, 3.6 TJ exactly.</summary>
    public static Unit Gigawatthour { get; } = new("GWh", Dimension.Energy, 3_600_000m);

    /// <summary>
    /// Kilocalorie of the International Table (IT) calorie: 1 cal_IT = 4.1868 J exactly, so
    /// 1 kcal = 4.1868 kJ = 0.0041868 MJ. The thermochemical calorie (4.184 J) is not offered;
    /// energy statistics use the IT calorie (IEA: 1 toe = 10^7 kcal = 41.868 GJ).
    /// </summary>
    public static Unit Kilocalorie { get; } = new("kcal", Dimension.Energy, 0.0041868m);

    /// <summary>Litre, 0.001 m3.</summary>
    public static Unit Litre { get; } = new("L", Dimension.Volume, 0.001m);

    /// <summary>Kilolitre, 1 m3.</summary>
    public static Unit Kilolitre { get; } = new("kL", Dimension.Volume, 1m);

    /// <summary>Cubic metre, the base unit of volume.</summary>
    public static Unit CubicMetre { get; } = new("m3", Dimension.Volume, 1m);

    /// <summary>Megalitre, 1000 m3 (not millilitre: that is mL, which is not supported).</summary>
    public static Unit Megalitre { get; } = new("ML", Dimension.Volume, 1_000m);

    /// <summary>Kilometre, the base unit of distance.</summary>
    public static Unit Kilometre { get; } = new("km", Dimension.Distance, 1m);

    /// <summary>Tonne-kilometre (t·km), freight transport work: 1000 kg·km.</summary>
    public static Unit TonneKilometre { get; } = Tonne * Kilometre;

    /// <summary>Person (inhabitant), the base unit of count.</summary>
    public static Unit Person { get; } = new("person", Dimension.Count, 1m);

    /// <summary>Day, the base unit of time.</summary>
    public static Unit Day { get; } = new("d", Dimension.Time, 1m);

    /// <summary>
    /// Year of 365 days, following IPCC 2006 Vol 5 Ch 6 Eq 6.3 (BOD per person per day × 365).
    /// Use it only to convert per-year and per-day factors; it is never calendar arithmetic
    /// (leap years, reporting periods) and must not be used as such.
    /// </summary>
    public static Unit Year { get; } = new("yr", Dimension.Time, 365m);

    /// <summary>A dimensionless fraction, 0…1 (e.g. a fraction of carbon oxidised).</summary>
    public static Unit Fraction { get; } = new("fraction", Dimension.Dimensionless, 1m);

    /// <summary>Percent, 0.01 of a fraction.</summary>
    public static Unit Percent { get; } = new("%", Dimension.Dimensionless, 0.01m);

    /// <summary>The product unit: dimensions add, factors multiply, identical atoms cancel.</summary>
    /// <exception cref="OverflowException">The factor or an exponent leaves its range.</exception>
    public static Unit operator *(Unit left, Unit right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return Combine(left._factors, right._factors, 1);
    }

    /// <summary>The quotient unit: dimensions subtract, factors divide, identical atoms cancel.</summary>
    /// <exception cref="OverflowException">The factor or an exponent leaves its range.</exception>
    public static Unit operator /(Unit left, Unit right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return Combine(left._factors, right._factors, -1);
    }

    /// <summary>Equality as documented on the type: symbol, dimension and factor.</summary>
    public static bool operator ==(Unit? left, Unit? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Negation of <see cref="op_Equality"/>.</summary>
    public static bool operator !=(Unit? left, Unit? right) => !(left == right);

    /// <summary>This unit raised to an integer power; <c>Pow(0)</c> is <see cref="One"/>.</summary>
    public Unit Pow(int power) => Combine([], _factors, power);

    /// <summary>The reciprocal unit, e.g. 1/yr for <see cref="Year"/>.</summary>
    public Unit Inverse() => Pow(-1);

    /// <inheritdoc />
    public bool Equals(Unit? other) =>
        other is not null
        && string.Equals(Symbol, other.Symbol, StringComparison.Ordinal)
        && Dimension == other.Dimension
        && ToBase == other.ToBase;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Unit);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Symbol, Dimension, ToBase);

    /// <summary>Returns <see cref="Symbol"/>.</summary>
    public override string ToString() => Symbol;

    /// <summary>
    /// Converts a value from this unit to <paramref name="target"/>, which the caller has checked
    /// to have the same dimension. Multiplies first and divides once, so the result is exact
    /// whenever it has a terminating decimal expansion within 28 significant digits.
    /// </summary>
    internal decimal ConvertValue(decimal value, Unit target)
    {
        if (ReferenceEquals(this, target))
        {
            return value;
        }

        return value * _numerator * target._denominator / (_denominator * target._numerator);
    }

    /// <summary>The value expressed in the base unit of the dimension (one division at most).</summary>
    internal decimal ToBaseValue(decimal value) => value * _numerator / _denominator;

    private static Unit Combine(Factor[] left, Factor[] right, int power)
    {
        var factors = new List<Factor>(left);
        foreach (Factor factor in right)
        {
            int exponent = checked(factor.Exponent * power);
            int index = factors.FindIndex(f => string.Equals(f.Atom.Symbol, factor.Atom.Symbol, StringComparison.Ordinal));
            if (index >= 0)
            {
                factors[index] = factors[index] with { Exponent = checked(factors[index].Exponent + exponent) };
            }
            else
            {
                factors.Add(factor with { Exponent = exponent });
            }
        }

        factors.RemoveAll(f => f.Exponent == 0);
        if (factors.Count == 0)
        {
            return One;
        }

        // A lone atom to the first power is that atom, so kg/TJ × TJ gives Kilogram itself.
        return factors is [{ Exponent: 1 } single] ? single.Atom : new Unit([.. factors]);
    }

    private static string BuildSymbol(Factor[] factors)
    {
        var numerator = factors.Where(f => f.Exponent > 0).Select(f => Term(f.Atom.Symbol, f.Exponent)).ToList();
        var denominator = factors.Where(f => f.Exponent < 0).Select(f => Term(f.Atom.Symbol, -f.Exponent)).ToList();

        var symbol = new StringBuilder(numerator.Count == 0 ? "1" : string.Join('·', numerator));
        if (denominator.Count == 1)
        {
            symbol.Append('/').Append(denominator[0]);
        }
        else if (denominator.Count > 1)
        {
            // Parenthesised so that the symbol reads back unambiguously: g/(person·d).
            symbol.Append("/(").AppendJoin('·', denominator).Append(')');
        }

        return symbol.ToString();
    }

    private static string Term(string symbol, int exponent) =>
        exponent == 1 ? symbol : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{symbol}^{exponent}");

    /// <summary>An atomic unit raised to a non-zero integer exponent.</summary>
    private readonly record struct Factor(Unit Atom, int Exponent);
}
