using GhgReporting.Data.Postgres;
using Npgsql;

namespace GhgReporting.Data.Tests.Postgres;

/// <summary>
/// Each test starts its own server in its own folder on a free port, and stops it. initdb takes a few
/// seconds, so the tests that need a fresh cluster are few and check several things each.
/// </summary>
public class LocalPostgresTests
{
    [Fact]
    public async Task StartAsync_EmptyFolder_ServesInstalledVersionWithOptionsDatabase()
    {
        using var folder = new ScratchFolder();
        var log = new List<string>();
        var expectedMajor = Path.GetFileName(Path.GetDirectoryName(LocalPostgres.FindBinDirectory()!));

        await using var server = await LocalPostgres.StartAsync(Options(folder), log.Add);

        server.StartedByUs.Should().BeTrue();
        server.DataDirectory.Should().Be(folder.DataDirectory);
        server.Port.Should().BePositive();
        ((string)(await ScalarAsync(server.ConnectionString(), "select version()"))!).Should().StartWith($"PostgreSQL {expectedMajor}");
        (await ScalarAsync(server.ConnectionString(), "select current_database()")).Should().Be("ghg");
        log.Should().Contain(l => l.StartsWith($"Started PostgreSQL {expectedMajor} on 127.0.0.1:{server.Port}"));
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(Path.Combine(server.DataDirectory, "ghg_local_password"))
                .Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [Fact]
    public async Task StartAsync_FolderWithRunningServer_ReusesItWithSamePassword()
    {
        using var folder = new ScratchFolder();
        await using var first = await LocalPostgres.StartAsync(Options(folder));

        // Both ask for port 0 (any free port): the running server's own port wins.
        await using var second = await LocalPostgres.StartAsync(Options(folder));

        second.StartedByUs.Should().BeFalse();
        second.Port.Should().Be(first.Port);
        second.ConnectionString().Should().Be(first.ConnectionString());
        (await ScalarAsync(second.ConnectionString(), "select 1")).Should().Be(1);
        await second.StopAsync();
        (await ScalarAsync(first.ConnectionString(), "select 1")).Should().Be(1, "stopping a reused server leaves it running");
    }

    [Fact]
    public async Task StartAsync_AfterStop_KeepsData()
    {
        using var folder = new ScratchFolder();
        var first = await LocalPostgres.StartAsync(Options(folder));
        var passwordBefore = new NpgsqlConnectionStringBuilder(first.ConnectionString()).Password;
        await ExecuteAsync(first.ConnectionString(), "create table kept (id int primary key, city text); insert into kept values (1, 'Surabaya')");
        await first.StopAsync();
        File.Exists(Path.Combine(folder.DataDirectory, "postmaster.pid")).Should().BeFalse();

        await using var again = await LocalPostgres.StartAsync(Options(folder));

        again.StartedByUs.Should().BeTrue();
        new NpgsqlConnectionStringBuilder(again.ConnectionString()).Password.Should().Be(passwordBefore);
        (await ScalarAsync(again.ConnectionString(), "select city from kept where id = 1")).Should().Be("Surabaya");
    }

    [Fact]
    public async Task CreateDatabaseAsync_WithTemplate_CopiesTablesAndDropRemovesIt()
    {
        using var folder = new ScratchFolder();
        await using var server = await LocalPostgres.StartAsync(Options(folder));
        await server.CreateDatabaseAsync("tpl");
        // A pooled connection left idle on the template must not block copying it.
        await ExecuteAsync(server.ConnectionString("tpl"), "create table factor (id int primary key, name text); insert into factor values (7, 'diesel')");

        await server.CreateDatabaseAsync("copy_1", template: "tpl");

        (await ScalarAsync(server.ConnectionString("copy_1"), "select name from factor where id = 7")).Should().Be("diesel");
        await server.DropDatabaseAsync("copy_1");
        (await ScalarAsync(server.ConnectionString(), "select count(*) from pg_database where datname = 'copy_1'")).Should().Be(0L);
    }

    [Theory]
    [InlineData("Upper")]
    [InlineData("semi;colon")]
    [InlineData("quote\"")]
    [InlineData("")]
    public async Task CreateDatabaseAsync_NameOutsideLowerCaseLettersDigitsUnderscore_ThrowsArgumentException(string name)
    {
        var server = await GhgReporting.Testing.TestPostgres.ServerAsync();

        var create = () => server.CreateDatabaseAsync(name);

        await create.Should().ThrowAsync<ArgumentException>();
    }

    [Fact]
    public void FindBinDirectory_NonexistentConfiguredFolder_ReturnsNullWithoutFallback()
    {
        LocalPostgres.FindBinDirectory("/nonexistent").Should().BeNull();
    }

    [Fact]
    public void FindBinDirectory_NothingConfigured_FindsFolderWithInitdbAndPgCtl()
    {
        var found = LocalPostgres.FindBinDirectory();

        found.Should().NotBeNull();
        File.Exists(Path.Combine(found!, "initdb")).Should().BeTrue();
        File.Exists(Path.Combine(found!, "pg_ctl")).Should().BeTrue();
    }

    [Fact]
    public async Task StartAsync_NoBinaries_ThrowsOneSentenceSayingHowToInstall()
    {
        using var folder = new ScratchFolder();

        var start = () => LocalPostgres.StartAsync(Options(folder) with { BinDirectory = "/nonexistent" });

        var message = (await start.Should().ThrowAsync<PostgresNotAvailableException>()).Which.Message;
        message.Should().Contain("apt-get install postgresql");
        message.Should().EndWith(".").And.NotContain("\n");
        message.TrimEnd('.').Should().NotContain(". ", "the message is one sentence");
        Directory.Exists(folder.DataDirectory).Should().BeFalse("nothing is created before the binaries are found");
    }

    private static LocalPostgresOptions Options(ScratchFolder folder) => new() { DataDirectory = folder.DataDirectory, Port = 0 };

    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
