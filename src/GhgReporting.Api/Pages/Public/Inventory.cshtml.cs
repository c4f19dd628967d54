using GhgReporting.Data.Reports;
using GhgReporting.Api.Apis;
using GhgReporting.Api.Web;
using GhgReporting.Api.Web.Public;
using GhgReporting.Data;
using GhgReporting.Data.Entities;
using GhgReporting.Jobs.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GhgReporting.Api.Pages.Public;

/// <summary>
/// A city's published inventory of one year (the latest published version, or <c>?version=</c>): the GPC table,
/// totals and charts, and its PDF report (rendered in the background on first request). Only published versions
/// exist here, even for the city's own users: a year with drafts only is not found.
/// </summary>
public sealed class InventoryModel(GhgDbContext db, ReportQueue reports) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Version { get; set; }

    public InventoryView View { get; private set; } = null!;

    /// <summary>The published versions of this year (newest first), to read an earlier one.</summary>
    public IReadOnlyList<(int Version, DateTimeOffset PublishedAt)> Versions { get; private set; } = [];

    /// <summary>The published years of the city, newest first.</summary>
    public IReadOnlyList<int> Years { get; private set; } = [];

    public bool ReportReady { get; private set; }

    public string ReportUrl => PublicFormat.InventoryReportUrl(View.Version);

    public async Task<IActionResult> OnGetAsync(string cityId, int year, CancellationToken ct)
    {
        var view = await InventoryView.LoadAsync(db, PublicFormat.Nobody, cityId, year, Version, ct);
        if (view is null) return NotFound();
        View = view;
        var published = await db.InventoryVersions.AsNoTracking().Where(v => v.CityId == cityId && v.PublishedAt != null)
            .Select(v => new { v.Year, v.Version, PublishedAt = v.PublishedAt!.Value }).ToListAsync(ct);
        Years = published.Select(v => v.Year).Distinct().OrderDescending().ToList();
        Versions = published.Where(v => v.Year == year).OrderByDescending(v => v.Version).Select(v => (v.Version, v.PublishedAt)).ToList();
        ReportReady = await db.Reports.HasSubjectAsync(ReportKinds.InventoryReport, ReportJobs.InventorySubject(view.Version.Id, published: true), ct);
        // Rendered on first request, as the download address does; a repeated ask within a minute is not queued again.
        if (!ReportReady) reports.Inventory(view.Version.Id);
        return Page();
    }
}
