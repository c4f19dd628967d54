using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Npgsql;

namespace GhgReporting.Data.Postgres;

/// <summary>
/// A PostgreSQL server run from this machine's server binaries, for development and tests when no
/// connection string is configured. It listens on 127.0.0.1 only, over TCP, with a generated password
/// kept in the data folder; a server already running on the same data folder is reused, not restarted.
/// </summary>
public sealed partial class LocalPostgres : IAsyncDisposable
{
    private readonly string binDirectory;
    private readonly bool asServerUser;
    private readonly string user;
    private readonly string password;
    private readonly string defaultDatabase;
    private int stopped;

    private LocalPostgres(string binDirectory, bool asServerUser, string dataDirectory, int port, bool startedByUs, LocalPostgresOptions options, string password)
    {
        this.binDirectory = binDirectory;
        this.asServerUser = asServerUser;
        DataDirectory = dataDirectory;
        Port = port;
        StartedByUs = startedByUs;
        user = options.User;
        defaultDatabase = options.Database;
        this.password = password;
    }

    /// <summary>The absolute data folder really used (as root it may be the fallback folder).</summary>
    public string DataDirectory { get; }

    public int Port { get; }

    /// <summary>False when a server already running on <see cref="DataDirectory"/> was reused; only ours is stopped.</summary>
    public bool StartedByUs { get; }

    public static async Task<LocalPostgres> StartAsync(LocalPostgresOptions options, Action<string>? log = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ValidateName(options.Database, nameof(options.Database));
        ValidateName(options.User, nameof(options.User));
        log ??= _ => { };
        if (OperatingSystem.IsWindows())
        {
            throw new PostgresNotAvailableException(
                "The local PostgreSQL launcher runs on Linux and macOS only: set ConnectionStrings__Ghg to an existing PostgreSQL server.");
        }

        var binDirectory = FindBinDirectory(options.BinDirectory) ?? throw new PostgresNotAvailableException(NoBinariesMessage(options.BinDirectory));
        var asServerUser = Environment.IsPrivilegedProcess;
        if (asServerUser)
        {
            await ToolRunner.EnsureServerUserAsync(ct);
        }
        var dataDirectory = await PostgresCluster.PrepareFolderAsync(options.DataDirectory, asServerUser, log, ct);
        var password = await PostgresCluster.InitializeIfNeededAsync(dataDirectory, options.User, binDirectory, asServerUser, log, ct);
        var version = PostgresCluster.MajorVersion(dataDirectory);

        if (await FindRunningPortAsync(dataDirectory, options.User, password, ct) is int runningPort)
        {
            var reused = new LocalPostgres(binDirectory, asServerUser, dataDirectory, runningPort, startedByUs: false, options, password);
            await reused.EnsureDatabaseAsync(options.Database, ct);
            log($"Reusing PostgreSQL {version} already running on 127.0.0.1:{runningPort}, data in {dataDirectory}");
            return reused;
        }

        var port = options.Port == 0 ? FreeLoopbackPort() : options.Port;
        await RunPgCtlAsync(binDirectory, asServerUser, dataDirectory, port, ct);
        var server = new LocalPostgres(binDirectory, asServerUser, dataDirectory, port, startedByUs: true, options, password);
        try
        {
            await server.EnsureDatabaseAsync(options.Database, ct);
        }
        catch
        {
            await server.StopAsync();
            throw;
        }
        log($"Started PostgreSQL {version} on 127.0.0.1:{port}, data in {dataDirectory}");
        return server;
    }

    /// <summary>Connection string for <paramref name="database"/>, by default the one named in the options.</summary>
    public string ConnectionString(string? database = null) => Builder(database ?? defaultDatabase).ConnectionString;

    /// <summary>CREATE DATABASE "name" [TEMPLATE "template"]; names are lower-case letters, digits and underscores.</summary>
    public async Task CreateDatabaseAsync(string name, string? template = null, CancellationToken ct = default)
    {
        ValidateName(name, nameof(name));
        var sql = $"CREATE DATABASE \"{name}\"";
        if (template is not null)
        {
            ValidateName(template, nameof(template));
            sql += $" TEMPLATE \"{template}\"";
            // Copying needs the template to have no sessions; idle pooled ones of ours would block it.
            ClearPool(template);
        }
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteAdminAsync(sql, ct);
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 25)
            {
                // Another session on the template is closing; wait briefly rather than fail the caller.
                await Task.Delay(200, ct);
            }
        }
    }

    /// <summary>DROP DATABASE IF EXISTS "name" WITH (FORCE): sessions still connected are ended.</summary>
    public async Task DropDatabaseAsync(string name, CancellationToken ct = default)
    {
        ValidateName(name, nameof(name));
        ClearPool(name);
        await ExecuteAdminAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", ct);
    }

    /// <summary>Stops the server (pg_ctl stop -m fast) if we started it; a reused server keeps running.</summary>
    public async Task StopAsync()
    {
        if (!StartedByUs || OperatingSystem.IsWindows() || Interlocked.Exchange(ref stopped, 1) == 1)
        {
            return;
        }
        string[] arguments = ["stop", "-D", DataDirectory, "-m", "fast", "-w", "-t", "60"];
        var result = await ToolRunner.RunAsync(Path.Combine(binDirectory, "pg_ctl"), arguments, asServerUser, CancellationToken.None);
        if (!result.Succeeded && PostgresCluster.IsInitialized(DataDirectory) && File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            throw new InvalidOperationException($"pg_ctl could not stop the PostgreSQL server with data in {DataDirectory}.\n{result.Output}");
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static async Task RunPgCtlAsync(string binDirectory, bool asServerUser, string dataDirectory, int port, CancellationToken ct)
    {
        var logFile = Path.Combine(dataDirectory, "server.log");
        string[] arguments =
        [
            "start", "-D", dataDirectory, "-l", logFile, "-w", "-t", "60",
            // pg_ctl hands -o to the server through /bin/sh, so '' is an empty value: no Unix socket, TCP on loopback only.
            "-o", $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''",
        ];
        var result = await ToolRunner.RunAsync(Path.Combine(binDirectory, "pg_ctl"), arguments, asServerUser, ct, TimeSpan.FromSeconds(90));
        if (!result.Succeeded)
        {
            throw new PostgresNotAvailableException(
                $"PostgreSQL could not be started on 127.0.0.1:{port} with data in {dataDirectory} (pg_ctl exit code {result.ExitCode}): see the output below.\n" +
                $"{result.Output}\n--- last lines of {logFile} ---\n{Tail(logFile, 30)}");
        }
    }

    /// <summary>The port of a server already running on this data folder, if it answers and really serves that folder.</summary>
    private static async Task<int?> FindRunningPortAsync(string dataDirectory, string user, string password, CancellationToken ct)
    {
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile))
        {
            return null;
        }
        // postmaster.pid: line 1 pid, 2 data folder, 3 start time, 4 port.
        var lines = File.ReadAllLines(pidFile);
        if (lines.Length < 4 || !int.TryParse(lines[3].Trim(), out var port))
        {
            return null;
        }
        try
        {
            var builder = new NpgsqlConnectionStringBuilder
            {
                Host = "127.0.0.1", Port = port, Username = user, Password = password, Database = "postgres", Pooling = false, Timeout = 5,
            };
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("select current_setting('data_directory')", connection);
            var served = (string?)await command.ExecuteScalarAsync(ct);
            return served is not null && SameFolder(served, dataDirectory) ? port : null;
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            return null; // stale pid file or another server on that port: pg_ctl start sorts it out
        }
    }

    private static bool SameFolder(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(a)), Path.TrimEndingDirectorySeparator(Path.GetFullPath(b)), StringComparison.Ordinal);

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    private static string Tail(string file, int lines)
    {
        try
        {
            return string.Join('\n', File.ReadLines(file).TakeLast(lines));
        }
        catch (IOException e)
        {
            return $"({e.Message})";
        }
    }

    private async Task EnsureDatabaseAsync(string name, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(Builder("postgres", pooling: false).ConnectionString);
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = @name", connection);
        exists.Parameters.AddWithValue("name", name);
        if (await exists.ExecuteScalarAsync(ct) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync(ct);
        }
    }

    private async Task ExecuteAdminAsync(string sql, CancellationToken ct)
    {
        // Unpooled: administrative sessions must not linger on the server after use.
        await using var connection = new NpgsqlConnection(Builder("postgres", pooling: false).ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private void ClearPool(string database)
    {
        using var connection = new NpgsqlConnection(ConnectionString(database));
        NpgsqlConnection.ClearPool(connection);
    }

    private NpgsqlConnectionStringBuilder Builder(string database, bool pooling = true)
    {
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = user,
            Password = password,
            Database = database,
        };
        if (!pooling)
        {
            builder.Pooling = false;
        }
        return builder;
    }

    private static void ValidateName(string name, string parameter)
    {
        if (!ValidName().IsMatch(name))
        {
            throw new ArgumentException($"'{name}' is not a valid name here: use 1 to 63 lower-case letters, digits or underscores.", parameter);
        }
    }

    [GeneratedRegex("^[a-z0-9_]{1,63}$")]
    private static partial Regex ValidName();
}
