using System.Globalization;

namespace GhgReporting.Api.Web;

/// <summary>
/// Numbers, dates and times as every page writes them, the same in every language and as the reports print them:
/// digits grouped with commas, ISO dates, UTC. Tonnes go through <see cref="GhgReporting.Calc.Rounding"/>; nothing
/// here rounds a figure (amounts are shown exactly as stored).
/// </summary>
public static class PageFormat
{
    public static string Whole(long value) => value.ToString("#,##0", CultureInfo.InvariantCulture);

    /// <summary>A date: 2024-01-31.</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The UTC date of a moment; empty when there is none.</summary>
    public static string Date(DateTimeOffset? at) => at?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    /// <summary>A moment in UTC, to the minute: 2024-01-31 09:30 UTC.</summary>
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    /// <summary>A moment in UTC, to the minute; empty when there is none.</summary>
    public static string Time(DateTimeOffset? at) => at is { } t ? Time(t) : "";

    /// <summary>A file size a person reads, in symbols every language shares: 0.5 KB, 12.5 KB, 3.2 MB.</summary>
    public static string Size(long bytes) => bytes >= 1024 * 1024
        ? (bytes / (1024m * 1024m)).ToString("0.#", CultureInfo.InvariantCulture) + " MB"
        : Math.Max(0.1m, bytes / 1024m).ToString("0.#", CultureInfo.InvariantCulture) + " KB";

    /// <summary>An amount as stored, exact, '.' for decimals and thousands grouped for reading.</summary>
    public static string Amount(decimal value) => value.ToString("#,##0.############################", CultureInfo.InvariantCulture);

    /// <summary>A decimal as typed back into a form (invariant, no grouping, no trailing zeros).</summary>
    public static string Plain(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);
}
