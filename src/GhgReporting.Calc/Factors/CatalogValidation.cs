using GhgReporting.Calc.Units;

namespace GhgReporting.Calc.Factors;

/// <summary>Checks on catalog content that the file format alone cannot express.</summary>
internal static class CatalogValidation
{
    private static readonly Dimension PerYear = Dimension.Dimensionless / Dimension.Time;
    private static readonly Dimension PerPersonPerTime = Dimension.Mass / (Dimension.Count * Dimension.Time);

    /// <summary>The dimensions each parameter may have. A factor in the wrong dimension (an NCV in
    /// kg/TJ, say) is refused when the catalog loads, not discovered in a figure.</summary>
    internal static readonly IReadOnlyDictionary<string, Dimension[]> ParameterDimensions = new Dictionary<string, Dimension[]>
    {
        ["ef"] = [Dimension.Mass / Dimension.Energy, Dimension.Dimensionless, PerPersonPerTime],
        ["ncv"] = [Dimension.Energy / Dimension.Mass],
        ["density"] = [Dimension.Mass / Dimension.Volume],
        ["doc"] = [Dimension.Dimensionless],
        ["docf"] = [Dimension.Dimensionless],
        ["mcf"] = [Dimension.Dimensionless],
        ["f"] = [Dimension.Dimensionless],
        ["ox"] = [Dimension.Dimensionless],
        ["k"] = [PerYear],
        ["dm"] = [Dimension.Dimensionless],
        ["cf"] = [Dimension.Dimensionless],
        ["fcf"] = [Dimension.Dimensionless],
        ["of"] = [Dimension.Dimensionless],
        ["bo"] = [Dimension.Dimensionless],
        ["i"] = [Dimension.Dimensionless],
        ["bod"] = [PerPersonPerTime],
        ["protein"] = [PerPersonPerTime],
        ["fnpr"] = [Dimension.Dimensionless],
        ["fnon-con"] = [Dimension.Dimensionless],
        ["find-com"] = [Dimension.Dimensionless],
        ["td-loss-rate"] = [Dimension.Dimensionless],
    };

    internal static IEnumerable<string> CheckRow(Factor f, string where)
    {
        if (!ParameterDimensions.TryGetValue(f.Parameter, out var dims))
        {
            yield return $"{where}: column parameter: unknown parameter '{f.Parameter}'. Known: {string.Join(", ", ParameterDimensions.Keys)}.";
            yield break;
        }
        if (!dims.Contains(f.Value.Dimension))
            yield return $"{where}: column unit: '{f.Value.Unit.Symbol}' is {f.Value.Dimension}, but a '{f.Parameter}' must be {string.Join(" or ", dims)}.";
        if (f.Parameter == "ef" && f.Gas is null)
            yield return $"{where}: column gas: an emission factor needs its gas (CO2, CH4 or N2O; one row per gas).";
        if (f.Parameter != "ef" && f.Gas is not null)
            yield return $"{where}: column gas: only emission factors ('ef') name a gas; '{f.Parameter}' does not.";
        if (f.Value.Value < 0)
            yield return $"{where}: column value: {f.Value.Value} is negative.";
        if (f.ValidFrom is not null && f.ValidTo is not null && f.ValidFrom > f.ValidTo)
            yield return $"{where}: columns valid_from/valid_to: {f.ValidFrom} is after {f.ValidTo}.";
        if (string.IsNullOrWhiteSpace(f.Source))
            yield return $"{where}: column source: every factor needs its citation.";
    }

    /// <summary>Two rows for the same lookup key whose validity years overlap would make the lookup
    /// ambiguous; refuse them when loading.</summary>
    internal static void ThrowIfOverlapping(IEnumerable<Factor> factors)
    {
        var problems = new List<string>();
        var groups = factors.GroupBy(f => (f.Parameter, f.Activity, f.Variant, Gpc: string.Join(';', f.GpcPrefixes.Order()), f.Gas, f.Region, f.Climate, f.CityId));
        foreach (var group in groups)
        {
            var rows = group.OrderBy(f => f.ValidFrom ?? int.MinValue).ToList();
            for (var i = 1; i < rows.Count; i++)
            {
                var previousEnd = rows[i - 1].ValidTo ?? int.MaxValue;
                var start = rows[i].ValidFrom ?? int.MinValue;
                if (start <= previousEnd)
                    problems.Add($"factors {rows[i - 1].Id} and {rows[i].Id} apply to the same lookup and their validity years overlap.");
            }
        }
        if (problems.Count > 0) throw new CatalogFormatException(problems);
    }
}
