namespace GhgReporting.Data.Postgres;

/// <summary>Where and how <see cref="LocalPostgres"/> runs a PostgreSQL server on this machine.</summary>
public sealed record LocalPostgresOptions
{
    /// <summary>The cluster's data folder; a relative path resolves against <see cref="Environment.CurrentDirectory"/>.</summary>
    public string DataDirectory { get; init; } = ".pgdata";

    /// <summary>The loopback TCP port; 0 picks a free one.</summary>
    public int Port { get; init; } = 55432;

    /// <summary>The folder holding initdb and pg_ctl; null searches for it (see <see cref="LocalPostgres.FindBinDirectory"/>).</summary>
    public string? BinDirectory { get; init; }

    /// <summary>The database the application uses; created if missing.</summary>
    public string Database { get; init; } = "ghg";

    /// <summary>The superuser created by initdb, with a generated password.</summary>
    public string User { get; init; } = "ghg";
}
