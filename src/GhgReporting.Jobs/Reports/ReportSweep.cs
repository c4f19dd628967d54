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

        // What should have a report: verified periods (final), periods waiting for verification (the draft of
        // their latest submission) and retirements (certificate), each with the subject its job stores under.
        var periods = await db.MonitoringPeriods.AsNoTracking()
            .Where(m => (m.State == PeriodStates.Verified && m.ReviewedAt < before)
                        || ((m.State == PeriodStates.Submitted || m.State == PeriodStates.UnderReview) && m.SubmittedAt < before))
            .Select(m => new MonitoringPeriod { Id = m.Id, State = m.State, SubmittedAt = m.SubmittedAt, CreatedByUserId = m.CreatedByUserId })
            .ToListAsync(ct);
        var retirements = await db.Retirements.AsNoTracking().Where(r => r.At < before).Select(r => r.Id).ToListAsync(ct);
        var expected = periods.Select(m => (Kind: ReportKinds.MonitoringReport, Subject: ReportJobs.MonitoringSubject(m, m.State == PeriodStates.Verified),
                                            Queue: (Action)(() => Monitoring(m.Id, m.State == PeriodStates.Verified))))
            .Concat(retirements.Select(id => (Kind: ReportKinds.RetirementCertificate, Subject: ReportJobs.RetirementSubject(id),
                                              Queue: (Action)(() => jobs.Enqueue<ReportJobs>(j => j.RetirementCertificateAsync(id, null, CancellationToken.None))))))
            .ToList();
        var subjects = expected.Select(e => e.Subject).ToList();
        var present = (await db.Reports.AsNoTracking().Where(r => subjects.Contains(r.SubjectKey)).Select(r => r.Kind + " " + r.SubjectKey).ToListAsync(ct)).ToHashSet();

        var queued = 0;
        foreach (var missing in expected.Where(e => !present.Contains(e.Kind + " " + e.Subject)).Take(Batch))
        {
            missing.Queue();
            queued++;
        }
        if (queued > 0) log.LogInformation("Queued {Count} report jobs whose reports were missing.", queued);
        return queued;
    }

    private void Monitoring(Guid periodId, bool final) => jobs.Enqueue<ReportJobs>(j => j.MonitoringReportAsync(periodId, final, null, CancellationToken.None));
}
