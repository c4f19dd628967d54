using GhgReporting.Data.Entities;
using Npgsql;

namespace GhgReporting.Data.Tests.Credits;

/// <summary>
/// The rules the database enforces itself (MigrationSql.ProjectGuards), tried with plain SQL as a manual script
/// or a bug would: each is refused with SQLSTATE 23000 (integrity_constraint_violation) and changes nothing.
/// </summary>
public sealed class CreditGuardTests
{
    private const string IntegrityViolation = "23000";

    private static async Task<(CreditDatabase Database, Guid AccountId)> RetiredAndIssuedAsync()
    {
        var database = await CreditDatabase.CreateAsync(nameof(CreditGuardTests));
        await database.AddVerifiedPeriodAsync(1, 2024, 5m);
        var account = await database.ProjectAccountAsync();
        await using var db = database.NewContext();
        var (_, problem) = await database.Registry(db).RetireAsync(account.Id, database.Project.Id, null, 2, null, "Kitakyushu City", "Eco-life stage 2025",
            CreditDatabase.HostReporter, CancellationToken.None);
        problem.Should().BeNull();
        return (database, account.Id);
    }

    private static async Task ShouldBeRefusedAsync(Func<Task> act, string because)
    {
        var refused = (await act.Should().ThrowAsync<PostgresException>(because)).Which;
        refused.SqlState.Should().Be(IntegrityViolation, because);
    }

    [Theory]
    [InlineData("UPDATE credits SET state = 'issued', retirement_id = NULL WHERE serial = 1", "un-retiring")]
    [InlineData("UPDATE credits SET account_id = (SELECT id FROM credit_accounts LIMIT 1) WHERE serial = 1", "moving")]
    [InlineData("UPDATE credits SET state = 'cancelled', retirement_id = NULL WHERE serial = 1", "cancelling")]
    public async Task Update_RetiredCredit_Refused(string sql, string what)
    {
        var (database, _) = await RetiredAndIssuedAsync();
        await using var _d = database;
        await ShouldBeRefusedAsync(() => database.ExecuteAsync(sql), $"{what} a retired credit");
        (await database.ScalarAsync<string>("SELECT state FROM credits WHERE serial = 1")).Should().Be(CreditStates.Retired);
    }

    [Theory]
    [InlineData(1L, "a retired credit")]
    [InlineData(5L, "an issued credit")]
    public async Task Delete_AnyCredit_Refused(long serial, string what)
    {
        var (database, _) = await RetiredAndIssuedAsync();
        await using var _d = database;
        await ShouldBeRefusedAsync(() => database.ExecuteAsync("DELETE FROM credits WHERE serial = $1", serial), $"deleting {what}");
        (await database.ScalarAsync<long>("SELECT count(*) FROM credits")).Should().Be(5);
    }

    [Fact]
    public async Task Update_IssuedCreditsSerialOrVintage_Refused()
    {
        var (database, _) = await RetiredAndIssuedAsync();
        await using var _d = database;
        await ShouldBeRefusedAsync(() => database.ExecuteAsync("UPDATE credits SET vintage = 2020 WHERE serial = 5"), "changing a vintage");
        await ShouldBeRefusedAsync(() => database.ExecuteAsync("UPDATE credits SET serial = 50 WHERE serial = 5"), "renumbering");
    }

    [Fact]
    public async Task Insert_CreditsOfAnUnverifiedPeriod_Refused()
    {
        var (database, accountId) = await RetiredAndIssuedAsync();
        await using var _d = database;
        var submitted = await database.AddPeriodAsync(2, 2025, PeriodStates.Submitted, 100m);
        await ShouldBeRefusedAsync(() => database.ExecuteAsync(
            "INSERT INTO credits (project_id, serial, vintage, period_id, period_number, account_id, state, issuance_id) VALUES ($1, 100, 2025, $2, 2, $3, 'issued', $4)",
            database.Project.Id, submitted.Id, accountId, Guid.NewGuid()), "issuing from a submitted period");
        (await database.ScalarAsync<long>("SELECT count(*) FROM credits")).Should().Be(5);
    }

    [Theory]
    [InlineData("UPDATE credit_transactions SET quantity = 1")]
    [InlineData("DELETE FROM credit_transactions")]
    [InlineData("UPDATE retirements SET beneficiary = 'someone else'")]
    [InlineData("DELETE FROM retirements")]
    public async Task Change_RegistryRecords_Refused(string sql)
    {
        var (database, _) = await RetiredAndIssuedAsync();
        await using var _d = database;
        await ShouldBeRefusedAsync(() => database.ExecuteAsync(sql), sql);
        (await database.ScalarAsync<string>("SELECT beneficiary FROM retirements")).Should().Be("Kitakyushu City");
    }
}
