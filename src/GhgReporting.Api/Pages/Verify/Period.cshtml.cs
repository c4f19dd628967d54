using System.Globalization;
using GhgReporting.Api.Apis;
using GhgReporting.Api.Auth;
using GhgReporting.Api.Web;
using GhgReporting.Api.Web.Verify;
using GhgReporting.Data;
using GhgReporting.Data.Audit;
using GhgReporting.Data.Entities;
using GhgReporting.Data.Projects;
using GhgReporting.Jobs.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace GhgReporting.Api.Pages.Verify;

/// <summary>A comment typed in a row of the parameters table: the parameter's key ("name[index]") and the text.</summary>
public sealed class ParameterComment
{
    public string? Parameter { get; set; }

    public string? Text { get; set; }
}

/// <summary>
/// One monitoring period for its verifier: the facts, parameters, evidence, calculation trace, results and draft
/// report, and the decision. Approve verifies (taking the period under review first when it is only submitted;
/// credits are issued in the same transaction) and queues the final report, as <c>POST /api/periods/{id}/verify</c>;
/// reject needs at least one comment (on parameters or on the whole period). Another city's period does not exist here.
/// </summary>
public sealed class PeriodModel(GhgDbContext db, MonitoringReportLoader loader, MonitoringService monitoring, ReportQueue reports,
    IStringLocalizer<VerifyText> text) : PageModel
{
    public const string Approve = "approve";
    public const string Reject = "reject";

    /// <summary>Longest comment kept (a page of text); longer is refused with the field named.</summary>
    public const int MaxCommentLength = 4000;

    [BindProperty]
    public string? Decision { get; set; }

    [BindProperty]
    public string? Summary { get; set; }

    [BindProperty]
    public List<ParameterComment> Comments { get; set; } = [];

    public PeriodReview Review { get; private set; } = null!;

    public Caller Caller => new(User);

    public bool MayAct => Review.MayAct(Caller);

    public string? Error { get; private set; }

    public IReadOnlyList<string> ErrorDetails { get; private set; } = [];

    /// <summary>What was typed for a parameter, shown again when the form comes back with an error.</summary>
    public string? Typed(string key) => Comments.FirstOrDefault(c => c.Parameter == key)?.Text;

    public async Task<IActionResult> OnGetAsync(Guid periodId, CancellationToken ct)
    {
        if (await LoadAsync(periodId, ct) is { } missing) return missing;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid periodId, CancellationToken ct)
    {
        if (await LoadAsync(periodId, ct) is { } missing) return missing;
        if (!MayAct)
            return Refuse(Review.Reviewable ? text["ErrorNotYourDecision", Review.Project.PartnerCityId] : text["ErrorNotWaiting"]);

        var comments = Comments.Where(c => !string.IsNullOrWhiteSpace(c.Parameter) && !string.IsNullOrWhiteSpace(c.Text))
            .Select(c => new ReviewComment(c.Parameter!.Trim(), c.Text!.Trim())).ToList();
        var summary = string.IsNullOrWhiteSpace(Summary) ? null : Summary.Trim();
        if (summary is { Length: > MaxCommentLength }) return Refuse(text["ErrorSummaryTooLong", MaxCommentLength]);
        if (comments.FirstOrDefault(c => c.Comment.Length > MaxCommentLength) is { } tooLong)
            return Refuse(text["ErrorCommentTooLong", tooLong.Parameter!, MaxCommentLength]);

        var actor = Caller.ToActor();
        switch (Decision)
        {
            case Approve:
            {
                if (comments.Count > 0) return Refuse(text["ErrorApproveWithComments"]);
                if (await StartReviewAsync(actor, ct) is { } refused) return refused;
                var (period, problem) = reports.AfterChange(await monitoring.VerifyAsync(periodId, actor, summary, ct), final: true);
                if (problem is not null) return await RefuseAsync(periodId, problem, ct);
                // A correction issues (or cancels) only the difference to the version it replaces: name the period's total instead.
                TempData["Message"] = period!.Version > 1
                    ? text["ApprovedCorrectionMessage", Review.Project.Code, period.Number, period.Version, Count(period.Credits ?? 0)].Value
                    : text["ApprovedMessage", Review.Project.Code, period.Number, Count(period.Credits ?? 0)].Value;
                return Redirect($"/verify/{periodId}");
            }
            case Reject:
            {
                if (comments.Count == 0 && summary is null) return Refuse(text["ErrorRejectNeedsComment"]);
                if (await StartReviewAsync(actor, ct) is { } refused) return refused;
                var (period, problem) = await monitoring.RejectAsync(periodId, actor, summary, comments, ct);
                if (problem is not null) return await RefuseAsync(periodId, problem, ct);
                TempData["Message"] = text["RejectedMessage", Review.Project.Code, period!.Number, comments.Count + (summary is null ? 0 : 1)].Value;
                return Redirect($"/verify/{periodId}");
            }
            default:
                return Refuse(text["ErrorChooseDecision"]);
        }
    }

    /// <summary>A submitted period is taken under review first, in the verifier's name, as the API's two steps do.</summary>
    private async Task<IActionResult?> StartReviewAsync(Actor actor, CancellationToken ct)
    {
        if (Review.Period.State != PeriodStates.Submitted) return null;
        var (_, problem) = await monitoring.StartReviewAsync(Review.Period.Id, actor, ct);
        return problem is null ? null : await RefuseAsync(Review.Period.Id, problem, ct);
    }

    /// <summary>Loads the period; a result only when the caller may not see it (404).</summary>
    private async Task<IActionResult?> LoadAsync(Guid periodId, CancellationToken ct)
    {
        var review = await PeriodReview.LoadAsync(db, loader, Caller, periodId, ct);
        if (review is null) return NotFound();
        Review = review;
        // The report is rendered in the background: ask for it when it is not there yet (a repeated ask within a minute
        // is not queued again), and the page shows the waiting notice.
        if (review.HasReport && !review.ReportReady) reports.Monitoring(periodId, review.FinalReport);
        return null;
    }

    private PageResult Refuse(string message, IReadOnlyList<string>? details = null)
    {
        Error = message;
        ErrorDetails = details ?? [];
        return Page();
    }

    /// <summary>The service refused: say so with its reasons, and show the period as it now is.</summary>
    private async Task<IActionResult> RefuseAsync(Guid periodId, ProjectProblem problem, CancellationToken ct)
    {
        if (await LoadAsync(periodId, ct) is { } missing) return missing;
        return Refuse(text["ErrorRefused"], [problem.Detail, .. problem.Problems ?? []]);
    }

    private static string Count(long n) => n.ToString("#,##0", CultureInfo.InvariantCulture);
}
