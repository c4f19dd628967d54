using GhgReporting.Data;
using GhgReporting.Data.Credits;
using GhgReporting.Jobs.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace GhgReporting.Jobs.Worker;

/// <summary>
/// <c>dotnet run --project src/GhgReporting.Jobs</c>: a worker process that runs report jobs and nothing else,
/// against the service's database (<c>ConnectionStrings__Ghg</c>). Start as many as the reports need, on as many
/// machines as share the database; the API process runs jobs too unless <c>Jobs__RunServer=false</c>.
/// </summary>
public static class WorkerProgram
{
    public static async Task<int> Main(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        var connectionString = builder.Configuration.GetConnectionString(JobsSetup.ConnectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            await Console.Error.WriteLineAsync("The worker needs the service's database: set ConnectionStrings__Ghg (the same connection string as the API's).");
            return 1;
        }
        builder.Services.AddGhgWorker(connectionString);
        using var host = builder.Build();
        var log = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("GhgReporting.Jobs.Worker");
        try
        {
            // The worker brings the schema up to date like the API does (EF Core takes a lock while migrating,
            // so a worker and an API starting together do not both migrate).
            await GhgDatabase.MigrateAsync(connectionString);
        }
        catch (NpgsqlException e)
        {
            await Console.Error.WriteLineAsync($"The database in ConnectionStrings__Ghg cannot be reached: {e.Message}");
            return 1;
        }
        log.LogInformation("Report worker started: {Workers} workers on queues reports, default.", builder.Configuration.GetValue("Jobs:WorkerCount", 2));
        await host.RunAsync();
        return 0;
    }

    /// <summary>What a worker process needs: the database, the registry the certificates read, and the jobs with a server.</summary>
    public static IServiceCollection AddGhgWorker(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        services.AddDbContext<GhgDbContext>((sp, options) => GhgDatabase.Configure(options, sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddScoped<CreditRegistry>();
        services.AddGhgJobs(runServer: true);
        return services;
    }
}
