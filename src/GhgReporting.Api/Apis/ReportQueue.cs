using System.Collections.Concurrent;
using GhgReporting.Data.Entities;
using GhgReporting.Data.Projects;
using GhgReporting.Jobs.Reports;
using Hangfire;

namespace GhgReporting.Api.Apis;

/// <summary>
/// Queues the report jobs that follow a committed change. The change stands even if its job cannot be queued
/// at that moment: the recurring sweep (<see cref="ReportSweep"/>) and the download endpoints queue it again.
/// </summary>
public sealed class ReportQueue(IBackgroundJobClient jobs, RecentlyQueued recent, TimeProvider clock, ILogger<ReportQueue> log)
{
    /// <summary>After a submission (<paramref name="final"/> false: the draft report) or a verification (final).</summary>
    public (MonitoringPeriod? Period, ProjectProblem? Problem) AfterChange((MonitoringPeriod? Period, ProjectProblem? Problem) outcome, bool final)
    {
        if (outcome.Period is { } period) Monitoring(period.Id, final);
        return outcome;
    }

    public void Monitoring(Guid periodId, bool final) =>
        Once($"monitoring:{periodId}:{final}", () => jobs.Enqueue<ReportJobs>(j => j.MonitoringReportAsync(periodId, final, null, CancellationToken.None)), $"monitoring report of period {periodId}");

    public void RetirementCertificate(Guid retirementId, string code) =>
        Once($"retirement:{retirementId}", () => jobs.Enqueue<ReportJobs>(j => j.RetirementCertificateAsync(retirementId, null, CancellationToken.None)), $"certificate of retirement {code}");

    public void Inventory(Guid versionId) =>
        Once($"inventory:{versionId}", () => jobs.Enqueue<ReportJobs>(j => j.InventoryReportAsync(versionId, null, CancellationToken.None)), $"report of inventory version {versionId}");

    /// <summary>Queues the platform report; returns the job id, or null when it could not be queued.</summary>
    public string? Platform(DateOnly from, DateOnly to, DateTimeOffset asOf)
    {
        DateTime f = from.ToDateTime(TimeOnly.MinValue), t = to.ToDateTime(TimeOnly.MinValue);
        string? id = null;
        Once(ReportJobs.PlatformSubject(from, to, asOf), () => id = jobs.Enqueue<ReportJobs>(j => j.PlatformReportAsync(f, t, asOf, null, CancellationToken.None)),
            $"platform report {from:yyyy-MM-dd}..{to:yyyy-MM-dd}");
        return id;
    }

    /// <summary>Queues the job unless this process queued the same one less than <see cref="RecentlyQueued.Window"/>
    /// ago: a page polling a report that is being rendered does not fill the queue with copies.</summary>
    private void Once(string key, Action enqueue, string what)
    {
        if (!recent.TryClaim(key, clock.GetUtcNow())) return;
        Try(enqueue, what);
    }

    private void Try(Action enqueue, string what)
    {
        try
        {
            enqueue();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "The job for the {What} could not be queued; it will be queued again by the report sweep or when the report is asked for.", what);
        }
    }
}

/// <summary>The report jobs this process queued recently (a singleton; per process, which is enough to keep polling
/// from flooding the queue: a lost job is queued again once the window has passed).</summary>
public sealed class RecentlyQueued
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _queuedAt = new();

    public bool TryClaim(string key, DateTimeOffset now)
    {
        if (_queuedAt.Count > 10_000)
            foreach (var (k, at) in _queuedAt)
                if (now - at > Window) _queuedAt.TryRemove(k, out _);
        while (true)
        {
            if (_queuedAt.TryGetValue(key, out var at))
            {
                if (now - at < Window) return false;
                if (_queuedAt.TryUpdate(key, now, at)) return true;
            }
            else if (_queuedAt.TryAdd(key, now)) return true;
        }
    }
}
