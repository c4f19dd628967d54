using GhgReporting.Data.Postgres;

namespace GhgReporting.Api.Hosting;

/// <summary>
/// Where the database is: the configured connection string <c>ConnectionStrings__Ghg</c>, or else a
/// PostgreSQL server this process starts from the machine's server binaries (data in the folder
/// <c>LocalPostgres:DataDirectory</c>, by default <c>.pgdata</c> in the current folder).
/// </summary>
public static class DatabaseBootstrap
{
    public const string ConnectionName = "Ghg";

    /// <summary>Sets the connection string in the configuration, starting the local server when none is
    /// configured. Returns the local server (to stop at shutdown), or null.</summary>
    /// <exception cref="PostgresNotAvailableException">Neither is possible; the message says what to install or set.</exception>
    public static async Task<LocalPostgres?> EnsureConnectionAsync(ConfigurationManager configuration, Action<string> log, CancellationToken ct = default)
    {
        if (!string.IsNullOrWhiteSpace(configuration.GetConnectionString(ConnectionName))) return null;
        var options = configuration.GetSection("LocalPostgres").Get<LocalPostgresOptions>() ?? new LocalPostgresOptions();
        var local = await LocalPostgres.StartAsync(options, log, ct);
        configuration[$"ConnectionStrings:{ConnectionName}"] = local.ConnectionString();
        // The example platform is seeded only for this local default (or when Seed:ExamplePlatform is set).
        configuration["Seed:ExamplePlatform"] ??= "true";
        return local;
    }
}
