using GhgReporting.Data.Reports;
using GhgReporting.Jobs.Reports;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

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
    /// in this process (configuration <c>Jobs:WorkerCount</c>, default 2).</summary>
    public static IServiceCollection AddGhgJobs(this IServiceCollection services, bool runServer)
    {
        // The storage is built here and registered in this container, not taken from Hangfire's process-wide
        // JobStorage.Current: several hosts in one process (the integration tests) must each keep their own database.
        services.AddSingleton<JobStorage>(sp =>
        {
            var options = new PostgreSqlStorageOptions { SchemaName = "hangfire", QueuePollInterval = TimeSpan.FromSeconds(1), PrepareSchemaIfNecessary = true };
            var connectionString = sp.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionName)
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
            services.AddHangfireServer((sp, o) =>
            {
                o.Queues = ["reports", "default"];
                o.WorkerCount = sp.GetRequiredService<IConfiguration>().GetValue("Jobs:WorkerCount", 2);
            });
        services.AddScoped<ReportStore>();
        services.AddScoped<ReportJobs>();
        return services;
    }
}
