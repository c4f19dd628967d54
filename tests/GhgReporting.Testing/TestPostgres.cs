using System.Security.Cryptography;
using GhgReporting.Data.Postgres;

namespace GhgReporting.Testing;

/// <summary>
/// One PostgreSQL server per test process, shared by every fixture in it: started lazily on first use in a
/// fresh folder under /tmp on a free loopback port, stopped and its folder deleted when the process exits
/// (or, if the process is killed, by a small watchdog shell that outlives it).
/// Tests isolate themselves by taking a database of their own (<see cref="CreateDatabaseAsync"/>).
/// </summary>
public static class TestPostgres
{
    private static readonly Lazy<Task<LocalPostgres>> Server = new(() => Task.Run(StartAsync), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The shared server, started on first call; every caller gets the same instance.</summary>
    public static Task<LocalPostgres> ServerAsync() => Server.Value;

    /// <summary>
    /// A new empty database named <paramref name="prefix"/> plus a random suffix (the prefix is lower-cased and
    /// anything but letters, digits and underscores becomes an underscore), optionally copied from
    /// <paramref name="template"/>; returns its connection string.
    /// </summary>
    public static async Task<string> CreateDatabaseAsync(string prefix, string? template = null)
    {
        var server = await ServerAsync();
        var name = UniqueName(prefix);
        await server.CreateDatabaseAsync(name, template);
        return server.ConnectionString(name);
    }

    internal static string UniqueName(string prefix)
    {
        var cleaned = new string(prefix.ToLowerInvariant().Select(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c : '_').ToArray());
        // 63 bytes is PostgreSQL's limit on names: 50 for the prefix, 13 for "_" and the suffix.
        return $"{cleaned[..Math.Min(cleaned.Length, 50)]}_{RandomNumberGenerator.GetHexString(12, lowercase: true)}";
    }

    private static async Task<LocalPostgres> StartAsync()
    {
        var folder = CreateFolder();
        try
        {
            var server = await LocalPostgres.StartAsync(new LocalPostgresOptions { DataDirectory = Path.Combine(folder, "data"), Port = 0 });
            // The watchdog covers a killed host; ProcessExit is the quick path when the host exits normally.
            CleanupWatchdog.Start(folder, server.StartedByUs ? server.DataDirectory : null);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAndDelete(server, folder);
            return server;
        }
        catch
        {
            DeleteFolder(folder);
            throw;
        }
    }

    /// <summary>
    /// A short path under /tmp, enterable by others: as root the server runs as the postgres user and must
    /// reach the data folder inside (Directory.CreateTempSubdirectory would make it owner-only).
    /// </summary>
    private static string CreateFolder()
    {
        var root = Directory.Exists("/tmp") ? "/tmp" : Path.GetTempPath();
        while (true)
        {
            var folder = Path.Combine(root, $"ghgpg-{RandomNumberGenerator.GetHexString(8, lowercase: true)}");
            if (Directory.Exists(folder))
            {
                continue;
            }
            if (OperatingSystem.IsWindows())
            {
                return Directory.CreateDirectory(folder).FullName;
            }
            const UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
            return Directory.CreateDirectory(folder, mode).FullName;
        }
    }

    private static void StopAndDelete(LocalPostgres server, string folder)
    {
        try
        {
            server.StopAsync().GetAwaiter().GetResult();
        }
        finally
        {
            DeleteFolder(folder);
        }
    }

    private static void DeleteFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Leaving a folder in /tmp behind is better than failing the test run at exit.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
