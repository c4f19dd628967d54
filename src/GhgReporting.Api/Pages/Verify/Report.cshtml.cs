using GhgReporting.Api.Apis;
using GhgReporting.Api.Auth;
using GhgReporting.Api.Web.Verify;
using GhgReporting.Data;
using GhgReporting.Jobs.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GhgReporting.Api.Pages.Verify;

/// <summary>
/// The period's monitoring report (draft, or final once verified): opens the PDF when it is stored, else asks for it
/// and waits on a page of its own. The review page links here so that the wait, which reloads its page, never
/// reloads a form the verifier is typing comments into.
/// </summary>
public sealed class ReportModel(GhgDbContext db, MonitoringReportLoader loader, ReportQueue reports) : PageModel
{
    public PeriodReview Review { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid periodId, CancellationToken ct)
    {
        var review = await PeriodReview.LoadAsync(db, loader, new Caller(User), periodId, ct);
        if (review is null) return NotFound();
        if (review.ReportReady) return Redirect(review.ReportUrl);
        Review = review;
        reports.Monitoring(periodId, review.FinalReport);
        return Page();
    }
}
