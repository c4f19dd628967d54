namespace GhgReporting.Calc.Inventory;

/// <summary>GPC notation keys (GPC 2014, Ch 2, Table 2.2) for categories without a figure.</summary>
public enum NotationKey
{
    /// <summary>NO — not occurring: the activity does not happen in the city.</summary>
    NO,

    /// <summary>NE — not estimated: it occurs but was not estimated.</summary>
    NE,

    /// <summary>IE — included elsewhere: estimated and reported under another category.</summary>
    IE,

    /// <summary>C — confidential: estimated, included in totals, not shown.</summary>
    C,
}

/// <summary>A city's declaration of a notation key for one GPC category, with its explanation.</summary>
public sealed record NotationKeyDeclaration(string GpcReference, NotationKey Key, string Explanation);
