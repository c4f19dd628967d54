using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace GhgReporting.Api.Tests.Service;

/// <summary>
/// A joint project's whole path over HTTP against a real PostgreSQL (issue 4, "The full path"): register →
/// submit a period → reject with a comment → resubmit → verify → credits issued → transfer → retire → public
/// lookup. Expected reductions are computed here from the inputs and the cited formula, not read from the service.
/// The refusals along the way are in ProjectFlowRefusalTests.
/// </summary>
public sealed class ProjectFlowTests(ProjectFlowTests.Factory factory) : IClassFixture<ProjectFlowTests.Factory>
{
    public sealed class Factory : ServiceFactory;

    [Fact]
    public async Task FullPath_RegisterRejectResubmitVerifyTransferRetire_CreditsFollowTheVerifiedReductions()
    {
        using var s = await ProjectFlowScenario.CreateAsync(factory, "pf-full");
        var projectId = await s.RegisterProjectAsync();
        var periodId = await s.CreatePeriodAsync(projectId, 2024);

        // The reporter first types 750 MWh for market B; the meter log says 700.
        await (await s.SetGenerationAsync(periodId, 1_200m, 750m)).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        var log = Encoding.UTF8.GetBytes("month,market-a MWh,market-b MWh\n2024-01,100,58.3\n2024-02,100,58.3\n");
        var evidence = await (await s.HostReporter.PostAsync($"/api/periods/{periodId}/evidence", Uploads.File("meter-log-2024.csv", log)))
            .ShouldAnswerJsonAsync(HttpStatusCode.Created);
        ((string)evidence["sha256"]!).Should().Be(Convert.ToHexStringLower(SHA256.HashData(log)));
        ((long)evidence["length"]!).Should().Be(log.Length);

        var submitted = await (await ProjectFlowScenario.PostAsync(s.HostReporter, periodId, "submit")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        ((string)submitted["state"]!).Should().Be("submitted");
        // RE = Σ EG_i × EF_RE = (1,200 + 750) MWh × 0.533 t/MWh = 1,039.35 t; PE = 0.
        ((decimal)submitted["reductions"]!).Should().Be(ProjectFlowScenario.Reductions(1_200m, 750m)).And.Be(1_039.35m);
        ((decimal)submitted["projectEmissions"]!).Should().Be(0m);

        // The partner city's verifier takes it under review and rejects it with a comment on market B.
        var queue = await (await s.PartnerVerifier.GetAsync("/api/verification-queue")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        queue.AsArray().Select(p => (Guid)p!["id"]!).Should().Contain(periodId);
        var underReview = await (await ProjectFlowScenario.PostAsync(s.PartnerVerifier, periodId, "review")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        ((string)underReview["state"]!).Should().Be("under-review");
        var rejected = await (await ProjectFlowScenario.PostAsync(s.PartnerVerifier, periodId, "reject", new
        {
            summary = "One meter reading does not match the log.",
            comments = new[] { new { parameter = "EG[market-b]", comment = "The meter log sums to 700 MWh, not 750." } },
        })).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        ((string)rejected["state"]!).Should().Be("rejected");
        var comment = rejected["comments"]!.AsArray().Should().ContainSingle().Subject!;
        ((string)comment["parameter"]!).Should().Be("EG[market-b]");

        // The reporter corrects market B and resubmits; the verifier verifies.
        await (await s.SetGenerationAsync(periodId, 1_200m, 700m)).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        var resubmitted = await (await ProjectFlowScenario.PostAsync(s.HostReporter, periodId, "submit")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        // (1,200 + 700) MWh × 0.533 t/MWh = 1,012.7 t (methodologies.md §8, PV 1) → 1,012 whole credits.
        var expected = ProjectFlowScenario.Credits(1_200m, 700m);
        expected.Should().Be(1_012);
        ((decimal)resubmitted["reductions"]!).Should().Be(1_012.7m);
        await (await ProjectFlowScenario.PostAsync(s.PartnerVerifier, periodId, "review")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        var verified = await (await ProjectFlowScenario.PostAsync(s.PartnerVerifier, periodId, "verify", new { summary = "Verified." })).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        ((string)verified["state"]!).Should().Be("verified");
        ((long)verified["credits"]!).Should().Be(expected);

        // Credits issued = floor(reductions), all in the project's account, serials 1…1,012 of vintage 2024, period 1.
        var accounts = await (await s.HostReporter.GetAsync($"/api/cities/{s.Host}/accounts")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        var account = accounts.AsArray().Should().ContainSingle().Subject!;
        ((string)account["kind"]!).Should().Be("project");
        ((long)account["total"]!["available"]!).Should().Be(expected);
        var accountId = (Guid)account["accountId"]!;
        var publicTotals = await (await s.Anonymous.GetAsync($"/api/projects/{projectId}/credits")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        ((int)publicTotals[0]!["vintage"]!, (long)publicTotals[0]!["available"]!).Should().Be((2024, expected));

        // Transfer 300 to the buyer city, which retires 100 of them for a named beneficiary and purpose.
        var transfer = await (await s.HostReporter.PostAsJsonAsync($"/api/accounts/{accountId}/transfers", new { toCityId = s.Buyer, projectId, vintage = 2024, quantity = 300 }))
            .ShouldAnswerJsonAsync(HttpStatusCode.OK);
        var range = transfer["serials"]!.AsArray().Should().ContainSingle().Subject!;
        ((string)range["first"]!, (string)range["last"]!, (long)range["count"]!).Should().Be((s.Serial(1), s.Serial(300), 300L));
        var buyerAccount = await s.BuyerAccountIdAsync();
        var retirement = await (await s.BuyerReporter.PostAsJsonAsync($"/api/accounts/{buyerAccount}/retirements", new
        {
            projectId, vintage = 2024, quantity = 100, beneficiary = "Yokohama City", purpose = "Offset of Yokohama Eco-Life Fair 2025",
        })).ShouldAnswerJsonAsync(HttpStatusCode.Created);
        var code = (string)retirement["verificationCode"]!;
        code.Should().MatchRegex("^[A-Z2-7]{12}$");
        ((string)retirement["serials"]![0]!["last"]!).Should().Be(s.Serial(100));

        var buyerBalance = await (await s.BuyerReporter.GetAsync($"/api/accounts/{buyerAccount}/balances")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        ((long)buyerBalance["total"]!["available"]!, (long)buyerBalance["total"]!["retired"]!).Should().Be((200L, 100L));
        var hostBalance = await (await s.HostReporter.GetAsync($"/api/accounts/{accountId}/balances")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        ((long)hostBalance["total"]!["available"]!).Should().Be(expected - 300);

        // The public: a retired serial shows its beneficiary; an unretired one its holder.
        var retired = await (await s.Anonymous.GetAsync($"/api/credits/{s.Serial(42)}")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        ((string)retired["state"]!).Should().Be("retired");
        ((string)retired["retirement"]!["beneficiary"]!).Should().Be("Yokohama City");
        ((string)retired["retirement"]!["purpose"]!).Should().Be("Offset of Yokohama Eco-Life Fair 2025");
        ((string)retired["retirement"]!["verificationCode"]!).Should().Be(code);
        ((string)retired["retirement"]!["retiredAt"]!).Should().NotBeNullOrEmpty();
        var bought = await (await s.Anonymous.GetAsync($"/api/credits/{s.Serial(250)}")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        ((string)bought["state"]!, (string)bought["holderCityId"]!).Should().Be(("issued", s.Buyer));
        bought["retirement"].Should().BeNull();
        var held = await (await s.Anonymous.GetAsync($"/api/credits/{s.Serial(1_012)}")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        ((string)held["holderCityId"]!, (string)held["holderAccountKind"]!).Should().Be((s.Host, "project"));
        await (await s.Anonymous.GetAsync($"/api/credits/{s.Serial(1_013)}")).ShouldAnswerProblemAsync(HttpStatusCode.NotFound, "serial 1,013 was never issued");
        await (await s.Anonymous.GetAsync($"/api/credits/{s.Code}-2024-000042")).ShouldAnswerProblemAsync(HttpStatusCode.NotFound, "not a serial number");

        // A certificate's reader checks the code.
        var certificate = await (await s.Anonymous.GetAsync($"/api/retirements/{code}")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        ((long)certificate["quantity"]!, (string)certificate["projectCode"]!).Should().Be((100L, s.Code));
        await (await s.Anonymous.GetAsync("/api/retirements/AAAAAAAAAAAA")).ShouldAnswerProblemAsync(HttpStatusCode.NotFound);

        // The registry's record, and the audit log of every step.
        var transactions = await (await s.Secretariat.GetAsync($"/api/credit-transactions?projectId={projectId}")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        transactions.AsArray().Select(t => ((string)t!["kind"]!, (long)t["quantity"]!)).Should().Equal(("issue", expected), ("transfer", 300L), ("retire", 100L));
        async Task<List<string>> ActionsAsync(string city) =>
            (await (await s.Secretariat.GetAsync($"/api/audit?cityId={city}&limit=1000")).ShouldAnswerJsonAsync(HttpStatusCode.OK)).AsArray().Select(a => (string)a!["action"]!).ToList();
        (await ActionsAsync(s.Host)).Should().Contain(["project.registered", "period.created", "period.evidence-added", "period.submitted", "period.rejected",
            "period.resubmitted", "period.verified", "credits.issued", "credits.transferred"]);
        (await ActionsAsync(s.Buyer)).Should().Contain("credits.retired");
    }

    [Fact]
    public async Task Correction_OfAVerifiedPeriod_IsANewVersionVerifiedAgainBeforeItsExtraCreditsAreIssued()
    {
        using var s = await ProjectFlowScenario.CreateAsync(factory, "pf-correct");
        var (projectId, periodId, accountId) = await s.VerifiedProjectAsync(1_200m, 700m);

        // A verified period is locked.
        await (await s.SetGenerationAsync(periodId, 1_200m, 720m)).ShouldAnswerProblemAsync(HttpStatusCode.Conflict, "a verified period's parameters");
        var correction = await (await ProjectFlowScenario.PostAsync(s.HostReporter, periodId, "correct")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        var correctionId = (Guid)correction["id"]!;
        ((int)correction["version"]!, (string)correction["state"]!, (Guid)correction["supersedes"]!).Should().Be((2, "draft", periodId));

        await (await s.SetGenerationAsync(correctionId, 1_200m, 720m)).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        await (await ProjectFlowScenario.PostAsync(s.HostReporter, correctionId, "submit")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        // Not verified yet: still the first version's credits.
        var before = await (await s.HostReporter.GetAsync($"/api/accounts/{accountId}/balances")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        ((long)before["total"]!["available"]!).Should().Be(ProjectFlowScenario.Credits(1_200m, 700m));

        await (await ProjectFlowScenario.PostAsync(s.PartnerVerifier, correctionId, "review")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        var verified = await (await ProjectFlowScenario.PostAsync(s.PartnerVerifier, correctionId, "verify")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        // (1,200 + 720) × 0.533 = 1,023.36 t → 1,023 credits: 11 more than the 1,012 issued, numbered on.
        var corrected = ProjectFlowScenario.Credits(1_200m, 720m);
        ((long)verified["credits"]!).Should().Be(corrected).And.Be(1_023);
        var after = await (await s.HostReporter.GetAsync($"/api/accounts/{accountId}/balances")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        ((long)after["total"]!["available"]!).Should().Be(corrected);
        ((string)(await s.Anonymous.GetFromJsonAsync<JsonNode>($"/api/credits/{s.Serial(1_023)}"))!["state"]!).Should().Be("issued");
        var original = await (await s.HostReporter.GetAsync($"/api/periods/{periodId}")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        ((string)original["state"]!, (Guid)original["supersededBy"]!).Should().Be(("verified", correctionId));
        var transactions = await (await s.Secretariat.GetAsync($"/api/credit-transactions?projectId={projectId}")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        ((string)transactions[1]!["serials"]![0]!["first"]!).Should().Be(s.Serial(1_013));
    }
}
