using System.Text;

namespace GhgReporting.Calc.Units;

/// <summary>
/// The physical dimension of a quantity as integer exponents over six base dimensions:
/// mass, energy, volume, distance, count and time. An emission factor in kg/TJ has
/// mass¹·energy⁻¹; a per-capita rate in g/(person·d) has mass¹·count⁻¹·time⁻¹.
/// </summary>
/// <remarks>
/// Energy is a base dimension here rather than mass·length²/time², because inventories never
/// derive energy from mechanics, and keeping it separate makes "kg/TJ × t" fail loudly instead of
/// cancelling into something meaningless. Volume is a base dimension for the same reason: a
/// volume is never built from distances in this domain (km are travel distances, m3 are fuel).
/// <para>
/// The exponent properties are named <c>MassExponent</c> etc. because C# does not allow an
/// instance property and the static <see cref="Mass"/> to share a name.
/// </para>
/// </remarks>
/// <param name="MassExponent">Exponent of mass (base unit kg).</param>
/// <param name="EnergyExponent">Exponent of energy (base unit MJ).</param>
/// <param name="VolumeExponent">Exponent of volume (base unit m3).</param>
/// <param name="DistanceExponent">Exponent of distance (base unit km).</param>
/// <param name="CountExponent">Exponent of count (persons, base unit one person).</param>
/// <param name="TimeExponent">Exponent of time (base unit day).</param>
public readonly record struct Dimension(
    sbyte MassExponent,
    sbyte EnergyExponent,
    sbyte VolumeExponent,
    sbyte DistanceExponent,
    sbyte CountExponent,
    sbyte TimeExponent)
{
    // Order used by ToString; matches the positional order above.
    private static readonly string[] Names = ["mass", "energy", "volume", "distance", "count", "time"];

    /// <summary>No dimension: fractions, percentages, ratios such as g/kg.</summary>
    public static Dimension Dimensionless { get; }

    /// <summary>Mass (kg, t, Gg, …).</summary>
    public static Dimension Mass { get; } = new(1, 0, 0, 0, 0, 0);

    /// <summary>Energy (MJ, TJ, kWh, …).</summary>
    public static Dimension Energy { get; } = new(0, 1, 0, 0, 0, 0);

    /// <summary>Volume (L, m3, …).</summary>
    public static Dimension Volume { get; } = new(0, 0, 1, 0, 0, 0);

    /// <summary>Distance (km).</summary>
    public static Dimension Distance { get; } = new(0, 0, 0, 1, 0, 0);

    /// <summary>Count of persons.</summary>
    public static Dimension Count { get; } = new(0, 0, 0, 0, 1, 0);

    /// <summary>Time (d, yr).</summary>
    public static Dimension Time { get; } = new(0, 0, 0, 0, 0, 1);

    /// <summary>Mass × distance, the dimension of freight transport work (t·km).</summary>
    public static Dimension MassDistance { get; } = new(1, 0, 0, 1, 0, 0);

    /// <summary>True when every exponent is zero.</summary>
    public bool IsDimensionless => this == Dimensionless;

    /// <summary>Combines two dimensions by adding exponents (the dimension of a product).</summary>
    /// <exception cref="OverflowException">An exponent leaves the range of <see cref="sbyte"/>.</exception>
    public static Dimension operator *(Dimension left, Dimension right) => Combine(left, right, 1);

    /// <summary>Combines two dimensions by subtracting exponents (the dimension of a quotient).</summary>
    /// <exception cref="OverflowException">An exponent leaves the range of <see cref="sbyte"/>.</exception>
    public static Dimension operator /(Dimension left, Dimension right) => Combine(left, right, -1);

    /// <summary>Raises the dimension to an integer power (multiplies every exponent).</summary>
    /// <exception cref="OverflowException">An exponent leaves the range of <see cref="sbyte"/>.</exception>
    public Dimension Pow(int power)
    {
        checked
        {
            return new Dimension(
                (sbyte)(MassExponent * power),
                (sbyte)(EnergyExponent * power),
                (sbyte)(VolumeExponent * power),
                (sbyte)(DistanceExponent * power),
                (sbyte)(CountExponent * power),
                (sbyte)(TimeExponent * power));
        }
    }

    /// <summary>
    /// A readable form: <c>mass/energy</c>, <c>mass·distance</c>, <c>mass/(count·time)</c>,
    /// <c>1/time</c>, <c>energy^2</c>, or <c>dimensionless</c>. Used in error messages.
    /// </summary>
    public override string ToString()
    {
        if (IsDimensionless)
        {
            return "dimensionless";
        }

        sbyte[] exponents = Exponents();
        var numerator = new List<string>();
        var denominator = new List<string>();
        for (int i = 0; i < exponents.Length; i++)
        {
            if (exponents[i] > 0)
            {
                numerator.Add(Term(Names[i], exponents[i]));
            }
            else if (exponents[i] < 0)
            {
                denominator.Add(Term(Names[i], -exponents[i]));
            }
        }

        var text = new StringBuilder(numerator.Count == 0 ? "1" : string.Join('·', numerator));
        if (denominator.Count == 1)
        {
            text.Append('/').Append(denominator[0]);
        }
        else if (denominator.Count > 1)
        {
            text.Append("/(").AppendJoin('·', denominator).Append(')');
        }

        return text.ToString();
    }

    private static string Term(string name, int exponent) =>
        exponent == 1 ? name : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{name}^{exponent}");

    private sbyte[] Exponents() =>
        [MassExponent, EnergyExponent, VolumeExponent, DistanceExponent, CountExponent, TimeExponent];

    private static Dimension Combine(Dimension left, Dimension right, int sign)
    {
        checked
        {
            return new Dimension(
                (sbyte)(left.MassExponent + (sign * right.MassExponent)),
                (sbyte)(left.EnergyExponent + (sign * right.EnergyExponent)),
                (sbyte)(left.VolumeExponent + (sign * right.VolumeExponent)),
                (sbyte)(left.DistanceExponent + (sign * right.DistanceExponent)),
                (sbyte)(left.CountExponent + (sign * right.CountExponent)),
                (sbyte)(left.TimeExponent + (sign * right.TimeExponent)));
        }
    }
}
