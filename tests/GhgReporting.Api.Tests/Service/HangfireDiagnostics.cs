using Npgsql;

namespace GhgReporting.Api.Tests.Service;

/// <summary>When a background job does not finish in time, says what Hangfire recorded about it.</summary>
public static class HangfireDiagnostics
{
    public static async Task<string> JobStatesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT j.id, j.statename, coalesce(s.reason, ''), left(coalesce(s.data::text, ''), 600) FROM hangfire.job j LEFT JOIN hangfire.state s ON s.id = j.stateid ORDER BY j.id", connection);
        var lines = new List<string>();
        try
        {
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) lines.Add($"job {reader.GetInt64(0)} {reader.GetString(1)} {reader.GetString(2)} {reader.GetString(3)}");
        }
        catch (PostgresException e)
        {
            lines.Add($"(no Hangfire tables: {e.MessageText})");
        }
        return lines.Count == 0 ? "(no jobs)" : string.Join("\n", lines);
    }
}
