using System.Globalization;
using GhgReporting.Api.Auth;
using GhgReporting.Api.Web;
using GhgReporting.Api.Web.Admin;
using GhgReporting.Calc.Methodologies;
using GhgReporting.Data;
using GhgReporting.Data.Entities;
using GhgReporting.Data.Projects;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GhgReporting.Api.Pages.Admin;

/// <summary>
/// Joint projects: the list with their monitoring periods, and the registration form in two steps (choose the
/// methodology, then fill in the project and the parameters that methodology fixes ex ante). Registration goes
/// through <see cref="ProjectService.RegisterAsync"/>, as POST /api/projects: the service checks the code, the
/// cities' partnership, the methodology and the parameters, and every problem it reports is shown.
/// </summary>
public sealed class ProjectsModel(GhgDbContext db, ProjectService projects, IStringLocalizer<AdminText> text) : AdminPageModel
{
    /// <summary>Rows offered for each indexed parameter (one value per chiller, bus category, …); "More rows" adds as many again.</summary>
    public const int IndexedRows = 3;

    public sealed class ExAnteRow
    {
        public string? Name { get; set; }
        public string? Index { get; set; }
        public string? Value { get; set; }
        public string? Unit { get; set; }
        public string? Source { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Value) && string.IsNullOrWhiteSpace(Index) && string.IsNullOrWhiteSpace(Source);
    }

    public sealed class ProjectForm
    {
        public string? MethodologyId { get; set; }
        public string? MethodologyVersion { get; set; }
        public string? Code { get; set; }
        public string? Title { get; set; }
        public string? Sector { get; set; }
        public string? HostCityId { get; set; }
        public string? PartnerCityId { get; set; }
        public string? CreditingStart { get; set; }
        public string? CreditingEnd { get; set; }
        public string? Stage { get; set; }
        public string? FundingScheme { get; set; }
        public string? CoBenefits { get; set; }
        public string? Outcomes { get; set; }
        public List<ExAnteRow> ExAnte { get; set; } = [];
    }

    public sealed record PeriodCell(int Number, int Version, string State);

    public sealed record ProjectRow(string Code, string Title, string HostCityId, string HostName, string PartnerCityId, string PartnerName,
        string Methodology, string Stage, DateOnly CreditingStart, DateOnly CreditingEnd, bool IsIllustrative, IReadOnlyList<PeriodCell> Periods);

    /// <summary>Step one: the methodology chosen, as "id:version" (GET ?methodology=).</summary>
    [BindProperty(SupportsGet = true, Name = "methodology")]
    public string? Choice { get; set; }

    [BindProperty]
    public ProjectForm Project { get; set; } = new();

    /// <summary>The methodology of step two, when one is chosen.</summary>
    public IMethodology? Methodology { get; private set; }

    public IReadOnlyList<ProjectRow> Rows { get; private set; } = [];

    public IReadOnlyList<(string Id, string Name)> Cities { get; private set; } = [];

    public static string Key(IMethodology m) => $"{m.Id}:{m.Version}";

    public IEnumerable<MethodologyParameter> ExAnteParameters =>
        Methodology?.Parameters.Where(p => p.Timing == ParameterTiming.ExAnte) ?? [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(Choice))
        {
            Methodology = MethodologyRegistry.All.FirstOrDefault(m => Key(m) == Choice);
            if (Methodology is null) Problem("methodology", text["MethodologyUnknown"]);
            else
            {
                Project = new ProjectForm { MethodologyId = Methodology.Id, MethodologyVersion = Methodology.Version, Sector = Methodology.Sector, Stage = ProjectStages.FeasibilityStudy };
                foreach (var p in ExAnteParameters) AddRows(p, p.Indexed ? IndexedRows : 1);
            }
        }
        await LoadAsync(ct);
    }

    /// <summary>Shows the form again with more rows for each indexed parameter (nothing is stored).</summary>
    public async Task<IActionResult> OnPostMoreRowsAsync(CancellationToken ct)
    {
        if (!FindMethodology()) return await PageAsync(ct);
        foreach (var p in ExAnteParameters.Where(p => p.Indexed)) AddRows(p, IndexedRows);
        return await PageAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!FindMethodology()) return await PageAsync(ct);
        var f = Project;
        if (string.IsNullOrWhiteSpace(f.HostCityId)) Problem("Project.HostCityId", text["HostCityMissing"]);
        if (string.IsNullOrWhiteSpace(f.PartnerCityId)) Problem("Project.PartnerCityId", text["PartnerCityMissing"]);
        var start = Date("Project.CreditingStart", f.CreditingStart, text["CreditingStartLabel"]);
        var end = Date("Project.CreditingEnd", f.CreditingEnd, text["CreditingEndLabel"]);
        var exAnte = ExAnteValues();
        if (HasProblems) return await PageAsync(ct);

        var request = new RegisterProject(f.Code?.Trim() ?? "", f.HostCityId!.Trim(), f.PartnerCityId!.Trim(), f.Title?.Trim() ?? "", f.Sector?.Trim() ?? "",
            Methodology!.Id, Methodology.Version, exAnte, start!.Value, end!.Value, f.Stage?.Trim() ?? "", Blank(f.FundingScheme), Blank(f.CoBenefits), Blank(f.Outcomes));
        var (project, problem) = await projects.RegisterAsync(request, new Caller(User).ToActor(), ct);
        if (problem is not null)
        {
            Problem(null, problem.Problems is { Count: > 0 } ? text["ServiceRefused"] : $"{problem.Title}: {problem.Detail}");
            foreach (var p in problem.Problems ?? []) Problem(null, p);
            return await PageAsync(ct);
        }
        return Done(text["ProjectRegistered", project!.Code, project.Title], "/admin/projects");
    }

    /// <summary>The filled rows as the service's ex-ante values; a row with a value that is not a number, or an indexed
    /// parameter's value without its index, is a problem under that row.</summary>
    private List<ExAnteValue> ExAnteValues()
    {
        var values = new List<ExAnteValue>();
        for (var i = 0; i < Project.ExAnte.Count; i++)
        {
            var row = Project.ExAnte[i];
            if (row.IsBlank) continue;
            var field = $"Project.ExAnte[{i}]";
            var parameter = ExAnteParameters.FirstOrDefault(p => p.Name == row.Name);
            var symbol = parameter?.Symbol ?? row.Name ?? "";
            if (string.IsNullOrWhiteSpace(row.Value)) { Problem(field + ".Value", text["ParameterValueMissing", symbol]); continue; }
            if (!decimal.TryParse(row.Value.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                    CultureInfo.InvariantCulture, out var value))
            {
                Problem(field + ".Value", text["ParameterValueNotNumber", symbol, row.Value.Trim()]);
                continue;
            }
            if (parameter?.Indexed == true && string.IsNullOrWhiteSpace(row.Index)) { Problem(field + ".Index", text["ParameterIndexMissing", symbol]); continue; }
            if (string.IsNullOrWhiteSpace(row.Unit)) { Problem(field + ".Unit", text["ParameterUnitMissing", symbol]); continue; }
            values.Add(new ExAnteValue(row.Name ?? "", parameter?.Indexed == false ? null : Blank(row.Index), value, row.Unit.Trim(), row.Source?.Trim() ?? ""));
        }
        return values;
    }

    private DateOnly? Date(string field, string? value, string label)
    {
        if (DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        Problem(field, text["DateInvalid", label]);
        return null;
    }

    /// <summary>The methodology named by the form's hidden fields (step two).</summary>
    private bool FindMethodology()
    {
        if (MethodologyRegistry.TryGet(Project.MethodologyId ?? "", Project.MethodologyVersion ?? "", out var m))
        {
            Methodology = m;
            Choice = Key(m);
            return true;
        }
        Problem("methodology", text["MethodologyUnknown"]);
        return false;
    }

    private void AddRows(MethodologyParameter p, int count)
    {
        for (var i = 0; i < count; i++) Project.ExAnte.Add(new ExAnteRow { Name = p.Name, Unit = p.Unit });
    }

    private async Task<IActionResult> PageAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var cities = await db.Cities.AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        Cities = cities.Select(c => (c.Id, c.Name)).ToList();
        var names = cities.ToDictionary(c => c.Id, c => c.Name);
        var list = await db.Projects.AsNoTracking().OrderBy(p => p.Code).ToListAsync(ct);
        // The latest version of each period number.
        var periods = (await db.MonitoringPeriods.AsNoTracking().Select(m => new { m.ProjectId, m.Number, m.Version, m.State }).ToListAsync(ct))
            .GroupBy(m => (m.ProjectId, m.Number)).Select(g => g.MaxBy(m => m.Version)!)
            .ToLookup(m => m.ProjectId, m => new PeriodCell(m.Number, m.Version, m.State));
        Rows = list.Select(p => new ProjectRow(p.Code, p.Title, p.HostCityId, names.GetValueOrDefault(p.HostCityId, p.HostCityId), p.PartnerCityId,
            names.GetValueOrDefault(p.PartnerCityId, p.PartnerCityId), $"{p.MethodologyId} {p.MethodologyVersion}", p.Stage, p.CreditingStart, p.CreditingEnd,
            p.IsIllustrative, periods[p.Id].OrderBy(c => c.Number).ToList())).ToList();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
