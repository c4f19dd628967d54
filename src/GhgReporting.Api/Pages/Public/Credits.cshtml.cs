using GhgReporting.Data.Reports;
using GhgReporting.Api.Apis;
using GhgReporting.Api.Web;
using GhgReporting.Api.Web.Public;
using GhgReporting.Data;
using GhgReporting.Data.Credits;
using GhgReporting.Data.Entities;
using GhgReporting.Jobs.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GhgReporting.Api.Pages.Public;

/// <summary>
/// The public checks of the registry, as <c>GET /api/credits/{serial}</c> and <c>GET /api/retirements/{code}</c>
/// answer them: one credit by its serial number (project, vintage, period, state, holder, and its retirement when
/// retired), and one retirement by the verification code printed on its certificate.
/// </summary>
public sealed class CreditsModel(CreditRegistry registry, GhgDbContext db, ReportQueue reports, IStringLocalizer<PublicText> text) : PageModel
{
    /// <summary>Longer input is no serial number or code; it is not echoed back whole.</summary>
    private const int MaxInput = 100;

    [BindProperty(SupportsGet = true)]
    public string? Serial { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public CreditLookup? Credit { get; private set; }

    public RetirementView? Retirement { get; private set; }

    public bool CertificateReady { get; private set; }

    public string? HostCityName { get; private set; }

    public string? RetiredByCityName { get; private set; }

    public string? SerialError { get; private set; }

    public string? CodeError { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        // An empty field binds as null: the query key says whether the form was sent.
        if (Request.Query.ContainsKey("serial")) await LookUpSerialAsync(Serial?.Trim() ?? "", ct);
        if (Request.Query.ContainsKey("code")) await LookUpCodeAsync(Code?.Trim() ?? "", ct);
    }

    private async Task LookUpSerialAsync(string typed, CancellationToken ct)
    {
        if (typed.Length == 0) SerialError = text["SerialEmpty"];
        else if (typed.Length > MaxInput || !CreditRegistry.TryParseSerialNumber(typed, out _)) SerialError = text["SerialMalformed", Shorten(typed)];
        else if ((Credit = await registry.LookupAsync(typed, ct)) is null) SerialError = text["SerialNotFound", typed];
        else HostCityName = await CityNameAsync(Credit.HostCityId, ct);
    }

    private async Task LookUpCodeAsync(string typed, CancellationToken ct)
    {
        if (typed.Length == 0)
        {
            CodeError = text["CodeEmpty"];
            return;
        }
        Retirement = typed.Length > MaxInput ? null : await registry.RetirementAsync(typed, ct);
        if (Retirement is null)
        {
            CodeError = text["CodeNotFound", Shorten(typed)];
            return;
        }
        RetiredByCityName = await CityNameAsync(Retirement.RetiredByCityId, ct);
        var id = await db.Retirements.AsNoTracking().Where(r => r.VerificationCode == Retirement.VerificationCode).Select(r => r.Id).SingleAsync(ct);
        CertificateReady = await db.Reports.HasSubjectAsync(ReportKinds.RetirementCertificate, ReportJobs.RetirementSubject(id), ct);
        // Rendered on first request, as the certificate's address does; a repeated ask within a minute is not queued again.
        if (!CertificateReady) reports.RetirementCertificate(id, Retirement.VerificationCode);
    }

    private async Task<string> CityNameAsync(string cityId, CancellationToken ct) =>
        await db.Cities.AsNoTracking().Where(c => c.Id == cityId).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? cityId;

    private static string Shorten(string typed) => typed.Length <= MaxInput ? typed : typed[..MaxInput] + "…";

    /// <summary>The state of a credit in words; an account kind in words.</summary>
    public string StateText(string state) => state switch
    {
        CreditStates.Issued => text["CreditIssued"],
        CreditStates.Retired => text["CreditRetired"],
        CreditStates.Cancelled => text["CreditCancelled"],
        _ => state,
    };

    public string AccountText(string kind) => kind == "project" ? text["AccountProject"] : text["AccountCity"];
}
