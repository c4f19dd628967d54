using GhgReporting.Calc.Inventory;
using GhgReporting.Data.Submissions;
using Microsoft.EntityFrameworkCore;

namespace GhgReporting.Data.Tests.Store;

/// <summary>Uploads stored whole or not at all, and the same content stored once (SubmissionStore).</summary>
public sealed class SubmissionStoreTests
{
    private static readonly ActivityRecord[] ThreeRecords =
    [
        Uploads.Electricity(0.1m),
        Uploads.Electricity(0.2m, source: null),
        Uploads.Electricity(12345678901234.123456789m),
    ];

    [Fact]
    public async Task CompleteAsync_ThreeRecords_StoresSubmissionWithHashCountAndExactAmounts()
    {
        await using var database = await StoreDatabase.CreateAsync(nameof(SubmissionStoreTests));
        var actor = await database.AddCityAndReporterAsync("store-city");
        var sha = Uploads.Sha256("three records");

        await using (var db = database.NewContext())
        {
            var outcome = await Uploads.StoreAsync(db, Uploads.Request("store-city"), actor, sha, ThreeRecords);
            outcome.StoredSubmission().Version.Should().Be(1);
        }

        await using var read = database.NewContext();
        var submission = await read.Submissions.AsNoTracking().SingleAsync();
        submission.ContentSha256.Should().Be(sha);
        submission.RecordCount.Should().Be(3);
        submission.SeriesId.Should().Be(submission.Id);
        submission.CreatedByUserId.Should().Be(actor.UserId);
        submission.ByProxy.Should().BeFalse();
        var rows = await read.ActivityRecords.AsNoTracking().Where(r => r.SubmissionId == submission.Id).OrderBy(r => r.RowNumber).ToListAsync();
        rows.Select(r => r.RowNumber).Should().Equal(2, 3, 4);
        rows.Select(r => r.Amount).Should().Equal(0.1m, 0.2m, 12345678901234.123456789m);
        rows.Select(r => r.Source).Should().Equal("utility invoices", null, "utility invoices");
        rows.Should().AllSatisfy(r =>
        {
            r.GpcReference.Should().Be("I.1.2");
            r.ActivityType.Should().Be("electricity:grid");
            r.Unit.Should().Be("MWh");
            r.DataQuality.Should().Be("high");
            r.PeriodStart.Should().Be(new DateOnly(2022, 1, 1));
            r.PeriodEnd.Should().Be(new DateOnly(2022, 12, 31));
        });
    }

    [Fact]
    public async Task CompleteAsync_DecimalAmounts_AreStoredAsExactNumericText()
    {
        await using var database = await StoreDatabase.CreateAsync(nameof(SubmissionStoreTests));
        var actor = await database.AddCityAndReporterAsync("exact-city");
        await using (var db = database.NewContext())
            (await Uploads.StoreAsync(db, Uploads.Request("exact-city"), actor, Uploads.Sha256("exact"), ThreeRecords)).StoredSubmission();

        // In binary floating point 0.1 + 0.2 is 0.30000000000000004; in numeric it is 0.3.
        (await database.ScalarAsync<bool>("SELECT sum(amount) = 0.3 FROM activity_records WHERE row_number IN (2, 3)")).Should().BeTrue();
        (await database.ScalarAsync<string>("SELECT string_agg(amount::text, ' ' ORDER BY row_number) FROM activity_records"))
            .Should().Be("0.1 0.2 12345678901234.123456789");
    }

    [Fact]
    public async Task DisposeAsync_WithoutComplete_StoresNothing()
    {
        await using var database = await StoreDatabase.CreateAsync(nameof(SubmissionStoreTests));
        var actor = await database.AddCityAndReporterAsync("abandon-city");

        await using (var db = database.NewContext())
        {
            var (upload, refused) = await new SubmissionStore(db, TimeProvider.System).BeginAsync(Uploads.Request("abandon-city"), actor, CancellationToken.None);
            refused.Should().BeNull();
            await using (upload)
                for (var i = 0; i < ThreeRecords.Length; i++) await upload!.WriteAsync(i + 2, ThreeRecords[i], CancellationToken.None);
        }

        (await database.ScalarAsync<long>("SELECT count(*) FROM submissions")).Should().Be(0);
        (await database.ScalarAsync<long>("SELECT count(*) FROM activity_records")).Should().Be(0);
        (await database.ScalarAsync<long>("SELECT count(*) FROM audit_log")).Should().Be(0);
    }

    [Fact]
    public async Task DisposeAsync_After10000RowsWithoutComplete_StoresNothingAndTheContextStaysUsable()
    {
        await using var database = await StoreDatabase.CreateAsync(nameof(SubmissionStoreTests));
        var actor = await database.AddCityAndReporterAsync("abandon-big");
        await using var db = database.NewContext();
        var store = new SubmissionStore(db, TimeProvider.System);

        var (upload, _) = await store.BeginAsync(Uploads.Request("abandon-big"), actor, CancellationToken.None);
        await using (upload)
        {
            for (var row = 2; row < 10_002; row++) await upload!.WriteAsync(row, Uploads.Electricity(row), CancellationToken.None);
            upload!.RecordsWritten.Should().Be(10_000);
        }

        (await database.ScalarAsync<long>("SELECT count(*) FROM submissions")).Should().Be(0);
        (await database.ScalarAsync<long>("SELECT count(*) FROM activity_records")).Should().Be(0);
        (await database.ScalarAsync<long>("SELECT count(*) FROM audit_log")).Should().Be(0);

        // The same (scoped) context then stores the next upload normally.
        var next = await Uploads.StoreAsync(db, Uploads.Request("abandon-big"), actor, Uploads.Sha256("after abandon"), [Uploads.Electricity(5m)]);
        next.StoredSubmission().RecordCount.Should().Be(1);
        (await database.ScalarAsync<long>("SELECT count(*) FROM activity_records")).Should().Be(1);
    }

    /// <summary>A client that drops the connection mid-upload cancels the request token while rows stream in.</summary>
    [Fact]
    public async Task DisposeAsync_AfterAWriteWasCancelled_StoresNothingAndTheContextStaysUsable()
    {
        await using var database = await StoreDatabase.CreateAsync(nameof(SubmissionStoreTests));
        var actor = await database.AddCityAndReporterAsync("cancel-city");
        await using var db = database.NewContext();
        using var cancel = new CancellationTokenSource();

        var (upload, _) = await new SubmissionStore(db, TimeProvider.System).BeginAsync(Uploads.Request("cancel-city"), actor, CancellationToken.None);
        var write = async () =>
        {
            for (var row = 2; row < 20_002; row++)
            {
                if (row == 10_000) await cancel.CancelAsync();
                await upload!.WriteAsync(row, Uploads.Electricity(row), cancel.Token);
            }
        };
        await write.Should().ThrowAsync<OperationCanceledException>();
        var dispose = async () => await upload!.DisposeAsync();
        await dispose.Should().NotThrowAsync();

        (await database.ScalarAsync<long>("SELECT count(*) FROM submissions")).Should().Be(0);
        (await database.ScalarAsync<long>("SELECT count(*) FROM activity_records")).Should().Be(0);
        var next = await Uploads.StoreAsync(db, Uploads.Request("cancel-city"), actor, Uploads.Sha256("after cancel"), [Uploads.Electricity(5m)]);
        next.StoredSubmission().RecordCount.Should().Be(1);
    }

    [Fact]
    public async Task CompleteAsync_SameContentTwiceInSequence_SecondIsDuplicateOfFirst()
    {
        await using var database = await StoreDatabase.CreateAsync(nameof(SubmissionStoreTests));
        var actor = await database.AddCityAndReporterAsync("dup-city");
        var sha = Uploads.Sha256("same file");

        await using var db = database.NewContext();
        var first = (await Uploads.StoreAsync(db, Uploads.Request("dup-city"), actor, sha, ThreeRecords)).StoredSubmission();
        var second = await Uploads.StoreAsync(db, Uploads.Request("dup-city"), actor, sha, ThreeRecords);

        second.Should().BeOfType<SubmissionOutcome.Duplicate>().Which.Existing.Id.Should().Be(first.Id);
        (await database.ScalarAsync<long>("SELECT count(*) FROM submissions")).Should().Be(1);
        (await database.ScalarAsync<long>("SELECT count(DISTINCT submission_id) FROM activity_records")).Should().Be(1);
        (await database.ScalarAsync<long>("SELECT count(*) FROM activity_records")).Should().Be(3);
        (await database.ScalarAsync<long>("SELECT count(*) FROM audit_log")).Should().Be(1, "the duplicate stored nothing, not even its audit entry");
    }

    [Fact]
    public async Task CompleteAsync_SameContentForAnotherYear_IsStoredAgain()
    {
        await using var database = await StoreDatabase.CreateAsync(nameof(SubmissionStoreTests));
        var actor = await database.AddCityAndReporterAsync("year-city");
        var sha = Uploads.Sha256("same file, two years");

        await using var db = database.NewContext();
        (await Uploads.StoreAsync(db, Uploads.Request("year-city", 2022), actor, sha, ThreeRecords)).StoredSubmission();
        var other = await Uploads.StoreAsync(db, Uploads.Request("year-city", 2023), actor, sha, [Uploads.Electricity(1m, 2023)]);

        other.StoredSubmission().Year.Should().Be(2023);
    }

    [Fact]
    public async Task CompleteAsync_TwoConcurrentUploadsOfTheSameContent_OneStoredOneDuplicate()
    {
        await using var database = await StoreDatabase.CreateAsync(nameof(SubmissionStoreTests));
        var actor = await database.AddCityAndReporterAsync("race-city");
        var sha = Uploads.Sha256("uploaded twice at once");
        await using var dbA = database.NewContext();
        await using var dbB = database.NewContext();

        var (uploadA, _) = await new SubmissionStore(dbA, TimeProvider.System).BeginAsync(Uploads.Request("race-city"), actor, CancellationToken.None);
        var (uploadB, _) = await new SubmissionStore(dbB, TimeProvider.System).BeginAsync(Uploads.Request("race-city"), actor, CancellationToken.None);
        await using (uploadA)
        await using (uploadB)
        {
            for (var i = 0; i < ThreeRecords.Length; i++)
            {
                await uploadA!.WriteAsync(i + 2, ThreeRecords[i], CancellationToken.None);
                await uploadB!.WriteAsync(i + 2, ThreeRecords[i], CancellationToken.None);
            }
            var outcomes = await Task.WhenAll(uploadA!.CompleteAsync(sha, CancellationToken.None), uploadB!.CompleteAsync(sha, CancellationToken.None))
                .WaitAsync(TimeSpan.FromSeconds(60));

            var stored = outcomes.OfType<SubmissionOutcome.Stored>().Should().ContainSingle().Subject.Submission;
            outcomes.OfType<SubmissionOutcome.Duplicate>().Should().ContainSingle().Which.Existing.Id.Should().Be(stored.Id);
            (await database.ScalarAsync<long>("SELECT count(*) FROM submissions")).Should().Be(1);
            (await database.ScalarAsync<Guid>("SELECT id FROM submissions")).Should().Be(stored.Id);
            (await database.ScalarAsync<long>("SELECT count(*) FROM activity_records WHERE submission_id = $1", stored.Id)).Should().Be(3);
            (await database.ScalarAsync<long>("SELECT count(*) FROM activity_records")).Should().Be(3);
        }
    }

    [Fact]
    public async Task CompleteAsync_Stored_WritesSubmissionCreatedAuditEntryInTheSameTransaction()
    {
        await using var database = await StoreDatabase.CreateAsync(nameof(SubmissionStoreTests));
        var actor = await database.AddCityAndReporterAsync("audit-city");
        await using var db = database.NewContext();

        var stored = (await Uploads.StoreAsync(db, Uploads.Request("audit-city"), actor, Uploads.Sha256("audited"), ThreeRecords)).StoredSubmission();

        var entry = await db.AuditLog.AsNoTracking().SingleAsync();
        entry.Action.Should().Be("submission.created");
        entry.EntityType.Should().Be("submission");
        entry.EntityId.Should().Be(stored.Id.ToString());
        entry.UserId.Should().Be(actor.UserId);
        entry.CityId.Should().Be("audit-city");
        entry.ByProxy.Should().BeFalse();
        (await database.ScalarAsync<long>("SELECT (details->>'recordCount')::bigint FROM audit_log")).Should().Be(3);
        // The final submission row and the audit entry were written by the same statement batch of the upload's
        // transaction (EF runs it under a savepoint, so the COPY rows before it carry the outer transaction id).
        (await database.ScalarAsync<bool>("SELECT (SELECT xmin::text FROM submissions) = (SELECT xmin::text FROM audit_log)")).Should().BeTrue();
    }
}
