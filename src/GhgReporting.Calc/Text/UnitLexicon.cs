using GhgReporting.Calc.Units;

namespace GhgReporting.Calc.Text;

/// <summary>
/// The words <see cref="UnitParser"/> understands as atomic units, and the spellings it refuses.
/// </summary>
/// <remarks>
/// Letter case is ignored where no other unit differs only in case (kwh, GJ, KG, Tonnes), and is
/// required where it carries meaning in SI or in inventories:
/// <list type="bullet">
/// <item><c>ML</c> is megalitre; <c>mL</c>/<c>ml</c> is millilitre, which no inventory needs, so it
/// is refused rather than read as a megalitre off by a factor of 10^9.</item>
/// <item><c>Mt</c> is megatonne; <c>mt</c>/<c>MT</c> is used in trade data for the metric ton, so it
/// is refused as ambiguous (a factor of 10^6 apart).</item>
/// <item><c>Gg</c> is gigagram; <c>gg</c>/<c>GG</c> is refused: SI prefixes are case-sensitive and
/// only the exact spelling is unambiguous.</item>
/// <item>Single letters (<c>g</c>, <c>t</c>, <c>d</c>) must match exactly; <c>G</c>, <c>T</c>,
/// <c>D</c> are refused with a suggestion. <c>L</c> and <c>l</c> are both litre.</item>
/// </list>
/// Energy symbols are matched ignoring case (so <c>mwh</c> is MWh, <c>mj</c> is MJ) because
/// milli-energy units do not occur in inventories.
/// </remarks>
internal static class UnitLexicon
{
    private static readonly Dictionary<string, Unit> Exact = new(StringComparer.Ordinal)
    {
        ["g"] = Unit.Gram,
        ["t"] = Unit.Tonne,
        ["Gg"] = Unit.Gigagram,
        ["Mt"] = Unit.Megatonne,
        ["L"] = Unit.Litre,
        ["l"] = Unit.Litre,
        ["ML"] = Unit.Megalitre,
        ["d"] = Unit.Day,
        ["%"] = Unit.Percent,

        // Freight work written with a product sign is one word, see UnitParser.
        ["t·km"] = Unit.TonneKilometre,
        ["t.km"] = Unit.TonneKilometre,
        ["t⋅km"] = Unit.TonneKilometre,
    };

    private static readonly Dictionary<string, Unit> IgnoreCase = new(StringComparer.OrdinalIgnoreCase)
    {
        ["kg"] = Unit.Kilogram,
        ["kt"] = Unit.Kilotonne,
        ["kilogram"] = Unit.Kilogram,
        ["kilograms"] = Unit.Kilogram,
        ["gram"] = Unit.Gram,
        ["grams"] = Unit.Gram,
        ["tonne"] = Unit.Tonne,
        ["tonnes"] = Unit.Tonne,
        ["kilotonne"] = Unit.Kilotonne,
        ["kilotonnes"] = Unit.Kilotonne,
        ["gigagram"] = Unit.Gigagram,
        ["gigagrams"] = Unit.Gigagram,
        ["megatonne"] = Unit.Megatonne,
        ["megatonnes"] = Unit.Megatonne,
        ["MJ"] = Unit.Megajoule,
        ["GJ"] = Unit.Gigajoule,
        ["TJ"] = Unit.Terajoule,
        ["kWh"] = Unit.Kilowatthour,
        ["MWh"] = Unit.Megawatthour,
        ["GWh"] = Unit.Gigawatthour,
        ["kcal"] = Unit.Kilocalorie,
        ["kL"] = Unit.Kilolitre,
        ["m3"] = Unit.CubicMetre,
        ["m³"] = Unit.CubicMetre,
        ["litre"] = Unit.Litre,
        ["litres"] = Unit.Litre,
        ["liter"] = Unit.Litre,
        ["liters"] = Unit.Litre,
        ["kilolitre"] = Unit.Kilolitre,
        ["kilolitres"] = Unit.Kilolitre,
        ["megalitre"] = Unit.Megalitre,
        ["megalitres"] = Unit.Megalitre,
        ["km"] = Unit.Kilometre,
        ["kilometre"] = Unit.Kilometre,
        ["kilometres"] = Unit.Kilometre,
        ["kilometer"] = Unit.Kilometre,
        ["kilometers"] = Unit.Kilometre,
        ["tkm"] = Unit.TonneKilometre,
        ["person"] = Unit.Person,
        ["persons"] = Unit.Person,
        ["people"] = Unit.Person,
        ["day"] = Unit.Day,
        ["days"] = Unit.Day,
        ["yr"] = Unit.Year,
        ["year"] = Unit.Year,
        ["years"] = Unit.Year,
        ["fraction"] = Unit.Fraction,
        ["percent"] = Unit.Percent,
    };

    /// <summary>Canonical symbols by kind, for "known units" in error messages.</summary>
    private static readonly (string Kind, Unit[] Units)[] Groups =
    [
        ("energy", [Unit.Kilowatthour, Unit.Megawatthour, Unit.Gigawatthour, Unit.Megajoule, Unit.Gigajoule, Unit.Terajoule, Unit.Kilocalorie]),
        ("mass", [Unit.Kilogram, Unit.Gram, Unit.Tonne, Unit.Kilotonne, Unit.Gigagram, Unit.Megatonne]),
        ("volume", [Unit.Litre, Unit.Kilolitre, Unit.CubicMetre, Unit.Megalitre]),
        ("distance", [Unit.Kilometre, Unit.TonneKilometre]),
        ("count", [Unit.Person]),
        ("time", [Unit.Day, Unit.Year]),
        ("dimensionless", [Unit.Fraction, Unit.Percent]),
    ];

    /// <summary>
    /// The unit spelled <paramref name="word"/>, or a failure sentence; <paramref name="where"/>
    /// reads like "at position 4 in 'kg/mt'".
    /// </summary>
    public static ParseResult<Unit> Lookup(string word, string where)
    {
        if (Exact.TryGetValue(word, out Unit? exact))
        {
            return ParseResult<Unit>.Ok(exact);
        }

        string? refusal = Refusal(word);
        if (refusal is not null)
        {
            return ParseResult<Unit>.Fail($"Unit '{word}' {where} {refusal}");
        }

        return IgnoreCase.TryGetValue(word, out Unit? unit)
            ? ParseResult<Unit>.Ok(unit)
            : ParseResult<Unit>.Fail($"Unknown unit '{word}' {where}. {KnownUnits(word)}");
    }

    /// <summary>Why a spelling that differs from a known unit only in case is refused, else null.</summary>
    private static string? Refusal(string word) => word.ToUpperInvariant() switch
    {
        "ML" => "is not supported: millilitres (mL) are not used here; write 'L' for litres or 'ML' for megalitres.",
        "MT" => "is ambiguous: it can mean metric ton ('t') or megatonne ('Mt'); write 't' or 'Mt'.",
        "GG" => "is not recognised: prefixes are case-sensitive and only 'Gg' (gigagram, 1000 t) is unambiguous.",
        "G" or "T" or "D" => $"is not recognised: single-letter symbols are case-sensitive; did you mean '{word.ToLowerInvariant()}'?",
        _ => null,
    };

    /// <summary>Lists the kind of unit the misspelling is closest to, or every kind when none is close.</summary>
    private static string KnownUnits(string word)
    {
        Unit? nearest = null;
        int best = int.MaxValue;
        foreach ((string spelling, Unit unit) in Exact.Concat(IgnoreCase))
        {
            int distance = EditDistance(word.ToUpperInvariant(), spelling.ToUpperInvariant());
            if (distance < best)
            {
                (best, nearest) = (distance, unit);
            }
        }

        // One typo in a short word, two in a longer one; beyond that a guess would mislead.
        int tolerated = word.Length <= 3 ? 1 : 2;
        if (nearest is not null && best <= tolerated)
        {
            (string kind, Unit[] units) = Groups.First(g => g.Units.Contains(nearest));
            return $"Known {kind} units: {string.Join(", ", units.Select(u => u.Symbol))}.";
        }

        return $"Known units: {string.Join("; ", Groups.Select(g => $"{g.Kind} {string.Join(", ", g.Units.Select(u => u.Symbol))}"))}.";
    }

    /// <summary>Levenshtein distance, for suggesting the kind of unit meant.</summary>
    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
