using GhgReporting.Data.Postgres;
using Xunit;

namespace GhgReporting.Testing;

/// <summary>
/// An xunit fixture owning one fresh database on the shared <see cref="TestPostgres"/> server, dropped when
/// the fixture is disposed. Use it as a class or collection fixture, or derive from it to fill the database
/// (override <see cref="Template"/> to start from a copy of another database).
/// </summary>
public class PostgresDatabaseFixture : IAsyncLifetime
{
    private string? connectionString;

    /// <summary>The connection string of this fixture's database; available once xunit has initialised the fixture.</summary>
    public string ConnectionString => connectionString ?? throw new InvalidOperationException("The fixture's database is created in InitializeAsync, which has not run yet.");

    /// <summary>The database's name, the prefix is the fixture's type name.</summary>
    public string DatabaseName { get; private set; } = "";

    /// <summary>The database to copy from, or null for an empty one.</summary>
    protected virtual string? Template => null;

    public virtual async Task InitializeAsync()
    {
        connectionString = await TestPostgres.CreateDatabaseAsync(GetType().Name, Template);
        DatabaseName = new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Database!;
    }

    public virtual async Task DisposeAsync()
    {
        if (connectionString is null)
        {
            return;
        }
        LocalPostgres server = await TestPostgres.ServerAsync();
        await server.DropDatabaseAsync(DatabaseName);
    }
}
