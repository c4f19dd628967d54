using System.Text.Json;
using GhgReporting.Api.Auth;
using GhgReporting.Data;
using GhgReporting.Data.Entities;
using GhgReporting.Data.Projects;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GhgReporting.Api.Apis;

public sealed record CreatePeriodRequest(DateOnly PeriodStart, DateOnly PeriodEnd);

public sealed record ReviewRequest(string? Summary, IReadOnlyList<ReviewComment>? Comments);

public sealed record EvidenceResponse(Guid Id, string FileName, string ContentType, string Sha256, long Length, DateTimeOffset UploadedAt);

public sealed record CommentResponse(string? Parameter, string Comment, DateTimeOffset At);

public sealed record PeriodResponse(
    Guid Id, Guid ProjectId, string ProjectCode, int Number, int Version, Guid? Supersedes, Guid? SupersededBy, DateOnly PeriodStart, DateOnly PeriodEnd, string State,
    decimal? ReferenceEmissions, decimal? ProjectEmissions, decimal? Leakage, decimal? Reductions, long? Credits,
    IReadOnlyList<MonitoredValue> Parameters, IReadOnlyList<EvidenceResponse> Evidence, IReadOnlyList<CommentResponse> Comments,
    JsonElement? Calculation, DateTimeOffset? SubmittedAt, DateTimeOffset? ReviewedAt, string? ReviewedBy, string? ReviewSummary);

/// <summary>
/// Monitoring periods and their verification. The host city's reporters (or the secretariat) write them;
/// the partner city's verifiers review them; the project's two cities and the secretariat read them, and
/// the public reads verified ones. Others are told the period does not exist.
/// </summary>
public static class MonitoringApi
{
    public static void MapMonitoringApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/projects/{projectId:guid}/periods", Create).RequireAuthorization().WithTags("Monitoring").WithSummary("Open a monitoring period (draft).");
        app.MapGet("/api/projects/{projectId:guid}/periods", List).WithTags("Monitoring").WithSummary("The project's monitoring periods you may read.");
        app.MapGet("/api/verification-queue", Queue).RequireAuthorization().WithTags("Monitoring")
            .WithSummary("Periods waiting for review in the projects your city verifies.");
        var group = app.MapGroup("/api/periods/{periodId:guid}").WithTags("Monitoring");
        group.MapGet("/", Get).WithSummary("One period version: parameters, evidence, calculation trace, state, comments.");
        group.MapPut("/parameters", SetParameters).RequireAuthorization().WithSummary("Replace the parameters monitored ex post (draft or rejected period).");
        group.MapPost("/evidence", AddEvidence).RequireAuthorization().DisableAntiforgery().WithSummary("Attach an evidence file (multipart/form-data).");
        group.MapGet("/evidence/{fileId:guid}", Evidence).WithSummary("Download an evidence file.");
        group.MapPost("/submit", Submit).RequireAuthorization().WithSummary("Calculate and submit for verification.");
        group.MapPost("/review", StartReview).RequireAuthorization().WithSummary("Take the period under review (partner city's verifier).");
        group.MapPost("/verify", Verify).RequireAuthorization().WithSummary("Verify: the period is locked and its credits are issued.");
        group.MapPost("/reject", Reject).RequireAuthorization().WithSummary("Reject with comments per parameter.");
        group.MapPost("/correct", Correct).RequireAuthorization().WithSummary("Open a correction of a verified period as a new version.");
    }

    private static bool CanRead(Caller caller, Project project, MonitoringPeriod period) =>
        period.State == PeriodStates.Verified || caller.IsSecretariat || caller.CityId == project.HostCityId || caller.CityId == project.PartnerCityId;

    private static async Task<Results<Created<PeriodResponse>, ProblemHttpResult>> Create(Guid projectId, CreatePeriodRequest request, Caller caller,
        MonitoringService monitoring, GhgDbContext db, CancellationToken ct)
    {
        var (period, problem) = await monitoring.CreateAsync(projectId, request.PeriodStart, request.PeriodEnd, caller.ToActor(), ct);
        return problem is not null ? ProjectProblems.ToHttp(problem) : TypedResults.Created($"/api/periods/{period!.Id}", await ResponseAsync(db, period.Id, ct));
    }

    private static async Task<Results<Ok<List<PeriodResponse>>, ProblemHttpResult>> List(Guid projectId, Caller caller, GhgDbContext db, CancellationToken ct)
    {
        var project = await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == projectId, ct);
        if (project is null) return Problems.NotFound($"There is no project {projectId}.");
        var periods = await db.MonitoringPeriods.AsNoTracking().Where(m => m.ProjectId == projectId).OrderBy(m => m.Number).ThenBy(m => m.Version).ToListAsync(ct);
        var result = new List<PeriodResponse>();
        foreach (var p in periods.Where(p => CanRead(caller, project, p))) result.Add(await ResponseAsync(db, p.Id, ct));
        return TypedResults.Ok(result);
    }

    private static async Task<Ok<List<PeriodResponse>>> Queue(Caller caller, GhgDbContext db, CancellationToken ct)
    {
        var ids = await (from m in db.MonitoringPeriods
                         join p in db.Projects on m.ProjectId equals p.Id
                         where (caller.IsSecretariat || p.PartnerCityId == caller.CityId) && (m.State == PeriodStates.Submitted || m.State == PeriodStates.UnderReview)
                         orderby m.SubmittedAt
                         select m.Id).ToListAsync(ct);
        var result = new List<PeriodResponse>();
        foreach (var id in ids) result.Add(await ResponseAsync(db, id, ct));
        return TypedResults.Ok(result);
    }

    private static async Task<Results<Ok<PeriodResponse>, ProblemHttpResult>> Get(Guid periodId, Caller caller, GhgDbContext db, CancellationToken ct)
    {
        var visible = await VisibleAsync(db, caller, periodId, ct);
        return visible is null ? NotVisible(periodId) : TypedResults.Ok(await ResponseAsync(db, periodId, ct));
    }

    private static async Task<Results<Ok<PeriodResponse>, ProblemHttpResult>> SetParameters(Guid periodId, List<MonitoredValue> values, Caller caller,
        MonitoringService monitoring, GhgDbContext db, CancellationToken ct) =>
        await Act(periodId, caller, db, () => monitoring.SetParametersAsync(periodId, values, caller.ToActor(), ct), ct);

    private static async Task<Results<Created<EvidenceResponse>, ProblemHttpResult>> AddEvidence(Guid periodId, IFormFile file, Caller caller,
        MonitoringService monitoring, GhgDbContext db, CancellationToken ct)
    {
        if (await VisibleAsync(db, caller, periodId, ct) is null) return NotVisible(periodId);
        if (file.Length > MonitoringService.MaxEvidenceBytes)
            return Problems.Of(StatusCodes.Status413PayloadTooLarge, "File too large", $"{file.FileName} is larger than {MonitoringService.MaxEvidenceBytes / (1024 * 1024)} MB.");
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var (stored, problem) = await monitoring.AddEvidenceAsync(periodId, file.FileName, file.ContentType ?? "application/octet-stream", buffer.ToArray(), caller.ToActor(), ct);
        return problem is not null ? ProjectProblems.ToHttp(problem)
            : TypedResults.Created($"/api/periods/{periodId}/evidence/{stored!.Id}", new EvidenceResponse(stored.Id, stored.FileName, stored.ContentType, stored.Sha256, stored.Length, stored.UploadedAt));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Evidence(Guid periodId, Guid fileId, Caller caller, GhgDbContext db, CancellationToken ct)
    {
        if (await VisibleAsync(db, caller, periodId, ct) is null) return NotVisible(periodId);
        var file = await db.EvidenceFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId && f.PeriodId == periodId, ct);
        return file is null ? Problems.NotFound($"Period {periodId} has no evidence file {fileId}.") : TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>Submits, then queues the period's draft monitoring report (DRAFT on every page).</summary>
    private static Task<Results<Ok<PeriodResponse>, ProblemHttpResult>> Submit(Guid periodId, Caller caller, MonitoringService monitoring, GhgDbContext db,
        ReportQueue reports, CancellationToken ct) =>
        Act(periodId, caller, db, async () => reports.AfterChange(await monitoring.SubmitAsync(periodId, caller.ToActor(), ct), final: false), ct);

    private static Task<Results<Ok<PeriodResponse>, ProblemHttpResult>> StartReview(Guid periodId, Caller caller, MonitoringService monitoring, GhgDbContext db, CancellationToken ct) =>
        Act(periodId, caller, db, () => monitoring.StartReviewAsync(periodId, caller.ToActor(), ct), ct);

    /// <summary>Verifies (credits are issued in the same transaction), then queues the final monitoring report.</summary>
    private static Task<Results<Ok<PeriodResponse>, ProblemHttpResult>> Verify(Guid periodId, ReviewRequest? request, Caller caller, MonitoringService monitoring, GhgDbContext db,
        ReportQueue reports, CancellationToken ct) =>
        Act(periodId, caller, db, async () => reports.AfterChange(await monitoring.VerifyAsync(periodId, caller.ToActor(), request?.Summary, ct), final: true), ct);

    private static Task<Results<Ok<PeriodResponse>, ProblemHttpResult>> Reject(Guid periodId, ReviewRequest request, Caller caller, MonitoringService monitoring, GhgDbContext db, CancellationToken ct) =>
        Act(periodId, caller, db, () => monitoring.RejectAsync(periodId, caller.ToActor(), request.Summary, request.Comments ?? [], ct), ct);

    private static Task<Results<Ok<PeriodResponse>, ProblemHttpResult>> Correct(Guid periodId, Caller caller, MonitoringService monitoring, GhgDbContext db, CancellationToken ct) =>
        Act(periodId, caller, db, () => monitoring.CorrectAsync(periodId, caller.ToActor(), ct), ct);

    /// <summary>Runs a write for a signed-in caller who may at least see the period; answers with the period after it.</summary>
    private static async Task<Results<Ok<PeriodResponse>, ProblemHttpResult>> Act(Guid periodId, Caller caller, GhgDbContext db,
        Func<Task<(MonitoringPeriod? Period, ProjectProblem? Problem)>> action, CancellationToken ct)
    {
        if (await VisibleAsync(db, caller, periodId, ct) is null) return NotVisible(periodId);
        var (period, problem) = await action();
        return problem is not null ? ProjectProblems.ToHttp(problem) : TypedResults.Ok(await ResponseAsync(db, period!.Id, ct));
    }

    private static async Task<MonitoringPeriod?> VisibleAsync(GhgDbContext db, Caller caller, Guid periodId, CancellationToken ct)
    {
        var period = await db.MonitoringPeriods.AsNoTracking().FirstOrDefaultAsync(m => m.Id == periodId, ct);
        if (period is null) return null;
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == period.ProjectId, ct);
        return CanRead(caller, project, period) ? period : null;
    }

    private static ProblemHttpResult NotVisible(Guid periodId) => Problems.NotFound($"There is no monitoring period {periodId} that you may read.");

    internal static async Task<PeriodResponse> ResponseAsync(GhgDbContext db, Guid periodId, CancellationToken ct)
    {
        var m = await db.MonitoringPeriods.AsNoTracking().SingleAsync(x => x.Id == periodId, ct);
        var code = await db.Projects.Where(p => p.Id == m.ProjectId).Select(p => p.Code).SingleAsync(ct);
        var parameters = await db.MonitoredParameters.AsNoTracking().Where(x => x.PeriodId == periodId).OrderBy(x => x.Name).ThenBy(x => x.Index).ToListAsync(ct);
        var evidence = await db.EvidenceFiles.AsNoTracking().Where(x => x.PeriodId == periodId).OrderBy(x => x.UploadedAt)
            .Select(x => new EvidenceResponse(x.Id, x.FileName, x.ContentType, x.Sha256, x.Length, x.UploadedAt)).ToListAsync(ct);
        var comments = await db.VerificationComments.AsNoTracking().Where(x => x.PeriodId == periodId).OrderBy(x => x.Id)
            .Select(x => new CommentResponse(x.Parameter, x.Comment, x.At)).ToListAsync(ct);
        var reviewer = m.ReviewedByUserId is null ? null : await db.Users.Where(u => u.Id == m.ReviewedByUserId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        return new PeriodResponse(m.Id, m.ProjectId, code, m.Number, m.Version, m.SupersedesId, m.SupersededById, m.PeriodStart, m.PeriodEnd, m.State,
            m.ReferenceEmissions, m.ProjectEmissions, m.Leakage, m.Reductions, m.Credits,
            parameters.Select(p => new MonitoredValue(p.Name, p.Index, p.Value, p.Unit, p.MonitoringOption, p.Source, p.MeasurementMethod)).ToList(),
            evidence, comments, m.Calculation is null ? null : JsonDocument.Parse(m.Calculation).RootElement.Clone(),
            m.SubmittedAt, m.ReviewedAt, reviewer, m.ReviewSummary);
    }
}
