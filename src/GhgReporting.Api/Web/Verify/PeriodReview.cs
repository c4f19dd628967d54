using GhgReporting.Data.Reports;
using System.Globalization;
using GhgReporting.Api.Auth;
using GhgReporting.Data;
using GhgReporting.Data.Entities;
using GhgReporting.Jobs.Reports;
using Microsoft.EntityFrameworkCore;

namespace GhgReporting.Api.Web.Verify;

/// <summary>An evidence file as the verifier's page lists it: enough to download it and check its hash.</summary>
public sealed record EvidenceRow(Guid Id, string FileName, string ContentType, string Sha256, long Length, DateTimeOffset UploadedAt);

/// <summary>
/// One monitoring period version as the verifier's page shows it: what its monitoring report shows (the stored
/// calculation, never recomputed), the evidence files with their ids, and whether the report is ready.
/// Who may see it is stricter than the API's read rule: the verifier pages are for the project's partner city
/// (never the host city, whose own submission it is) and the secretariat.
/// </summary>
public sealed record PeriodReview(MonitoringReportModel Report, IReadOnlyList<EvidenceRow> Evidence, string? CatalogName, string? CatalogHash, bool ReportReady)
{
    public MonitoringPeriod Period => Report.Period;

    public Project Project => Report.Project;

    /// <summary>The report a reader gets at <see cref="ReportUrl"/>: final once verified, else the draft of the latest submission.</summary>
    public bool FinalReport => Period.State == PeriodStates.Verified;

    public string ReportUrl => $"/api/periods/{Period.Id}/report.pdf";

    public bool HasReport => Period.SubmittedAt is not null;

    public bool Reviewable => Period.State is PeriodStates.Submitted or PeriodStates.UnderReview;

    /// <summary>The verifier pages show a period to the secretariat and to verifiers of the project's partner city,
    /// once it has been submitted (a draft has nothing to review yet).</summary>
    public static bool MaySee(Caller caller, Project project, MonitoringPeriod period) =>
        period.SubmittedAt is not null && period.State != PeriodStates.Draft
        && (caller.IsSecretariat || (caller.IsVerifier && caller.CityId is { } city && city == project.PartnerCityId && city != project.HostCityId));

    /// <summary>May approve or reject: a verifier (by role) of the partner city, on a period waiting for review that
    /// they did not submit themselves (the service checks all of this again).</summary>
    public bool MayAct(Caller caller) =>
        Reviewable && caller.Role == Roles.Verifier && caller.CityId == Project.PartnerCityId && caller.CityId != Project.HostCityId
        && Period.SubmittedByUserId != caller.UserId;

    /// <summary>The period as the caller may see it on the verifier pages; null when it does not exist for them.</summary>
    public static async Task<PeriodReview?> LoadAsync(GhgDbContext db, MonitoringReportLoader loader, Caller caller, Guid periodId, CancellationToken ct)
    {
        var period = await db.MonitoringPeriods.AsNoTracking().FirstOrDefaultAsync(m => m.Id == periodId, ct);
        if (period is null) return null;
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == period.ProjectId, ct);
        if (!MaySee(caller, project, period)) return null;

        var final = period.State == PeriodStates.Verified;
        var report = await loader.LoadAsync(period, project, final, ct);
        var evidence = await db.EvidenceFiles.AsNoTracking().Where(f => f.PeriodId == periodId).OrderBy(f => f.UploadedAt)
            .Select(f => new EvidenceRow(f.Id, f.FileName, f.ContentType, f.Sha256, f.Length, f.UploadedAt)).ToListAsync(ct);
        var calculation = MonitoringReportLoader.CalculationOf(period);
        var subject = ReportJobs.MonitoringSubject(period, final);
        var ready = await db.Reports.HasSubjectAsync(ReportKinds.MonitoringReport, subject, ct);
        return new PeriodReview(report, evidence, calculation?.CatalogName, calculation?.CatalogHash, ready);
    }
}
