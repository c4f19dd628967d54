using GhgReporting.Api.Web.CityPages;
using GhgReporting.Data;
using GhgReporting.Data.Credits;
using GhgReporting.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GhgReporting.Api.Pages.City;

/// <summary>The city's overview: inventory years, uploads waiting for confirmation, hosted projects with their
/// monitoring periods, credit accounts and the latest reports, each with a link to act on it.</summary>
public sealed class OverviewModel(GhgDbContext db, CreditRegistry registry, TimeProvider clock) : CityPageModel(db)
{
    /// <summary>One inventory year: its current submissions and its latest version, if calculated.</summary>
    public sealed record YearRow(int Year, int Submissions, long Records, InventoryVersion? Latest);

    public sealed record ProjectRow(Project Project, string PartnerName, IReadOnlyList<MonitoringPeriod> Periods);

    public IReadOnlyList<YearRow> Years { get; private set; } = [];

    public IReadOnlyList<PendingDraft> Drafts { get; private set; } = [];

    public IReadOnlyList<ProjectRow> Projects { get; private set; } = [];

    public IReadOnlyList<AccountBalances> Accounts { get; private set; } = [];

    public IReadOnlyList<ReportRow> Reports { get; private set; } = [];

    public int ReportCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(string cityId, CancellationToken ct)
    {
        if (!await OpenCityAsync(cityId, ct)) return NotFound();

        var submissions = await Db.Submissions.AsNoTracking()
            .Where(s => s.CityId == cityId && s.SupersededById == null && s.ContentSha256 != null)
            .GroupBy(s => s.Year).Select(g => new { Year = g.Key, Count = g.Count(), Records = g.Sum(s => s.RecordCount) }).ToListAsync(ct);
        var versions = await Db.InventoryVersions.AsNoTracking().Where(v => v.CityId == cityId).ToListAsync(ct);
        var latest = versions.GroupBy(v => v.Year).ToDictionary(g => g.Key, g => g.MaxBy(v => v.Version)!);
        Years = submissions.Select(s => s.Year).Union(latest.Keys).OrderByDescending(y => y)
            .Select(y => submissions.FirstOrDefault(s => s.Year == y) is { } s
                ? new YearRow(y, s.Count, s.Records, latest.GetValueOrDefault(y))
                : new YearRow(y, 0, 0, latest.GetValueOrDefault(y)))
            .ToList();

        Drafts = await UploadDrafts.PendingAsync(Db, cityId, Caller, clock.GetUtcNow(), ct);

        var projects = await Db.Projects.AsNoTracking().Where(p => p.HostCityId == cityId).OrderBy(p => p.Code).ToListAsync(ct);
        var ids = projects.Select(p => p.Id).ToList();
        var periods = await Db.MonitoringPeriods.AsNoTracking().Where(m => ids.Contains(m.ProjectId))
            .OrderBy(m => m.Number).ThenBy(m => m.Version).ToListAsync(ct);
        var partnerIds = projects.Select(p => p.PartnerCityId).Distinct().ToList();
        var partners = await Db.Cities.AsNoTracking().Where(c => partnerIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        Projects = projects.Select(p => new ProjectRow(p, partners.GetValueOrDefault(p.PartnerCityId, p.PartnerCityId),
            periods.Where(m => m.ProjectId == p.Id).ToList())).ToList();

        Accounts = await registry.CityAccountsAsync(cityId, ct);

        ReportCount = await Db.Reports.CountAsync(r => r.CityId == cityId, ct);
        Reports = await ReportRows.ForCity(Db, cityId).Take(5).ToListAsync(ct);
        return Page();
    }
}
