using System.Text.Json;
using GhgReporting.Data.Credits;
using GhgReporting.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace GhgReporting.Data.Tests.Credits;

/// <summary>Transfers, retirements and cancellations by the registry against a real database: what moves, what
/// is recorded, and every refusal with nothing changed.</summary>
public sealed class CreditMovementTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>A project with one verified period of 10.9 t: 10 credits (serials 1…10) in the project's account.</summary>
    private static async Task<(CreditDatabase Database, CreditAccount Account)> TenCreditsAsync()
    {
        var database = await CreditDatabase.CreateAsync(nameof(CreditMovementTests));
        await database.AddVerifiedPeriodAsync(1, 2024, 10.9m);
        return (database, await database.ProjectAccountAsync());
    }

    [Fact]
    public async Task TransferAsync_Quantity_MovesTheLowestSerialsAndRecordsRangesAndAudit()
    {
        var (database, account) = await TenCreditsAsync();
        await using var _ = database;
        await using var db = database.NewContext();

        var (moved, problem) = await database.Registry(db).TransferAsync(account.Id, CreditDatabase.Buyer, database.Project.Id, 2024, 3, null, CreditDatabase.HostReporter, None);

        problem.Should().BeNull();
        moved!.Kind.Should().Be("transfer");
        moved.Quantity.Should().Be(3);
        JsonSerializer.Deserialize<List<SerialRange>>(moved.Ranges, new JsonSerializerOptions(JsonSerializerDefaults.Web)).Should().Equal(new SerialRange(1, 3));
        var buyer = await db.CreditAccounts.SingleAsync(a => a.Kind == "city" && a.CityId == CreditDatabase.Buyer);
        moved.ToAccountId.Should().Be(buyer.Id);
        (await db.Credits.Where(c => c.AccountId == buyer.Id).Select(c => c.Serial).OrderBy(s => s).ToListAsync()).Should().Equal(1, 2, 3);
        (await db.Credits.Where(c => c.AccountId == buyer.Id).AllAsync(c => c.State == CreditStates.Issued)).Should().BeTrue();
        var audit = await db.AuditLog.SingleAsync(a => a.Action == "credits.transferred");
        audit.EntityId.Should().Be(moved.Id.ToString());
        audit.CityId.Should().Be(CreditDatabase.Host);
        audit.UserId.Should().Be(CreditDatabase.HostReporter.UserId);
    }

    [Fact]
    public async Task TransferAsync_MoreThanAvailable_Refused409WithTheAvailableCountAndNothingMoves()
    {
        var (database, account) = await TenCreditsAsync();
        await using var _ = database;
        await using var db = database.NewContext();

        var (moved, problem) = await database.Registry(db).TransferAsync(account.Id, CreditDatabase.Buyer, database.Project.Id, null, 11, null, CreditDatabase.HostReporter, None);

        moved.Should().BeNull();
        problem!.Status.Should().Be(409);
        problem.Detail.Should().Contain("only 10 are available");
        (await db.Credits.CountAsync(c => c.AccountId == account.Id && c.State == CreditStates.Issued)).Should().Be(10);
        (await db.CreditTransactions.CountAsync(t => t.Kind == "transfer")).Should().Be(0);
        (await db.AuditLog.CountAsync(a => a.Action == "credits.transferred")).Should().Be(0);
    }

    [Fact]
    public async Task TransferAsync_OtherVintage_Refused409NoneAvailable()
    {
        var (database, account) = await TenCreditsAsync();
        await using var _ = database;
        await using var db = database.NewContext();
        var (_, problem) = await database.Registry(db).TransferAsync(account.Id, CreditDatabase.Buyer, database.Project.Id, 2023, 1, null, CreditDatabase.Secretariat, None);
        problem!.Status.Should().Be(409);
        problem.Detail.Should().Contain("vintage 2023").And.Contain("only 0 are available");
    }

    [Theory]
    [InlineData("reporter of another city", "user-reporter-yokohama", "reporter", "yokohama")]
    [InlineData("verifier of the owning city", "user-verifier-surabaya", "verifier", "surabaya")]
    [InlineData("verifier of the partner city", "user-verifier-kitakyushu", "verifier", "kitakyushu")]
    public async Task TransferAsync_NotTheOwningReporter_Refused403(string who, string userId, string role, string cityId)
    {
        var (database, account) = await TenCreditsAsync();
        await using var _ = database;
        await using var db = database.NewContext();
        var (_, problem) = await database.Registry(db).TransferAsync(account.Id, CreditDatabase.Buyer, database.Project.Id, null, 1, null,
            new Audit.Actor(userId, who, role, cityId), None);
        problem!.Status.Should().Be(403, who);
        (await db.Credits.CountAsync(c => c.AccountId == account.Id && c.State == CreditStates.Issued)).Should().Be(10);
    }

    [Fact]
    public async Task TransferAsync_ToTheSameCityAccount_Refused400()
    {
        var (database, account) = await TenCreditsAsync();
        await using var _ = database;
        await using var db = database.NewContext();
        var registry = database.Registry(db);
        (await registry.TransferAsync(account.Id, CreditDatabase.Buyer, database.Project.Id, null, 2, null, CreditDatabase.HostReporter, None)).Problem.Should().BeNull();
        var buyer = await db.CreditAccounts.SingleAsync(a => a.Kind == "city" && a.CityId == CreditDatabase.Buyer);
        var (_, problem) = await registry.TransferAsync(buyer.Id, CreditDatabase.Buyer, database.Project.Id, null, 1, null, CreditDatabase.BuyerReporter, None);
        problem!.Status.Should().Be(400);
    }

    [Fact]
    public async Task RetireAsync_SerialRange_RetiresThoseCreditsOnceWithAVerificationCode()
    {
        var (database, account) = await TenCreditsAsync();
        await using var _ = database;
        await using var db = database.NewContext();

        var (retirement, problem) = await database.Registry(db).RetireAsync(account.Id, database.Project.Id, null, 3, new SerialRange(4, 6),
            " Surabaya City Government ", "Offset of Surabaya Environment Week 2025", CreditDatabase.HostReporter, None);

        problem.Should().BeNull();
        retirement!.VerificationCode.Should().MatchRegex("^[A-Z2-7]{12}$");
        retirement.Beneficiary.Should().Be("Surabaya City Government");
        var retired = await db.Credits.Where(c => c.State == CreditStates.Retired).OrderBy(c => c.Serial).ToListAsync();
        retired.Select(c => c.Serial).Should().Equal(4, 5, 6);
        retired.Should().AllSatisfy(c => c.RetirementId.Should().Be(retirement.Id));
        var record = await db.CreditTransactions.SingleAsync(t => t.Kind == "retire");
        record.RetirementId.Should().Be(retirement.Id);
        record.Quantity.Should().Be(3);
        (await db.AuditLog.CountAsync(a => a.Action == "credits.retired" && a.EntityId == record.Id.ToString())).Should().Be(1);
    }

    [Fact]
    public async Task RetireAsync_SameSerialsTwice_SecondRefused409NamingThemRetired()
    {
        var (database, account) = await TenCreditsAsync();
        await using var _ = database;
        await using var db = database.NewContext();
        var registry = database.Registry(db);
        (await registry.RetireAsync(account.Id, database.Project.Id, null, 2, new SerialRange(1, 2), "A", "first", CreditDatabase.HostReporter, None)).Problem.Should().BeNull();

        var (second, problem) = await registry.RetireAsync(account.Id, database.Project.Id, null, 2, new SerialRange(1, 2), "B", "second", CreditDatabase.Secretariat, None);

        second.Should().BeNull();
        problem!.Status.Should().Be(409);
        problem.Detail.Should().Contain("2 retired");
        (await db.Retirements.CountAsync()).Should().Be(1, "the refused retirement's row is rolled back with it");
        (await db.Credits.CountAsync(c => c.State == CreditStates.Retired)).Should().Be(2);
    }

    [Theory]
    [InlineData("", "Environment week")]
    [InlineData("Surabaya", " ")]
    public async Task RetireAsync_NoBeneficiaryOrPurpose_Refused400(string beneficiary, string purpose)
    {
        var (database, account) = await TenCreditsAsync();
        await using var _ = database;
        await using var db = database.NewContext();
        var (_, problem) = await database.Registry(db).RetireAsync(account.Id, database.Project.Id, null, 1, null, beneficiary, purpose, CreditDatabase.HostReporter, None);
        problem!.Status.Should().Be(400);
        (await db.Credits.CountAsync(c => c.State == CreditStates.Retired)).Should().Be(0);
    }

    [Fact]
    public async Task TransferAsync_RetiredSerials_Refused409AndTheyStay()
    {
        var (database, account) = await TenCreditsAsync();
        await using var _ = database;
        await using var db = database.NewContext();
        var registry = database.Registry(db);
        (await registry.RetireAsync(account.Id, database.Project.Id, null, 5, null, "A", "offset", CreditDatabase.HostReporter, None)).Problem.Should().BeNull();

        var (_, problem) = await registry.TransferAsync(account.Id, CreditDatabase.Buyer, database.Project.Id, null, 2, new SerialRange(4, 5), CreditDatabase.HostReporter, None);

        problem!.Status.Should().Be(409);
        problem.Detail.Should().Contain("only 0 are available").And.Contain("2 retired");
        (await db.Credits.Where(c => c.Serial == 4 || c.Serial == 5).AllAsync(c => c.AccountId == account.Id && c.State == CreditStates.Retired)).Should().BeTrue();
    }

    [Fact]
    public async Task CancelAsync_Reporter_Refused403()
    {
        var (database, account) = await TenCreditsAsync();
        await using var _ = database;
        await using var db = database.NewContext();
        var (_, problem) = await database.Registry(db).CancelAsync(account.Id, database.Project.Id, 1, null, "double counted", CreditDatabase.HostReporter, None);
        problem!.Status.Should().Be(403);
    }

    [Fact]
    public async Task CancelAsync_Secretariat_CreditsStayAsCancelledAndNeverMoveAgain()
    {
        var (database, account) = await TenCreditsAsync();
        await using var _ = database;
        await using var db = database.NewContext();
        var registry = database.Registry(db);

        var (cancelled, problem) = await registry.CancelAsync(account.Id, database.Project.Id, 2, new SerialRange(9, 10), "Meter found faulty after issuance", CreditDatabase.Secretariat, None);

        problem.Should().BeNull();
        cancelled!.Note.Should().Be("Meter found faulty after issuance");
        (await db.Credits.CountAsync()).Should().Be(10, "cancelled credits are kept");
        (await db.Credits.Where(c => c.Serial >= 9).AllAsync(c => c.State == CreditStates.Cancelled)).Should().BeTrue();
        var (_, again) = await registry.RetireAsync(account.Id, database.Project.Id, null, 1, new SerialRange(10, 10), "A", "offset", CreditDatabase.HostReporter, None);
        again!.Status.Should().Be(409);
        again.Detail.Should().Contain("1 cancelled");
    }
}
