using GhgReporting.Api.Auth;
using GhgReporting.Api.Submissions;
using GhgReporting.Api.Uploads;
using GhgReporting.Data;
using GhgReporting.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace GhgReporting.Api.Web.CityPages;

/// <summary>A draft waiting for its uploader's decision, listed without its content.</summary>
public sealed record PendingDraft(Guid Id, int Year, string? FileName, DateTimeOffset CreatedAt);

/// <summary>
/// The upload page's two steps over one kept file: the file is checked and kept as an <see cref="UploadDraft"/>
/// (nothing counts yet), then on confirmation the normal upload runs on the kept bytes, so a person on a slow line
/// sends the file once. Both steps read the file through the same row sources and validator as the API.
/// </summary>
public static class UploadDrafts
{
    public const long DefaultMaxBytes = 50L * 1024 * 1024;

    /// <summary>The page's upload limit (Web:MaxUploadBytes); bigger files go through the API.</summary>
    public static long MaxBytes(IConfiguration configuration) => configuration.GetValue("Web:MaxUploadBytes", DefaultMaxBytes);

    /// <summary>csv or xlsx from the file name, null for anything else.</summary>
    public static UploadFormat? FormatOf(string? fileName) => Path.GetExtension(fileName ?? "").ToLowerInvariant() switch
    {
        ".csv" => UploadFormat.Csv,
        ".xlsx" => UploadFormat.Xlsx,
        _ => null,
    };

    public static UploadFormat FormatOf(UploadDraft draft) => draft.Format == "xlsx" ? UploadFormat.Xlsx : UploadFormat.Csv;

    /// <summary>What the file would store, or its problems; stores nothing.</summary>
    public static async Task<UploadPreview> PreviewAsync(SubmissionUploader uploader, byte[] content, UploadFormat format, City city, int year, CancellationToken ct)
    {
        await using var hashing = new HashingStream(new MemoryStream(content, writable: false), long.MaxValue);
        return await uploader.PreviewAsync(await SourceAsync(hashing, content, format, ct), hashing, city, year, ct);
    }

    /// <summary>The normal upload of the kept bytes (new series; a file already stored is recognised by its SHA-256).</summary>
    public static async Task<UploadResult> StoreAsync(SubmissionUploader uploader, UploadDraft draft, City city, Caller caller, CancellationToken ct)
    {
        await using var hashing = new HashingStream(new MemoryStream(draft.Content, writable: false), long.MaxValue);
        var source = await SourceAsync(hashing, draft.Content, FormatOf(draft), ct);
        return await uploader.UploadAsync(source, hashing, city, draft.Year, supersedes: null, draft.FileName, note: null, caller.ToActor(), ct);
    }

    /// <summary>A CSV is read through the hashing stream; a workbook needs random access, so it is hashed first and
    /// read from the bytes (as the API spools it to a file).</summary>
    private static async Task<IActivityRowSource> SourceAsync(HashingStream hashing, byte[] content, UploadFormat format, CancellationToken ct)
    {
        if (format == UploadFormat.Csv) return new CsvActivityRowSource(hashing);
        await hashing.DrainAsync(ct);
        return new XlsxActivityRowSource(new MemoryStream(content, writable: false));
    }

    /// <summary>The caller's own draft for the city, unless it has expired.</summary>
    public static Task<UploadDraft?> FindAsync(GhgDbContext db, Guid draftId, string cityId, Caller caller, DateTimeOffset now, CancellationToken ct)
    {
        var oldest = now - UploadDraft.Lifetime;
        return db.UploadDrafts.AsNoTracking()
            .FirstOrDefaultAsync(d => d.Id == draftId && d.CityId == cityId && d.UserId == caller.UserId && d.CreatedAt >= oldest, ct);
    }

    /// <summary>The caller's drafts for the city still waiting for a decision (without their content).</summary>
    public static Task<List<PendingDraft>> PendingAsync(GhgDbContext db, string cityId, Caller caller,
        DateTimeOffset now, CancellationToken ct)
    {
        var oldest = now - UploadDraft.Lifetime;
        return db.UploadDrafts.AsNoTracking().Where(d => d.CityId == cityId && d.UserId == caller.UserId && d.CreatedAt >= oldest)
            .OrderByDescending(d => d.CreatedAt).Select(d => new PendingDraft(d.Id, d.Year, d.FileName, d.CreatedAt)).ToListAsync(ct);
    }

    public static Task<int> DeleteAsync(GhgDbContext db, Guid draftId, CancellationToken ct) =>
        db.UploadDrafts.Where(d => d.Id == draftId).ExecuteDeleteAsync(ct);

    /// <summary>Removes everyone's drafts older than a day: forgotten previews must not pile up.</summary>
    public static Task<int> DeleteExpiredAsync(GhgDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var oldest = now - UploadDraft.Lifetime;
        return db.UploadDrafts.Where(d => d.CreatedAt < oldest).ExecuteDeleteAsync(ct);
    }
}
