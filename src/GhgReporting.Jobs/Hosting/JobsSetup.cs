using GhgReporting.Data.Reports;
using GhgReporting.Jobs.Reports;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GhgReporting.Jobs.Hosting;

/// <summary>
/// Hangfire with its storage in the service's own PostgreSQL database (schema <c>hangfire</c>), so that any number
/// of API processes and workers share one queue and the database decides who runs a job.
/// </summary>
public static class JobsSetup
{
    public const string ConnectionName = "Ghg";

    private static int _globalConfigured;

    /// <summary>Registers the job storage and the jobs; with <paramref name="runServer"/> also a Hangfire server
    /// in this process (configuration <c>Jobs:WorkerCount</c>, default 2) and the recurring jobs.</summary>
    public static IServiceCollection AddGhgJobs(this IServiceCollection services, bool runServer)
    {
        // The storage is built here and registered in this container, not taken from Hangfire's process-wide
        // JobStorage.Current: several hosts in one process (the integration tests) must each keep their own database.
        services.AddSingleton<JobStorage>(sp =>
        {
            var configuration = sp.GetRequiredService<IConfiguration>();
            var options = new PostgreSqlStorageOptions
            {
                SchemaName = "hangfire",
                QueuePollInterval = TimeSpan.FromSeconds(1),
                PrepareSchemaIfNecessary = true,
                // A job fetched by a worker that dies is fetched again by another once this long has passed
                // without the first worker's heartbeat (sliding: a long job stays owned while its worker lives).
                InvisibilityTimeout = configuration.GetValue("Jobs:InvisibilityTimeout", TimeSpan.FromMinutes(5)),
                UseSlidingInvisibilityTimeout = true,
            };
            var connectionString = configuration.GetConnectionString(ConnectionName)
                                   ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionName} is not set.");
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
        });
        // Hangfire's configuration (serializer settings, compatibility level) is process-wide: set it once, so
        // that a second host in the same process (the integration tests run several) does not change it while
        // the first is serialising a job.
        services.AddHangfire((_, c) =>
        {
            if (Interlocked.Exchange(ref _globalConfigured, 1) == 1) return;
            c.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
        });
        if (runServer)
        {
            services.AddHangfireServer((sp, o) =>
            {
                o.Queues = ["reports", "default"];
                o.WorkerCount = sp.GetRequiredService<IConfiguration>().GetValue("Jobs:WorkerCount", 2);
            });
            services.AddHostedService<RecurringJobsRegistration>();
        }
        services.AddScoped<ReportStore>();
        services.AddScoped<MonitoringReportLoader>();
        services.AddScoped<PlatformReportLoader>();
        services.AddScoped<ReportJobs>();
        services.AddScoped<ReportSweep>();
        services.AddScoped<PlatformReportSchedule>();
        return services;
    }
}

/// <summary>
/// Registers (or updates) the recurring jobs when a process that runs jobs starts: the platform report on
/// <c>Reports:PlatformReport:Cron</c> ("off" removes it) and the sweep for missing reports on
/// <c>Reports:SweepCron</c> (default every five minutes). Times are UTC.
/// </summary>
internal sealed class RecurringJobsRegistration(IRecurringJobManager recurring, IConfiguration configuration, ILogger<RecurringJobsRegistration> log) : IHostedService
{
    public const string SweepJobId = "report-sweep";

    private readonly CancellationTokenSource _stopping = new();

    private Task? _registering;

    /// <summary>Registers in the background, retrying while the database cannot be reached: start-up goes on, and the
    /// service's own database check decides whether the process can run.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _registering = Task.Run(async () =>
        {
            for (var attempt = 1; !_stopping.IsCancellationRequested; attempt++)
            {
                try
                {
                    Register();
                    return;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogWarning(e, "The recurring report jobs could not be registered (attempt {Attempt}); trying again in 10 s.", attempt);
                    await Task.Delay(TimeSpan.FromSeconds(10), _stopping.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                }
            }
        });
        return Task.CompletedTask;
    }

    private void Register()
    {
        var options = new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc };
        var platform = configuration["Reports:PlatformReport:Cron"] ?? PlatformReportSchedule.DefaultCron;
        if (platform.Equals("off", StringComparison.OrdinalIgnoreCase)) recurring.RemoveIfExists(PlatformReportSchedule.RecurringJobId);
        else recurring.AddOrUpdate<PlatformReportSchedule>(PlatformReportSchedule.RecurringJobId, "reports", j => j.RunAsync(null, CancellationToken.None), platform, options);

        var sweep = configuration["Reports:SweepCron"] ?? "*/5 * * * *";
        if (sweep.Equals("off", StringComparison.OrdinalIgnoreCase)) recurring.RemoveIfExists(SweepJobId);
        else recurring.AddOrUpdate<ReportSweep>(SweepJobId, "reports", j => j.QueueMissingAsync(CancellationToken.None), sweep, options);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_registering is not null) await _registering;
    }
}
