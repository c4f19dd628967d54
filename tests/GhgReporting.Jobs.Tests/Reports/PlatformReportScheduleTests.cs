using GhgReporting.Jobs.Reports;

namespace GhgReporting.Jobs.Tests.Reports;

/// <summary>The recurring platform report covers the whole calendar months before the run.</summary>
public class PlatformReportScheduleTests
{
    [Theory]
    // The default schedule runs on the first day of a quarter: the quarter just ended.
    [InlineData("2026-10-01T03:00:00Z", 3, "2026-07-01", "2026-09-30")]
    [InlineData("2026-01-01T03:00:00Z", 3, "2025-10-01", "2025-12-31")]
    // A run later in the month (a retry) reports the same months.
    [InlineData("2026-10-17T22:45:00Z", 3, "2026-07-01", "2026-09-30")]
    // Monthly; February of a leap year.
    [InlineData("2028-03-01T00:00:00Z", 1, "2028-02-01", "2028-02-29")]
    [InlineData("2026-07-01T00:00:00Z", 12, "2025-07-01", "2026-06-30")]
    public void PreviousMonths_AreWholeCalendarMonths(string now, int months, string from, string to)
    {
        var (f, t) = PlatformReportSchedule.PreviousMonths(DateTimeOffset.Parse(now), months);
        f.Should().Be(DateOnly.Parse(from));
        t.Should().Be(DateOnly.Parse(to));
    }

    [Fact]
    public void ATimeAheadOfUtc_CountsByItsUtcDate()
    {
        // 1 October 01:00 in Tokyo is still 30 September in UTC: the run belongs to September.
        var (from, to) = PlatformReportSchedule.PreviousMonths(new DateTimeOffset(2026, 10, 1, 1, 0, 0, TimeSpan.FromHours(9)), 3);
        from.Should().Be(new DateOnly(2026, 6, 1));
        to.Should().Be(new DateOnly(2026, 8, 31));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(25)]
    public void MonthsOutsideOneToTwentyFour_AreRefusedNamingTheSetting(int months)
    {
        var act = () => PlatformReportSchedule.PreviousMonths(DateTimeOffset.UtcNow, months);
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*Reports:PlatformReport:Months*");
    }

    [Fact]
    public void EndOf_IsMidnightUtcAfterTheLastDay() =>
        PlatformReportSchedule.EndOf(new DateOnly(2026, 9, 30)).Should().Be(new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero));
}
