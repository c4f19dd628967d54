using GhgReporting.Api.Apis;
using GhgReporting.Data;
using GhgReporting.Data.Entities;
using GhgReporting.Jobs.Reports;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GhgReporting.Api.Pages.Public;

/// <summary>A verified monitoring period as the public sees it, with whether its final report is stored yet.</summary>
public sealed record VerifiedPeriod(Guid Id, string ProjectCode, string ProjectTitle, bool Illustrative, string HostCityName, string PartnerCityName,
    int Number, int Version, DateOnly PeriodStart, DateOnly PeriodEnd, decimal Reductions, long Credits, DateTimeOffset? VerifiedAt, bool ReportReady);

/// <summary>
/// Verified reductions of every project: the current verified version of each period (a version replaced by a
/// verified correction is left out, so nothing is counted twice), with totals and the final monitoring reports.
/// Unverified reductions never appear here.
/// </summary>
public sealed class ReductionsModel(GhgDbContext db, ReportQueue reports) : PageModel
{
    public IReadOnlyList<VerifiedPeriod> Periods { get; private set; } = [];

    public decimal TotalReductions => Periods.Sum(p => p.Reductions);

    public long TotalCredits => Periods.Sum(p => p.Credits);

    /// <summary>The first period whose final report is still being rendered: the page waits for it and then reloads.</summary>
    public VerifiedPeriod? Waiting => Periods.FirstOrDefault(p => !p.ReportReady);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rows = await (from m in db.MonitoringPeriods.AsNoTracking()
                          join p in db.Projects.AsNoTracking() on m.ProjectId equals p.Id
                          join h in db.Cities.AsNoTracking() on p.HostCityId equals h.Id
                          join c in db.Cities.AsNoTracking() on p.PartnerCityId equals c.Id
                          where m.State == PeriodStates.Verified && m.SupersededById == null
                          orderby p.Code, m.Number
                          select new { m.Id, p.Code, p.Title, p.IsIllustrative, Host = h.Name, Partner = c.Name, m.Number, m.Version, m.PeriodStart, m.PeriodEnd,
                              Reductions = m.Reductions ?? 0m, Credits = m.Credits ?? 0L, m.ReviewedAt }).ToListAsync(ct);
        var subjects = rows.Select(r => FinalSubject(r.Id)).ToList();
        var ready = (await db.Reports.AsNoTracking().Where(r => r.Kind == ReportKinds.MonitoringReport && subjects.Contains(r.SubjectKey))
            .Select(r => r.SubjectKey).ToListAsync(ct)).ToHashSet();
        Periods = rows.Select(r => new VerifiedPeriod(r.Id, r.Code, r.Title, r.IsIllustrative, r.Host, r.Partner, r.Number, r.Version, r.PeriodStart, r.PeriodEnd,
            r.Reductions, r.Credits, r.ReviewedAt, ready.Contains(FinalSubject(r.Id)))).ToList();
        // A final report not stored yet (its job lost or still running) is asked for, as its download address does.
        if (Waiting is { } waiting) reports.Monitoring(waiting.Id, final: true);
    }

    /// <summary>The stored final report's subject, as the report job names it (only the id of a verified period counts).</summary>
    private static string FinalSubject(Guid periodId) =>
        ReportJobs.MonitoringSubject(new MonitoringPeriod { Id = periodId, State = PeriodStates.Verified, CreatedByUserId = "" }, final: true);
}
