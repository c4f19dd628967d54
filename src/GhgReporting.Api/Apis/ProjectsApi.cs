using GhgReporting.Api.Auth;
using GhgReporting.Calc.Methodologies;
using GhgReporting.Data;
using GhgReporting.Data.Entities;
using GhgReporting.Data.Projects;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GhgReporting.Api.Apis;

public sealed record MethodologyParameterResponse(string Name, string Symbol, string Description, string Unit, string Timing, bool Indexed,
    decimal? Default, string? DefaultSource, bool DefaultIsIllustrative);

public sealed record MethodologyResponse(string Id, string Version, string Title, string Sector, string BasedOn, string Equations,
    IReadOnlyList<MethodologyParameterResponse> Parameters);

public sealed record ProjectResponse(
    Guid Id, string Code, string HostCityId, string PartnerCityId, string Title, string Sector, string MethodologyId, string MethodologyVersion,
    IReadOnlyList<ExAnteValue> ExAnteParameters, DateOnly CreditingStart, DateOnly CreditingEnd, string Stage, string? FundingScheme,
    string? CoBenefits, string? Outcomes, bool IsIllustrative, DateTimeOffset CreatedAt)
{
    public static ProjectResponse From(Project p) => new(p.Id, p.Code, p.HostCityId, p.PartnerCityId, p.Title, p.Sector, p.MethodologyId, p.MethodologyVersion,
        ProjectService.ExAnteOf(p), p.CreditingStart, p.CreditingEnd, p.Stage, p.FundingScheme, p.CoBenefits, p.Outcomes, p.IsIllustrative, p.CreatedAt);
}

public sealed record UpdateProjectRequest(string? Stage, string? FundingScheme, string? CoBenefits, string? Outcomes);

/// <summary>Methodologies (public) and joint projects: the secretariat registers them; everyone may read
/// them (a project's registration is public; its unverified monitoring data are not).</summary>
public static class ProjectsApi
{
    public static void MapProjectsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/methodologies", Methodologies).WithTags("Projects").WithSummary("The methodologies, each with its version, equations and parameters.");
        var group = app.MapGroup("/api/projects").WithTags("Projects");
        group.MapGet("/", List).WithSummary("Joint projects (?cityId= for a host or partner city).");
        group.MapGet("/{projectId:guid}", Get).WithSummary("One project.");
        group.MapPost("/", Register).RequireAuthorization(Policies.Secretariat).WithSummary("Register a joint project (secretariat).");
        group.MapPatch("/{projectId:guid}", Update).RequireAuthorization(Policies.Secretariat)
            .WithSummary("Change a project's stage, funding scheme, co-benefits or outcomes (secretariat).");
    }

    private static Ok<List<MethodologyResponse>> Methodologies() => TypedResults.Ok(MethodologyRegistry.All.Select(m => new MethodologyResponse(
        m.Id, m.Version, m.Title, m.Sector, m.BasedOn, m.Equations,
        m.Parameters.Select(p => new MethodologyParameterResponse(p.Name, p.Symbol, p.Description, p.Unit, p.Timing == ParameterTiming.ExAnte ? "ex-ante" : "ex-post",
            p.Indexed, p.Default, p.DefaultSource, p.DefaultIsIllustrative)).ToList())).ToList());

    private static async Task<Ok<List<ProjectResponse>>> List(string? cityId, GhgDbContext db, CancellationToken ct)
    {
        var query = db.Projects.AsNoTracking();
        if (cityId is not null) query = query.Where(p => p.HostCityId == cityId || p.PartnerCityId == cityId);
        return TypedResults.Ok((await query.OrderBy(p => p.Code).ToListAsync(ct)).Select(ProjectResponse.From).ToList());
    }

    private static async Task<Results<Ok<ProjectResponse>, ProblemHttpResult>> Get(Guid projectId, GhgDbContext db, CancellationToken ct)
    {
        var project = await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == projectId, ct);
        return project is null ? Problems.NotFound($"There is no project {projectId}.") : TypedResults.Ok(ProjectResponse.From(project));
    }

    private static async Task<Results<Created<ProjectResponse>, ProblemHttpResult>> Register(RegisterProject request, Caller caller, ProjectService projects, CancellationToken ct)
    {
        var (project, problem) = await projects.RegisterAsync(request with { ExAnte = request.ExAnte ?? [] }, caller.ToActor(), ct);
        return problem is not null ? ProjectProblems.ToHttp(problem) : TypedResults.Created($"/api/projects/{project!.Id}", ProjectResponse.From(project));
    }

    private static async Task<Results<Ok<ProjectResponse>, ProblemHttpResult>> Update(Guid projectId, UpdateProjectRequest request, Caller caller, ProjectService projects, CancellationToken ct)
    {
        var (project, problem) = await projects.UpdateAsync(projectId, request.Stage, request.FundingScheme, request.CoBenefits, request.Outcomes, caller.ToActor(), ct);
        return problem is not null ? ProjectProblems.ToHttp(problem) : TypedResults.Ok(ProjectResponse.From(project!));
    }
}

/// <summary>Turns the store's refusals into RFC 9457 problems.</summary>
public static class ProjectProblems
{
    public static ProblemHttpResult ToHttp(ProjectProblem p) => Problems.Of(p.Status, p.Title, p.Detail,
        p.Problems is null ? null : new Dictionary<string, object?> { ["problems"] = p.Problems });
}
