using System.Net;

namespace GhgReporting.Api.Tests.Service;

/// <summary>A contribution declared before its period is verified stays on record (append-only), but once the
/// period is verified the same tonnes exist as credits: the contribution is then shown as superseded, so no
/// report counts them twice.</summary>
public sealed class ContributionTests(ContributionTests.Factory factory) : IClassFixture<ContributionTests.Factory>
{
    public sealed class Factory : ServiceFactory;

    [Fact]
    public async Task Contribution_PeriodVerifiedLater_ShownAsSupersededByTheCredits()
    {
        using var s = await ProjectFlowScenario.CreateAsync(factory, "ct-later");
        var projectId = await s.RegisterProjectAsync();
        var periodId = await s.CreatePeriodAsync(projectId, 2024);
        await (await s.SetGenerationAsync(periodId, 1_000m, 500m)).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        await (await ProjectFlowScenario.PostAsync(s.HostReporter, periodId, "submit")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        await (await ProjectFlowScenario.PostAsync(s.HostReporter, periodId, "contributions", new { purpose = "School visits" }))
            .ShouldAnswerJsonAsync(HttpStatusCode.Created);

        var before = (await (await s.Anonymous.GetAsync($"/api/projects/{projectId}/contributions")).ShouldAnswerJsonAsync(HttpStatusCode.OK)).AsArray().Single()!;
        ((bool)before["supersededByVerification"]!).Should().BeFalse();

        await (await ProjectFlowScenario.PostAsync(s.PartnerVerifier, periodId, "review")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        var verified = await (await ProjectFlowScenario.PostAsync(s.PartnerVerifier, periodId, "verify", new { summary = "ok" })).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        // 1,500 MWh × 0.533 t/MWh (JCM Indonesia Jamali, Case 2) = 799.5 → 799 credits.
        ((long)verified["credits"]!).Should().Be(799);

        var after = (await (await s.Anonymous.GetAsync($"/api/projects/{projectId}/contributions")).ShouldAnswerJsonAsync(HttpStatusCode.OK)).AsArray().Single()!;
        ((bool)after["supersededByVerification"]!).Should().BeTrue();
        ((decimal)after["reductions"]!).Should().Be(1_500m * 0.533m);
    }
}
