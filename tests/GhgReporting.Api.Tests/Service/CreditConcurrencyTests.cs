using System.Net;
using System.Net.Http.Json;

namespace GhgReporting.Api.Tests.Service;

/// <summary>
/// "A credit is retired at most once, also under concurrent requests (the database enforces it)": many requests
/// at once over HTTP against one account, then the database itself is asked what happened. The service has no
/// in-process lock; the row locks of the single statement that moves credits decide.
/// </summary>
public sealed class CreditConcurrencyTests(CreditConcurrencyTests.Factory factory) : IClassFixture<CreditConcurrencyTests.Factory>
{
    public sealed class Factory : ServiceFactory;

    // (10 + 9) MWh × 0.533 t/MWh = 10.127 t → 10 credits, serials 1…10.
    private const decimal RoofA = 10m, RoofB = 9m;

    private static readonly long N = ProjectFlowScenario.Credits(RoofA, RoofB);

    private Task<long> CountAsync(string sql, Guid projectId) => PlatformAssertions.ScalarAsync<long>(factory.ConnectionString, sql, ("p", projectId));

    private static async Task<List<HttpStatusCode>> AllAtOnceAsync(int requests, Func<int, Task<HttpResponseMessage>> send)
    {
        using var start = new SemaphoreSlim(0);
        var tasks = Enumerable.Range(0, requests).Select(i => Task.Run(async () =>
        {
            await start.WaitAsync();
            using var response = await send(i);
            if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Created))
                await response.ShouldAnswerProblemAsync(HttpStatusCode.Conflict, $"request {i}");
            return response.StatusCode;
        })).ToList();
        start.Release(requests);
        return [.. await Task.WhenAll(tasks)];
    }

    /// <summary>The invariants of retirement, read from the database: every retired credit has one retirement,
    /// every retirement exactly as many credits as its quantity, and nothing retired without a retirement.</summary>
    private async Task ShouldBeConsistentAsync(Guid projectId, long retired)
    {
        (await CountAsync("SELECT count(*) FROM credits WHERE project_id = @p AND state = 'retired'", projectId)).Should().Be(retired);
        (await CountAsync("SELECT count(*) FROM credits WHERE project_id = @p AND (state = 'retired') <> (retirement_id IS NOT NULL)", projectId)).Should().Be(0);
        (await CountAsync("SELECT coalesce(sum(quantity), 0)::bigint FROM retirements WHERE project_id = @p", projectId)).Should().Be(retired);
        (await CountAsync("""
            SELECT count(*) FROM retirements r
             WHERE r.project_id = @p AND r.quantity <> (SELECT count(*) FROM credits c WHERE c.project_id = r.project_id AND c.retirement_id = r.id)
            """, projectId)).Should().Be(0);
        (await CountAsync("SELECT coalesce(sum(quantity), 0)::bigint FROM credit_transactions WHERE project_id = @p AND kind = 'retire'", projectId)).Should().Be(retired);
        (await CountAsync("SELECT count(DISTINCT verification_code) FROM retirements WHERE project_id = @p", projectId))
            .Should().Be(await CountAsync("SELECT count(*) FROM retirements WHERE project_id = @p", projectId));
        (await CountAsync("SELECT count(*) FROM credits WHERE project_id = @p", projectId)).Should().Be(N, "no credit is ever deleted or duplicated");
    }

    [Fact]
    public async Task Retire_FiftyConcurrentRequestsForOneCredit_ExactlyTheAvailableNumberSucceed()
    {
        using var s = await ProjectFlowScenario.CreateAsync(factory, "cc-one");
        var (projectId, _, accountId) = await s.VerifiedProjectAsync(RoofA, RoofB);
        N.Should().Be(10);

        var statuses = await AllAtOnceAsync(50, i => s.HostReporter.PostAsJsonAsync($"/api/accounts/{accountId}/retirements",
            new { projectId, quantity = 1, beneficiary = $"Beneficiary {i}", purpose = "Concurrent offset" }));

        statuses.Count(c => c == HttpStatusCode.Created).Should().Be((int)N);
        statuses.Count(c => c == HttpStatusCode.Conflict).Should().Be(50 - (int)N);
        await ShouldBeConsistentAsync(projectId, N);
        (await CountAsync("SELECT count(*) FROM retirements WHERE project_id = @p AND quantity = 1", projectId)).Should().Be(N);
    }

    [Fact]
    public async Task Retire_FiftyConcurrentRequestsForThreeCredits_NoCreditRetiredTwiceAndQuantitiesAddUp()
    {
        using var s = await ProjectFlowScenario.CreateAsync(factory, "cc-three");
        var (projectId, _, accountId) = await s.VerifiedProjectAsync(RoofA, RoofB);

        var statuses = await AllAtOnceAsync(50, i => s.HostReporter.PostAsJsonAsync($"/api/accounts/{accountId}/retirements",
            new { projectId, quantity = 3, beneficiary = $"Beneficiary {i}", purpose = "Concurrent offset" }));

        // With a quantity, credits held by a request in progress are skipped, not waited for; a request that finds
        // too few free is refused at once. So at most ⌊10 / 3⌋ = 3 succeed, and never a credit twice.
        var succeeded = statuses.Count(c => c == HttpStatusCode.Created);
        succeeded.Should().BeInRange(1, 3);
        statuses.Count(c => c == HttpStatusCode.Conflict).Should().Be(50 - succeeded);
        await ShouldBeConsistentAsync(projectId, 3L * succeeded);
    }

    [Fact]
    public async Task Retire_FiftyConcurrentRequestsForTheSameSerials_ExactlyOneSucceeds()
    {
        using var s = await ProjectFlowScenario.CreateAsync(factory, "cc-same");
        var (projectId, _, accountId) = await s.VerifiedProjectAsync(RoofA, RoofB);

        var statuses = await AllAtOnceAsync(50, i => s.HostReporter.PostAsJsonAsync($"/api/accounts/{accountId}/retirements",
            new { projectId, firstSerial = 3, lastSerial = 7, beneficiary = $"Beneficiary {i}", purpose = "Concurrent offset" }));

        statuses.Count(c => c == HttpStatusCode.Created).Should().Be(1);
        await ShouldBeConsistentAsync(projectId, 5);
        (await CountAsync("SELECT count(DISTINCT retirement_id) FROM credits WHERE project_id = @p AND serial BETWEEN 3 AND 7", projectId)).Should().Be(1);
    }

    [Fact]
    public async Task Transfer_TwentyConcurrentTransfersOfTheSameSerials_ExactlyOneMovesThem()
    {
        using var s = await ProjectFlowScenario.CreateAsync(factory, "cc-transfer");
        var (projectId, _, accountId) = await s.VerifiedProjectAsync(RoofA, RoofB);

        var statuses = await AllAtOnceAsync(20, _ => s.HostReporter.PostAsJsonAsync($"/api/accounts/{accountId}/transfers",
            new { toCityId = s.Buyer, projectId, firstSerial = 1, lastSerial = N }));

        statuses.Count(c => c == HttpStatusCode.OK).Should().Be(1);
        statuses.Count(c => c == HttpStatusCode.Conflict).Should().Be(19);
        var buyer = await s.BuyerAccountIdAsync();
        (await PlatformAssertions.ScalarAsync<long>(factory.ConnectionString, "SELECT count(*) FROM credits WHERE account_id = @a", ("a", buyer))).Should().Be(N);
        (await CountAsync("SELECT count(*) FROM credit_transactions WHERE project_id = @p AND kind = 'transfer'", projectId)).Should().Be(1);
    }

    [Fact]
    public async Task Transfer_TwentyConcurrentOneCreditTransfers_ExactlyTheAvailableNumberSucceed()
    {
        using var s = await ProjectFlowScenario.CreateAsync(factory, "cc-transfer-one");
        var (projectId, _, accountId) = await s.VerifiedProjectAsync(RoofA, RoofB);

        var statuses = await AllAtOnceAsync(20, _ => s.HostReporter.PostAsJsonAsync($"/api/accounts/{accountId}/transfers",
            new { toCityId = s.Buyer, projectId, quantity = 1 }));

        statuses.Count(c => c == HttpStatusCode.OK).Should().Be((int)N);
        var buyer = await s.BuyerAccountIdAsync();
        (await PlatformAssertions.ScalarAsync<long>(factory.ConnectionString, "SELECT count(*) FROM credits WHERE account_id = @a", ("a", buyer))).Should().Be(N);
        (await PlatformAssertions.ScalarAsync<long>(factory.ConnectionString, "SELECT count(*) FROM credits WHERE account_id = @a", ("a", accountId))).Should().Be(0);
        (await CountAsync("SELECT coalesce(sum(quantity), 0)::bigint FROM credit_transactions WHERE project_id = @p AND kind = 'transfer'", projectId)).Should().Be(N);
    }

    [Fact]
    public async Task RetireAndTransfer_ConcurrentlyForTheSameCredits_EachCreditMovesOrRetiresOnce()
    {
        using var s = await ProjectFlowScenario.CreateAsync(factory, "cc-mixed");
        var (projectId, _, accountId) = await s.VerifiedProjectAsync(RoofA, RoofB);

        var statuses = await AllAtOnceAsync(40, i => i % 2 == 0
            ? s.HostReporter.PostAsJsonAsync($"/api/accounts/{accountId}/retirements", new { projectId, quantity = 1, beneficiary = $"B{i}", purpose = "offset" })
            : s.HostReporter.PostAsJsonAsync($"/api/accounts/{accountId}/transfers", new { toCityId = s.Buyer, projectId, quantity = 1 }));

        var retired = statuses.Where((c, i) => i % 2 == 0 && c == HttpStatusCode.Created).Count();
        var transferred = statuses.Where((c, i) => i % 2 == 1 && c == HttpStatusCode.OK).Count();
        (retired + transferred).Should().Be((int)N);
        await ShouldBeConsistentAsync(projectId, retired);
        (await CountAsync("SELECT count(*) FROM credits WHERE project_id = @p AND state = 'retired' AND account_id <> (SELECT id FROM credit_accounts WHERE kind = 'project' AND project_id = @p)", projectId))
            .Should().Be(0, "a credit retired here was not transferred");
    }
}
