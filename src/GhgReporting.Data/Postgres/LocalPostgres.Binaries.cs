namespace GhgReporting.Data.Postgres;

// Finding the PostgreSQL server binaries.
public sealed partial class LocalPostgres
{
    private const string SearchRoot = "/usr/lib/postgresql";

    /// <summary>
    /// The folder with initdb and pg_ctl: <paramref name="configured"/> if given, else the PG_BIN environment
    /// variable if set, else the highest version under /usr/lib/postgresql/*/bin. A folder named explicitly
    /// that lacks the binaries gives null rather than a silent fallback to another version.
    /// </summary>
    public static string? FindBinDirectory(string? configured = null)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return HasServerBinaries(configured) ? Path.GetFullPath(configured) : null;
        }
        var fromEnvironment = Environment.GetEnvironmentVariable("PG_BIN");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return HasServerBinaries(fromEnvironment) ? Path.GetFullPath(fromEnvironment) : null;
        }
        if (!Directory.Exists(SearchRoot))
        {
            return null;
        }
        return Directory.EnumerateDirectories(SearchRoot)
            .Select(d => (Version: Version.TryParse(AsVersion(Path.GetFileName(d)), out var v) ? v : null, Bin: Path.Combine(d, "bin")))
            .Where(c => c.Version is not null && HasServerBinaries(c.Bin))
            .OrderByDescending(c => c.Version)
            .Select(c => c.Bin)
            .FirstOrDefault();
    }

    private static string AsVersion(string folderName) => folderName.Contains('.') ? folderName : folderName + ".0";

    private static bool HasServerBinaries(string folder) =>
        File.Exists(Path.Combine(folder, "initdb")) && File.Exists(Path.Combine(folder, "pg_ctl"));

    private static string NoBinariesMessage(string? configured)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("PG_BIN");
        var lookedIn = !string.IsNullOrWhiteSpace(configured) ? configured
            : !string.IsNullOrWhiteSpace(fromEnvironment) ? $"{fromEnvironment} (PG_BIN)"
            : $"{SearchRoot}/*/bin and PG_BIN";
        return $"No PostgreSQL server binaries were found (looked in {lookedIn}): install them with `apt-get install postgresql`, " +
            "or set ConnectionStrings__Ghg to an existing PostgreSQL server.";
    }
}
