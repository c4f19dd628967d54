using System.Net;
using System.Net.Http.Json;
using GhgReporting.Data;
using GhgReporting.Jobs.Reports;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace GhgReporting.Api.Tests.Service;

/// <summary>
/// A change whose report job was lost (the process died between the commit and the queueing) is found by the
/// recurring sweep once its grace time has passed, and its job queued again; once the reports exist the sweep
/// queues nothing.
/// </summary>
public sealed class ReportSweepTests(ReportSweepTests.Factory factory) : IClassFixture<ReportSweepTests.Factory>
{
    public sealed class Factory : ServiceFactory;

    private sealed class ShiftedClock(TimeSpan shift) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + shift;
    }

    [Fact]
    public async Task MissingReports_AreQueuedAfterTheGraceTime_AndNotOnceTheyExist()
    {
        using var s = await ProjectFlowScenario.CreateAsync(factory, "sweep");
        var (projectId, periodId, accountId) = await s.VerifiedProjectAsync(1_000m, 500m);
        await (await s.HostReporter.PostAsJsonAsync($"/api/accounts/{accountId}/retirements",
            new { projectId, quantity = 5, beneficiary = "Sweep test", purpose = "Lost job" })).ShouldAnswerJsonAsync(HttpStatusCode.Created);
        var pending = await s.PendingPeriodAsync(projectId, 2025);

        (await SweepAsync(TimeSpan.Zero)).Should().Be(0, "within the grace time the jobs queued with the changes are left to run");
        // Later: none of the three reports (final of the verified period, its retirement's certificate, the draft of
        // the pending period) was stored, as if their jobs had been lost.
        (await SweepAsync(ReportSweep.Grace + TimeSpan.FromMinutes(1))).Should().Be(3);

        using (var scope = factory.Services.CreateScope())
        {
            var jobs = scope.ServiceProvider.GetRequiredService<ReportJobs>();
            var db = scope.ServiceProvider.GetRequiredService<GhgDbContext>();
            await jobs.MonitoringReportAsync(periodId, true, null, CancellationToken.None);
            await jobs.MonitoringReportAsync(pending, false, null, CancellationToken.None);
            foreach (var retirement in await db.Retirements.Where(r => r.ProjectId == projectId).Select(r => r.Id).ToListAsync())
                await jobs.RetirementCertificateAsync(retirement, null, CancellationToken.None);
        }
        (await SweepAsync(ReportSweep.Grace + TimeSpan.FromMinutes(1))).Should().Be(0, "every report exists now");
    }

    private async Task<int> SweepAsync(TimeSpan shift)
    {
        using var scope = factory.Services.CreateScope();
        var sweep = new ReportSweep(scope.ServiceProvider.GetRequiredService<GhgDbContext>(), scope.ServiceProvider.GetRequiredService<IBackgroundJobClient>(),
            new ShiftedClock(shift), NullLogger<ReportSweep>.Instance);
        return await sweep.QueueMissingAsync(CancellationToken.None);
    }
}
