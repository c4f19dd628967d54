using GhgReporting.Data;
using Npgsql;

namespace GhgReporting.Testing;

/// <summary>
/// Databases with the service's schema: the migrations are applied once per test process to a template
/// database, and each caller gets a fresh copy of it (CREATE DATABASE … TEMPLATE), so every test class
/// owns its data and pays for the migrations only once.
/// </summary>
public static class MigratedDatabase
{
    private static readonly Lazy<Task<string>> Template = new(() => Task.Run(CreateTemplateAsync), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A new, migrated, empty database; returns its connection string.</summary>
    public static async Task<string> CreateAsync(string prefix)
    {
        var template = await Template.Value;
        return await TestPostgres.CreateDatabaseAsync(prefix, template);
    }

    private static async Task<string> CreateTemplateAsync()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("template_ghg");
        await GhgDatabase.MigrateAsync(connectionString);
        // A template cannot be copied while anyone is connected to it.
        NpgsqlConnection.ClearAllPools();
        return new NpgsqlConnectionStringBuilder(connectionString).Database!;
    }
}
