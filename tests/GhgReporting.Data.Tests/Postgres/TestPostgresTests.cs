using GhgReporting.Testing;
using Npgsql;

namespace GhgReporting.Data.Tests.Postgres;

public class TestPostgresTests
{
    [Fact]
    public async Task ServerAsync_ConcurrentCalls_ReturnOneSharedServer()
    {
        var servers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(TestPostgres.ServerAsync)));

        servers.Distinct().Should().ContainSingle();
        servers[0].StartedByUs.Should().BeTrue();
        servers[0].DataDirectory.Should().StartWith("/tmp/ghgpg-");
    }

    [Fact]
    public async Task CreateDatabaseAsync_SamePrefixTwice_GivesTwoSeparateEmptyDatabases()
    {
        var first = await TestPostgres.CreateDatabaseAsync("Same-Prefix");
        var second = await TestPostgres.CreateDatabaseAsync("Same-Prefix");

        var firstName = new NpgsqlConnectionStringBuilder(first).Database;
        firstName.Should().MatchRegex("^same_prefix_[0-9a-f]{12}$");
        new NpgsqlConnectionStringBuilder(second).Database.Should().NotBe(firstName);
        await ExecuteAsync(first, "create table only_here (id int)");
        (await CountTablesAsync(second)).Should().Be(0);
    }

    [Fact]
    public async Task CreateDatabaseAsync_WithTemplate_StartsFromTemplateTables()
    {
        var template = await TestPostgres.CreateDatabaseAsync("template");
        await ExecuteAsync(template, "create table seeded (id int)");

        var copy = await TestPostgres.CreateDatabaseAsync("copy", new NpgsqlConnectionStringBuilder(template).Database);

        (await CountTablesAsync(copy)).Should().Be(1);
    }

    [Fact]
    public async Task PostgresDatabaseFixture_InitializeThenDispose_CreatesThenDropsItsDatabase()
    {
        var fixture = new PostgresDatabaseFixture();

        await fixture.InitializeAsync();
        await ExecuteAsync(fixture.ConnectionString, "select 1");
        await fixture.DisposeAsync();

        var server = await TestPostgres.ServerAsync();
        await using var connection = new NpgsqlConnection(server.ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select count(*) from pg_database where datname = @name", connection);
        command.Parameters.AddWithValue("name", fixture.DatabaseName);
        (await command.ExecuteScalarAsync()).Should().Be(0L);
    }

    private static async Task<long> CountTablesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select count(*) from information_schema.tables where table_schema = 'public'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
