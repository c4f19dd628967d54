namespace GhgReporting.Data.Postgres;

/// <summary>
/// No local PostgreSQL server can be run here. The message opens with one sentence saying what is missing
/// and what to do about it; tool output may follow on later lines.
/// </summary>
public sealed class PostgresNotAvailableException(string message) : Exception(message);
