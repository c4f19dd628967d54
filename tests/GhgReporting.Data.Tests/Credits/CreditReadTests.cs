using GhgReporting.Data.Credits;
using GhgReporting.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace GhgReporting.Data.Tests.Credits;

/// <summary>Balances, the transaction list with serial numbers, the public serial and retirement lookups, and
/// contributions of unverified reductions.</summary>
public sealed class CreditReadTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>Period 1 (2024): 100.4 t → serials 1…100; period 2 (2025): 50.99 t → serials 101…150. Then
    /// 120 credits (1…120, across both periods) go to Yokohama, which retires 30 of them (1…30), and the
    /// secretariat cancels 5 (146…150) in the project's account.</summary>
    private static async Task<(CreditDatabase Database, CreditAccount Project, Guid Buyer, Retirement Retirement)> MovedAsync()
    {
        var database = await CreditDatabase.CreateAsync(nameof(CreditReadTests));
        await database.AddVerifiedPeriodAsync(1, 2024, 100.4m);
        await database.AddVerifiedPeriodAsync(2, 2025, 50.99m);
        var account = await database.ProjectAccountAsync();
        await using var db = database.NewContext();
        var registry = database.Registry(db);
        var (transfer, p1) = await registry.TransferAsync(account.Id, CreditDatabase.Buyer, database.Project.Id, null, 120, null, CreditDatabase.HostReporter, None);
        p1.Should().BeNull();
        var (retirement, p2) = await registry.RetireAsync(transfer!.ToAccountId!.Value, database.Project.Id, 2024, 30, null, "Yokohama City", "Yokohama Smart City week 2025",
            CreditDatabase.BuyerReporter, None);
        p2.Should().BeNull();
        (await registry.CancelAsync(account.Id, database.Project.Id, 5, new SerialRange(146, 150), "over-issued", CreditDatabase.Secretariat, None)).Problem.Should().BeNull();
        return (database, account, transfer.ToAccountId.Value, retirement!);
    }

    [Fact]
    public async Task BalancesAsync_AfterMovements_CountsAvailableRetiredAndCancelledPerVintage()
    {
        var (database, project, buyer, _) = await MovedAsync();
        await using var _d = database;
        await using var db = database.NewContext();
        var registry = database.Registry(db);

        var own = (await registry.BalancesAsync(project.Id, None))!;
        own.Total.Should().Be(new CreditBalance(null, null, null, 25, 0, 5));
        own.ByVintage.Should().Equal(new CreditBalance(null, null, 2025, 25, 0, 5));
        own.ByProject.Should().Equal(new CreditBalance(database.Project.Id, "SUB-PV-01", null, 25, 0, 5));

        var bought = (await registry.BalancesAsync(buyer, None))!;
        bought.Kind.Should().Be("city");
        bought.CityId.Should().Be(CreditDatabase.Buyer);
        bought.Total.Should().Be(new CreditBalance(null, null, null, 90, 30, 0));
        bought.ByProjectAndVintage.Should().Equal(
            new CreditBalance(database.Project.Id, "SUB-PV-01", 2024, 70, 30, 0),
            new CreditBalance(database.Project.Id, "SUB-PV-01", 2025, 20, 0, 0));

        // Across accounts: every credit issued is available, retired or cancelled.
        var totals = await registry.ProjectBalancesAsync(database.Project.Id, None);
        totals.Should().Equal(
            new CreditBalance(database.Project.Id, "SUB-PV-01", 2024, 70, 30, 0),
            new CreditBalance(database.Project.Id, "SUB-PV-01", 2025, 45, 0, 5));
        totals.Sum(t => t.Available + t.Retired + t.Cancelled).Should().Be(150);
        (await registry.BalancesAsync(Guid.NewGuid(), None)).Should().BeNull();
        (await registry.CityAccountsAsync(CreditDatabase.Host, None)).Select(a => a.AccountId).Should().Equal(project.Id);
    }

    [Fact]
    public async Task TransactionsAsync_TransferAcrossTwoPeriods_ShowsOneSerialRangePerPeriod()
    {
        var (database, _, _, _) = await MovedAsync();
        await using var _d = database;
        await using var db = database.NewContext();

        var all = await database.Registry(db).TransactionsAsync(database.Project.Id, null, None);

        all.Select(t => t.Kind).Should().Equal("issue", "issue", "transfer", "retire", "cancel");
        all[2].Serials.Should().Equal(
            new SerialRangeView("SUB-PV-01-2024-P01-000001", "SUB-PV-01-2024-P01-000100", 100),
            new SerialRangeView("SUB-PV-01-2025-P02-000101", "SUB-PV-01-2025-P02-000120", 20));
        all[3].Serials.Should().Equal(new SerialRangeView("SUB-PV-01-2024-P01-000001", "SUB-PV-01-2024-P01-000030", 30));
        all[4].Serials.Should().Equal(new SerialRangeView("SUB-PV-01-2025-P02-000146", "SUB-PV-01-2025-P02-000150", 5));
        all.Sum(t => t.Serials.Sum(s => s.Count)).Should().Be(all.Sum(t => t.Quantity));
    }

    [Fact]
    public async Task LookupAsync_RetiredAndHeldSerials_ShowBeneficiaryOrHolder()
    {
        var (database, _, _, retirement) = await MovedAsync();
        await using var _d = database;
        await using var db = database.NewContext();
        var registry = database.Registry(db);

        var retired = (await registry.LookupAsync("SUB-PV-01-2024-P01-000030", None))!;
        retired.State.Should().Be(CreditStates.Retired);
        retired.HolderCityId.Should().Be(CreditDatabase.Buyer);
        retired.Retirement!.Beneficiary.Should().Be("Yokohama City");
        retired.Retirement.Purpose.Should().Be("Yokohama Smart City week 2025");
        retired.Retirement.VerificationCode.Should().Be(retirement.VerificationCode);
        retired.Retirement.Quantity.Should().Be(30);

        var held = (await registry.LookupAsync("sub-pv-01-2025-p02-000121", None))!;
        held.SerialNumber.Should().Be("SUB-PV-01-2025-P02-000121");
        (held.State, held.HolderCityId, held.HolderAccountKind, held.PeriodNumber, held.Retirement).Should().Be((CreditStates.Issued, CreditDatabase.Host, "project", 2, (RetirementView?)null));

        // A real serial under the wrong vintage or period, an unknown serial, a malformed text: not found.
        (await registry.LookupAsync("SUB-PV-01-2025-P01-000030", None)).Should().BeNull();
        (await registry.LookupAsync("SUB-PV-01-2024-P02-000030", None)).Should().BeNull();
        (await registry.LookupAsync("SUB-PV-01-2025-P02-000151", None)).Should().BeNull();
        (await registry.LookupAsync("SUB-PV-01-000030", None)).Should().BeNull();
    }

    [Fact]
    public async Task RetirementAsync_CodeAsPrintedWithHyphens_FindsTheRetirement()
    {
        var (database, _, _, retirement) = await MovedAsync();
        await using var _d = database;
        await using var db = database.NewContext();
        var printed = $"{retirement.VerificationCode[..4]}-{retirement.VerificationCode[4..8]}-{retirement.VerificationCode[8..]}".ToLowerInvariant();

        var found = (await database.Registry(db).RetirementAsync(printed, None))!;

        found.VerificationCode.Should().Be(retirement.VerificationCode);
        found.RetiredByCityId.Should().Be(CreditDatabase.Buyer);
        found.Serials.Should().ContainSingle().Which.First.Should().Be("SUB-PV-01-2024-P01-000001");
        (await database.Registry(db).RetirementAsync("AAAAAAAAAAAA", None)).Should().BeNull();
    }

    [Fact]
    public async Task DeclareContributionAsync_SubmittedReductions_DeclaredOnceAndNeverRetired()
    {
        await using var database = await CreditDatabase.CreateAsync(nameof(CreditReadTests));
        var submitted = await database.AddPeriodAsync(1, 2024, PeriodStates.Submitted, 812.5m);
        await using var db = database.NewContext();
        var registry = database.Registry(db);

        var (byVerifier, refused) = await registry.DeclareContributionAsync(submitted.Id, "Eco-school lessons", CreditDatabase.PartnerVerifier, None);
        byVerifier.Should().BeNull();
        refused!.Status.Should().Be(403);
        var (contribution, problem) = await registry.DeclareContributionAsync(submitted.Id, "Eco-school lessons on rooftop PV", CreditDatabase.HostReporter, None);
        problem.Should().BeNull();
        contribution!.Reductions.Should().Be(812.5m, "the unrounded, unverified figure");
        (await registry.DeclareContributionAsync(submitted.Id, "again", CreditDatabase.Secretariat, None)).Problem!.Status.Should().Be(409);

        var viaContribution = await registry.RetireContributionAsync(contribution.Id, None);
        (viaContribution.Status, viaContribution.Detail).Should().Be((409, $"Contribution {contribution.Id}: {CreditRegistry.UnverifiedIsNotAnOffset}."));
        var viaPeriod = await registry.RetirePeriodAsync(submitted.Id, None);
        viaPeriod.Status.Should().Be(409);
        viaPeriod.Detail.Should().Contain(CreditRegistry.UnverifiedIsNotAnOffset);
        (await registry.RetireContributionAsync(Guid.NewGuid(), None)).Status.Should().Be(404);
        (await db.Credits.CountAsync()).Should().Be(0);
        (await db.AuditLog.CountAsync(a => a.Action == "contribution.declared")).Should().Be(1);
    }

    [Theory]
    [InlineData(PeriodStates.Draft, 0)]
    [InlineData(PeriodStates.Verified, 10)]
    [InlineData(PeriodStates.Rejected, 0)]
    [InlineData(PeriodStates.Submitted, -12.3)]
    public async Task DeclareContributionAsync_DraftVerifiedOrNoReductions_Refused409(string state, double reductions)
    {
        await using var database = await CreditDatabase.CreateAsync(nameof(CreditReadTests));
        var period = state == PeriodStates.Verified ? await database.AddVerifiedPeriodAsync(1, 2024, (decimal)reductions)
            : await database.AddPeriodAsync(1, 2024, state, (decimal)reductions);
        await using var db = database.NewContext();
        var (_, problem) = await database.Registry(db).DeclareContributionAsync(period.Id, "education", CreditDatabase.HostReporter, None);
        problem!.Status.Should().Be(409, $"a {state} period with {reductions} t");
    }
}
