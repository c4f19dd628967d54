using System.ComponentModel;
using GhgReporting.Data;
using GhgReporting.Data.Entities;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace GhgReporting.Jobs.Reports;

/// <summary>
/// Report jobs are queued right after the change they report (a submission, a verification, a retirement) has
/// been committed. A process that dies between the commit and the queueing would leave that report unmade; this
/// recurring sweep finds such changes and queues their jobs again. Queueing one twice is harmless: each job
/// stores one report per subject.
/// </summary>
[Queue("reports")]
public sealed class ReportSweep(GhgDbContext db, IBackgroundJobClient jobs, TimeProvider clock, ILogger<ReportSweep> log)
{
    /// <summary>Changes younger than this are left to the job queued with them.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(2);

    private const int Batch = 200;

    [DisplayName("Queue missing reports")]
    [AutomaticRetry(Attempts = 0)]
    public async Task<int> QueueMissingAsync(CancellationToken ct)
    {
        var before = clock.GetUtcNow() - Grace;
        var queued = 0;

        var verified = await db.MonitoringPeriods.AsNoTracking()
            .Where(m => m.State == PeriodStates.Verified && m.ReviewedAt < before)
            .Where(m => !db.Reports.Any(r => r.Kind == ReportKinds.MonitoringReport && r.SubjectKey == "period:" + m.Id.ToString() + ":final"))
            .Select(m => m.Id).Take(Batch).ToListAsync(ct);
        foreach (var id in verified) { jobs.Enqueue<ReportJobs>(j => j.MonitoringReportAsync(id, true, null, CancellationToken.None)); queued++; }

        // A draft for the latest submission of each period that is waiting for verification.
        var waiting = await db.MonitoringPeriods.AsNoTracking()
            .Where(m => (m.State == PeriodStates.Submitted || m.State == PeriodStates.UnderReview) && m.SubmittedAt < before).Take(Batch).ToListAsync(ct);
        var subjects = waiting.Select(m => ReportJobs.MonitoringSubject(m, false)).ToList();
        var present = await db.Reports.AsNoTracking().Where(r => r.Kind == ReportKinds.MonitoringReport && subjects.Contains(r.SubjectKey)).Select(r => r.SubjectKey).ToListAsync(ct);
        foreach (var m in waiting.Where(m => !present.Contains(ReportJobs.MonitoringSubject(m, false))))
        {
            var id = m.Id;
            jobs.Enqueue<ReportJobs>(j => j.MonitoringReportAsync(id, false, null, CancellationToken.None));
            queued++;
        }

        var retirements = await db.Retirements.AsNoTracking()
            .Where(r => r.At < before && !db.Reports.Any(x => x.Kind == ReportKinds.RetirementCertificate && x.SubjectKey == "retirement:" + r.Id.ToString()))
            .Select(r => r.Id).Take(Batch).ToListAsync(ct);
        foreach (var id in retirements) { jobs.Enqueue<ReportJobs>(j => j.RetirementCertificateAsync(id, null, CancellationToken.None)); queued++; }

        if (queued > 0) log.LogInformation("Queued {Count} report jobs whose reports were missing.", queued);
        return queued;
    }
}
