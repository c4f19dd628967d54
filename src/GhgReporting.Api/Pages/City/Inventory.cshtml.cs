using GhgReporting.Data.Reports;
using GhgReporting.Api.Apis;
using GhgReporting.Api.Web;
using GhgReporting.Api.Web.CityPages;
using GhgReporting.Data;
using GhgReporting.Data.Catalogs;
using GhgReporting.Data.Entities;
using GhgReporting.Data.Inventories;
using GhgReporting.Jobs.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GhgReporting.Api.Pages.City;

/// <summary>
/// One inventory year: the latest version (or one chosen) as the GPC table with its charts; calculate a new version
/// from the year's current uploads, publish a draft (then frozen), and the PDF report, rendered in the background
/// while the page waits. Calculation and publication go through <see cref="InventoryService"/> as in the API.
/// </summary>
public sealed class InventoryModel(GhgDbContext db, InventoryService inventories, CatalogRegistry catalogs, ReportQueue queue,
    IStringLocalizer<CityText> text) : CityPageModel(db)
{
    public int Year { get; private set; }

    public InventoryView? View { get; private set; }

    public IReadOnlyList<InventoryVersion> Versions { get; private set; } = [];

    public IReadOnlyList<Submission> Submissions { get; private set; } = [];

    public bool CanCalculate => Submissions.Any(s => s.SupersededById is null);

    public IReadOnlyList<string> GwpSets => catalogs.Latest.GwpSets.Keys.Order(StringComparer.Ordinal).ToList();

    public string? Error { get; private set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>The PDF report of the version shown: ready to download, or being rendered (the page waits).</summary>
    public bool ReportReady { get; private set; }

    public bool ReportRendering { get; private set; }

    public string? ReportUrl => View is null ? null : $"/api/cities/{City.Id}/inventories/{Year}/versions/{View.Version.Version}/report.pdf";

    public async Task<IActionResult> OnGetAsync(string cityId, int year, int? version, bool report, CancellationToken ct)
    {
        if (!await OpenCityAsync(cityId, ct) || year is < 1990 or > 2100) return NotFound();
        await LoadAsync(year, version, ct);
        if (version is not null && View is null) return NotFound();
        if (report && View is not null && !ReportReady)
        {
            // As GET …/report.pdf does: ask for the report; the page waits and reloads when the file is there.
            queue.Inventory(View.Version.Id);
            ReportRendering = true;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostCalculateAsync(string cityId, int year, string? gwp, CancellationToken ct)
    {
        if (!await OpenCityAsync(cityId, ct) || year is < 1990 or > 2100) return NotFound();
        var set = string.IsNullOrWhiteSpace(gwp) ? "AR5" : gwp.Trim();
        var (version, existing, problem) = await inventories.CalculateAsync(new CalculateInventory(City.Id, year, set), Caller.ToActor(), ct);
        if (problem is not null)
        {
            Error = $"{problem.Title}: {problem.Detail}";
            Problems = problem.Problems ?? [];
            await LoadAsync(year, null, ct);
            return Page();
        }
        TempData["Message"] = (existing ? text["CalculatedExisting", version!.Version] : text["Calculated", version!.Version]).Value;
        return LocalRedirect($"/city/{City.Id}/inventories/{year}");
    }

    public async Task<IActionResult> OnPostPublishAsync(string cityId, int year, int version, string? confirm, CancellationToken ct)
    {
        if (!await OpenCityAsync(cityId, ct) || year is < 1990 or > 2100) return NotFound();
        if (confirm != "yes")
        {
            Error = text["PublishTickBox"];
            await LoadAsync(year, version, ct);
            return Page();
        }
        var (_, problem) = await inventories.PublishAsync(City.Id, year, version, Caller.ToActor(), ct);
        if (problem is not null)
        {
            Error = $"{problem.Title}: {problem.Detail}";
            await LoadAsync(year, version, ct);
            return Page();
        }
        TempData["Message"] = text["Published", version].Value;
        return LocalRedirect($"/city/{City.Id}/inventories/{year}");
    }

    private async Task LoadAsync(int year, int? version, CancellationToken ct)
    {
        Year = year;
        View = await InventoryView.LoadAsync(Db, Caller, City.Id, year, version, ct);
        Versions = await Db.InventoryVersions.AsNoTracking().Where(v => v.CityId == City.Id && v.Year == year).OrderByDescending(v => v.Version).ToListAsync(ct);
        Submissions = await Db.Submissions.AsNoTracking().Where(s => s.CityId == City.Id && s.Year == year && s.ContentSha256 != null)
            .OrderByDescending(s => s.CreatedAt).ToListAsync(ct);
        if (View is not null)
        {
            var subject = ReportJobs.InventorySubject(View.Version.Id, View.Published);
            ReportReady = await Db.Reports.HasSubjectAsync(ReportKinds.InventoryReport, subject, ct);
        }
    }
}
