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
            // Reading and validating run here while another thread feeds the database's COPY, in batches:
            // on two cores the parse and the COPY serialisation overlap instead of taking turns.
            var batches = Channel.CreateBounded<Batch>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
            var copying = Task.Run(() => CopyAsync(batches.Reader, upload, batches.Writer, ct), ct);
            var batch = new Batch(BatchSize);
            try
            {
                await foreach (var raw in source.ReadAsync(ct))
                {
                    var record = validator.Validate(raw);
                    // After the first problem the rest of the file is still read, to list every problem at
                    // once, but nothing more is sent to the database: the upload will be rolled back.
                    if (record is null || errors.Count > 0 || source.ErrorCount > 0) continue;
                    batch.Add(checked((int)raw.Row), record);
                    if (batch.IsFull)
                    {
                        await batches.Writer.WriteAsync(batch, ct);
                        batch = new Batch(BatchSize);
                    }
                }
                if (batch.Count > 0 && errors.Count == 0 && source.ErrorCount == 0) await batches.Writer.WriteAsync(batch, ct);
                await content.DrainAsync(ct);
            }
            finally
            {
                batches.Writer.TryComplete();
                await copying.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
            await copying;

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

    private const int BatchSize = 2048;

    private static async Task CopyAsync(ChannelReader<Batch> reader, SubmissionUpload upload, ChannelWriter<Batch> writer, CancellationToken ct)
    {
        try
        {
            await foreach (var batch in reader.ReadAllAsync(ct))
                for (var i = 0; i < batch.Count; i++)
                    await upload.WriteAsync(batch.Rows[i], batch.Records[i], ct);
        }
        catch (Exception e)
        {
            // Stop the reading side too: its next write to the channel throws with this exception inside.
            writer.TryComplete(e);
            throw;
        }
    }

    private sealed class Batch(int capacity)
    {
        public int[] Rows { get; } = new int[capacity];

        public ActivityRecord[] Records { get; } = new ActivityRecord[capacity];

        public int Count { get; private set; }

        public bool IsFull => Count == Rows.Length;

        public void Add(int row, ActivityRecord record)
        {
            Rows[Count] = row;
            Records[Count++] = record;
        }
    }
}
