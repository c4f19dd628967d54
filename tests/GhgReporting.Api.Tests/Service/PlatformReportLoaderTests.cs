using System.Net;
using GhgReporting.Jobs.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace GhgReporting.Api.Tests.Service;

/// <summary>
/// What the platform report counts: a monitoring period counts once, by its latest verified version (a correction
/// replaces, never adds to, what it corrects); a submitted version waiting for its verifier is pending; credits
/// come from the registry's own movements; a cut-off before a change leaves it out.
/// </summary>
public sealed class PlatformReportLoaderTests(PlatformReportLoaderTests.Factory factory) : IClassFixture<PlatformReportLoaderTests.Factory>
{
    public sealed class Factory : ServiceFactory;

    [Fact]
    public async Task ACorrectedPeriod_CountsOnceByItsLatestVerifiedVersion()
    {
        using var s = await ProjectFlowScenario.CreateAsync(factory, "ldr");
        // Version 1: 1,000 + 500 MWh × 0.533 t/MWh (JCM Indonesia Jamali grid, Case 2) = 799.5 t → 799 credits.
        var (_, periodId, _) = await s.VerifiedProjectAsync(1_000m, 500m);
        var afterFirst = DateTimeOffset.UtcNow;
        var correction = (Guid)(await (await ProjectFlowScenario.PostAsync(s.HostReporter, periodId, "correct")).ShouldAnswerJsonAsync(HttpStatusCode.OK))["id"]!;
        // Version 2: 1,000 + 600 MWh × 0.533 = 852.8 t → 852 credits, 53 more issued.
        await (await s.SetGenerationAsync(correction, 1_000m, 600m)).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        await (await ProjectFlowScenario.PostAsync(s.HostReporter, correction, "submit")).ShouldAnswerJsonAsync(HttpStatusCode.OK);

        var pending = (await LoadAsync()).Projects.Single(p => p.Code == s.Code);
        pending.ReductionsToDate.Should().Be(1_500m * 0.533m);
        pending.PeriodsPending.Should().Be(1);
        pending.PendingReductions.Should().Be(1_600m * 0.533m);
        pending.CreditsToDate.Should().Be(799);

        await (await ProjectFlowScenario.PostAsync(s.PartnerVerifier, correction, "review")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        await (await ProjectFlowScenario.PostAsync(s.PartnerVerifier, correction, "verify", new { summary = "Corrected reading of roof B." })).ShouldAnswerJsonAsync(HttpStatusCode.OK);

        var model = await LoadAsync();
        var project = model.Projects.Single(p => p.Code == s.Code);
        project.ReductionsToDate.Should().Be(1_600m * 0.533m, "the correction replaces version 1");
        project.VerifiedReductions.Should().Be(1_600m * 0.533m, "both versions were verified in the window: the period counts once");
        project.PeriodsVerified.Should().Be(1);
        project.PeriodsPending.Should().Be(0);
        project.CreditsToDate.Should().Be(852);
        project.CreditsIssued.Should().Be(852);
        model.Credits.IssuedToDate.Should().Be(852);
        model.Credits.OutstandingAtEnd.Should().Be(852);

        // As of a cut-off between the two verifications: version 1 only, the correction not yet submitted.
        var before = await LoadAsync(afterFirst);
        before.Projects.Single(p => p.Code == s.Code).ReductionsToDate.Should().Be(1_500m * 0.533m);
        before.Credits.IssuedToDate.Should().Be(799);
        before.Projects.Single(p => p.Code == s.Code).PeriodsPending.Should().Be(0);
    }

    private async Task<PlatformReportModel> LoadAsync(DateTimeOffset? asOf = null)
    {
        using var scope = factory.Services.CreateScope();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return await scope.ServiceProvider.GetRequiredService<PlatformReportLoader>().LoadAsync(today.AddDays(-1), today, asOf ?? DateTimeOffset.UtcNow.AddSeconds(1), CancellationToken.None);
    }
}
