using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GhgReporting.Data.Credits;

namespace GhgReporting.Api.Tests.Service;

/// <summary>
/// Every refusal on a joint project's path (issue 4, "including every refusal"), each an RFC 9457 problem that
/// says why, and each leaving nothing changed: wrong city, wrong role, verifying one's own city's submission or a
/// draft, double retirement, retiring unverified reductions or more than is available, moving retired credits,
/// and another city's accounts.
/// </summary>
public sealed class ProjectFlowRefusalTests(ProjectFlowRefusalTests.Factory factory) : IClassFixture<ProjectFlowRefusalTests.Factory>
{
    public sealed class Factory : ServiceFactory;

    [Fact]
    public async Task Period_WrongCityOrWrongRole_Refused403Or404()
    {
        using var s = await ProjectFlowScenario.CreateAsync(factory, "pr-roles");
        var projectId = await s.RegisterProjectAsync();
        var periodId = await s.CreatePeriodAsync(projectId, 2024);
        await (await s.SetGenerationAsync(periodId, 1_200m, 700m)).ShouldAnswerJsonAsync(HttpStatusCode.OK);

        // A reporter of another city: may not open a period (403) nor touch this one, which it may not even see (404).
        await (await s.BuyerReporter.PostAsJsonAsync($"/api/projects/{projectId}/periods", new { periodStart = "2025-01-01", periodEnd = "2025-12-31" }))
            .ShouldAnswerProblemAsync(HttpStatusCode.Forbidden, "another city's reporter opening a period");
        var foreign = await s.SetGenerationAsync(periodId, 9_999m, 9_999m, s.BuyerReporter);
        foreign.StatusCode.Should().BeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        await foreign.ShouldAnswerProblemAsync(foreign.StatusCode, "another city's reporter writing the period");
        await (await ProjectFlowScenario.PostAsync(s.BuyerReporter, periodId, "submit")).ShouldAnswerProblemAsync(HttpStatusCode.NotFound);
        // Verifying a draft: the right verifier, the wrong state.
        await (await ProjectFlowScenario.PostAsync(s.PartnerVerifier, periodId, "verify")).ShouldAnswerProblemAsync(HttpStatusCode.Conflict, "verifying a draft");
        // A verifier never submits.
        await (await ProjectFlowScenario.PostAsync(s.PartnerVerifier, periodId, "submit")).ShouldAnswerProblemAsync(HttpStatusCode.Forbidden, "a verifier submitting");

        await (await ProjectFlowScenario.PostAsync(s.HostReporter, periodId, "submit")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        // Only verifiers review: not a reporter, and not the secretariat either (its proxy rights are for writing data).
        await (await ProjectFlowScenario.PostAsync(s.HostReporter, periodId, "review")).ShouldAnswerProblemAsync(HttpStatusCode.Forbidden, "a reporter reviewing");
        await (await ProjectFlowScenario.PostAsync(s.HostReporter, periodId, "verify")).ShouldAnswerProblemAsync(HttpStatusCode.Forbidden, "a reporter verifying");
        await (await ProjectFlowScenario.PostAsync(s.Secretariat, periodId, "review")).ShouldAnswerProblemAsync(HttpStatusCode.Forbidden, "the secretariat verifying");
        // The host city's own verifier may not verify its own city's submission.
        var own = await (await ProjectFlowScenario.PostAsync(s.HostVerifier, periodId, "review")).ShouldAnswerProblemAsync(HttpStatusCode.Forbidden, "own city");
        ((string)own["detail"]!).Should().Contain("own city");
        await (await ProjectFlowScenario.PostAsync(s.PartnerVerifier, periodId, "verify")).ShouldAnswerProblemAsync(HttpStatusCode.Conflict, "verifying before review");

        var period = await (await s.HostReporter.GetAsync($"/api/periods/{periodId}")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        ((string)period["state"]!).Should().Be("submitted");
        ((decimal)period["reductions"]!).Should().Be(ProjectFlowScenario.Reductions(1_200m, 700m));
        (await PlatformAssertions.ScalarAsync<long>(factory.ConnectionString, "SELECT count(*) FROM credits WHERE project_id = @p", ("p", projectId))).Should().Be(0);
    }

    [Fact]
    public async Task Retire_SameSerialsTwice_SecondRefused409()
    {
        using var s = await ProjectFlowScenario.CreateAsync(factory, "pr-double");
        var (projectId, _, accountId) = await s.VerifiedProjectAsync(1_200m, 700m);
        var request = new { projectId, vintage = 2024, firstSerial = 1, lastSerial = 10, beneficiary = "Surabaya City", purpose = "Offset of the city's Car Free Day 2025" };

        var first = await (await s.HostReporter.PostAsJsonAsync($"/api/accounts/{accountId}/retirements", request)).ShouldAnswerJsonAsync(HttpStatusCode.Created);
        ((long)first["quantity"]!).Should().Be(10);
        var second = await (await s.HostReporter.PostAsJsonAsync($"/api/accounts/{accountId}/retirements", request with { beneficiary = "Someone else" }))
            .ShouldAnswerProblemAsync(HttpStatusCode.Conflict, "the same credits retired twice");
        ((string)second["detail"]!).Should().Contain("10 retired");

        var lookup = await (await s.Anonymous.GetAsync($"/api/credits/{s.Serial(5)}")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        ((string)lookup["retirement"]!["beneficiary"]!).Should().Be("Surabaya City");
        (await PlatformAssertions.ScalarAsync<long>(factory.ConnectionString, "SELECT count(*) FROM retirements WHERE project_id = @p", ("p", projectId))).Should().Be(1);
    }

    [Fact]
    public async Task Retire_MoreThanAvailable_Refused409SayingHowMany()
    {
        using var s = await ProjectFlowScenario.CreateAsync(factory, "pr-more");
        var (projectId, _, accountId) = await s.VerifiedProjectAsync(1_200m, 700m);
        var available = ProjectFlowScenario.Credits(1_200m, 700m);

        var problem = await (await s.HostReporter.PostAsJsonAsync($"/api/accounts/{accountId}/retirements",
                new { projectId, quantity = available + 1, beneficiary = "Surabaya City", purpose = "Everything and one more" }))
            .ShouldAnswerProblemAsync(HttpStatusCode.Conflict);
        ((string)problem["detail"]!).Should().Contain($"only {available} are available");
        var missing = await (await s.HostReporter.PostAsJsonAsync($"/api/accounts/{accountId}/retirements", new { projectId, quantity = 1, purpose = "No beneficiary" }))
            .ShouldAnswerProblemAsync(HttpStatusCode.BadRequest);
        missing["problems"]!.AsArray().Should().ContainSingle().Which!.ToString().Should().StartWith("beneficiary");
        var balance = await (await s.HostReporter.GetAsync($"/api/accounts/{accountId}/balances")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        ((long)balance["total"]!["available"]!, (long)balance["total"]!["retired"]!).Should().Be((available, 0L));
    }

    [Fact]
    public async Task Transfer_RetiredCredits_Refused409()
    {
        using var s = await ProjectFlowScenario.CreateAsync(factory, "pr-moved");
        var (projectId, _, accountId) = await s.VerifiedProjectAsync(1_200m, 700m);
        (await s.HostReporter.PostAsJsonAsync($"/api/accounts/{accountId}/retirements",
            new { projectId, firstSerial = 1, lastSerial = 20, beneficiary = "Surabaya City", purpose = "Offset of municipal fleet 2024" })).StatusCode.Should().Be(HttpStatusCode.Created);

        var problem = await (await s.HostReporter.PostAsJsonAsync($"/api/accounts/{accountId}/transfers", new { toCityId = s.Buyer, projectId, firstSerial = 11, lastSerial = 30 }))
            .ShouldAnswerProblemAsync(HttpStatusCode.Conflict, "half of the range is retired");
        ((string)problem["detail"]!).Should().Contain("only 10 are available").And.Contain("10 retired");

        var lookup = await (await s.Anonymous.GetAsync($"/api/credits/{s.Serial(25)}")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        ((string)lookup["holderCityId"]!).Should().Be(s.Host, "nothing moved, not even the unretired half");
        (await PlatformAssertions.ScalarAsync<long>(factory.ConnectionString, "SELECT count(*) FROM credit_transactions WHERE project_id = @p AND kind = 'transfer'", ("p", projectId)))
            .Should().Be(0);
    }

    [Fact]
    public async Task Retire_UnverifiedReductionsOrTheirContribution_Refused409WithTheReason()
    {
        using var s = await ProjectFlowScenario.CreateAsync(factory, "pr-unverified");
        var projectId = await s.RegisterProjectAsync();
        var periodId = await s.CreatePeriodAsync(projectId, 2024);
        await (await s.SetGenerationAsync(periodId, 1_200m, 700m)).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        await (await ProjectFlowScenario.PostAsync(s.HostReporter, periodId, "contributions", new { purpose = "School visits" }))
            .ShouldAnswerProblemAsync(HttpStatusCode.Conflict, "a draft has no calculated reductions");
        await (await ProjectFlowScenario.PostAsync(s.HostReporter, periodId, "submit")).ShouldAnswerJsonAsync(HttpStatusCode.OK);

        var asOffset = await (await ProjectFlowScenario.PostAsync(s.HostReporter, periodId, "retirements", new { beneficiary = "Surabaya City", purpose = "Offset" }))
            .ShouldAnswerProblemAsync(HttpStatusCode.Conflict);
        ((string)asOffset["detail"]!).Should().Contain(CreditRegistry.UnverifiedIsNotAnOffset);

        await (await ProjectFlowScenario.PostAsync(s.PartnerVerifier, periodId, "contributions", new { purpose = "School visits" }))
            .ShouldAnswerProblemAsync(HttpStatusCode.Forbidden, "a verifier declaring");
        var contribution = await (await ProjectFlowScenario.PostAsync(s.HostReporter, periodId, "contributions", new { purpose = "Environmental education: school visits to the rooftops" }))
            .ShouldAnswerJsonAsync(HttpStatusCode.Created);
        ((decimal)contribution["reductions"]!).Should().Be(ProjectFlowScenario.Reductions(1_200m, 700m));
        var refused = await (await s.HostReporter.PostAsJsonAsync($"/api/contributions/{(Guid)contribution["id"]!}/retirements", new { beneficiary = "Surabaya City", purpose = "Offset" }))
            .ShouldAnswerProblemAsync(HttpStatusCode.Conflict);
        ((string)refused["detail"]!).Should().Contain(CreditRegistry.UnverifiedIsNotAnOffset);

        var listed = await (await s.Anonymous.GetAsync($"/api/projects/{projectId}/contributions")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        listed.AsArray().Should().ContainSingle();
        (await PlatformAssertions.ScalarAsync<long>(factory.ConnectionString, "SELECT count(*) FROM credits WHERE project_id = @p", ("p", projectId))).Should().Be(0);
        (await PlatformAssertions.ScalarAsync<long>(factory.ConnectionString, "SELECT count(*) FROM retirements WHERE project_id = @p", ("p", projectId))).Should().Be(0);
    }

    [Fact]
    public async Task Accounts_OfAnotherCity_Read404Write403_AnonymousWrite401()
    {
        using var s = await ProjectFlowScenario.CreateAsync(factory, "pr-isolation");
        var (projectId, _, accountId) = await s.VerifiedProjectAsync(1_200m, 700m);

        foreach (var url in new[] { $"/api/accounts/{accountId}/balances", $"/api/accounts/{accountId}/transactions", $"/api/cities/{s.Host}/accounts" })
        {
            await (await s.BuyerReporter.GetAsync(url)).ShouldAnswerProblemAsync(HttpStatusCode.NotFound, url);
            await (await s.PartnerVerifier.GetAsync(url)).ShouldAnswerProblemAsync(HttpStatusCode.NotFound, url);
            await (await s.Anonymous.GetAsync(url)).ShouldAnswerProblemAsync(HttpStatusCode.NotFound, url);
            (await s.HostVerifier.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.OK, $"{url}: the city's own verifier reads");
        }
        var transfer = new { toCityId = s.Buyer, projectId, quantity = 5 };
        await (await s.BuyerReporter.PostAsJsonAsync($"/api/accounts/{accountId}/transfers", transfer)).ShouldAnswerProblemAsync(HttpStatusCode.Forbidden, "another city's reporter");
        await (await s.HostVerifier.PostAsJsonAsync($"/api/accounts/{accountId}/transfers", transfer)).ShouldAnswerProblemAsync(HttpStatusCode.Forbidden, "a verifier");
        await (await s.BuyerReporter.PostAsJsonAsync($"/api/accounts/{accountId}/retirements", new { projectId, quantity = 1, beneficiary = "Yokohama", purpose = "x" }))
            .ShouldAnswerProblemAsync(HttpStatusCode.Forbidden);
        await (await s.HostReporter.PostAsJsonAsync($"/api/accounts/{accountId}/cancellations", new { projectId, quantity = 1, reason = "x" }))
            .ShouldAnswerProblemAsync(HttpStatusCode.Forbidden, "only the secretariat cancels");
        (await s.Anonymous.PostAsJsonAsync($"/api/accounts/{accountId}/transfers", transfer)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        await (await s.HostReporter.GetAsync("/api/credit-transactions")).ShouldAnswerProblemAsync(HttpStatusCode.Forbidden, "the registry's full record is the secretariat's");

        // The secretariat may act for the city, and cancels; nothing before moved.
        var cancelled = await (await s.Secretariat.PostAsJsonAsync($"/api/accounts/{accountId}/cancellations", new { projectId, quantity = 2, reason = "Meter recalibration" }))
            .ShouldAnswerJsonAsync(HttpStatusCode.OK);
        ((string)cancelled["kind"]!).Should().Be("cancel");
        var balance = await (await s.Secretariat.GetAsync($"/api/accounts/{accountId}/balances")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        ((long)balance["total"]!["available"]!, (long)balance["total"]!["cancelled"]!).Should().Be((ProjectFlowScenario.Credits(1_200m, 700m) - 2, 2L));
        (await PlatformAssertions.ScalarAsync<long>(factory.ConnectionString, "SELECT count(*) FROM credits WHERE project_id = @p", ("p", projectId)))
            .Should().Be(ProjectFlowScenario.Credits(1_200m, 700m), "cancelled credits are kept");
    }
}
