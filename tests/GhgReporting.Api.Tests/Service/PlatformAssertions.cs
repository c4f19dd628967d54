using System.Net;
using System.Text.Json.Nodes;
using Npgsql;

namespace GhgReporting.Api.Tests.Service;

/// <summary>Checks on HTTP answers and direct database reads shared by the isolation, versioning and
/// platform tests.</summary>
public static class PlatformAssertions
{
    /// <summary>Asserts an RFC 9457 problem answer with this status (and a title a person can read); returns its body.</summary>
    public static async Task<JsonNode> ShouldAnswerProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string? because = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        var context = $"{because} {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery} answered: {body}";
        response.StatusCode.Should().Be(status, context);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json", context);
        var problem = JsonNode.Parse(body)!;
        ((int)problem["status"]!).Should().Be((int)status, context);
        ((string?)problem["title"]).Should().NotBeNullOrWhiteSpace(context);
        return problem;
    }

    /// <summary>Asserts the status and returns the JSON body.</summary>
    public static async Task<JsonNode> ShouldAnswerJsonAsync(this HttpResponseMessage response, HttpStatusCode status, string? because = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, $"{because} {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery} answered: {body}");
        return JsonNode.Parse(body)!;
    }

    /// <summary>One scalar from the test's own database, read directly (not through the service).</summary>
    public static async Task<T> ScalarAsync<T>(string connectionString, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
