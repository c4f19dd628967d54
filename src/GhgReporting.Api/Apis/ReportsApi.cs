using GhgReporting.Data.Reports;
using GhgReporting.Api.Auth;
using GhgReporting.Api.Requests;
using GhgReporting.Data;
using GhgReporting.Data.Entities;
using GhgReporting.Jobs.Reports;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GhgReporting.Api.Apis;

public sealed record ReportResponse(Guid Id, string Kind, string SubjectKey, string? CityId, Guid? ProjectId, bool IsPublic, string FileName, string Sha256,
    long Length, string? JobId, string Sources, DateTimeOffset CreatedAt, string DownloadUrl)
{
    public static ReportResponse From(StoredReport r) => new(r.Id, r.Kind, r.SubjectKey, r.CityId, r.ProjectId, r.IsPublic, r.FileName, r.Sha256, r.Length,
        r.JobId, r.Sources, r.CreatedAt, $"/api/reports/{r.Id}/pdf");
}

/// <summary>Stored reports: listed and downloaded with the same isolation as the data they show (public
/// reports for everyone, a city's own reports for its users and the secretariat).</summary>
public static class ReportsApi
{
    public static void MapReportsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/reports").WithTags("Reports");
        group.MapGet("/", List).WithSummary("Stored reports you may read (?cityId=, ?kind=).");
        group.MapGet("/{reportId:guid}/pdf", Download).WithSummary("Download a stored report.");
        app.MapGet("/api/retirements/{verificationCode}/certificate.pdf", Certificate).WithTags("Reports")
            .WithSummary("The retirement certificate (public); 202 while it is being rendered.");
        app.MapGet("/api/cities/{cityId}/inventories/{year:int}/versions/{version:int}/report.pdf", InventoryReport).WithTags("Reports")
            .WithSummary("The city inventory report of a version (rendered in the background on first request: 202 until it is ready).");
        app.MapGet("/api/periods/{periodId:guid}/report.pdf", MonitoringReport).WithTags("Reports")
            .WithSummary("The monitoring report of a period version: final once verified (public), else the draft of its latest submission (host and partner cities); 202 while it is being rendered.");
        group.MapPost("/platform", RequestPlatform).RequireAuthorization()
            .WithSummary("Secretariat: make the platform report for a period (from, to); 202 with the address to download it from.");
        group.MapGet("/platform.pdf", PlatformReport)
            .WithSummary("A platform report by period and data cut-off (from, to, asOf), as returned by POST /api/reports/platform.");
    }

    /// <summary>Public reports for everyone; a city's reports for its users and the secretariat; a project's
    /// reports also for the partner city, whose verifiers review its drafts.</summary>
    private static bool CanRead(Caller caller, StoredReport r, IReadOnlyDictionary<Guid, string> partnerOf) =>
        r.IsPublic || caller.IsSecretariat || (caller.CityId is { } city && (r.CityId == city || (r.ProjectId is { } p && partnerOf.GetValueOrDefault(p) == city)));

    private static async Task<Dictionary<Guid, string>> PartnersAsync(GhgDbContext db, IEnumerable<StoredReport> reports, CancellationToken ct)
    {
        var projects = reports.Where(r => r.ProjectId is not null).Select(r => r.ProjectId!.Value).Distinct().ToList();
        return projects.Count == 0 ? [] : await db.Projects.AsNoTracking().Where(p => projects.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.PartnerCityId, ct);
    }

    private static async Task<Ok<List<ReportResponse>>> List(string? cityId, string? kind, Caller caller, GhgDbContext db, CancellationToken ct)
    {
        var query = db.Reports.AsNoTracking();
        if (cityId is not null) query = query.Where(r => r.CityId == cityId);
        if (kind is not null) query = query.Where(r => r.Kind == kind);
        // Everything but the PDFs themselves.
        var rows = await query.OrderByDescending(r => r.CreatedAt).Take(500)
            .Select(r => new StoredReport
            {
                Id = r.Id, Kind = r.Kind, SubjectKey = r.SubjectKey, CityId = r.CityId, ProjectId = r.ProjectId, IsPublic = r.IsPublic, FileName = r.FileName,
                Sha256 = r.Sha256, Length = r.Length, Content = Array.Empty<byte>(), JobId = r.JobId, Sources = r.Sources, CreatedAt = r.CreatedAt,
            }).ToListAsync(ct);
        var partners = await PartnersAsync(db, rows, ct);
        return TypedResults.Ok(rows.Where(r => CanRead(caller, r, partners)).Select(ReportResponse.From).ToList());
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Download(Guid reportId, Caller caller, GhgDbContext db, CancellationToken ct)
    {
        var report = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reportId, ct);
        return report is null || !CanRead(caller, report, await PartnersAsync(db, [report], ct))
            ? Problems.NotFound($"There is no report {reportId} that you may read.")
            : TypedResults.File(report.Content, "application/pdf", report.FileName);
    }

    private static async Task<Results<FileContentHttpResult, Accepted<string>, ProblemHttpResult>> InventoryReport(string cityId, int year, int version,
        Caller caller, GhgDbContext db, ReportQueue queue, CancellationToken ct)
    {
        var found = await db.InventoryVersions.AsNoTracking().FirstOrDefaultAsync(v => v.CityId == cityId && v.Year == year && v.Version == version, ct);
        if (found is null || (found.PublishedAt is null && !caller.CanReadUnpublished(cityId)))
            return Problems.NotFound($"City '{cityId}' has no version {version} of its inventory for {year} that you may read.");
        var subject = ReportJobs.InventorySubject(found.Id, found.PublishedAt is not null);
        var report = await db.Reports.OfSubjectAsync(ReportKinds.InventoryReport, subject, ct);
        if (report is not null) return TypedResults.File(report.Content, "application/pdf", report.FileName);
        queue.Inventory(found.Id);
        return TypedResults.Accepted($"/api/cities/{cityId}/inventories/{year}/versions/{version}/report.pdf", "The report is being rendered; try again in a few seconds.");
    }

    private static async Task<Results<FileContentHttpResult, Accepted<string>, ProblemHttpResult>> Certificate(string verificationCode, GhgDbContext db,
        ReportQueue queue, CancellationToken ct)
    {
        var code = verificationCode.Trim().ToUpperInvariant();
        var retirement = await db.Retirements.AsNoTracking().FirstOrDefaultAsync(r => r.VerificationCode == code, ct);
        if (retirement is null) return Problems.NotFound($"There is no retirement with verification code {verificationCode}.");
        var report = await db.Reports.OfSubjectAsync(ReportKinds.RetirementCertificate, ReportJobs.RetirementSubject(retirement.Id), ct);
        if (report is not null) return TypedResults.File(report.Content, "application/pdf", report.FileName);
        // Not rendered yet (or its job was lost): ask for it again; the job stores one certificate however often it runs.
        queue.RetirementCertificate(retirement.Id, code);
        return TypedResults.Accepted($"/api/retirements/{code}/certificate.pdf", "The certificate is being rendered; try again in a few seconds.");
    }

    private static async Task<Results<FileContentHttpResult, Accepted<string>, ProblemHttpResult>> MonitoringReport(Guid periodId, Caller caller, GhgDbContext db,
        ReportQueue queue, CancellationToken ct)
    {
        var period = await db.MonitoringPeriods.AsNoTracking().FirstOrDefaultAsync(m => m.Id == periodId, ct);
        var project = period is null ? null : await db.Projects.AsNoTracking().SingleAsync(p => p.Id == period.ProjectId, ct);
        var final = period?.State == PeriodStates.Verified;
        var mayRead = final || caller.IsSecretariat || (caller.CityId is { } city && (city == project?.HostCityId || city == project?.PartnerCityId));
        if (period is null || !mayRead) return Problems.NotFound($"There is no monitoring period {periodId} that you may read.");
        if (period.SubmittedAt is null) return Problems.NotFound($"Monitoring period {periodId} has not been submitted yet: it has no report.");
        var subject = ReportJobs.MonitoringSubject(period, final);
        var report = await db.Reports.OfSubjectAsync(ReportKinds.MonitoringReport, subject, ct);
        if (report is not null) return TypedResults.File(report.Content, "application/pdf", report.FileName);
        queue.Monitoring(period.Id, final);
        return TypedResults.Accepted($"/api/periods/{periodId}/report.pdf", "The report is being rendered; try again in a few seconds.");
    }

    public sealed record PlatformReportRequest(DateOnly? From, DateOnly? To);

    public sealed record PlatformReportTicket(DateOnly From, DateOnly To, DateTimeOffset AsOf, string? JobId, string DownloadUrl);

    private static Results<Accepted<PlatformReportTicket>, ProblemHttpResult> RequestPlatform(PlatformReportRequest request, Caller caller, ReportQueue queue, TimeProvider clock)
    {
        if (!caller.IsSignedIn) return Problems.Unauthorized("Sign in as the secretariat to make a platform report.");
        if (!caller.IsSecretariat) return Problems.Forbidden("Only the secretariat makes platform reports.");
        var now = clock.GetUtcNow();
        var refusals = PlatformReportPeriod.Check(request.From, request.To, now);
        if (refusals.Count > 0)
            return Problems.Of(StatusCodes.Status400BadRequest, "The period is not valid", "Give from and to as dates (yyyy-MM-dd), from not after to.",
                new Dictionary<string, object?> { ["errors"] = refusals.Select(r => new { field = r.Field, reason = Reason(r.Reason, request) }).ToList() });

        var (from, to) = (request.From!.Value, request.To!.Value);
        var asOf = PlatformReportPeriod.CutOff(to, now);
        var jobId = queue.Platform(from, to, asOf);
        var url = PlatformReportPeriod.DownloadUrl(from, to, asOf);
        return TypedResults.Accepted(url, new PlatformReportTicket(from, to, asOf, jobId, url));
    }

    private static string Reason(PlatformReportPeriod.Refusal refusal, PlatformReportRequest r) => refusal switch
    {
        PlatformReportPeriod.Refusal.FromMissing or PlatformReportPeriod.Refusal.ToMissing => "is required (yyyy-MM-dd)",
        PlatformReportPeriod.Refusal.ToBeforeFrom => $"{r.To:yyyy-MM-dd} is before from {r.From:yyyy-MM-dd}",
        PlatformReportPeriod.Refusal.TooLong => $"a report covers at most {PlatformReportPeriod.MaxDays} days",
        PlatformReportPeriod.Refusal.FromInFuture => $"{r.From:yyyy-MM-dd} is in the future",
        _ => refusal.ToString(),
    };

    private static async Task<Results<FileContentHttpResult, Accepted<string>, ProblemHttpResult>> PlatformReport(DateOnly from, DateOnly to, DateTimeOffset asOf,
        Caller caller, GhgDbContext db, ReportQueue queue, CancellationToken ct)
    {
        var subject = ReportJobs.PlatformSubject(from, to, asOf);
        var report = await db.Reports.OfSubjectAsync(ReportKinds.PlatformReport, subject, ct);
        if (report is not null) return TypedResults.File(report.Content, "application/pdf", report.FileName);
        if (!caller.IsSecretariat) return Problems.NotFound($"There is no platform report for {from:yyyy-MM-dd} to {to:yyyy-MM-dd} with data as of {asOf:u}.");
        queue.Platform(from, to, asOf);
        return TypedResults.Accepted(PlatformReportPeriod.DownloadUrl(from, to, asOf), "The report is being rendered; try again in a few seconds.");
    }
}
