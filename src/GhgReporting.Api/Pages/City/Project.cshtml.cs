using System.Globalization;
using GhgReporting.Api.Web;
using GhgReporting.Api.Web.CityPages;
using GhgReporting.Calc.Methodologies;
using GhgReporting.Data;
using GhgReporting.Data.Credits;
using GhgReporting.Data.Entities;
using GhgReporting.Data.Projects;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GhgReporting.Api.Pages.City;

/// <summary>A project the city hosts: its registration, its monitoring periods and credits, and a form to open the
/// next monitoring period (through <see cref="MonitoringService"/>, which checks dates, overlap and crediting period).</summary>
public sealed class ProjectModel(GhgDbContext db, MonitoringService monitoring, CreditRegistry registry, IStringLocalizer<CityText> text) : CityPageModel(db)
{
    public Project Project { get; private set; } = null!;

    public string PartnerName { get; private set; } = "";

    public IMethodology? Methodology { get; private set; }

    public IReadOnlyList<ExAnteValue> ExAnte { get; private set; } = [];

    public IReadOnlyList<MonitoringPeriod> Periods { get; private set; } = [];

    public IReadOnlyList<CreditBalance> Credits { get; private set; } = [];

    [BindProperty]
    public string? PeriodStart { get; set; }

    [BindProperty]
    public string? PeriodEnd { get; set; }

    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(string cityId, Guid projectId, CancellationToken ct)
    {
        if (!await OpenCityAsync(cityId, ct) || !await LoadAsync(projectId, ct)) return NotFound();
        // Suggest the period after the last one, a calendar year by default.
        var next = Periods.Where(p => p.SupersededById is null).Select(p => p.PeriodEnd).DefaultIfEmpty(Project.CreditingStart.AddDays(-1)).Max().AddDays(1);
        PeriodStart = PageFormat.Date(next);
        var end = next.AddYears(1).AddDays(-1);
        PeriodEnd = PageFormat.Date(end > Project.CreditingEnd ? Project.CreditingEnd : end);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string cityId, Guid projectId, CancellationToken ct)
    {
        if (!await OpenCityAsync(cityId, ct) || !await LoadAsync(projectId, ct)) return NotFound();
        var start = ParseDate(PeriodStart, "ErrorPeriodStart");
        var end = ParseDate(PeriodEnd, "ErrorPeriodEnd");
        if (start is null || end is null) return Page();
        var (period, problem) = await monitoring.CreateAsync(Project.Id, start.Value, end.Value, Caller.ToActor(), ct);
        if (problem is not null)
        {
            Errors.Add($"{problem.Title}: {problem.Detail}");
            return Page();
        }
        TempData["Message"] = text["PeriodOpened", period!.Number].Value;
        return LocalRedirect($"/city/{City.Id}/periods/{period.Id}");
    }

    private DateOnly? ParseDate(string? value, string errorKey)
    {
        if (DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        Errors.Add(text[errorKey]);
        return null;
    }

    /// <summary>The project, when this city hosts it (a partner city's reporters do not write its monitoring data).</summary>
    private async Task<bool> LoadAsync(Guid projectId, CancellationToken ct)
    {
        var project = await Db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == projectId && p.HostCityId == City.Id, ct);
        if (project is null) return false;
        Project = project;
        PartnerName = await Db.Cities.Where(c => c.Id == project.PartnerCityId).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? project.PartnerCityId;
        Methodology = MethodologyRegistry.TryGet(project.MethodologyId, project.MethodologyVersion, out var m) ? m : null;
        ExAnte = ProjectService.ExAnteOf(project);
        Periods = await Db.MonitoringPeriods.AsNoTracking().Where(p => p.ProjectId == projectId).OrderBy(p => p.Number).ThenBy(p => p.Version).ToListAsync(ct);
        Credits = await registry.ProjectBalancesAsync(projectId, ct);
        return true;
    }
}
