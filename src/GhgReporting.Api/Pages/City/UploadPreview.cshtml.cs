using GhgReporting.Api.Submissions;
using GhgReporting.Api.Web;
using GhgReporting.Api.Web.CityPages;
using GhgReporting.Data;
using GhgReporting.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GhgReporting.Api.Pages.City;

/// <summary>
/// Step 2 of an upload: what the kept file would store (records by GPC reference and activity type, the period
/// covered), then Confirm (the normal upload of the kept bytes: same validation, same duplicate detection) or
/// Cancel. Only the uploader sees their draft; after a day it is gone.
/// </summary>
public sealed class UploadPreviewModel(GhgDbContext db, SubmissionUploader uploader, TimeProvider clock, IStringLocalizer<CityText> text) : CityPageModel(db)
{
    public UploadDraft? Draft { get; private set; }

    public UploadPreview? Preview { get; private set; }

    /// <summary>The same file is already stored for this year: confirming would store nothing new.</summary>
    public Submission? AlreadyStored { get; private set; }

    /// <summary>A refusal of the store, in its words.</summary>
    public string? Refusal { get; private set; }

    /// <summary>The confirmation found problems (e.g. the factor catalog changed since the check): nothing was stored.</summary>
    public bool ConfirmFailed { get; private set; }

    public async Task<IActionResult> OnGetAsync(string cityId, Guid draftId, CancellationToken ct)
    {
        if (!await OpenCityAsync(cityId, ct)) return NotFound();
        if (!await LoadAsync(draftId, ct)) return Gone();
        Preview = await UploadDrafts.PreviewAsync(uploader, Draft!.Content, UploadDrafts.FormatOf(Draft), City, Draft.Year, ct);
        AlreadyStored = await Db.Submissions.AsNoTracking().FirstOrDefaultAsync(s => s.CityId == City.Id && s.Year == Draft.Year
            && s.ContentSha256 == Draft.Sha256 && s.SupersededById == null, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(string cityId, Guid draftId, CancellationToken ct)
    {
        if (!await OpenCityAsync(cityId, ct)) return NotFound();
        if (!await LoadAsync(draftId, ct)) return Gone();
        var draft = Draft!;
        switch (await UploadDrafts.StoreAsync(uploader, draft, City, Caller, ct))
        {
            case UploadResult.Stored s:
                await UploadDrafts.DeleteAsync(Db, draft.Id, ct);
                TempData["Message"] = text["StoredMessage", PageFormat.Whole(s.Submission.RecordCount), draft.FileName ?? "", draft.Year].Value;
                return LocalRedirect($"/city/{City.Id}/inventories/{draft.Year}");
            case UploadResult.Duplicate d:
                await UploadDrafts.DeleteAsync(Db, draft.Id, ct);
                TempData["Message"] = text["DuplicateMessage", PageFormat.Time(d.Existing.CreatedAt)].Value;
                return LocalRedirect($"/city/{City.Id}/inventories/{draft.Year}");
            case UploadResult.Invalid i:
                await UploadDrafts.DeleteAsync(Db, draft.Id, ct);
                Preview = new UploadPreview(draft.Sha256, 0, [], null, null, i.Errors, i.TotalErrors);
                ConfirmFailed = true;
                return Page();
            case UploadResult.Refused r:
                Refusal = $"{r.Title}: {r.Detail}";
                return Page();
            default:
                throw new InvalidOperationException("Unexpected upload result.");
        }
    }

    public async Task<IActionResult> OnPostCancelAsync(string cityId, Guid draftId, CancellationToken ct)
    {
        if (!await OpenCityAsync(cityId, ct)) return NotFound();
        if (await LoadAsync(draftId, ct)) await UploadDrafts.DeleteAsync(Db, draftId, ct);
        TempData["Message"] = text["CancelledMessage"].Value;
        return LocalRedirect($"/city/{City.Id}/upload");
    }

    private async Task<bool> LoadAsync(Guid draftId, CancellationToken ct)
    {
        Draft = await UploadDrafts.FindAsync(Db, draftId, City.Id, Caller, clock.GetUtcNow(), ct);
        return Draft is not null;
    }

    /// <summary>The draft was confirmed, cancelled or has expired (or is someone else's): say so, with the way on.</summary>
    private PageResult Gone()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
