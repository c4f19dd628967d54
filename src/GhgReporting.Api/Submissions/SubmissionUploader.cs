using System.Threading.Channels;
using GhgReporting.Api.Uploads;
using GhgReporting.Calc.Inventory;
using GhgReporting.Calc.Factors;
using GhgReporting.Data.Audit;
using GhgReporting.Data.Catalogs;
using GhgReporting.Data.Entities;
using GhgReporting.Data.Submissions;

namespace GhgReporting.Api.Submissions;

/// <summary>How an upload ended, for the HTTP layer and the seed alike.</summary>
public abstract record UploadResult
{
    public sealed record Stored(Submission Submission) : UploadResult;

    public sealed record Duplicate(Submission Existing) : UploadResult;

    /// <summary>The file has problems; nothing was stored.</summary>
    public sealed record Invalid(IReadOnlyList<UploadError> Errors, long TotalErrors) : UploadResult;

    public sealed record Refused(int Status, string Title, string Detail) : UploadResult;
}

/// <summary>What a file would store, or why it cannot be stored (<see cref="SubmissionUploader.PreviewAsync"/>).</summary>
/// <param name="Lines">Valid records by GPC reference, activity type and unit (the engine's normal form): count and total amount.</param>
/// <param name="Errors">The first problems, row by row; <paramref name="TotalErrors"/> counts all of them.</param>
public sealed record UploadPreview(string Sha256, long Records, IReadOnlyList<UploadPreviewLine> Lines, DateOnly? PeriodStart, DateOnly? PeriodEnd,
    IReadOnlyList<UploadError> Errors, long TotalErrors)
{
    public bool IsValid => TotalErrors == 0;
}

public sealed record UploadPreviewLine(string GpcReference, string ActivityType, string Unit, long Records, decimal TotalAmount);

/// <summary>
/// Streams one uploaded file into the store: each row is read, validated and, while the file is still
/// clean, written to the open COPY; at the end the upload commits only when no row had a problem. The file
/// is never held in memory: what grows with it is the duplicate-row set (about 36 bytes a row).
/// </summary>
public sealed class SubmissionUploader(SubmissionStore store, CatalogRegistry catalogs)
{
    public async Task<UploadResult> UploadAsync(IActivityRowSource source, HashingStream content, City city, int year, Guid? supersedes,
        string? fileName, string? note, Actor actor, CancellationToken ct)
    {
        var catalog = catalogs.Latest;
        var request = new SubmissionRequest(city.Id, year, supersedes, source.Format.ToString().ToLowerInvariant(), fileName, note, catalog.ContentHash);
        var (upload, refused) = await store.BeginAsync(request, actor, ct);
        if (upload is null) return new UploadResult.Refused(refused!.Status, refused.Title, refused.Detail);

        await using (upload)
        {
            var errors = new UploadErrorList();
            var validator = new RowValidator(catalog, new CityContext(city.Id, city.Country.Trim(), city.SubRegion, city.Climate), year, errors);
            // The file is parsed here while a second thread validates the rows and feeds the database's COPY,
            // in batches: on two cores parsing overlaps validation and COPY instead of taking turns.
            var batches = Channel.CreateBounded<RawActivityRow[]>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
            var consuming = Task.Run(() => ValidateAndCopyAsync(batches.Reader, batches.Writer, validator, errors, source, upload, ct), ct);
            var batch = new List<RawActivityRow>(BatchSize);
            try
            {
                await foreach (var raw in source.ReadAsync(ct))
                {
                    batch.Add(raw);
                    if (batch.Count == BatchSize)
                    {
                        await batches.Writer.WriteAsync(batch.ToArray(), ct);
                        batch.Clear();
                    }
                }
                if (batch.Count > 0) await batches.Writer.WriteAsync(batch.ToArray(), ct);
                await content.DrainAsync(ct);
            }
            finally
            {
                batches.Writer.TryComplete();
                await consuming.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
            await consuming;

            var total = errors.Count + source.ErrorCount;
            if (total > 0)
            {
                var listed = source.Errors.Concat(errors.Items).OrderBy(e => e.Row).Take(UploadErrorList.Capacity).ToList();
                return new UploadResult.Invalid(listed, total);
            }
            if (upload.RecordsWritten == 0)
                return new UploadResult.Invalid([new UploadError(0, "(file)", "has no activity records: only a header, or nothing at all.")], 1);

            return await upload.CompleteAsync(content.Sha256(), ct) switch
            {
                SubmissionOutcome.Stored s => new UploadResult.Stored(s.Submission),
                SubmissionOutcome.Duplicate d => new UploadResult.Duplicate(d.Existing),
                SubmissionOutcome.Refused r => new UploadResult.Refused(r.Status, r.Title, r.Detail),
                var other => throw new InvalidOperationException($"Unexpected outcome {other}."),
            };
        }
    }

    /// <summary>
    /// Validates a file exactly as <see cref="UploadAsync"/> would (the same row source, the same
    /// <see cref="RowValidator"/> with the latest catalog, the same "no records" rule) and says what it would
    /// store, without touching the store: the web pages show this before the uploader confirms.
    /// </summary>
    public async Task<UploadPreview> PreviewAsync(IActivityRowSource source, HashingStream content, City city, int year, CancellationToken ct)
    {
        var errors = new UploadErrorList();
        var validator = new RowValidator(catalogs.Latest, new CityContext(city.Id, city.Country.Trim(), city.SubRegion, city.Climate), year, errors);
        var lines = new Dictionary<(string Gpc, string Activity, string Unit), (long Records, decimal Amount)>();
        long records = 0;
        DateOnly? first = null, last = null;
        await foreach (var raw in source.ReadAsync(ct))
        {
            if (validator.Validate(raw) is not { } record) continue;
            records++;
            var key = (record.GpcReference, record.ActivityType, record.Unit);
            var (count, amount) = lines.GetValueOrDefault(key);
            lines[key] = (count + 1, amount + record.Amount);
            if (first is null || record.PeriodStart < first) first = record.PeriodStart;
            if (last is null || record.PeriodEnd > last) last = record.PeriodEnd;
        }
        await content.DrainAsync(ct);

        var total = errors.Count + source.ErrorCount;
        if (total == 0 && records == 0)
            return new UploadPreview(content.Sha256(), 0, [], null, null, [new UploadError(0, "(file)", "has no activity records: only a header, or nothing at all.")], 1);
        List<UploadError> listed = total == 0 ? [] : source.Errors.Concat(errors.Items).OrderBy(e => e.Row).Take(UploadErrorList.Capacity).ToList();
        var summary = lines.OrderBy(l => l.Key.Gpc, StringComparer.Ordinal).ThenBy(l => l.Key.Activity, StringComparer.Ordinal).ThenBy(l => l.Key.Unit, StringComparer.Ordinal)
            .Select(l => new UploadPreviewLine(l.Key.Gpc, l.Key.Activity, l.Key.Unit, l.Value.Records, l.Value.Amount)).ToList();
        return new UploadPreview(content.Sha256(), records, total == 0 ? summary : [], first, last, listed, total);
    }

    private const int BatchSize = 2048;

    private static async Task ValidateAndCopyAsync(ChannelReader<RawActivityRow[]> reader, ChannelWriter<RawActivityRow[]> writer, RowValidator validator,
        UploadErrorList errors, IActivityRowSource source, SubmissionUpload upload, CancellationToken ct)
    {
        try
        {
            await foreach (var batch in reader.ReadAllAsync(ct))
                foreach (var raw in batch)
                {
                    ct.ThrowIfCancellationRequested();
                    var record = validator.Validate(raw);
                    // After the first problem the rest of the file is still validated, to list every problem
                    // at once, but nothing more is sent to the database: the upload will be rolled back.
                    if (record is not null && errors.Count == 0 && source.ErrorCount == 0)
                        upload.Write(checked((int)raw.Row), record);
                }
        }
        catch (Exception e)
        {
            // Stop the reading side too: its next write to the channel throws with this exception inside.
            writer.TryComplete(e);
            throw;
        }
    }
}
