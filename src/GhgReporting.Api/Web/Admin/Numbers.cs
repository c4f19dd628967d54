using System.Globalization;

namespace GhgReporting.Api.Web.Admin;

/// <summary>Numbers and times as the pages show them: the same in every language (digits grouped with commas, ISO
/// dates, UTC), like the reports and the API.</summary>
public static class Numbers
{
    public static string Whole(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>A decimal as typed back into a form (invariant, no grouping, no trailing zeros).</summary>
    public static string Plain(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);
}
