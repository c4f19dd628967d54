using System.Net;
using System.Text.Json.Nodes;
using Npgsql;

namespace GhgReporting.Api.Tests.Service;

/// <summary>One entry of the "errors" extension of a refused upload.</summary>
public sealed record RowProblem(long Row, string Column, string Reason);

/// <summary>Reads RFC 9457 problem details of refused uploads, and proves from the database that nothing was stored.</summary>
public static class RejectionProblems
{
    /// <summary>Checks the status, the media type and the members every problem has; returns the parsed body.</summary>
    public static async Task<JsonNode> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, body);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json", body);
        var problem = JsonNode.Parse(body)!;
        ((int)problem["status"]!).Should().Be((int)status, body);
        ((string?)problem["title"]).Should().NotBeNullOrWhiteSpace(body);
        ((string?)problem["detail"]).Should().NotBeNullOrWhiteSpace(body);
        return problem;
    }

    /// <summary>A 400 problem with its row errors; totalErrors and listedErrors agree with the list (no file here has more than 1000).</summary>
    public static async Task<List<RowProblem>> ShouldBeRowProblemsAsync(this HttpResponseMessage response)
    {
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsArray()
            .Select(e => new RowProblem((long)e!["row"]!, (string)e["column"]!, (string)e["reason"]!))
            .ToList();
        errors.Should().NotBeEmpty(problem.ToJsonString());
        ((long)problem["totalErrors"]!).Should().Be(errors.Count);
        ((long)problem["listedErrors"]!).Should().Be(errors.Count);
        return errors;
    }

    /// <summary>Exactly one error, at this row and column, whose reason quotes the offending value.</summary>
    public static async Task<RowProblem> ShouldBeOneRowProblemAsync(this HttpResponseMessage response, long row, string column, string mentions)
    {
        var errors = await response.ShouldBeRowProblemsAsync();
        errors.Should().ContainSingle();
        var error = errors[0];
        error.Row.Should().Be(row, error.ToString());
        error.Column.Should().Be(column, error.ToString());
        error.Reason.Should().Contain(mentions, error.ToString());
        return error;
    }

    /// <summary>Submissions and activity records of a city, counted in the database itself.</summary>
    public static async Task<(long Submissions, long Records)> CountStoredAsync(this ServiceFactory factory, string cityId)
    {
        await using var connection = new NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT (SELECT count(*) FROM submissions WHERE city_id = @city),
                   (SELECT count(*) FROM activity_records r JOIN submissions s ON s.id = r.submission_id WHERE s.city_id = @city)
            """, connection);
        command.Parameters.AddWithValue("city", cityId);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    public static async Task ShouldHaveStoredNothingAsync(this ServiceFactory factory, string cityId)
    {
        var (submissions, records) = await factory.CountStoredAsync(cityId);
        submissions.Should().Be(0, $"a refused upload of {cityId} must leave no submission");
        records.Should().Be(0, $"a refused upload of {cityId} must leave no activity record");
    }
}
