using System.Globalization;
using GhgReporting.Jobs.Reports;

namespace GhgReporting.Api.Requests;

/// <summary>
/// The period of a platform report, checked the same for POST /api/reports/platform and the secretariat's page: from and to are required, to is not before from, a report covers
/// at most <see cref="MaxDays"/> days, from is not in the future. The data cut-off is the end of the period once it
/// is over, else now rounded up to the next whole second.
/// </summary>
public static class PlatformReportPeriod
{
    /// <summary>Longest period one platform report may cover.</summary>
    public const int MaxDays = 5 * 366;

    public enum Refusal
    {
        FromMissing,
        ToMissing,
        ToBeforeFrom,
        TooLong,
        FromInFuture,
    }

    /// <summary>Every reason the period is refused, with the field it belongs to ("from" or "to").</summary>
    public static IReadOnlyList<(string Field, Refusal Reason)> Check(DateOnly? from, DateOnly? to, DateTimeOffset now)
    {
        var refusals = new List<(string, Refusal)>();
        if (from is null) refusals.Add(("from", Refusal.FromMissing));
        if (to is null) refusals.Add(("to", Refusal.ToMissing));
        if (from is { } f && to is { } t)
        {
            if (t < f) refusals.Add(("to", Refusal.ToBeforeFrom));
            else if (t.DayNumber - f.DayNumber + 1 > MaxDays) refusals.Add(("to", Refusal.TooLong));
            if (f > DateOnly.FromDateTime(now.UtcDateTime)) refusals.Add(("from", Refusal.FromInFuture));
        }
        return refusals;
    }

    /// <summary>The data cut-off: the end of the period once it is over, else now rounded up to the next whole second.</summary>
    public static DateTimeOffset CutOff(DateOnly to, DateTimeOffset now)
    {
        var asOf = PlatformReportSchedule.EndOf(to);
        return asOf > now ? new DateTimeOffset((now.UtcTicks / TimeSpan.TicksPerSecond + 1) * TimeSpan.TicksPerSecond, TimeSpan.Zero) : asOf;
    }

    /// <summary>The last whole calendar quarter before the one <paramref name="now"/> is in (UTC): the form's default.</summary>
    public static (DateOnly From, DateOnly To) LastWholeQuarter(DateTimeOffset now)
    {
        var today = now.UtcDateTime;
        var thisQuarter = new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1);
        return (thisQuarter.AddMonths(-3), thisQuarter.AddDays(-1));
    }

    /// <summary>The API's address of the report (GET /api/reports/platform.pdf: the PDF, or 202 while it is being rendered).</summary>
    public static string DownloadUrl(DateOnly from, DateOnly to, DateTimeOffset asOf) =>
        $"/api/reports/platform.pdf?from={Date(from)}&to={Date(to)}&asOf={Uri.EscapeDataString(Instant(asOf))}";

    /// <summary>The page that waits for the report and then offers it.</summary>
    public static string StatusUrl(DateOnly from, DateOnly to, DateTimeOffset asOf) =>
        $"/admin/platform-report/status?from={Date(from)}&to={Date(to)}&asOf={Uri.EscapeDataString(Instant(asOf))}";

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static bool TryParseInstant(string? text, out DateTimeOffset at) =>
        DateTimeOffset.TryParseExact(text?.Trim(), "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out at);

    /// <summary>Period and cut-off of a stored report, read from its subject key (<see cref="ReportJobs.PlatformSubject"/>:
    /// "platform:2025-01-01..2025-03-31@2025-04-01T00:00:00Z"); null when the key has another form.</summary>
    public static (DateOnly From, DateOnly To, DateTimeOffset AsOf)? FromSubject(string subjectKey)
    {
        const string prefix = "platform:";
        if (!subjectKey.StartsWith(prefix, StringComparison.Ordinal)) return null;
        var at = subjectKey.IndexOf('@', StringComparison.Ordinal);
        var dots = subjectKey.IndexOf("..", StringComparison.Ordinal);
        if (at < 0 || dots < 0 || dots > at) return null;
        return TryParseDate(subjectKey[prefix.Length..dots], out var from) && TryParseDate(subjectKey[(dots + 2)..at], out var to)
               && TryParseInstant(subjectKey[(at + 1)..], out var asOf)
            ? (from, to, asOf)
            : null;
    }
}
