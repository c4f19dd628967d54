using System.Globalization;
using GhgReporting.Calc.Inventory;
using GhgReporting.Data.Audit;
using GhgReporting.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace GhgReporting.Data.Submissions;

/// <summary>What is being uploaded: for which city and inventory year, and which submission it corrects.</summary>
public sealed record SubmissionRequest(string CityId, int Year, Guid? Supersedes, string Format, string? FileName, string? Note, string CatalogHash);

/// <summary>How an upload ended.</summary>
public abstract record SubmissionOutcome
{
    /// <summary>Stored as a new submission (a new series, or the next version of one).</summary>
    public sealed record Stored(Submission Submission) : SubmissionOutcome;

    /// <summary>The same bytes are already stored as a current submission of the city and year: nothing
    /// new was stored, so nothing counts twice.</summary>
    public sealed record Duplicate(Submission Existing) : SubmissionOutcome;

    /// <summary>Refused (the submission to correct is missing, of another city or year, or already
    /// corrected): nothing was stored.</summary>
    public sealed record Refused(int Status, string Title, string Detail) : SubmissionOutcome;
}

/// <summary>
/// Stores uploads of activity records. An upload runs in one transaction: the submission row is inserted,
/// the rows stream in through binary COPY as they are read, and only <see cref="SubmissionUpload.CompleteAsync"/>
/// commits. Anything else (a validation error found later in the file, a dropped connection, an exception)
/// rolls the whole upload back.
/// </summary>
public sealed class SubmissionStore(GhgDbContext db, TimeProvider clock)
{
    public async Task<(SubmissionUpload? Upload, SubmissionOutcome.Refused? Refused)> BeginAsync(SubmissionRequest request, Actor actor, CancellationToken ct)
    {
        Submission? previous = null;
        if (request.Supersedes is { } supersedes)
        {
            previous = await db.Submissions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == supersedes && s.CityId == request.CityId, ct);
            if (previous is null)
                return (null, new SubmissionOutcome.Refused(404, "Submission to correct not found", $"City {request.CityId} has no submission {supersedes}."));
            if (previous.Year != request.Year)
                return (null, new SubmissionOutcome.Refused(400, "Correction for another year",
                    $"Submission {supersedes} is for {previous.Year}; a correction must be for the same year, not {request.Year}."));
            if (previous.SupersededById is { } newer)
                return (null, new SubmissionOutcome.Refused(409, "Already corrected",
                    $"Submission {supersedes} (version {previous.Version}) has already been corrected by {newer}; correct the latest version instead."));
        }

        var id = Guid.CreateVersion7();
        var submission = new Submission
        {
            Id = id,
            SeriesId = previous?.SeriesId ?? id,
            Version = (previous?.Version ?? 0) + 1,
            CityId = request.CityId,
            Year = request.Year,
            SupersedesId = previous?.Id,
            Format = request.Format,
            FileName = request.FileName,
            Note = request.Note,
            CatalogHash = request.CatalogHash,
            CreatedAt = clock.UtcNowForDatabase(),
            CreatedByUserId = actor.UserId,
            ByProxy = actor.IsProxyFor(request.CityId),
        };

        var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            if (previous is not null && await LockForCorrectionAsync(previous, ct) is { } busy)
            {
                await transaction.DisposeAsync();
                return (null, busy);
            }
            db.Submissions.Add(submission);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                await transaction.DisposeAsync();
                db.ChangeTracker.Clear();
                return (null, new SubmissionOutcome.Refused(409, "Already corrected",
                    $"Submission {previous?.Id} has just been corrected by another upload; nothing was stored. Correct the latest version instead."));
            }
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            var importer = new PgBinaryCopyWriter(await connection.BeginRawBinaryCopyAsync(
                "COPY activity_records (submission_id, row_number, gpc_reference, activity_type, amount, unit, period_start, period_end, data_quality, source) FROM STDIN (FORMAT BINARY)", ct));
            return (new SubmissionUpload(db, transaction, importer, submission, previous, actor, clock), null);
        }
        catch
        {
            await transaction.DisposeAsync();
            db.ChangeTracker.Clear();
            throw;
        }
    }

    /// <summary>
    /// Locks the version being corrected for the rest of this upload, so that two corrections of it cannot
    /// both be stored. A second correction does not wait for the first upload to finish: it is refused at
    /// once (NOWAIT), and so is a correction of a version that was corrected meanwhile.
    /// </summary>
    private async Task<SubmissionOutcome.Refused?> LockForCorrectionAsync(Submission previous, CancellationToken ct)
    {
        try
        {
            var supersededBy = await db.Database
                .SqlQuery<Guid?>($"SELECT superseded_by_id AS \"Value\" FROM submissions WHERE id = {previous.Id} FOR UPDATE NOWAIT")
                .SingleAsync(ct);
            return supersededBy is null ? null : new SubmissionOutcome.Refused(409, "Already corrected",
                $"Submission {previous.Id} (version {previous.Version}) has already been corrected by {supersededBy}; correct the latest version instead.");
        }
        // EF's execution strategy hands a lock failure on wrapped as "transient".
        catch (Exception e) when ((e as PostgresException ?? e.InnerException as PostgresException)?.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            return new SubmissionOutcome.Refused(409, "Correction in progress",
                $"Another correction of submission {previous.Id} is being uploaded right now; nothing was stored. Wait for it and correct the version it creates.");
        }
    }
}

/// <summary>One upload in progress. Dispose without <see cref="CompleteAsync"/> and nothing is stored.</summary>
public sealed class SubmissionUpload : IAsyncDisposable
{
    private readonly GhgDbContext _db;
    private readonly IDbContextTransaction _transaction;
    private readonly Submission _submission;
    private readonly Submission? _previous;
    private readonly Actor _actor;
    private readonly TimeProvider _clock;
    private PgBinaryCopyWriter? _importer;
    private bool _committed;

    internal SubmissionUpload(GhgDbContext db, IDbContextTransaction transaction, PgBinaryCopyWriter importer, Submission submission,
        Submission? previous, Actor actor, TimeProvider clock)
    {
        _db = db;
        _transaction = transaction;
        _importer = importer;
        _submission = submission;
        _previous = previous;
        _actor = actor;
        _clock = clock;
    }

    public Guid SubmissionId => _submission.Id;

    public long RecordsWritten { get; private set; }

    /// <summary>
    /// Writes one validated record in binary COPY format. Synchronous on purpose: rows go to a buffer and only
    /// a full buffer is sent, so an async call per row (a million of them) would cost more than the rare
    /// blocking send. Call it from a thread that may block (the upload's COPY thread).
    /// </summary>
    public void Write(int rowNumber, ActivityRecord record)
    {
        var w = _importer ?? throw new InvalidOperationException("The upload has been completed or abandoned.");
        w.StartRow(10);
        w.Uuid(_submission.Id);
        w.Integer(rowNumber);
        w.Text(record.GpcReference);
        w.Text(record.ActivityType);
        w.Numeric(record.Amount);
        w.Text(record.Unit);
        w.Date(record.PeriodStart);
        w.Date(record.PeriodEnd);
        w.Text(QualityText(record.Quality));
        w.Text(string.IsNullOrEmpty(record.Source) ? null : record.Source);
        RecordsWritten++;
    }

    /// <summary>The same as <see cref="Write"/>, for callers on a request thread.</summary>
    public ValueTask WriteAsync(int rowNumber, ActivityRecord record, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        Write(rowNumber, record);
        return ValueTask.CompletedTask;
    }

    public static string QualityText(DataQuality quality) => quality switch
    {
        DataQuality.High => "high",
        DataQuality.Medium => "medium",
        _ => "low",
    };

    /// <summary>
    /// Finishes the COPY and commits the submission with its content hash, superseding the version it
    /// corrects. If the same content is already stored as a current submission of the city and year (or
    /// is the very version being corrected), rolls back and returns that one instead.
    /// </summary>
    public async Task<SubmissionOutcome> CompleteAsync(string contentSha256, CancellationToken ct)
    {
        if (_previous?.ContentSha256 == contentSha256) return new SubmissionOutcome.Duplicate(_previous);

        var importer = _importer ?? throw new InvalidOperationException("The upload has been completed or abandoned.");
        _importer = null;
        await importer.CompleteAsync(ct); // ends the COPY: the rows are now part of the transaction

        _submission.ContentSha256 = contentSha256;
        _submission.RecordCount = RecordsWritten;
        var at = _clock.UtcNowForDatabase();
        AuditLog.Record(_db, _actor, _submission.CityId, _previous is null ? "submission.created" : "submission.corrected", "submission", _submission.Id.ToString(),
            new { _submission.Year, _submission.Version, _submission.SeriesId, Supersedes = _previous?.Id, _submission.Format, _submission.FileName, RecordCount = RecordsWritten, ContentSha256 = contentSha256 }, at);
        try
        {
            await _db.SaveChangesAsync(ct);
            if (_previous is not null)
            {
                var superseded = await _db.Database.ExecuteSqlInterpolatedAsync(
                    $"UPDATE submissions SET superseded_by_id = {_submission.Id} WHERE id = {_previous.Id} AND superseded_by_id IS NULL", ct);
                if (superseded == 0)
                    return new SubmissionOutcome.Refused(409, "Already corrected",
                        $"Submission {_previous.Id} was corrected by another upload while this one was being stored; nothing was stored. Correct the latest version instead.");
            }
            await _transaction.CommitAsync(ct);
            _committed = true;
            return new SubmissionOutcome.Stored(_submission);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "ux_submissions_current_content" })
        {
            await _transaction.RollbackAsync(CancellationToken.None);
            _db.ChangeTracker.Clear();
            var existing = await _db.Submissions.AsNoTracking().SingleAsync(
                s => s.CityId == _submission.CityId && s.Year == _submission.Year && s.ContentSha256 == contentSha256 && s.SupersededById == null, ct);
            return new SubmissionOutcome.Duplicate(existing);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_importer is not null)
        {
            // Cancelled, so that a half-written file's rows never reach the table (the transaction is rolled back too).
            // Cancelling ends the COPY and releases the writer; a broken connection is fine here too.
            try { await _importer.CancelAsync(); } catch (Exception e) when (e is NpgsqlException or PostgresException or IOException or ObjectDisposedException) { }
            _importer = null;
        }
        if (!_committed) _db.ChangeTracker.Clear();
        await _transaction.DisposeAsync();
    }
}
