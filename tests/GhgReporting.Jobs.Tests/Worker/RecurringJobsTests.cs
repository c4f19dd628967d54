using GhgReporting.Testing;
using Npgsql;

namespace GhgReporting.Jobs.Tests.Worker;

/// <summary>A worker process registers the recurring jobs from its configuration: the platform report on its
/// schedule (or not at all when "off") and the sweep for missing reports.</summary>
public sealed class RecurringJobsTests
{
    [Fact]
    public async Task Worker_RegistersThePlatformReportScheduleFromConfiguration()
    {
        var connectionString = await MigratedDatabase.CreateAsync("recurring");
        using (var worker = WorkerProcess.Start(connectionString, new Dictionary<string, string> { ["Reports:PlatformReport:Cron"] = "0 2 1 * *" }))
        {
            (await WaitForCronAsync(connectionString, "platform-report", worker)).Should().Be("0 2 1 * *");
            (await WaitForCronAsync(connectionString, "report-sweep", worker)).Should().Be("*/5 * * * *");
        }

        // Turned off: a restarted worker removes it.
        using (var worker = WorkerProcess.Start(connectionString, new Dictionary<string, string> { ["Reports:PlatformReport:Cron"] = "off", ["Reports:SweepCron"] = "*/10 * * * *" }))
            (await WaitForCronAsync(connectionString, "report-sweep", worker, "*/10 * * * *")).Should().Be("*/10 * * * *");
        (await CronAsync(connectionString, "platform-report")).Should().BeNull();
    }

    private static async Task<string?> WaitForCronAsync(string connectionString, string id, WorkerProcess worker, string? expected = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !worker.HasExited)
        {
            var cron = await CronAsync(connectionString, id);
            if (cron is not null && (expected is null || cron == expected)) return cron;
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException($"The worker did not register recurring job {id} within 60 s (exited: {worker.HasExited}).\n{worker.Output}");
    }

    private static async Task<string?> CronAsync(string connectionString, string id)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        try
        {
            await using var command = new NpgsqlCommand("SELECT value FROM hangfire.hash WHERE key = @key AND field = 'Cron'", connection);
            command.Parameters.AddWithValue("key", $"recurring-job:{id}");
            return await command.ExecuteScalarAsync() as string;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return null;
        }
    }
}
