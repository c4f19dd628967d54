using System.Net;
using System.Net.Http.Json;
using GhgReporting.Data;
using GhgReporting.Data.Entities;
using GhgReporting.Jobs.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace GhgReporting.Api.Tests.Service;

/// <summary>
/// Submitting a monitoring period queues its draft report, verifying it queues the final one. Jobs are run here
/// in-process after checking that they were queued in Hangfire's storage (the same class and method a worker
/// calls); the PDFs are read back through the download endpoint with the isolation of the period itself.
/// </summary>
public sealed class MonitoringReportFlowTests(MonitoringReportFlowTests.Factory factory) : IClassFixture<MonitoringReportFlowTests.Factory>
{
    public sealed class Factory : ServiceFactory;

    [Fact]
    public async Task SubmitThenVerify_DraftForTheCitiesThenFinalForEveryone()
    {
        using var s = await ProjectFlowScenario.CreateAsync(factory, "mrep");
        var projectId = await s.RegisterProjectAsync();
        var periodId = await s.CreatePeriodAsync(projectId, 2024);
        await (await s.SetGenerationAsync(periodId, 1_000m, 900m)).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        var url = $"/api/periods/{periodId}/report.pdf";
        (await s.HostReporter.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.NotFound, "a draft period has no report");

        await (await ProjectFlowScenario.PostAsync(s.HostReporter, periodId, "submit")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        (await QueuedMonitoringJobsAsync(periodId)).Should().Be(1, "the submission queues the draft report");
        (await s.HostReporter.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        await RunAsync(j => j.MonitoringReportAsync(periodId, false, null, CancellationToken.None));

        // EG = 1,000 + 900 MWh; EF_RE 0.533 t CO2/MWh (JCM Indonesia Jamali grid, Case 2) → 1,012.7 t; credits 1,012.
        var draft = Text(await DownloadAsync(s.HostReporter, url));
        draft.Pages.Should().OnlyContain(p => p.Contains("DRAFT"));
        draft.All.Should().Contain(s.Code).And.Contain("1,012.700");
        Text(await DownloadAsync(s.PartnerVerifier, url)).All.Should().Contain(s.Code, "the partner city's verifier reviews the draft");
        (await s.BuyerReporter.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.NotFound, "a third city may not read the draft");
        (await s.Anonymous.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.NotFound, "the public may not read the draft");
        var listedForThirdCity = await (await s.BuyerReporter.GetAsync("/api/reports?kind=monitoring-report")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        listedForThirdCity.AsArray().Should().NotContain(r => ((string)r!["subjectKey"]!).StartsWith($"period:{periodId}"));

        await (await ProjectFlowScenario.PostAsync(s.PartnerVerifier, periodId, "review")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        await (await ProjectFlowScenario.PostAsync(s.PartnerVerifier, periodId, "verify", new { summary = "Meter logs match the invoices." })).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        (await QueuedMonitoringJobsAsync(periodId)).Should().Be(2, "the verification queues the final report");
        await RunAsync(j => j.MonitoringReportAsync(periodId, true, null, CancellationToken.None));
        await RunAsync(j => j.MonitoringReportAsync(periodId, true, null, CancellationToken.None));

        var final = Text(await DownloadAsync(s.Anonymous, url));
        final.Pages.Should().NotContain(p => p.Contains("DRAFT"));
        final.All.Should().Contain(s.Code).And.Contain("1,012.700").And.Contain("1,012 (whole tonnes of CO2e, rounded down)").And.Contain("Meter logs match the invoices.")
            .And.Contain("Kitakyushu (mrep) verifier");
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GhgDbContext>();
        var stored = await db.Reports.AsNoTracking().Where(r => r.Kind == ReportKinds.MonitoringReport && r.ProjectId == projectId).ToListAsync();
        stored.Should().HaveCount(2, "one draft and one final, however often the jobs ran");
        stored.Single(r => r.SubjectKey.EndsWith(":final")).IsPublic.Should().BeTrue();
        stored.Single(r => r.SubjectKey.Contains(":draft:")).IsPublic.Should().BeFalse();
        stored.Should().OnlyContain(r => r.Sources.Contains("catalogHash") && r.Sources.Contains(s.Code));
    }

    [Fact]
    public async Task RejectedAndResubmitted_EachSubmissionHasItsOwnDraft()
    {
        using var s = await ProjectFlowScenario.CreateAsync(factory, "mrej");
        var projectId = await s.RegisterProjectAsync();
        var periodId = await s.CreatePeriodAsync(projectId, 2024);
        await (await s.SetGenerationAsync(periodId, 1_000m, 900m)).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        await (await ProjectFlowScenario.PostAsync(s.HostReporter, periodId, "submit")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        await RunAsync(j => j.MonitoringReportAsync(periodId, false, null, CancellationToken.None));
        await (await ProjectFlowScenario.PostAsync(s.PartnerVerifier, periodId, "review")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        await (await ProjectFlowScenario.PostAsync(s.PartnerVerifier, periodId, "reject",
            new { summary = "Roof B reading is a typo.", comments = new[] { new { parameter = "EG[market-b]", comment = "900 MWh is above the inverter's capacity." } } })).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        await (await s.SetGenerationAsync(periodId, 1_000m, 90m)).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        await (await ProjectFlowScenario.PostAsync(s.HostReporter, periodId, "submit")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        await RunAsync(j => j.MonitoringReportAsync(periodId, false, null, CancellationToken.None));

        // 1,090 MWh × 0.533 t/MWh = 580.97 t CO2e.
        var draft = Text(await DownloadAsync(s.HostReporter, $"/api/periods/{periodId}/report.pdf"));
        draft.All.Should().Contain("580.970").And.NotContain("1,012.700").And.Contain("900 MWh is above the inverter's capacity.");
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GhgDbContext>();
        (await db.Reports.CountAsync(r => r.Kind == ReportKinds.MonitoringReport && r.SubjectKey.StartsWith($"period:{periodId}:draft:"))).Should().Be(2);
    }

    [Fact]
    public async Task FinalReportOfAPeriodThatIsNotVerified_Fails()
    {
        using var s = await ProjectFlowScenario.CreateAsync(factory, "mnv");
        var projectId = await s.RegisterProjectAsync();
        var periodId = await s.CreatePeriodAsync(projectId, 2024);
        var act = () => RunAsync(j => j.MonitoringReportAsync(periodId, true, null, CancellationToken.None));
        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("*draft, not verified*");
    }

    private async Task<int> QueuedMonitoringJobsAsync(Guid periodId)
    {
        await using var connection = new Npgsql.NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM hangfire.job WHERE invocationdata::text LIKE '%MonitoringReportAsync%' AND arguments::text LIKE '%' || @id || '%'", connection);
        command.Parameters.AddWithValue("id", periodId.ToString());
        return Convert.ToInt32(await command.ExecuteScalarAsync());
    }

    private async Task RunAsync(Func<ReportJobs, Task> job)
    {
        using var scope = factory.Services.CreateScope();
        await job(scope.ServiceProvider.GetRequiredService<ReportJobs>());
    }

    private static async Task<byte[]> DownloadAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        return await response.Content.ReadAsByteArrayAsync();
    }

    private sealed record PdfText(IReadOnlyList<string> Pages)
    {
        public string All => string.Join("\n", Pages);
    }

    private static PdfText Text(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return new PdfText(document.GetPages().Select(p => p.Text).ToList());
    }
}
