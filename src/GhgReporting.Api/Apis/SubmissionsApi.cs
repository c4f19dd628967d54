using GhgReporting.Api.Auth;
using GhgReporting.Api.Submissions;
using GhgReporting.Api.Uploads;
using GhgReporting.Data;
using GhgReporting.Data.Entities;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace GhgReporting.Api.Apis;

public sealed record SubmissionResponse(
    Guid Id, Guid SeriesId, int Version, string CityId, int Year, string Format, string? FileName, long RecordCount, string? ContentSha256,
    Guid? Supersedes, Guid? SupersededBy, bool IsCurrent, DateTimeOffset CreatedAt, bool ByProxy, string CatalogHash, string? Note)
{
    public static SubmissionResponse From(Submission s) => new(s.Id, s.SeriesId, s.Version, s.CityId, s.Year, s.Format, s.FileName, s.RecordCount,
        s.ContentSha256, s.SupersedesId, s.SupersededById, s.SupersededById is null, s.CreatedAt, s.ByProxy, s.CatalogHash, s.Note);
}

public sealed record UploadResponse(bool Duplicate, string Message, SubmissionResponse Submission);

public sealed record RecordResponse(int Row, string GpcReference, string ActivityType, decimal Amount, string Unit, DateOnly PeriodStart, DateOnly PeriodEnd, string DataQuality, string? Source);

public sealed record RecordPage(long Total, int Offset, int Limit, IReadOnlyList<RecordResponse> Records);

/// <summary>Limits for uploads (configuration section "Uploads").</summary>
public sealed class UploadOptions
{
    public long MaxBytes { get; set; } = 256L * 1024 * 1024;

    public int PermitsPerMinute { get; set; } = 30;
}

/// <summary>Activity-data uploads: CSV, XLSX (multipart/form-data or the raw body) and JSON, validated row by
/// row and stored whole or not at all.</summary>
public static class SubmissionsApi
{
    public const string UploadRateLimit = "uploads";
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapSubmissionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cities/{cityId}/submissions").WithTags("Activity data");
        group.MapPost("/", Upload).RequireRateLimiting(UploadRateLimit).DisableAntiforgery()
             // No .Accepts(...) here: routing would answer other content types with a bare 415 before the
            // handler can say which types it takes.
            .Produces<UploadResponse>(StatusCodes.Status201Created).Produces<UploadResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("Upload activity records for an inventory year (?year=2023; ?supersedes=<id> to correct a submission). Every row is validated first; a file with any problem is refused whole, listing each problem.")
            .WithDescription($"Send multipart/form-data with a .csv, .xlsx or .json file, or the file itself as text/csv, application/json (an array of records) or {XlsxType}. The columns are at /api/activity-data/layout.");
        group.MapGet("/", List).WithSummary("The city's submissions, with their versions (?year= to filter).");
        group.MapGet("/{submissionId:guid}", Get).WithSummary("One submission (also superseded ones stay readable).");
        group.MapGet("/{submissionId:guid}/records", Records).WithSummary("The stored records of a submission, page by page (?offset=&limit=).");
    }

    private static async Task<Results<Created<UploadResponse>, Ok<UploadResponse>, ProblemHttpResult>> Upload(
        string cityId, int? year, Guid? supersedes, string? note, HttpRequest request, Caller caller, GhgDbContext db,
        SubmissionUploader uploader, IOptions<UploadOptions> options, CancellationToken ct)
    {
        var city = await db.Cities.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cityId, ct);
        if (city is null) return caller.IsSecretariat || caller.CityId == cityId ? Problems.NotFound($"There is no city '{cityId}'.") : Problems.CannotWrite(caller, cityId);
        if (!caller.CanWriteActivityData(cityId)) return Problems.CannotWrite(caller, cityId);
        if (year is not { } y || y < 1990 || y > 2100) return Problems.BadRequest("Give the inventory year as ?year=2023 (1990–2100).", "Inventory year missing");

        var limit = options.Value.MaxBytes;
        if (request.ContentLength > limit) return TooLarge(limit);
        try
        {
            var (stream, fileName, format, problem) = await OpenAsync(request, ct);
            if (problem is not null) return problem;
            await using var content = new HashingStream(stream!, limit);
            var result = format == UploadFormat.Xlsx
                ? await UploadXlsxAsync(uploader, content, city, y, supersedes, fileName, note, caller, ct)
                : await uploader.UploadAsync(format == UploadFormat.Csv ? new CsvActivityRowSource(content) : new JsonActivityRowSource(content),
                    content, city, y, supersedes, fileName, note, caller.ToActor(), ct);
            return ToHttp(result, fileName);
        }
        catch (UploadTooLargeException e)
        {
            return TooLarge(e.Limit);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(limit);
        }
    }

    /// <summary>A workbook is a zip that must be read from its end: it is spooled to a temporary file (never
    /// to memory) while being hashed, then read from there.</summary>
    private static async Task<UploadResult> UploadXlsxAsync(SubmissionUploader uploader, HashingStream content, City city, int year, Guid? supersedes,
        string? fileName, string? note, Caller caller, CancellationToken ct)
    {
        var path = Path.GetTempFileName();
        await using var spool = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await content.CopyToAsync(spool, ct);
        spool.Position = 0;
        return await uploader.UploadAsync(new XlsxActivityRowSource(spool), content, city, year, supersedes, fileName, note, caller.ToActor(), ct);
    }

    private static async Task<(Stream? Stream, string? FileName, UploadFormat Format, ProblemHttpResult? Problem)> OpenAsync(HttpRequest request, CancellationToken ct)
    {
        var type = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value?.ToLowerInvariant() : null;
        switch (type)
        {
            case "text/csv": return (request.Body, null, UploadFormat.Csv, null);
            case "application/json": return (request.Body, null, UploadFormat.Json, null);
            case XlsxType: return (request.Body, null, UploadFormat.Xlsx, null);
            case "multipart/form-data":
                var boundary = HeaderUtilities.RemoveQuotes(parsed!.Boundary).Value;
                if (string.IsNullOrEmpty(boundary)) return (null, null, default, Problems.BadRequest("The multipart body has no boundary."));
                var reader = new MultipartReader(boundary, request.Body);
                while (await reader.ReadNextSectionAsync(ct) is { } section)
                {
                    if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.IsFileDisposition()) continue;
                    var name = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                    var extension = Path.GetExtension(name ?? "").ToLowerInvariant();
                    UploadFormat? format = extension switch { ".csv" => UploadFormat.Csv, ".xlsx" => UploadFormat.Xlsx, ".json" => UploadFormat.Json, _ => null };
                    format ??= section.ContentType?.ToLowerInvariant() switch { "text/csv" => UploadFormat.Csv, XlsxType => UploadFormat.Xlsx, "application/json" => UploadFormat.Json, _ => null };
                    if (format is null)
                        return (null, null, default, Problems.Of(StatusCodes.Status415UnsupportedMediaType, "Unsupported file type",
                            $"'{name}' is not a .csv, .xlsx or .json file. Download a template from /api/activity-data/templates/csv (or xlsx, json)."));
                    return (section.Body, name, format.Value, null);
                }
                return (null, null, default, Problems.BadRequest("The form has no file: send the file in a form field of type file.", "No file"));
            default:
                return (null, null, default, Problems.Of(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type",
                    $"Send multipart/form-data with a .csv, .xlsx or .json file, or the file itself as text/csv, application/json or {XlsxType}; not '{request.ContentType}'."));
        }
    }

    private static Results<Created<UploadResponse>, Ok<UploadResponse>, ProblemHttpResult> ToHttp(UploadResult result, string? fileName) => result switch
    {
        UploadResult.Stored s => TypedResults.Created($"/api/cities/{s.Submission.CityId}/submissions/{s.Submission.Id}",
            new UploadResponse(false, $"Stored {s.Submission.RecordCount} record(s) as version {s.Submission.Version}.", SubmissionResponse.From(s.Submission))),
        UploadResult.Duplicate d => TypedResults.Ok(new UploadResponse(true,
            $"This file is already stored (submission {d.Existing.Id}, version {d.Existing.Version}, uploaded {d.Existing.CreatedAt:yyyy-MM-dd}); nothing new was stored and nothing counts twice.",
            SubmissionResponse.From(d.Existing))),
        UploadResult.Invalid i => Problems.Of(StatusCodes.Status400BadRequest, "The file was not stored",
            $"{i.TotalErrors} problem(s) found{(fileName is null ? "" : $" in {fileName}")}; nothing was stored. Fix the rows listed and upload the whole file again.",
            new Dictionary<string, object?>
            {
                ["errors"] = i.Errors.Select(e => new { row = e.Row, column = e.Column, reason = e.Reason }).ToList(),
                ["totalErrors"] = i.TotalErrors,
                ["listedErrors"] = i.Errors.Count,
            }),
        UploadResult.Refused r => Problems.Of(r.Status, r.Title, r.Detail),
        _ => throw new InvalidOperationException($"Unexpected upload result {result}."),
    };

    private static ProblemHttpResult TooLarge(long limit) => Problems.Of(StatusCodes.Status413PayloadTooLarge, "File too large",
        $"The upload is larger than the limit of {HashingStream.Describe(limit)}; nothing was stored. Split the file, for example by sector, and upload the parts.");

    private static async Task<Results<Ok<List<SubmissionResponse>>, ProblemHttpResult>> List(string cityId, int? year, Caller caller, GhgDbContext db, CancellationToken ct)
    {
        if (!caller.CanReadUnpublished(cityId) || !await db.Cities.AnyAsync(c => c.Id == cityId, ct)) return Problems.NotFound($"There are no submissions of city '{cityId}' that you may read.");
        var query = db.Submissions.AsNoTracking().Where(s => s.CityId == cityId && s.ContentSha256 != null);
        if (year is not null) query = query.Where(s => s.Year == year);
        var rows = await query.OrderBy(s => s.Year).ThenBy(s => s.SeriesId).ThenBy(s => s.Version).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(SubmissionResponse.From).ToList());
    }

    private static async Task<Results<Ok<SubmissionResponse>, ProblemHttpResult>> Get(string cityId, Guid submissionId, Caller caller, GhgDbContext db, CancellationToken ct)
    {
        var s = caller.CanReadUnpublished(cityId)
            ? await db.Submissions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == submissionId && x.CityId == cityId && x.ContentSha256 != null, ct)
            : null;
        return s is null ? Problems.NotFound($"City '{cityId}' has no submission {submissionId} that you may read.") : TypedResults.Ok(SubmissionResponse.From(s));
    }

    private static async Task<Results<Ok<RecordPage>, ProblemHttpResult>> Records(
        string cityId, Guid submissionId, int? offset, int? limit, Caller caller, GhgDbContext db, CancellationToken ct)
    {
        if (!caller.CanReadUnpublished(cityId) || !await db.Submissions.AnyAsync(x => x.Id == submissionId && x.CityId == cityId && x.ContentSha256 != null, ct))
            return Problems.NotFound($"City '{cityId}' has no submission {submissionId} that you may read.");
        var skip = Math.Max(0, offset ?? 0);
        var take = Math.Clamp(limit ?? 100, 1, 1000);
        var query = db.ActivityRecords.AsNoTracking().Where(r => r.SubmissionId == submissionId);
        var total = await query.LongCountAsync(ct);
        var page = await query.OrderBy(r => r.RowNumber).Skip(skip).Take(take)
            .Select(r => new RecordResponse(r.RowNumber, r.GpcReference, r.ActivityType, r.Amount, r.Unit, r.PeriodStart, r.PeriodEnd, r.DataQuality, r.Source))
            .ToListAsync(ct);
        return TypedResults.Ok(new RecordPage(total, skip, take, page));
    }
}
