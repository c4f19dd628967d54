using System.Runtime.Versioning;
using System.Security.Cryptography;

namespace GhgReporting.Data.Postgres;

/// <summary>
/// The data folder of a local cluster: choosing a folder the server user can reach, initdb with a generated
/// password kept next to the data, and the few settings we change from initdb's defaults.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal static class PostgresCluster
{
    public const string PasswordFileName = "ghg_local_password";

    /// <summary>Used as root when the postgres user cannot reach the configured folder (for example one under /root).</summary>
    public const string FallbackDirectory = "/var/lib/ghgreporting/pgdata";

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode ReadableByAll = OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    public static bool IsInitialized(string dataDirectory) => File.Exists(Path.Combine(dataDirectory, "PG_VERSION"));

    public static string MajorVersion(string dataDirectory) => File.ReadAllText(Path.Combine(dataDirectory, "PG_VERSION")).Trim();

    /// <summary>Creates the data folder if needed and returns the absolute folder the server will really use.</summary>
    public static async Task<string> PrepareFolderAsync(string configured, bool asServerUser, Action<string> log, CancellationToken ct)
    {
        var dataDirectory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(configured));
        if (!asServerUser)
        {
            CreateOrCheck(dataDirectory);
            return dataDirectory;
        }
        if (await TryHandToServerUserAsync(dataDirectory, ct))
        {
            return dataDirectory;
        }
        log($"The {ToolRunner.ServerUser} user cannot reach {dataDirectory}; using {FallbackDirectory} instead");
        if (await TryHandToServerUserAsync(FallbackDirectory, ct))
        {
            return FallbackDirectory;
        }
        throw new PostgresNotAvailableException(
            $"The {ToolRunner.ServerUser} OS user can reach neither {dataDirectory} nor {FallbackDirectory}: set DataDirectory to a folder whose parents it can enter (for example under /var/lib or /tmp).");
    }

    /// <summary>Runs initdb unless the folder already holds a cluster; returns the superuser's password either way.</summary>
    public static async Task<string> InitializeIfNeededAsync(string dataDirectory, string user, string binDirectory, bool asServerUser, Action<string> log, CancellationToken ct)
    {
        var passwordFile = Path.Combine(dataDirectory, PasswordFileName);
        if (IsInitialized(dataDirectory))
        {
            if (!File.Exists(passwordFile))
            {
                throw new PostgresNotAvailableException(
                    $"The data folder {dataDirectory} holds a PostgreSQL cluster without its {PasswordFileName} file: delete the folder to start afresh, or choose another DataDirectory.");
            }
            return File.ReadAllText(passwordFile).Trim();
        }

        var password = RandomNumberGenerator.GetHexString(32, lowercase: true);
        log($"Creating a PostgreSQL cluster in {dataDirectory}");
        var pwfile = Path.Combine(Path.GetTempPath(), $"ghg-pwfile-{RandomNumberGenerator.GetHexString(12, lowercase: true)}");
        try
        {
            await WriteSecretAsync(pwfile, password, asServerUser, ct);
            string[] arguments =
            [
                "-D", dataDirectory, "-U", user, "-A", "scram-sha-256", $"--pwfile={pwfile}", "-E", "UTF8",
                await HasCUtf8LocaleAsync(ct) ? "--locale=C.UTF-8" : "--no-locale",
            ];
            var result = await ToolRunner.RunAsync(Path.Combine(binDirectory, "initdb"), arguments, asServerUser, ct);
            if (!result.Succeeded)
            {
                throw new PostgresNotAvailableException($"initdb could not create a PostgreSQL cluster in {dataDirectory} (exit code {result.ExitCode}).\n{result.Output}");
            }
        }
        finally
        {
            File.Delete(pwfile);
        }

        await File.AppendAllTextAsync(Path.Combine(dataDirectory, "postgresql.conf"), LocalSettings, ct);
        await WriteSecretAsync(passwordFile, password, asServerUser, ct);
        return password;
    }

    /// <summary>Appended to postgresql.conf: a small machine, reached over loopback TCP only; durability stays on.</summary>
    private const string LocalSettings = """

        # Added by GhgReporting's LocalPostgres: a development or test server on a small machine.
        listen_addresses = '127.0.0.1'
        unix_socket_directories = ''
        max_connections = 100
        shared_buffers = 128MB
        fsync = on

        """;

    private static void CreateOrCheck(string dataDirectory)
    {
        if (!Directory.Exists(dataDirectory))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(dataDirectory)!);
            Directory.CreateDirectory(dataDirectory, OwnerOnly);
        }
        else if (!IsInitialized(dataDirectory) && Directory.EnumerateFileSystemEntries(dataDirectory).Any())
        {
            throw new PostgresNotAvailableException(
                $"The data folder {dataDirectory} is neither empty nor a PostgreSQL cluster: choose another DataDirectory, or empty that folder.");
        }
    }

    /// <summary>As root: creates the folder, gives it to the postgres user and checks that user can write there.</summary>
    private static async Task<bool> TryHandToServerUserAsync(string dataDirectory, CancellationToken ct)
    {
        var created = !Directory.Exists(dataDirectory);
        if (created)
        {
            // Parents we create must stay enterable by the postgres user.
            Directory.CreateDirectory(Path.GetDirectoryName(dataDirectory)!, ReadableByAll);
        }
        CreateOrCheck(dataDirectory);
        var chown = await ToolRunner.RunAsync("chown", ["-R", $"{ToolRunner.ServerUser}:", dataDirectory], asServerUser: false, ct);
        if (chown.Succeeded && (await ToolRunner.RunAsync("test", ["-w", dataDirectory], asServerUser: true, ct)).Succeeded)
        {
            return true;
        }
        if (created)
        {
            Directory.Delete(dataDirectory);
        }
        return false;
    }

    /// <summary>Writes a file only its owner can read; as root that owner is the postgres user.</summary>
    private static async Task WriteSecretAsync(string path, string secret, bool asServerUser, CancellationToken ct)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        };
        await using (var stream = new FileStream(path, options))
        await using (var writer = new StreamWriter(stream))
        {
            await writer.WriteAsync(secret);
        }
        if (asServerUser)
        {
            var chown = await ToolRunner.RunAsync("chown", [$"{ToolRunner.ServerUser}:", path], asServerUser: false, ct);
            if (!chown.Succeeded)
            {
                throw new PostgresNotAvailableException($"Could not give {path} to the {ToolRunner.ServerUser} user: {chown.Output.ReplaceLineEndings(" ")}.");
            }
        }
    }

    /// <summary>initdb fails outright on a locale the C library lacks, so ask first.</summary>
    private static async Task<bool> HasCUtf8LocaleAsync(CancellationToken ct)
    {
        try
        {
            var result = await ToolRunner.RunAsync("locale", ["-a"], asServerUser: false, ct, TimeSpan.FromSeconds(30));
            return result.Succeeded && result.StandardOutput
                .Split('\n', StringSplitOptions.TrimEntries)
                .Any(l => l.Equals("C.utf8", StringComparison.OrdinalIgnoreCase) || l.Equals("C.UTF-8", StringComparison.OrdinalIgnoreCase));
        }
        catch (PostgresNotAvailableException)
        {
            return false; // no `locale` tool: the C locale always works
        }
    }
}
