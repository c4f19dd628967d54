using System.Globalization;
using GhgReporting.Api.Apis;
using GhgReporting.Api.Submissions;
using GhgReporting.Api.Uploads;
using GhgReporting.Api.Web;
using GhgReporting.Api.Web.CityPages;
using GhgReporting.Data;
using GhgReporting.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace GhgReporting.Api.Pages.City;

/// <summary>
/// Step 1 of an upload: choose the year and the file. The file is checked row by row; with problems they are
/// listed and nothing is kept; without, the file is kept as a draft and the preview (step 2) says what would be
/// stored. Nothing counts until the uploader confirms there. Limited like the API's uploads (per user and minute).
/// </summary>
[EnableRateLimiting(SubmissionsApi.UploadRateLimit)]
public sealed class UploadModel(GhgDbContext db, SubmissionUploader uploader, IConfiguration configuration, TimeProvider clock,
    IStringLocalizer<CityText> text) : CityPageModel(db)
{
    [BindProperty]
    public string? Year { get; set; }

    [BindProperty(Name = "file")]
    public IFormFile? DataFile { get; set; }

    public long MaxBytes => UploadDrafts.MaxBytes(configuration);

    /// <summary>Problems with the form itself (year, file), each naming its field.</summary>
    public List<string> FormErrors { get; } = [];

    /// <summary>The checked file when it has problems (nothing was kept).</summary>
    public UploadPreview? Rejected { get; private set; }

    public string? RejectedFileName { get; private set; }

    public IReadOnlyList<PendingDraft> Drafts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string cityId, int? year, CancellationToken ct)
    {
        if (!await OpenCityAsync(cityId, ct)) return NotFound();
        Year = (year ?? clock.GetUtcNow().Year - 1).ToString(CultureInfo.InvariantCulture);
        Drafts = await UploadDrafts.PendingAsync(Db, cityId, Caller, clock.GetUtcNow(), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string cityId, CancellationToken ct)
    {
        if (!await OpenCityAsync(cityId, ct)) return NotFound();
        var year = ParseYear();
        var format = CheckFile();
        if (FormErrors.Count > 0 || year is null || format is null) return Page();

        var content = new byte[DataFile!.Length];
        await using (var stream = DataFile.OpenReadStream())
            await stream.ReadExactlyAsync(content, ct);
        var preview = await UploadDrafts.PreviewAsync(uploader, content, format.Value, City, year.Value, ct);
        if (!preview.IsValid)
        {
            Rejected = preview;
            RejectedFileName = DataFile.FileName;
            return Page();
        }

        var now = clock.GetUtcNow();
        await UploadDrafts.DeleteExpiredAsync(Db, now, ct);
        var draft = new UploadDraft
        {
            Id = Guid.CreateVersion7(), CityId = City.Id, Year = year.Value, UserId = Caller.UserId!, FileName = Path.GetFileName(DataFile.FileName),
            Format = format.Value == UploadFormat.Xlsx ? "xlsx" : "csv", Content = content, Sha256 = preview.Sha256, CreatedAt = clock.UtcNowForDatabase(),
        };
        Db.UploadDrafts.Add(draft);
        await Db.SaveChangesAsync(ct);
        return LocalRedirect($"/city/{City.Id}/upload/{draft.Id}");
    }

    private int? ParseYear()
    {
        if (int.TryParse(Year?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1990 and <= 2100) return year;
        FormErrors.Add(text["ErrorYear"]);
        return null;
    }

    private UploadFormat? CheckFile()
    {
        if (DataFile is null || string.IsNullOrEmpty(DataFile.FileName))
        {
            FormErrors.Add(text["ErrorNoFile"]);
            return null;
        }
        var format = UploadDrafts.FormatOf(DataFile.FileName);
        if (format is null) FormErrors.Add(text["ErrorFileType", DataFile.FileName]);
        else if (DataFile.Length == 0) FormErrors.Add(text["ErrorFileEmpty", DataFile.FileName]);
        else if (DataFile.Length > MaxBytes) FormErrors.Add(text["ErrorFileTooLarge", DataFile.FileName, PageFormat.Size(DataFile.Length), PageFormat.Size(MaxBytes)]);
        return FormErrors.Count == 0 ? format : null;
    }
}
