using GhgReporting.Data.Reports;
using GhgReporting.Jobs.Reports;
using Hangfire;
using Hangfire.PostgreSql;
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

    /// <summary>Registers the job storage and the jobs; with <paramref name="runServer"/> also a Hangfire server
    /// in this process (configuration <c>Jobs:WorkerCount</c>, default 2).</summary>
    public static IServiceCollection AddGhgJobs(this IServiceCollection services, bool runServer)
    {
        services.AddHangfire((sp, c) => c
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(o => o.UseNpgsqlConnection(sp.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionName)
                                                            ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionName} is not set.")),
                new PostgreSqlStorageOptions { SchemaName = "hangfire", QueuePollInterval = TimeSpan.FromSeconds(1), PrepareSchemaIfNecessary = true }));
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
