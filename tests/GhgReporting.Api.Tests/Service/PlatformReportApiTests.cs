using System.Net;
using System.Net.Http.Json;
using GhgReporting.Data;
using GhgReporting.Data.Entities;
using GhgReporting.Jobs.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace GhgReporting.Api.Tests.Service;

/// <summary>The secretariat asks for a platform report of any period; it is rendered in the background and
/// public once stored. Only the secretariat may ask; a period that makes no sense is refused naming the field.</summary>
public sealed class PlatformReportApiTests(PlatformReportApiTests.Factory factory) : IClassFixture<PlatformReportApiTests.Factory>
{
    public sealed class Factory : ServiceFactory;

    [Fact]
    public async Task Secretariat_RequestsAReport_RenderedOnceAndPublic()
    {
        using var s = await ProjectFlowScenario.CreateAsync(factory, "plat");
        // 1,000 + 500 MWh × 0.533 t/MWh (JCM Indonesia Jamali grid, Case 2) = 799.5 t → 799 credits.
        await s.VerifiedProjectAsync(1_000m, 500m);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var from = today.AddDays(-30);

        var answer = await s.Secretariat.PostAsJsonAsync("/api/reports/platform", new { from, to = today });
        answer.StatusCode.Should().Be(HttpStatusCode.Accepted, await answer.Content.ReadAsStringAsync());
        var ticket = (await answer.Content.ReadFromJsonAsync<Ticket>())!;
        ticket.From.Should().Be(from);
        ticket.AsOf.Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1), "the period is not over: the data are taken as of now");
        answer.Headers.Location!.ToString().Should().Be(ticket.DownloadUrl);
        (await s.Anonymous.GetAsync(ticket.DownloadUrl)).StatusCode.Should().Be(HttpStatusCode.NotFound, "not rendered yet, and the public cannot start it");
        (await s.Secretariat.GetAsync(ticket.DownloadUrl)).StatusCode.Should().Be(HttpStatusCode.Accepted);

        for (var run = 0; run < 2; run++)
        {
            using var scope = factory.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<ReportJobs>().PlatformReportAsync(ticket.From, ticket.To, ticket.AsOf, null, CancellationToken.None);
        }
        var response = await s.Anonymous.GetAsync(ticket.DownloadUrl);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var document = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var text = string.Join("\n", document.GetPages().Select(p => p.Text));
        text.Should().Contain(s.Code).And.Contain("799.500").And.Contain("799").And.Contain("Surabaya (plat)");

        using var check = factory.Services.CreateScope();
        var db = check.ServiceProvider.GetRequiredService<GhgDbContext>();
        (await db.Reports.CountAsync(r => r.Kind == ReportKinds.PlatformReport)).Should().Be(1, "the second run stored nothing");
    }

    [Fact]
    public async Task OnlyTheSecretariat_WithAValidPeriod()
    {
        using var s = await ProjectFlowScenario.CreateAsync(factory, "plref");
        (await s.Anonymous.PostAsJsonAsync("/api/reports/platform", new { from = "2025-01-01", to = "2025-03-31" })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await s.HostReporter.PostAsJsonAsync("/api/reports/platform", new { from = "2025-01-01", to = "2025-03-31" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await s.PartnerVerifier.PostAsJsonAsync("/api/reports/platform", new { from = "2025-01-01", to = "2025-03-31" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var reversed = await (await s.Secretariat.PostAsJsonAsync("/api/reports/platform", new { from = "2025-03-31", to = "2025-01-01" })).ShouldAnswerJsonAsync(HttpStatusCode.BadRequest);
        reversed["errors"]!.AsArray().Should().Contain(e => (string)e!["field"]! == "to" && ((string)e!["reason"]!).Contains("before from"));
        var missing = await (await s.Secretariat.PostAsJsonAsync("/api/reports/platform", new { from = "2025-01-01" })).ShouldAnswerJsonAsync(HttpStatusCode.BadRequest);
        missing["errors"]!.AsArray().Should().ContainSingle(e => (string)e!["field"]! == "to");
        var future = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10);
        var ahead = await (await s.Secretariat.PostAsJsonAsync("/api/reports/platform", new { from = future, to = future.AddDays(30) })).ShouldAnswerJsonAsync(HttpStatusCode.BadRequest);
        ahead["errors"]!.AsArray().Should().Contain(e => (string)e!["field"]! == "from");

        // A period that is over: the cut-off is its end, so asking twice gives the same report address.
        var first = (await (await s.Secretariat.PostAsJsonAsync("/api/reports/platform", new { from = "2025-01-01", to = "2025-03-31" })).Content.ReadFromJsonAsync<Ticket>())!;
        var second = (await (await s.Secretariat.PostAsJsonAsync("/api/reports/platform", new { from = "2025-01-01", to = "2025-03-31" })).Content.ReadFromJsonAsync<Ticket>())!;
        first.AsOf.Should().Be(new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.Zero));
        second.DownloadUrl.Should().Be(first.DownloadUrl);
    }

    private sealed record Ticket(DateOnly From, DateOnly To, DateTimeOffset AsOf, string? JobId, string DownloadUrl);
}
