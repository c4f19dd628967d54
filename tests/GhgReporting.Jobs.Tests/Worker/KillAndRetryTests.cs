using System.Security.Cryptography;
using GhgReporting.Data;
using GhgReporting.Data.Entities;
using GhgReporting.Jobs.Hosting;
using GhgReporting.Jobs.Reports;
using GhgReporting.Testing;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using UglyToad.PdfPig;

namespace GhgReporting.Jobs.Tests.Worker;

/// <summary>
/// A worker process is killed in the middle of a report (rendered, its INSERT waiting on a lock the test holds);
/// nothing of the report is stored; a second worker process picks the job up again once the first one's claim
/// on it has lapsed, and exactly one complete report is stored.
/// </summary>
public sealed class KillAndRetryTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task WorkerKilledMidReport_JobCompletesOnRetry_ExactlyOneReport()
    {
        var connectionString = await MigratedDatabase.CreateAsync("kill_retry");
        await SeedCitiesAsync(connectionString);
        await using (var admin = new NpgsqlConnection(connectionString))
        {
            await admin.OpenAsync();
            // The database notices a client that went away even while its statement waits on a lock, and ends it.
            await Execute(admin, $"ALTER DATABASE \"{admin.Database}\" SET client_connection_check_interval = '200ms'");
        }

        var (from, to, asOf) = (new DateTime(2025, 7, 1), new DateTime(2025, 9, 30), new DateTimeOffset(2025, 10, 1, 0, 0, 0, TimeSpan.Zero));
        var jobId = Client(connectionString).Enqueue<ReportJobs>(j => j.PlatformReportAsync(from, to, asOf, null, CancellationToken.None));

        var settings = new Dictionary<string, string>
        {
            ["Jobs:InvisibilityTimeout"] = "00:00:03",
            ["Jobs:WorkerCount"] = "1",
            ["Reports:SweepCron"] = "off",
            ["Reports:PlatformReport:Cron"] = "off",
        };
        await using var blocker = new NpgsqlConnection(connectionString);
        await blocker.OpenAsync();
        var hold = await blocker.BeginTransactionAsync();
        // Reads of reports go on; an INSERT into it waits until this transaction ends.
        await Execute(blocker, "LOCK TABLE reports IN EXCLUSIVE MODE", hold);

        using (var first = WorkerProcess.Start(connectionString, settings))
        {
            var waiting = await WaitForAsync(() => BlockedInsertBackendAsync(connectionString), pid => pid is not null, first, connectionString,
                "the first worker to render the report and wait to store it");
            first.Kill();
            await WaitForAsync(async () => await BackendAliveAsync(connectionString, waiting!.Value), alive => !alive, first, connectionString,
                "the killed worker's database session to end");
            (await ReportCountAsync(connectionString)).Should().Be(0, "the killed worker's INSERT never committed");
            (await JobStateAsync(connectionString, jobId)).Should().Be("Processing", "the dead worker still holds the job until its claim lapses");
        }
        await hold.RollbackAsync();

        using var second = WorkerProcess.Start(connectionString, settings);
        await WaitForAsync(() => JobStateAsync(connectionString, jobId), state => state == "Succeeded", second, connectionString, "the second worker to finish the job");

        await using var db = Context(connectionString);
        var reports = await db.Reports.AsNoTracking().ToListAsync();
        reports.Should().ContainSingle();
        var report = reports[0];
        report.Kind.Should().Be(ReportKinds.PlatformReport);
        report.SubjectKey.Should().Be(ReportJobs.PlatformSubject(DateOnly.FromDateTime(from), DateOnly.FromDateTime(to), asOf));
        report.JobId.Should().Be(jobId);
        report.Sha256.Should().Be(Convert.ToHexStringLower(SHA256.HashData(report.Content)));
        report.Length.Should().Be(report.Content.LongLength);
        using var pdf = PdfDocument.Open(report.Content);
        string.Join("\n", pdf.GetPages().Select(p => p.Text)).Should().Contain("Hải Phòng").And.Contain("2025-07-01");
    }

    private static async Task SeedCitiesAsync(string connectionString)
    {
        await using var db = Context(connectionString);
        var at = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        db.Cities.Add(new City { Id = "hai-phong", Name = "Hải Phòng", Country = "VN", Population = 1_960_000, CreatedAt = at });
        db.Cities.Add(new City { Id = "kitakyushu", Name = "Kitakyushu", Country = "JP", Population = 940_000, CreatedAt = at });
        await db.SaveChangesAsync();
    }

    private static GhgDbContext Context(string connectionString) =>
        new(GhgDatabase.Configure(new DbContextOptionsBuilder<GhgDbContext>(), connectionString).Options);

    /// <summary>A job client configured exactly as the service's (storage, serializer), without a server.</summary>
    private static IBackgroundJobClient Client(string connectionString)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Ghg"] = connectionString }).Build());
        services.AddLogging();
        services.AddGhgJobs(runServer: false);
        return services.BuildServiceProvider().GetRequiredService<IBackgroundJobClient>();
    }

    private static async Task<int?> BlockedInsertBackendAsync(string connectionString) =>
        await ScalarAsync<int?>(connectionString, "SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%INSERT INTO reports%' LIMIT 1");

    private static async Task<bool> BackendAliveAsync(string connectionString, int pid) =>
        await ScalarAsync<bool>(connectionString, $"SELECT exists (SELECT 1 FROM pg_stat_activity WHERE pid = {pid})");

    private static async Task<long> ReportCountAsync(string connectionString) => await ScalarAsync<long>(connectionString, "SELECT count(*) FROM reports");

    private static async Task<string?> JobStateAsync(string connectionString, string jobId) =>
        await ScalarAsync<string?>(connectionString, $"SELECT statename FROM hangfire.job WHERE id = {long.Parse(jobId)}");

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default! : (T)value;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, NpgsqlTransaction? transaction = null)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Polls until <paramref name="done"/>; on timeout fails with what the worker printed and Hangfire recorded.</summary>
    private static async Task<T> WaitForAsync<T>(Func<Task<T>> probe, Func<T, bool> done, WorkerProcess worker, string connectionString, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var value = await probe();
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline || (worker.HasExited && !what.Contains("killed")))
            {
                var jobs = await ScalarAsync<string?>(connectionString,
                    "SELECT string_agg(j.id || ' ' || j.statename || ' ' || coalesce(s.reason, '') || ' ' || left(coalesce(s.data::text, ''), 400), E'\\n') FROM hangfire.job j LEFT JOIN hangfire.state s ON s.id = j.stateid");
                throw new Xunit.Sdk.XunitException($"Waited {Patience.TotalSeconds:0} s for {what}; last value: {value}.\nJobs:\n{jobs}\nWorker (exited: {worker.HasExited}):\n{worker.Output}");
            }
            await Task.Delay(100);
        }
    }
}
