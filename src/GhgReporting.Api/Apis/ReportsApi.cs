using GhgReporting.Api.Auth;
using GhgReporting.Data;
using GhgReporting.Data.Entities;
using GhgReporting.Jobs.Reports;
using Hangfire;
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
    }

    private static bool CanRead(Caller caller, StoredReport r) => r.IsPublic || caller.IsSecretariat || (r.CityId is not null && caller.CityId == r.CityId);

    private static async Task<Ok<List<ReportResponse>>> List(string? cityId, string? kind, Caller caller, GhgDbContext db, CancellationToken ct)
    {
        var query = db.Reports.AsNoTracking();
        if (cityId is not null) query = query.Where(r => r.CityId == cityId);
        if (kind is not null) query = query.Where(r => r.Kind == kind);
        var rows = await query.OrderByDescending(r => r.CreatedAt).Take(500).ToListAsync(ct);
        return TypedResults.Ok(rows.Where(r => CanRead(caller, r)).Select(ReportResponse.From).ToList());
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Download(Guid reportId, Caller caller, GhgDbContext db, CancellationToken ct)
    {
        var report = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reportId, ct);
        return report is null || !CanRead(caller, report)
            ? Problems.NotFound($"There is no report {reportId} that you may read.")
            : TypedResults.File(report.Content, "application/pdf", report.FileName);
    }

    private static async Task<Results<FileContentHttpResult, Accepted<string>, ProblemHttpResult>> InventoryReport(string cityId, int year, int version,
        Caller caller, GhgDbContext db, IBackgroundJobClient jobs, CancellationToken ct)
    {
        var found = await db.InventoryVersions.AsNoTracking().FirstOrDefaultAsync(v => v.CityId == cityId && v.Year == year && v.Version == version, ct);
        if (found is null || (found.PublishedAt is null && !caller.CanReadUnpublished(cityId)))
            return Problems.NotFound($"City '{cityId}' has no version {version} of its inventory for {year} that you may read.");
        var subject = ReportJobs.InventorySubject(found.Id, found.PublishedAt is not null);
        var report = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Kind == ReportKinds.InventoryReport && r.SubjectKey == subject, ct);
        if (report is not null) return TypedResults.File(report.Content, "application/pdf", report.FileName);
        jobs.Enqueue<ReportJobs>(j => j.InventoryReportAsync(found.Id, null, CancellationToken.None));
        return TypedResults.Accepted($"/api/cities/{cityId}/inventories/{year}/versions/{version}/report.pdf", "The report is being rendered; try again in a few seconds.");
    }

    private static async Task<Results<FileContentHttpResult, Accepted<string>, ProblemHttpResult>> Certificate(string verificationCode, GhgDbContext db,
        IBackgroundJobClient jobs, CancellationToken ct)
    {
        var code = verificationCode.Trim().ToUpperInvariant();
        var retirement = await db.Retirements.AsNoTracking().FirstOrDefaultAsync(r => r.VerificationCode == code, ct);
        if (retirement is null) return Problems.NotFound($"There is no retirement with verification code {verificationCode}.");
        var report = await db.Reports.AsNoTracking()
            .FirstOrDefaultAsync(r => r.Kind == ReportKinds.RetirementCertificate && r.SubjectKey == ReportJobs.RetirementSubject(retirement.Id), ct);
        if (report is not null) return TypedResults.File(report.Content, "application/pdf", report.FileName);
        // Not rendered yet (or its job was lost): ask for it again; the job stores one certificate however often it runs.
        jobs.Enqueue<ReportJobs>(j => j.RetirementCertificateAsync(retirement.Id, null, CancellationToken.None));
        return TypedResults.Accepted($"/api/retirements/{code}/certificate.pdf", "The certificate is being rendered; try again in a few seconds.");
    }
}
