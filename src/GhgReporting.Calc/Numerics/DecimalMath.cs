namespace GhgReporting.Calc.Numerics;

/// <summary>
/// Elementary functions in <see cref="decimal"/>, for the few formulas that need them (the
/// first-order decay of IPCC 2006 Vol 5 Ch 3 uses e^(−k)). <see cref="Math.Exp(double)"/> would
/// bring binary floating point, and its 15–17 significant digits, into figures that are otherwise
/// exact decimals.
/// </summary>
public static class DecimalMath
{
    private const decimal Ln2 = 0.6931471805599453094172321215m;

    /// <summary>
    /// e^x to about 26 significant digits for |x| ≤ 60.
    /// Range reduction: x = n·ln 2 + r with |r| ≤ ln 2 / 2, then e^r by its Taylor series, which
    /// converges to decimal precision within 30 terms, and a multiplication by 2^n.
    /// </summary>
    /// <exception cref="OverflowException">x is above 60, where e^x leaves the range this engine needs.</exception>
    public static decimal Exp(decimal x)
    {
        if (x == 0m) return 1m;
        if (x > 60m) throw new OverflowException($"e^{x} is outside the range DecimalMath.Exp supports (x ≤ 60).");
        if (x < -60m) return 0m; // below 1e-26: smaller than any figure this engine reports.

        var n = (int)decimal.Round(x / Ln2, MidpointRounding.ToEven);
        var r = x - n * Ln2;

        decimal sum = 1m, term = 1m;
        for (var i = 1; i < 40; i++)
        {
            term = term * r / i;
            if (term == 0m) break;
            sum += term;
        }

        var scale = 1m;
        var twos = n >= 0 ? 2m : 0.5m;
        for (var i = 0; i < Math.Abs(n); i++) scale *= twos;
        return sum * scale;
    }
}
