using GhgReporting.Api.Requests;
using GhgReporting.Api.Apis;
using GhgReporting.Api.Web.Admin;
using GhgReporting.Data;
using GhgReporting.Data.Entities;
using GhgReporting.Jobs.Reports;
using Hangfire;
using Hangfire.States;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using GhgReporting.Api.Web;

namespace GhgReporting.Api.Pages.Admin;

/// <summary>
/// One platform report (period and data cut-off): while it is being rendered, the waiting notice (which reloads the
/// page when the report is ready) and the state of its background job; once stored, the download link. A report that
/// is not stored and not waiting (its job lost) is queued again, as the API's download address does.
/// </summary>
public sealed class PlatformReportStatusModel(GhgDbContext db, ReportQueue queue, JobStorage jobs) : AdminPageModel
{
    [BindProperty(SupportsGet = true, Name = "from")]
    public string? FromText { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public string? ToText { get; set; }

    [BindProperty(SupportsGet = true, Name = "asOf")]
    public string? AsOfText { get; set; }

    /// <summary>The Hangfire job id the form got when it queued the report, if any.</summary>
    [BindProperty(SupportsGet = true, Name = "job")]
    public string? JobId { get; set; }

    public DateOnly From { get; private set; }

    public DateOnly To { get; private set; }

    public DateTimeOffset AsOf { get; private set; }

    /// <summary>The API's address of the report: the PDF once rendered, 202 until then (what the waiting notice polls).</summary>
    public string DownloadUrl => PlatformReportPeriod.DownloadUrl(From, To, AsOf);

    public (Guid Id, string FileName, long Length, string Sha256, DateTimeOffset CreatedAt)? Report { get; private set; }

    /// <summary>The job's current state (Enqueued, Processing, Scheduled for a retry, Failed, …) and its reason.</summary>
    public (string Name, string? Reason)? JobState { get; private set; }

    public bool JobFailed => JobState?.Name == FailedState.StateName;

    /// <summary>The job's state in the reader's words.</summary>
    public string JobStateText(IStringLocalizer<AdminText> text) => JobState?.Name switch
    {
        null => "",
        var name when name == EnqueuedState.StateName => text["JobEnqueued"],
        var name when name == ProcessingState.StateName => text["JobProcessing"],
        var name when name == ScheduledState.StateName => text["JobRetrying"],
        var name when name == FailedState.StateName => text["JobFailed"],
        var name when name == SucceededState.StateName => text["JobSucceeded"],
        var name => text["JobOther", name],
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!PlatformReportPeriod.TryParseDate(FromText, out var from) || !PlatformReportPeriod.TryParseDate(ToText, out var to)
            || !PlatformReportPeriod.TryParseInstant(AsOfText, out var asOf) || to < from)
            return NotFound();
        (From, To, AsOf) = (from, to, asOf);
        if (JobId is not null && !JobId.All(char.IsAsciiDigit)) JobId = null;

        var subject = ReportJobs.PlatformSubject(from, to, asOf);
        var found = await db.Reports.AsNoTracking().Where(r => r.Kind == ReportKinds.PlatformReport && r.SubjectKey == subject)
            .Select(r => new { r.Id, r.FileName, r.Length, r.Sha256, r.CreatedAt }).FirstOrDefaultAsync(ct);
        if (found is not null)
        {
            Report = (found.Id, found.FileName, found.Length, found.Sha256, found.CreatedAt);
            return Page();
        }
        if (JobId is not null) JobState = ReadState(JobId);
        // Not stored yet: make sure it is queued (at most once a minute per process; the job stores one report however
        // often it runs). A failed job is left for the secretariat to retry from the dashboard.
        if (!JobFailed) queue.Platform(from, to, asOf);
        return Page();
    }

    private (string, string?)? ReadState(string jobId)
    {
        try
        {
            using var connection = jobs.GetConnection();
            return connection.GetStateData(jobId) is { } state ? (state.Name, state.Reason) : null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The state is a courtesy; the page still waits for the report.
            return null;
        }
    }
}
