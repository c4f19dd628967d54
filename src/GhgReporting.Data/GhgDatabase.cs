using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GhgReporting.Data;

/// <summary>One place that sets up the EF Core options for the service, the tests and the tools.</summary>
public static class GhgDatabase
{
    public static DbContextOptionsBuilder<GhgDbContext> Configure(DbContextOptionsBuilder<GhgDbContext> builder, string connectionString) =>
        Configure(builder, NpgsqlDataSource.Create(connectionString));

    public static TBuilder Configure<TBuilder>(TBuilder builder, NpgsqlDataSource dataSource) where TBuilder : DbContextOptionsBuilder
    {
        builder.UseNpgsql(dataSource, o => o.MigrationsHistoryTable("ef_migrations_history"))
            .UseSnakeCaseNamingConvention();
        return builder;
    }

    /// <summary>Applies every pending migration.</summary>
    public static async Task MigrateAsync(string connectionString, CancellationToken ct = default)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var db = new GhgDbContext(Configure(new DbContextOptionsBuilder<GhgDbContext>(), dataSource).Options);
        await db.Database.MigrateAsync(ct);
    }
}
