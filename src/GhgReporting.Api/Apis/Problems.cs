using Microsoft.AspNetCore.Http.HttpResults;

namespace GhgReporting.Api.Apis;

/// <summary>RFC 9457 problem details for every refusal: a title, a status and a detail a person can act on.</summary>
public static class Problems
{
    public static ProblemHttpResult Of(int status, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, extensions: extensions);

    public static ProblemHttpResult NotFound(string detail) => Of(StatusCodes.Status404NotFound, "Not found", detail);

    public static ProblemHttpResult Forbidden(string detail) => Of(StatusCodes.Status403Forbidden, "Forbidden", detail);

    public static ProblemHttpResult Unauthorized(string detail) => Of(StatusCodes.Status401Unauthorized, "Sign in first", detail);

    public static ProblemHttpResult BadRequest(string detail, string title = "Bad request") => Of(StatusCodes.Status400BadRequest, title, detail);

    public static ProblemHttpResult Conflict(string title, string detail) => Of(StatusCodes.Status409Conflict, title, detail);

    /// <summary>The answer when a caller may not write a city's data: 401 when not signed in, 403 otherwise.</summary>
    public static ProblemHttpResult CannotWrite(Auth.Caller caller, string cityId) => caller.IsSignedIn
        ? Forbidden(caller.IsVerifier && caller.CityId == cityId
            ? "Verifiers review data; only the city's reporters (or the secretariat) write it."
            : $"You may not write data of city '{cityId}': it is not your city.")
        : Unauthorized("Writing data needs a signed-in reporter of the city or the secretariat.");
}
