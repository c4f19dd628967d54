using GhgReporting.Calc.Numerics;

namespace GhgReporting.Calc.Ipcc.Waste;

/// <summary>
/// CH4 from solid waste disposal sites by the first-order decay (FOD) method, IPCC 2006 Vol 5 Ch 3
/// (Tier 1 with default parameters). Masses in tonnes, one waste type and one site type at a time.
/// </summary>
public static class SolidWasteDisposal
{
    /// <summary>IPCC 2006 Vol 5 Ch 3 Eq 3.2: decomposable DOC deposited, DDOCm = W × DOC × DOCf × MCF.</summary>
    public static decimal DecomposableDoc(decimal wasteTonnes, decimal doc, decimal docF, decimal mcf) =>
        wasteTonnes * doc * docF * mcf;

    /// <summary>
    /// IPCC 2006 Vol 5 Ch 3 Eq 3.4 and 3.5, one year of decay:
    /// DDOCma(T) = DDOCmd(T) + DDOCma(T−1) × e^(−k); DDOCm decomposed(T) = DDOCma(T−1) × (1 − e^(−k)).
    /// Waste deposited in year T starts to decay on 1 January of T+1, which is how the IPCC model
    /// expresses its default six-month delay for waste deposited through the year (Vol 5 Ch 3 §3.2.2).
    /// </summary>
    public static (decimal Accumulated, decimal Decomposed) DecayOneYear(decimal accumulatedPreviousYear, decimal depositedThisYear, decimal decayFactor)
    {
        var decomposed = accumulatedPreviousYear * (1m - decayFactor);
        return (depositedThisYear + accumulatedPreviousYear * decayFactor, decomposed);
    }

    /// <summary>IPCC 2006 Vol 5 Ch 3 Eq 3.6: CH4 generated = DDOCm decomposed × F × 16/12.</summary>
    public static decimal Ch4Generated(decimal ddocmDecomposed, decimal f) => ddocmDecomposed * f * 16m / 12m;

    /// <summary>IPCC 2006 Vol 5 Ch 3 Eq 3.1: CH4 emitted = (CH4 generated − R) × (1 − OX).</summary>
    public static decimal Ch4Emitted(decimal ch4Generated, decimal recovered, decimal ox) => (ch4Generated - recovered) * (1m - ox);

    /// <summary>
    /// The FOD model over a disposal history: CH4 generated in <paramref name="year"/> by waste deposited
    /// in the years of <paramref name="depositsByYear"/> (tonnes wet; years after <paramref name="year"/>
    /// are ignored; missing years count as nothing deposited).
    /// </summary>
    /// <returns>CH4 generated in the year (t), DDOCm accumulated at the end of the previous year and
    /// DDOCm decomposed in the year.</returns>
    public static FodYear Generated(IReadOnlyDictionary<int, decimal> depositsByYear, int year, decimal doc, decimal docF, decimal mcf, decimal k, decimal f)
    {
        var decay = DecimalMath.Exp(-k);
        var first = depositsByYear.Keys.Where(y => y <= year).DefaultIfEmpty(year).Min();
        decimal accumulated = 0m, decomposed = 0m, accumulatedBefore = 0m;
        for (var t = first; t <= year; t++)
        {
            accumulatedBefore = accumulated;
            var deposited = DecomposableDoc(depositsByYear.GetValueOrDefault(t), doc, docF, mcf);
            (accumulated, decomposed) = DecayOneYear(accumulated, deposited, decay);
        }
        return new FodYear(Ch4Generated(decomposed, f), accumulatedBefore, decomposed, decay);
    }
}

/// <summary>One year of the FOD model: CH4 generated (t), DDOCm accumulated at the end of the previous
/// year (t), DDOCm decomposed in the year (t), and e^(−k).</summary>
public readonly record struct FodYear(decimal Ch4Generated, decimal DdocmAccumulatedPreviousYear, decimal DdocmDecomposed, decimal DecayFactor);
