namespace GhgReporting.Data;

/// <summary>PostgreSQL keeps timestamps to the microsecond, .NET to 100 ns: every timestamp the service stores
/// is cut to the microsecond first, so that what an answer shows is what a later read returns.</summary>
public static class DatabaseClock
{
    public static DateTimeOffset UtcNowForDatabase(this TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % (TimeSpan.TicksPerMillisecond / 1000)));
    }
}
