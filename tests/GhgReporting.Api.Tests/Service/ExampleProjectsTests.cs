using System.Text.Json.Nodes;

namespace GhgReporting.Api.Tests.Service;

/// <summary>The example platform's joint projects are seeded through the real services: figures here are
/// computed from the seeded (illustrative) inputs and the cited factors, not read from the service.</summary>
public sealed class ExampleProjectsTests(ExampleProjectsTests.Factory factory) : IClassFixture<ExampleProjectsTests.Factory>
{
    public sealed class Factory : ServiceFactory
    {
        public Factory() => Settings["Seed:ExamplePlatform"] = "true";
    }

    [Fact]
    public async Task SeededProjects_PvVerifiedWithCredits_ChillerWaitingForKitakyushu()
    {
        using var anonymous = factory.CreateClient();
        var projects = JsonNode.Parse(await anonymous.GetStringAsync("/api/projects"))!.AsArray();
        projects.Select(p => (string)p!["code"]!).Should().BeEquivalentTo(["SUB-PV-01", "HPH-CHILLER-01", "MDL-COMPOST-01"]);

        // SUB-PV-01: 1,900 MWh × 0.533 t/MWh (JCM Indonesia Jamali grid, Case 2, grid.id_jamali.jcm.case2.co2)
        // = 1,012.7 tCO2, rounded down once to 1,012 credits.
        var pv = projects.Single(p => (string)p!["code"]! == "SUB-PV-01")!;
        var pvPeriods = JsonNode.Parse(await anonymous.GetStringAsync($"/api/projects/{pv["id"]}/periods"))!.AsArray();
        var verified = pvPeriods.Single()!;
        ((string)verified["state"]!).Should().Be("verified");
        ((decimal)verified["reductions"]!).Should().Be(1_900m * 0.533m);
        ((long)verified["credits"]!).Should().Be((long)decimal.Floor(1_900m * 0.533m)).And.Be(1_012);

        // HPH-CHILLER-01: EC 1,200 MWh × EF 0.6592 (Viet Nam 2023, grid.vn.dcc.2023.co2) × (COP_PJ 6.2 / COP_RE 5.0 − 1).
        using var verifier = await factory.SignInAsync("verifier.kitakyushu@example.org", "Demo-Password-2026");
        var queue = JsonNode.Parse(await verifier.GetStringAsync("/api/verification-queue"))!.AsArray();
        var chiller = queue.Single(p => (string)p!["projectCode"]! == "HPH-CHILLER-01")!;
        ((string)chiller["state"]!).Should().Be("submitted");
        ((decimal)chiller["reductions"]!).Should().Be(1_200m * 0.6592m * (6.2m / 5.0m) - 1_200m * 0.6592m).And.Be(189.8496m);

        // The public does not see the unverified chiller period; Yokohama's verifier has nothing in its queue.
        var chillerProject = projects.Single(p => (string)p!["code"]! == "HPH-CHILLER-01")!;
        JsonNode.Parse(await anonymous.GetStringAsync($"/api/projects/{chillerProject["id"]}/periods"))!.AsArray().Should().BeEmpty();
        using var yokohama = await factory.SignInAsync("verifier.yokohama@example.org", "Demo-Password-2026");
        JsonNode.Parse(await yokohama.GetStringAsync("/api/verification-queue"))!.AsArray().Should().BeEmpty();
    }
}
