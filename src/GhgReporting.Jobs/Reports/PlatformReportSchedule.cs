using System.ComponentModel;
using Hangfire;
using Hangfire.Server;
using Microsoft.Extensions.Configuration;

namespace GhgReporting.Jobs.Reports;

/// <summary>
/// The recurring platform report: on each run (schedule <c>Reports:PlatformReport:Cron</c>, by default 03:00 UTC
/// on the first day of each quarter) it reports the <c>Reports:PlatformReport:Months</c> whole months before the
/// run (default 3: the quarter just ended), with the data as they stood at the end of that period. A retry or a
/// second run in the same month makes no second report.
/// </summary>
[Queue("reports")]
public sealed class PlatformReportSchedule(ReportJobs jobs, TimeProvider clock, IConfiguration configuration)
{
    public const string RecurringJobId = "platform-report";
    public const string DefaultCron = "0 3 1 1,4,7,10 *";

    [DisplayName("Scheduled platform report")]
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [60, 300, 900, 3600, 3600])]
    public Task RunAsync(PerformContext? context, CancellationToken ct)
    {
        var (from, to) = PreviousMonths(clock.GetUtcNow(), configuration.GetValue("Reports:PlatformReport:Months", 3));
        return jobs.PlatformReportAsync(from, to, EndOf(to), context, ct);
    }

    /// <summary>The <paramref name="months"/> whole calendar months before the month of <paramref name="now"/> (UTC).</summary>
    public static (DateOnly From, DateOnly To) PreviousMonths(DateTimeOffset now, int months)
    {
        if (months is < 1 or > 24) throw new ArgumentOutOfRangeException(nameof(months), months, "Reports:PlatformReport:Months must be 1 to 24.");
        var firstOfThisMonth = new DateOnly(now.UtcDateTime.Year, now.UtcDateTime.Month, 1);
        return (firstOfThisMonth.AddMonths(-months), firstOfThisMonth.AddDays(-1));
    }

    /// <summary>The first instant after the day <paramref name="to"/> (UTC): the cut-off of a period that has ended.</summary>
    public static DateTimeOffset EndOf(DateOnly to) => new(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
