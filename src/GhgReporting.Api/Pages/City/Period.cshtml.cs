using GhgReporting.Data.Reports;
using System.Text.Json;
using GhgReporting.Api.Apis;
using GhgReporting.Api.Web;
using GhgReporting.Api.Web.CityPages;
using GhgReporting.Calc.Methodologies;
using GhgReporting.Data;
using GhgReporting.Data.Entities;
using GhgReporting.Data.Projects;
using GhgReporting.Jobs.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GhgReporting.Api.Pages.City;

/// <summary>
/// One monitoring period version of a hosted project. While a draft (or rejected): the parameters monitored ex post,
/// one form row per value, evidence files, and Submit, which calculates through the methodology and lists every
/// input problem it reports. Once submitted: the figures and the draft report; when rejected, the verifier's comments
/// next to each value and the form open again; verified: read only, with the final report. Every change goes through
/// <see cref="MonitoringService"/>, as in the API.
/// </summary>
public sealed class PeriodModel(GhgDbContext db, MonitoringService monitoring, ReportQueue reports, IStringLocalizer<CityText> text) : CityPageModel(db)
{
    private const int NewRows = 3;

    public MonitoringPeriod Period { get; private set; } = null!;

    public Project Project { get; private set; } = null!;

    public IMethodology? Methodology { get; private set; }

    public IReadOnlyList<MethodologyParameter> Monitored => Methodology?.Parameters.Where(p => p.Timing == ParameterTiming.ExPost).ToList() ?? [];

    [BindProperty]
    public List<ParameterRow> Rows { get; set; } = [];

    public IReadOnlyList<EvidenceFile> Evidence { get; private set; } = [];

    public IReadOnlyList<VerificationComment> Comments { get; private set; } = [];

    public string? Reviewer { get; private set; }

    public MonitoringPeriod? Correction { get; private set; }

    public bool Editable => Period.State is PeriodStates.Draft or PeriodStates.Rejected;

    public bool Final => Period.State == PeriodStates.Verified;

    public List<string> Errors { get; } = [];

    public string? ProblemTitle { get; private set; }

    public bool ReportReady { get; private set; }

    public bool ReportRendering { get; private set; }

    public string ReportUrl => $"/api/periods/{Period.Id}/report.pdf";

    public IReadOnlyList<(string Name, decimal Value, string Unit, string? Formula)> Steps { get; private set; } = [];

    public IReadOnlyList<string> Warnings { get; private set; } = [];

    /// <summary>The comments on one value (by its key "EG[market-a]").</summary>
    public IEnumerable<VerificationComment> CommentsOn(string key) => Comments.Where(c => c.Parameter == key);

    /// <summary>Comments on the period as a whole, or on values no longer in the form (ex ante values, removed rows).</summary>
    public IEnumerable<VerificationComment> OtherComments =>
        Comments.Where(c => c.Parameter is null || !Rows.Any(r => r.Key == c.Parameter));

    public async Task<IActionResult> OnGetAsync(string cityId, Guid periodId, bool report, CancellationToken ct)
    {
        if (!await OpenCityAsync(cityId, ct) || !await LoadAsync(periodId, ct)) return NotFound();
        Rows = (await Db.MonitoredParameters.AsNoTracking().Where(p => p.PeriodId == periodId).OrderBy(p => p.Name).ThenBy(p => p.Index).ToListAsync(ct))
            .Select(ParameterRow.From).ToList();
        if (Editable) AddEmptyRows();
        if (report && Period.SubmittedAt is not null && !ReportReady && !Editable)
        {
            // As GET /api/periods/{id}/report.pdf does: ask for it, then the page waits and reloads when it is there
            // (only when no form is being filled in here: without script the waiting page reloads itself).
            reports.Monitoring(Period.Id, Final);
            ReportRendering = true;
        }
        return Page();
    }

    /// <summary>More empty rows, keeping what was typed (nothing is saved).</summary>
    public async Task<IActionResult> OnPostMoreAsync(string cityId, Guid periodId, CancellationToken ct)
    {
        if (!await OpenCityAsync(cityId, ct) || !await LoadAsync(periodId, ct)) return NotFound();
        AddEmptyRows();
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string cityId, Guid periodId, CancellationToken ct)
    {
        if (!await OpenCityAsync(cityId, ct) || !await LoadAsync(periodId, ct)) return NotFound();
        if (!await SaveAsync(ct)) return Page();
        TempData["Message"] = text["ValuesSaved"].Value;
        return LocalRedirect($"/city/{City.Id}/periods/{Period.Id}");
    }

    /// <summary>Saves what is in the form, then submits: nothing typed is lost by pressing Submit first.</summary>
    public async Task<IActionResult> OnPostSubmitAsync(string cityId, Guid periodId, CancellationToken ct)
    {
        if (!await OpenCityAsync(cityId, ct) || !await LoadAsync(periodId, ct)) return NotFound();
        if (!await SaveAsync(ct)) return Page();
        var (_, problem) = reports.AfterChange(await monitoring.SubmitAsync(Period.Id, Caller.ToActor(), ct), final: false);
        if (problem is not null)
        {
            Show(problem);
            await LoadAsync(periodId, ct);
            return Page();
        }
        TempData["Message"] = text["Submitted"].Value;
        return LocalRedirect($"/city/{City.Id}/periods/{Period.Id}");
    }

    public async Task<IActionResult> OnPostEvidenceAsync(string cityId, Guid periodId, IFormFile? evidence, CancellationToken ct)
    {
        if (!await OpenCityAsync(cityId, ct) || !await LoadAsync(periodId, ct)) return NotFound();
        await LoadRowsAsync(ct);
        if (Editable) AddEmptyRows();
        if (evidence is null || evidence.Length == 0)
        {
            Errors.Add(evidence is null ? text["ErrorNoEvidence"] : text["ErrorFileEmpty", evidence.FileName]);
            return Page();
        }
        if (evidence.Length > MonitoringService.MaxEvidenceBytes)
        {
            Errors.Add(text["ErrorEvidenceTooLarge", evidence.FileName, PageFormat.Size(evidence.Length), PageFormat.Size(MonitoringService.MaxEvidenceBytes)]);
            return Page();
        }
        using var buffer = new MemoryStream();
        await evidence.CopyToAsync(buffer, ct);
        var (file, problem) = await monitoring.AddEvidenceAsync(Period.Id, evidence.FileName, evidence.ContentType ?? "application/octet-stream",
            buffer.ToArray(), Caller.ToActor(), ct);
        if (problem is not null)
        {
            Show(problem);
            return Page();
        }
        TempData["Message"] = text["EvidenceAdded", file!.FileName].Value;
        return LocalRedirect($"/city/{City.Id}/periods/{Period.Id}#evidence");
    }

    /// <summary>Checks what only the form can (a value typed as a number, a unit), then replaces the values through the service.</summary>
    private async Task<bool> SaveAsync(CancellationToken ct)
    {
        var used = Rows.Where(r => !r.IsUnused).ToList();
        for (var i = 0; i < Rows.Count; i++)
        {
            var row = Rows[i];
            if (row.IsUnused) continue;
            if (string.IsNullOrWhiteSpace(row.Value)) Errors.Add(text["ErrorValueMissing", i + 1, row.Key]);
            else if (row.Number is null) Errors.Add(text["ErrorValueNotNumber", i + 1, row.Key, row.Value.Trim()]);
            if (string.IsNullOrWhiteSpace(row.Unit)) Errors.Add(text["ErrorUnitMissing", i + 1, row.Key]);
        }
        if (Errors.Count > 0) return false;
        var (_, problem) = await monitoring.SetParametersAsync(Period.Id, used.Select(r => r.ToValue()).ToList(), Caller.ToActor(), ct);
        if (problem is null) return true;
        Show(problem);
        return false;
    }

    private void Show(ProjectProblem problem)
    {
        ProblemTitle = $"{problem.Title}: {problem.Detail}";
        Errors.AddRange(problem.Problems ?? []);
    }

    private void AddEmptyRows()
    {
        var first = Monitored.FirstOrDefault();
        for (var i = 0; i < NewRows; i++)
            Rows.Add(new ParameterRow { Name = first?.Name, Unit = first?.Unit, Option = "C" });
    }

    private async Task LoadRowsAsync(CancellationToken ct) =>
        Rows = (await Db.MonitoredParameters.AsNoTracking().Where(p => p.PeriodId == Period.Id).OrderBy(p => p.Name).ThenBy(p => p.Index).ToListAsync(ct))
            .Select(ParameterRow.From).ToList();

    /// <summary>The period, when it belongs to a project this city hosts.</summary>
    private async Task<bool> LoadAsync(Guid periodId, CancellationToken ct)
    {
        var period = await Db.MonitoringPeriods.AsNoTracking().FirstOrDefaultAsync(m => m.Id == periodId, ct);
        var project = period is null ? null : await Db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == period.ProjectId && p.HostCityId == City.Id, ct);
        if (period is null || project is null) return false;
        (Period, Project) = (period, project);
        Methodology = MethodologyRegistry.TryGet(project.MethodologyId, project.MethodologyVersion, out var m) ? m : null;
        Evidence = await Db.EvidenceFiles.AsNoTracking().Where(f => f.PeriodId == periodId).OrderBy(f => f.UploadedAt)
            .Select(f => new EvidenceFile
            {
                Id = f.Id, PeriodId = f.PeriodId, FileName = f.FileName, ContentType = f.ContentType, Sha256 = f.Sha256, Length = f.Length,
                Content = Array.Empty<byte>(), UploadedAt = f.UploadedAt, UploadedByUserId = f.UploadedByUserId,
            }).ToListAsync(ct);
        Comments = await Db.VerificationComments.AsNoTracking().Where(c => c.PeriodId == periodId).OrderBy(c => c.Id).ToListAsync(ct);
        Reviewer = period.ReviewedByUserId is null ? null : await Db.Users.Where(u => u.Id == period.ReviewedByUserId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        Correction = period.SupersededById is { } newer ? await Db.MonitoringPeriods.AsNoTracking().FirstOrDefaultAsync(x => x.Id == newer, ct) : null;
        if (period.SubmittedAt is not null)
        {
            var subject = ReportJobs.MonitoringSubject(period, Final);
            ReportReady = await Db.Reports.HasSubjectAsync(ReportKinds.MonitoringReport, subject, ct);
        }
        ReadCalculation(period.Calculation);
        return true;
    }

    private void ReadCalculation(string? calculation)
    {
        if (calculation is null) return;
        using var json = JsonDocument.Parse(calculation);
        var root = json.RootElement;
        if (root.TryGetProperty("steps", out var steps))
            Steps = steps.EnumerateArray().Select(s => (s.GetProperty("name").GetString() ?? "", s.GetProperty("value").GetDecimal(), s.GetProperty("unit").GetString() ?? "",
                s.TryGetProperty("formula", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null)).ToList();
        if (root.TryGetProperty("warnings", out var warnings))
            Warnings = warnings.EnumerateArray().Select(w => w.GetString() ?? "").ToList();
    }
}
