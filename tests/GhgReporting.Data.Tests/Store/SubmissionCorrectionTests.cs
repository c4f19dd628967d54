using GhgReporting.Data.Submissions;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GhgReporting.Data.Tests.Store;

/// <summary>Corrections as new versions of a series, and the database refusing to change stored submissions.</summary>
public sealed class SubmissionCorrectionTests
{
    [Fact]
    public async Task CompleteAsync_Correction_StoresVersion2InTheSameSeriesAndSupersedesVersion1()
    {
        await using var database = await StoreDatabase.CreateAsync(nameof(SubmissionCorrectionTests));
        var actor = await database.AddCityAndReporterAsync("fix-city");
        await using var db = database.NewContext();
        var v1 = (await Uploads.StoreAsync(db, Uploads.Request("fix-city"), actor, Uploads.Sha256("v1"), [Uploads.Electricity(100m)])).StoredSubmission();

        var v2 = (await Uploads.StoreAsync(db, Uploads.Request("fix-city", supersedes: v1.Id), actor, Uploads.Sha256("v2"), [Uploads.Electricity(110m)]))
            .StoredSubmission();

        v2.Version.Should().Be(2);
        v2.SeriesId.Should().Be(v1.SeriesId);
        v2.SupersedesId.Should().Be(v1.Id);
        var rows = await db.Submissions.AsNoTracking().OrderBy(s => s.Version).ToListAsync();
        rows.Should().HaveCount(2);
        rows[0].SupersededById.Should().Be(v2.Id);
        rows[0].ContentSha256.Should().Be(Uploads.Sha256("v1"), "the corrected version stays readable as it was");
        rows[1].SupersededById.Should().BeNull();
        (await db.AuditLog.AsNoTracking().OrderBy(a => a.Id).Select(a => a.Action).ToListAsync())
            .Should().Equal("submission.created", "submission.corrected");
    }

    [Fact]
    public async Task CompleteAsync_CorrectionWithTheSameContentAsVersion1_IsDuplicateOfVersion1()
    {
        await using var database = await StoreDatabase.CreateAsync(nameof(SubmissionCorrectionTests));
        var actor = await database.AddCityAndReporterAsync("same-fix");
        await using var db = database.NewContext();
        var sha = Uploads.Sha256("unchanged");
        var v1 = (await Uploads.StoreAsync(db, Uploads.Request("same-fix"), actor, sha, [Uploads.Electricity(100m)])).StoredSubmission();

        var again = await Uploads.StoreAsync(db, Uploads.Request("same-fix", supersedes: v1.Id), actor, sha, [Uploads.Electricity(100m)]);

        again.Should().BeOfType<SubmissionOutcome.Duplicate>().Which.Existing.Id.Should().Be(v1.Id);
        (await database.ScalarAsync<long>("SELECT count(*) FROM submissions")).Should().Be(1);
        (await database.ScalarAsync<long>("SELECT count(*) FROM submissions WHERE superseded_by_id IS NOT NULL")).Should().Be(0);
    }

    [Fact]
    public async Task BeginAsync_CorrectionForAnotherYear_IsRefused400()
    {
        await using var database = await StoreDatabase.CreateAsync(nameof(SubmissionCorrectionTests));
        var actor = await database.AddCityAndReporterAsync("year-fix");
        await using var db = database.NewContext();
        var v1 = (await Uploads.StoreAsync(db, Uploads.Request("year-fix", 2022), actor, Uploads.Sha256("v1"), [Uploads.Electricity(1m)])).StoredSubmission();

        var outcome = await Uploads.StoreAsync(db, Uploads.Request("year-fix", 2023, v1.Id), actor, Uploads.Sha256("v2"), [Uploads.Electricity(1m, 2023)]);

        outcome.Should().BeOfType<SubmissionOutcome.Refused>().Which.Status.Should().Be(400);
        (await database.ScalarAsync<long>("SELECT count(*) FROM submissions")).Should().Be(1);
    }

    [Fact]
    public async Task BeginAsync_CorrectionOfAnotherCitysSubmission_IsRefused404()
    {
        await using var database = await StoreDatabase.CreateAsync(nameof(SubmissionCorrectionTests));
        var owner = await database.AddCityAndReporterAsync("owner-city");
        var other = await database.AddCityAndReporterAsync("other-city");
        await using var db = database.NewContext();
        var v1 = (await Uploads.StoreAsync(db, Uploads.Request("owner-city"), owner, Uploads.Sha256("v1"), [Uploads.Electricity(1m)])).StoredSubmission();

        var outcome = await Uploads.StoreAsync(db, Uploads.Request("other-city", supersedes: v1.Id), other, Uploads.Sha256("v2"), [Uploads.Electricity(2m)]);

        outcome.Should().BeOfType<SubmissionOutcome.Refused>().Which.Status.Should().Be(404);
    }

    [Fact]
    public async Task BeginAsync_CorrectionOfAnAlreadyCorrectedVersion_IsRefused409()
    {
        await using var database = await StoreDatabase.CreateAsync(nameof(SubmissionCorrectionTests));
        var actor = await database.AddCityAndReporterAsync("twice-fix");
        await using var db = database.NewContext();
        var v1 = (await Uploads.StoreAsync(db, Uploads.Request("twice-fix"), actor, Uploads.Sha256("v1"), [Uploads.Electricity(1m)])).StoredSubmission();
        (await Uploads.StoreAsync(db, Uploads.Request("twice-fix", supersedes: v1.Id), actor, Uploads.Sha256("v2"), [Uploads.Electricity(2m)])).StoredSubmission();

        var outcome = await Uploads.StoreAsync(db, Uploads.Request("twice-fix", supersedes: v1.Id), actor, Uploads.Sha256("v2b"), [Uploads.Electricity(3m)]);

        outcome.Should().BeOfType<SubmissionOutcome.Refused>().Which.Status.Should().Be(409);
    }

    /// <summary>
    /// Upload A corrects v1 and is still streaming when upload B, another correction of v1 with other
    /// content, begins; then A completes. B must end as Refused 409 (from BeginAsync or CompleteAsync),
    /// not as an exception, and nothing of B may be stored.
    /// </summary>
    [Fact]
    public async Task CompleteAsync_TwoConcurrentCorrectionsOfTheSameVersion_OneStoredOtherRefused409()
    {
        await using var database = await StoreDatabase.CreateAsync(nameof(SubmissionCorrectionTests));
        var actor = await database.AddCityAndReporterAsync("race-fix");
        Guid v1Id;
        await using (var db = database.NewContext())
            v1Id = (await Uploads.StoreAsync(db, Uploads.Request("race-fix"), actor, Uploads.Sha256("v1"), [Uploads.Electricity(1m)])).StoredSubmission().Id;
        await using var dbA = database.NewContext();
        await using var dbB = database.NewContext();

        var (uploadA, refusedA) = await new SubmissionStore(dbA, TimeProvider.System).BeginAsync(Uploads.Request("race-fix", supersedes: v1Id), actor, CancellationToken.None);
        refusedA.Should().BeNull();
        SubmissionOutcome outcomeA;
        Task<SubmissionOutcome> flowB;
        await using (uploadA)
        {
            await uploadA!.WriteAsync(2, Uploads.Electricity(2m), CancellationToken.None);
            flowB = Task.Run(() => Uploads.StoreAsync(dbB, Uploads.Request("race-fix", supersedes: v1Id), actor, Uploads.Sha256("B"), [Uploads.Electricity(3m)]));
            await WaitUntilBlockedOrDoneAsync(database, flowB);
            outcomeA = await uploadA.CompleteAsync(Uploads.Sha256("A"), CancellationToken.None);
        }
        var outcomeB = await flowB.WaitAsync(TimeSpan.FromSeconds(60));

        var stored = outcomeA.StoredSubmission();
        outcomeB.Should().BeOfType<SubmissionOutcome.Refused>().Which.Status.Should().Be(409);
        (await database.ScalarAsync<Guid>("SELECT superseded_by_id FROM submissions WHERE id = $1", v1Id)).Should().Be(stored.Id);
        (await database.ScalarAsync<long>("SELECT count(*) FROM submissions")).Should().Be(2);
        (await database.ScalarAsync<long>("SELECT count(*) FROM activity_records")).Should().Be(2);
    }

    [Fact]
    public async Task Database_UpdateOfAStoredSubmission_IsRefusedWith23000AndChangesNothing()
    {
        await using var database = await StoreDatabase.CreateAsync(nameof(SubmissionCorrectionTests));
        var actor = await database.AddCityAndReporterAsync("frozen-sub");
        await using (var db = database.NewContext())
            (await Uploads.StoreAsync(db, Uploads.Request("frozen-sub"), actor, Uploads.Sha256("v1"), [Uploads.Electricity(1m)])).StoredSubmission();

        await AssertRefusedAsync(database, "UPDATE submissions SET year = 1999");
        await AssertRefusedAsync(database, "UPDATE submissions SET content_sha256 = repeat('0', 64)");
        await AssertRefusedAsync(database, "UPDATE submissions SET record_count = 0");
        await AssertRefusedAsync(database, "DELETE FROM submissions");

        (await database.ScalarAsync<string>("SELECT year || ' ' || record_count || ' ' || content_sha256 FROM submissions"))
            .Should().Be($"2022 1 {Uploads.Sha256("v1")}");
    }

    [Fact]
    public async Task Database_UpdateOrDeleteOfActivityRecords_IsRefusedWith23000AndChangesNothing()
    {
        await using var database = await StoreDatabase.CreateAsync(nameof(SubmissionCorrectionTests));
        var actor = await database.AddCityAndReporterAsync("frozen-rec");
        await using (var db = database.NewContext())
            (await Uploads.StoreAsync(db, Uploads.Request("frozen-rec"), actor, Uploads.Sha256("v1"), [Uploads.Electricity(1m), Uploads.Electricity(2m)]))
                .StoredSubmission();

        await AssertRefusedAsync(database, "DELETE FROM activity_records");
        await AssertRefusedAsync(database, "UPDATE activity_records SET amount = 0");

        (await database.ScalarAsync<string>("SELECT string_agg(amount::text, ' ' ORDER BY row_number) FROM activity_records")).Should().Be("1 2");
    }

    /// <summary>activity_records has no per-row foreign key (COPY speed); a statement trigger checks the
    /// submission instead, for INSERT and for COPY alike.</summary>
    [Fact]
    public async Task Database_RecordsOfAMissingSubmission_AreRefusedWith23000ByInsertAndByCopy()
    {
        await using var database = await StoreDatabase.CreateAsync(nameof(SubmissionCorrectionTests));
        var missing = Guid.CreateVersion7();

        await AssertRefusedAsync(database, $"""
            INSERT INTO activity_records (submission_id, row_number, gpc_reference, activity_type, amount, unit, period_start, period_end, data_quality)
            VALUES ('{missing}', 2, 'I.1.2', 'electricity:grid', 1, 'MWh', '2022-01-01', '2022-12-31', 'high')
            """);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        var copy = async () =>
        {
            await using var importer = await connection.BeginBinaryImportAsync(
                "COPY activity_records (submission_id, row_number, gpc_reference, activity_type, amount, unit, period_start, period_end, data_quality) FROM STDIN (FORMAT BINARY)");
            await importer.WriteRowAsync(CancellationToken.None, missing, 2, "I.1.2", "electricity:grid", 1m, "MWh",
                new DateOnly(2022, 1, 1), new DateOnly(2022, 12, 31), "high");
            await importer.CompleteAsync();
        };

        (await copy.Should().ThrowAsync<PostgresException>()).Which.SqlState.Should().Be(PostgresErrorCodes.IntegrityConstraintViolation);
        (await database.ScalarAsync<long>("SELECT count(*) FROM activity_records")).Should().Be(0);
    }

    [Fact]
    public async Task Database_UpdateOrDeleteOfTheAuditLog_IsRefusedWith23000()
    {
        await using var database = await StoreDatabase.CreateAsync(nameof(SubmissionCorrectionTests));
        var actor = await database.AddCityAndReporterAsync("frozen-audit");
        await using (var db = database.NewContext())
            (await Uploads.StoreAsync(db, Uploads.Request("frozen-audit"), actor, Uploads.Sha256("v1"), [Uploads.Electricity(1m)])).StoredSubmission();

        await AssertRefusedAsync(database, "UPDATE audit_log SET action = 'nothing happened'");
        await AssertRefusedAsync(database, "DELETE FROM audit_log");

        (await database.ScalarAsync<string>("SELECT string_agg(action, ' ') FROM audit_log")).Should().Be("submission.created");
    }

    internal static async Task AssertRefusedAsync(StoreDatabase database, string sql)
    {
        var act = () => database.ExecuteAsync(sql);
        (await act.Should().ThrowAsync<PostgresException>(sql)).Which.SqlState.Should().Be(PostgresErrorCodes.IntegrityConstraintViolation, sql);
    }

    /// <summary>Waits until a backend of the test database waits for a lock (B blocked behind A), or B has
    /// finished, or 10 s passed: whichever the store does, B has begun while A is still open.</summary>
    private static async Task WaitUntilBlockedOrDoneAsync(StoreDatabase database, Task flow)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!flow.IsCompleted && DateTime.UtcNow < deadline)
        {
            var waiting = await database.ScalarAsync<long>(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");
            if (waiting > 0) return;
            await Task.Delay(20);
        }
    }
}
