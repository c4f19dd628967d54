using GhgReporting.Data.Reports;
using System.Globalization;
using GhgReporting.Api.Apis;
using GhgReporting.Api.Web;
using GhgReporting.Api.Web.CityPages;
using GhgReporting.Data;
using GhgReporting.Data.Credits;
using GhgReporting.Data.Entities;
using GhgReporting.Data.Projects;
using GhgReporting.Jobs.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GhgReporting.Api.Pages.City;

/// <summary>
/// The city's credit accounts (its own and those of the projects it hosts) with balances by project and vintage;
/// retire credits for a named beneficiary and purpose (the retirement's verification code and certificate follow),
/// and transfer credits to another city. Every movement goes through <see cref="CreditRegistry"/>, as in the API.
/// </summary>
public sealed class CreditsModel(GhgDbContext db, CreditRegistry registry, ReportQueue reports, IStringLocalizer<CityText> text) : CityPageModel(db)
{
    public sealed record RetirementRow(string Code, string ProjectCode, long Quantity, string Beneficiary, string Purpose, DateTimeOffset At);

    public IReadOnlyList<AccountBalances> Accounts { get; private set; } = [];

    /// <summary>Projects with credits available in one of the accounts: what can be retired or transferred.</summary>
    public IReadOnlyList<(Guid Id, string Code)> Projects { get; private set; } = [];

    public IReadOnlyList<(string Id, string Name)> OtherCities { get; private set; } = [];

    public IReadOnlyList<RetirementRow> Retirements { get; private set; } = [];

    /// <summary>The retirement just made (or asked for by its code), with its certificate.</summary>
    public RetirementView? Retirement { get; private set; }

    public bool CertificateReady { get; private set; }

    public string? CertificateUrl => Retirement is null ? null : $"/api/retirements/{Retirement.VerificationCode}/certificate.pdf";

    [BindProperty] public Guid? Account { get; set; }

    [BindProperty] public Guid? Project { get; set; }

    [BindProperty] public string? Vintage { get; set; }

    [BindProperty] public string? Quantity { get; set; }

    [BindProperty] public string? Beneficiary { get; set; }

    [BindProperty] public string? Purpose { get; set; }

    [BindProperty] public string? ToCity { get; set; }

    /// <summary>Which form the errors belong to: "retire" or "transfer".</summary>
    public string? FailedForm { get; private set; }

    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(string cityId, string? retired, CancellationToken ct)
    {
        if (!await OpenCityAsync(cityId, ct)) return NotFound();
        await LoadAsync(ct);
        if (!string.IsNullOrWhiteSpace(retired)) await ShowRetirementAsync(retired, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRetireAsync(string cityId, CancellationToken ct)
    {
        if (!await OpenCityAsync(cityId, ct)) return NotFound();
        await LoadAsync(ct);
        FailedForm = "retire";
        var (vintage, quantity) = CheckMovement();
        if (string.IsNullOrWhiteSpace(Beneficiary)) Errors.Add(text["ErrorBeneficiary"]);
        if (string.IsNullOrWhiteSpace(Purpose)) Errors.Add(text["ErrorPurpose"]);
        if (Errors.Count > 0) return Page();
        var (retirement, problem) = await registry.RetireAsync(Account!.Value, Project!.Value, vintage, quantity!.Value, null, Beneficiary!, Purpose!, Caller.ToActor(), ct);
        if (problem is not null) return Refused(problem);
        // The retirement is committed; its certificate is rendered in the background (as after POST …/retirements).
        reports.RetirementCertificate(retirement!.Id, retirement.VerificationCode);
        TempData["Message"] = text["RetiredMessage", PageFormat.Whole(retirement.Quantity), retirement.VerificationCode].Value;
        return LocalRedirect($"/city/{City.Id}/credits?retired={retirement.VerificationCode}#retirement");
    }

    public async Task<IActionResult> OnPostTransferAsync(string cityId, CancellationToken ct)
    {
        if (!await OpenCityAsync(cityId, ct)) return NotFound();
        await LoadAsync(ct);
        FailedForm = "transfer";
        var (vintage, quantity) = CheckMovement();
        if (string.IsNullOrWhiteSpace(ToCity) || OtherCities.All(c => c.Id != ToCity)) Errors.Add(text["ErrorToCity"]);
        if (Errors.Count > 0) return Page();
        var (moved, problem) = await registry.TransferAsync(Account!.Value, ToCity!, Project!.Value, vintage, quantity!.Value, null, Caller.ToActor(), ct);
        if (problem is not null) return Refused(problem);
        var view = await registry.DescribeAsync(moved!, ct);
        TempData["Message"] = text["TransferredMessage", PageFormat.Whole(view.Quantity), OtherCities.First(c => c.Id == ToCity).Name,
            string.Join(", ", view.Serials.Select(s => s.Count == 1 ? s.First : $"{s.First} – {s.Last}"))].Value;
        return LocalRedirect($"/city/{City.Id}/credits");
    }

    /// <summary>The fields both forms share, each checked with a message naming it.</summary>
    private (int? Vintage, long? Quantity) CheckMovement()
    {
        if (Account is null || Accounts.All(a => a.AccountId != Account)) Errors.Add(text["ErrorAccount"]);
        if (Project is null || Projects.All(p => p.Id != Project)) Errors.Add(text["ErrorProject"]);
        int? vintage = null;
        if (!string.IsNullOrWhiteSpace(Vintage))
        {
            if (int.TryParse(Vintage.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v is >= 1990 and <= 2100) vintage = v;
            else Errors.Add(text["ErrorVintage"]);
        }
        long? quantity = long.TryParse(Quantity?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var q) && q >= 1 ? q : null;
        if (quantity is null) Errors.Add(text["ErrorQuantity"]);
        return (vintage, quantity);
    }

    private PageResult Refused(ProjectProblem problem)
    {
        Errors.Add($"{problem.Title}: {problem.Detail}");
        Errors.AddRange(problem.Problems ?? []);
        return Page();
    }

    private async Task ShowRetirementAsync(string code, CancellationToken ct)
    {
        var view = await registry.RetirementAsync(code, ct);
        if (view is null || view.RetiredByCityId != City.Id) return;
        Retirement = view;
        var retirementId = await Db.Retirements.Where(r => r.VerificationCode == view.VerificationCode).Select(r => r.Id).SingleAsync(ct);
        var subject = ReportJobs.RetirementSubject(retirementId);
        CertificateReady = await Db.Reports.HasSubjectAsync(ReportKinds.RetirementCertificate, subject, ct);
        // Not rendered yet (or its job was lost): ask again, as the certificate's address does; the page waits for it.
        if (!CertificateReady) reports.RetirementCertificate(retirementId, view.VerificationCode);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Accounts = await registry.CityAccountsAsync(City.Id, ct);
        Projects = Accounts.SelectMany(a => a.ByProject).Where(b => b.Available > 0 && b.ProjectId is not null)
            .Select(b => (b.ProjectId!.Value, b.ProjectCode ?? "")).Distinct().OrderBy(p => p.Item2, StringComparer.Ordinal).ToList();
        OtherCities = (await Db.Cities.AsNoTracking().Where(c => c.Id != City.Id).OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(ct))
            .Select(c => (c.Id, c.Name)).ToList();
        var accountIds = Accounts.Select(a => a.AccountId).ToList();
        Retirements = await (from r in Db.Retirements
                             join p in Db.Projects on r.ProjectId equals p.Id
                             where accountIds.Contains(r.AccountId)
                             orderby r.At descending
                             select new RetirementRow(r.VerificationCode, p.Code, r.Quantity, r.Beneficiary, r.Purpose, r.At)).Take(50).ToListAsync(ct);
    }
}
