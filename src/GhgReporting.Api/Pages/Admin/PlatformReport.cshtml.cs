using GhgReporting.Api.Requests;
using GhgReporting.Api.Apis;
using GhgReporting.Api.Web;
using GhgReporting.Api.Web.Admin;
using GhgReporting.Data;
using GhgReporting.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GhgReporting.Api.Pages.Admin;

/// <summary>
/// Start a platform report for a chosen period (the same checks and data cut-off as POST /api/reports/platform, see
/// <see cref="PlatformReportPeriod"/>), then wait for it on the status page; and the platform reports stored so far.
/// </summary>
public sealed class PlatformReportPageModel(GhgDbContext db, ReportQueue queue, TimeProvider clock, IStringLocalizer<AdminText> text) : AdminPageModel
{
    public sealed record StoredRow(Guid Id, string FileName, long Length, DateTimeOffset CreatedAt, DateOnly? From, DateOnly? To, DateTimeOffset? AsOf);

    [BindProperty]
    public string? From { get; set; }

    [BindProperty]
    public string? To { get; set; }

    public IReadOnlyList<StoredRow> Stored { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var (from, to) = PlatformReportPeriod.LastWholeQuarter(clock.GetUtcNow());
        From = PlatformReportPeriod.Date(from);
        To = PlatformReportPeriod.Date(to);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        DateOnly? from = null, to = null;
        if (!string.IsNullOrWhiteSpace(From))
        {
            if (PlatformReportPeriod.TryParseDate(From, out var f)) from = f;
            else Problem("From", text["DateInvalid", text["FromLabel"]]);
        }
        if (!string.IsNullOrWhiteSpace(To))
        {
            if (PlatformReportPeriod.TryParseDate(To, out var t)) to = t;
            else Problem("To", text["DateInvalid", text["ToLabel"]]);
        }
        foreach (var (field, reason) in PlatformReportPeriod.Check(from, to, now))
        {
            if ((field == "from" && ProblemsOf("From").Count > 0) || (field == "to" && ProblemsOf("To").Count > 0)) continue;
            Problem(field == "from" ? "From" : "To", reason switch
            {
                PlatformReportPeriod.Refusal.FromMissing => text["FromMissing"],
                PlatformReportPeriod.Refusal.ToMissing => text["ToMissing"],
                PlatformReportPeriod.Refusal.ToBeforeFrom => text["ToBeforeFrom", To!, From!],
                PlatformReportPeriod.Refusal.TooLong => text["PeriodTooLong", PlatformReportPeriod.MaxDays],
                _ => text["FromInFuture", From!],
            });
        }
        if (HasProblems)
        {
            await LoadAsync(ct);
            return Page();
        }
        var asOf = PlatformReportPeriod.CutOff(to!.Value, now);
        var jobId = queue.Platform(from!.Value, to.Value, asOf);
        var url = PlatformReportPeriod.StatusUrl(from.Value, to.Value, asOf) + (jobId is null ? "" : $"&job={Uri.EscapeDataString(jobId)}");
        return Done(text["ReportQueued", PlatformReportPeriod.Date(from.Value), PlatformReportPeriod.Date(to.Value)], url);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var rows = await db.Reports.AsNoTracking().Where(r => r.Kind == ReportKinds.PlatformReport).OrderByDescending(r => r.CreatedAt).Take(200)
            .Select(r => new { r.Id, r.FileName, r.Length, r.CreatedAt, r.SubjectKey }).ToListAsync(ct);
        Stored = rows.Select(r => PlatformReportPeriod.FromSubject(r.SubjectKey) is { } s
            ? new StoredRow(r.Id, r.FileName, r.Length, r.CreatedAt, s.From, s.To, s.AsOf)
            : new StoredRow(r.Id, r.FileName, r.Length, r.CreatedAt, null, null, null)).ToList();
    }
}
