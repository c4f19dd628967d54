using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using GhgReporting.Api.Tests.Service;
using GhgReporting.Jobs.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace GhgReporting.Api.Tests.Web;

/// <summary>
/// The verifier's pages: the queue shows a submitted period to the partner city's verifier only; the period page
/// shows the parameters, evidence, trace and figures; approve verifies, issues the credits and queues the final
/// report; reject needs a comment and stores it for its parameter; another city's verifier is told the period does
/// not exist. Data are set up through the API (<see cref="ProjectFlowScenario"/>); the pages are used as a browser does.
/// </summary>
public sealed class VerifyPagesTests(VerifyPagesTests.Factory factory) : IClassFixture<VerifyPagesTests.Factory>
{
    public sealed class Factory : ServiceFactory;

    // Roof A 1,000 MWh and roof B 500 MWh of metered PV output; EF_RE 0.533 t CO2/MWh (JCM Indonesia, Jamali grid,
    // Case 2). RE_A = 533 t, RE_B = 266.5 t, ER = 799.5 t (PE = 0, no leakage), credits = floor(799.5) = 799.
    private const decimal RoofA = 1_000m, RoofB = 500m;

    private static readonly decimal ExpectedReductions = (RoofA + RoofB) * ProjectFlowScenario.JamaliCase2;

    private static readonly long ExpectedCredits = (long)decimal.Floor(ExpectedReductions);

    private static string Verifier(string city) => $"verifier.{city}@test.example";

    private static string Tonnes(decimal t) => t.ToString("#,##0.000", CultureInfo.InvariantCulture);

    /// <summary>A registered project with one submitted 2024 period (1,000 + 500 MWh) and one evidence file.</summary>
    private static async Task<(Guid ProjectId, Guid PeriodId, byte[] Evidence)> SubmittedAsync(ProjectFlowScenario s)
    {
        var projectId = await s.RegisterProjectAsync();
        var periodId = await s.CreatePeriodAsync(projectId, 2024);
        await (await s.SetGenerationAsync(periodId, RoofA, RoofB)).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        var log = Encoding.UTF8.GetBytes("month,market-a MWh,market-b MWh\n2024-01,83.3,41.7\n");
        await (await s.HostReporter.PostAsync($"/api/periods/{periodId}/evidence", Service.Uploads.File("meter-log-2024.csv", log))).ShouldAnswerJsonAsync(HttpStatusCode.Created);
        await (await ProjectFlowScenario.PostAsync(s.HostReporter, periodId, "submit")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        return (projectId, periodId, log);
    }

    private static async Task<string> TextAsync(PageClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var (status, html) = await client.GetAsync(url);
        status.Should().Be(expected, $"GET {url}");
        return WebUtility.HtmlDecode(html);
    }

    private static async Task<string> StateAsync(ProjectFlowScenario s, Guid periodId) =>
        (string)(await (await s.PartnerVerifier.GetAsync($"/api/periods/{periodId}")).ShouldAnswerJsonAsync(HttpStatusCode.OK))["state"]!;

    [Fact]
    public async Task Queue_ShowsASubmittedPeriod_ToThePartnerCitysVerifierOnly()
    {
        using var s = await ProjectFlowScenario.CreateAsync(factory, "vq");
        var (_, periodId, _) = await SubmittedAsync(s);

        using var partner = await PageClient.SignInAsync(factory, Verifier(s.Partner));
        var queue = await TextAsync(partner, "/verify");
        queue.Should().Contain($"/verify/{periodId}").And.Contain(s.Code).And.Contain($"Surabaya (vq)")
            .And.Contain("2024-01-01").And.Contain(Tonnes(ExpectedReductions));

        using var host = await PageClient.SignInAsync(factory, Verifier(s.Host));
        (await TextAsync(host, "/verify")).Should().NotContain(s.Code, "a verifier never reviews its own city's project");
        (await host.GetAsync($"/verify/{periodId}")).Status.Should().Be(HttpStatusCode.NotFound);

        using var other = await PageClient.SignInAsync(factory, Verifier(s.Buyer));
        (await TextAsync(other, "/verify")).Should().NotContain(s.Code, "a third city's verifier has no part in this project");
        (await other.GetAsync($"/verify/{periodId}")).Status.Should().Be(HttpStatusCode.NotFound);

        using var secretariat = await PageClient.SignInAsync(factory, ServiceFactory.SecretariatEmail);
        var readOnly = await TextAsync(secretariat, $"/verify/{periodId}");
        readOnly.Should().Contain(s.Code).And.NotContain("name=\"Decision\"", "only the partner city's verifier decides");

        using var anonymous = PageClient.Anonymous(factory);
        var redirect = await anonymous.Http.GetAsync($"/verify/{periodId}");
        redirect.StatusCode.Should().Be(HttpStatusCode.Redirect);
        redirect.Headers.Location!.ToString().Should().Contain("/account/sign-in");
    }

    [Fact]
    public async Task PeriodPage_ShowsParametersEvidenceTraceAndFigures()
    {
        using var s = await ProjectFlowScenario.CreateAsync(factory, "vp");
        var (_, periodId, log) = await SubmittedAsync(s);
        using var partner = await PageClient.SignInAsync(factory, Verifier(s.Partner));

        var page = await TextAsync(partner, $"/verify/{periodId}");
        // Parameters: both roofs with their values, option C explained, source and method; the ex-ante factor.
        page.Should().Contain("EG[market-a]").And.Contain("EG[market-b]").And.Contain("1,000").And.Contain("Inverter meter log")
            .And.Contain("Revenue-grade AC meter, read monthly").And.Contain("measured directly with a meter")
            .And.Contain("EF_RE").And.Contain("0.533");
        page.Should().Contain("name=\"Comments[0].Text\"").And.Contain("name=\"Comments[1].Text\"");
        // Evidence: download link and the SHA-256 computed here from the bytes sent.
        page.Should().Contain($"/api/periods/{periodId}/evidence/").And.Contain("meter-log-2024.csv")
            .And.Contain(Convert.ToHexStringLower(SHA256.HashData(log)));
        // Trace: one reference step per roof (EG × EF_RE), then the results.
        page.Should().Contain("RE_i,p [market-a]").And.Contain("1000 × 0.533").And.Contain((RoofB * ProjectFlowScenario.JamaliCase2).ToString(CultureInfo.InvariantCulture).TrimEnd('0'))
            .And.Contain("ER = RE − PE − LE");
        page.Should().Contain(Tonnes(ExpectedReductions)).And.Contain($"data-credits>{ExpectedCredits}<");
        page.Should().Contain("name=\"Decision\" value=\"approve\"").And.Contain("name=\"Decision\" value=\"reject\"");

        // The draft report is being rendered (no job server in tests): the review form links to a page that waits for
        // it (waiting reloads its page, which must not be the form being typed into); once stored, that page opens it.
        page.Should().Contain($"href=\"/verify/{periodId}/report\"").And.NotContain("data-wait-for");
        (await TextAsync(partner, $"/verify/{periodId}/report")).Should().Contain($"data-wait-for=\"/api/periods/{periodId}/report.pdf\"");
        using (var scope = factory.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<ReportJobs>().MonitoringReportAsync(periodId, false, null, CancellationToken.None);
        var ready = await partner.Http.GetAsync($"/verify/{periodId}/report");
        ready.StatusCode.Should().Be(HttpStatusCode.Redirect);
        ready.Headers.Location!.ToString().Should().Be($"/api/periods/{periodId}/report.pdf");
        (await TextAsync(partner, $"/verify/{periodId}")).Should().Contain("Download the draft report (PDF)");
    }

    [Fact]
    public async Task Reject_WithoutAnyComment_IsRefusedWithAMessage_AndApproveWithParameterCommentsToo()
    {
        using var s = await ProjectFlowScenario.CreateAsync(factory, "vr0");
        var (_, periodId, _) = await SubmittedAsync(s);
        using var partner = await PageClient.SignInAsync(factory, Verifier(s.Partner));
        var url = $"/verify/{periodId}";

        var refused = await partner.PostFormAsync(url, url, new()
        {
            ["Decision"] = "reject", ["Summary"] = "  ", ["Comments[0].Parameter"] = "EG[market-a]", ["Comments[0].Text"] = "",
        });
        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()).Should().Contain("To reject, write at least one comment");
        (await StateAsync(s, periodId)).Should().Be("submitted", "nothing was changed, not even the start of the review");

        var approveWithComment = await partner.PostFormAsync(url, url, new()
        {
            ["Decision"] = "approve", ["Comments[0].Parameter"] = "EG[market-a]", ["Comments[0].Text"] = "Check the January reading.",
        });
        approveWithComment.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await approveWithComment.Content.ReadAsStringAsync());
        html.Should().Contain("You wrote comments on parameters").And.Contain("Check the January reading.", "what was typed is kept");
        (await StateAsync(s, periodId)).Should().Be("submitted");
    }

    [Fact]
    public async Task Reject_WithACommentOnAParameter_RejectsAndStoresTheComment()
    {
        using var s = await ProjectFlowScenario.CreateAsync(factory, "vr1");
        var (_, periodId, _) = await SubmittedAsync(s);
        using var partner = await PageClient.SignInAsync(factory, Verifier(s.Partner));
        var url = $"/verify/{periodId}";

        var response = await partner.PostFormAsync(url, url, new()
        {
            ["Decision"] = "reject", ["Summary"] = "",
            ["Comments[0].Parameter"] = "EG[market-a]", ["Comments[0].Text"] = "",
            ["Comments[1].Parameter"] = "EG[market-b]", ["Comments[1].Text"] = "500 MWh is more than this inverter can produce in a year.",
        });
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        response.Headers.Location!.ToString().Should().Be(url);

        var period = await (await s.PartnerVerifier.GetAsync($"/api/periods/{periodId}")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        ((string)period["state"]!).Should().Be("rejected");
        var comments = period["comments"]!.AsArray();
        comments.Should().ContainSingle();
        ((string)comments[0]!["parameter"]!).Should().Be("EG[market-b]");
        ((string)comments[0]!["comment"]!).Should().Be("500 MWh is more than this inverter can produce in a year.");
        (await PlatformAssertions.ScalarAsync<long>(factory.ConnectionString, "SELECT count(*) FROM credits WHERE period_id = @id", ("id", periodId))).Should().Be(0);

        var after = await TextAsync(partner, url);
        after.Should().Contain("Rejected.").And.Contain("500 MWh is more than this inverter can produce in a year.")
            .And.NotContain("name=\"Decision\"", "a rejected period is read only until it is submitted again");
    }

    [Fact]
    public async Task Approve_VerifiesIssuesTheCreditsAndQueuesTheFinalReport()
    {
        using var s = await ProjectFlowScenario.CreateAsync(factory, "va");
        var (_, periodId, _) = await SubmittedAsync(s);
        using var partner = await PageClient.SignInAsync(factory, Verifier(s.Partner));
        var url = $"/verify/{periodId}";
        (await FinalReportJobsAsync(periodId)).Should().Be(0);

        var response = await partner.PostFormAsync(url, url, new() { ["Decision"] = "approve", ["Summary"] = "Meter logs match the invoices." });
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());

        var period = await (await s.PartnerVerifier.GetAsync($"/api/periods/{periodId}")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        ((string)period["state"]!).Should().Be("verified");
        ((string)period["reviewSummary"]!).Should().Be("Meter logs match the invoices.");
        (await PlatformAssertions.ScalarAsync<long>(factory.ConnectionString, "SELECT count(*) FROM credits WHERE period_id = @id AND state = 'issued'", ("id", periodId)))
            .Should().Be(ExpectedCredits);
        (await FinalReportJobsAsync(periodId)).Should().Be(1, "the verification queues the final report, as the API's verify does");

        var after = await TextAsync(partner, url);
        after.Should().Contain($"Approved. {s.Code} period 1 is verified and {ExpectedCredits} credits were issued.")
            .And.Contain("Verified").And.Contain($"data-credits>{ExpectedCredits}<").And.NotContain("name=\"Decision\"");
        (await TextAsync(partner, "/verify")).Should().Contain("Recent decisions").And.Contain(url);
    }

    [Fact]
    public async Task OtherCitysVerifier_CannotPostADecision()
    {
        using var s = await ProjectFlowScenario.CreateAsync(factory, "vx");
        var (_, periodId, _) = await SubmittedAsync(s);
        using var partner = await PageClient.SignInAsync(factory, Verifier(s.Partner));
        using var other = await PageClient.SignInAsync(factory, Verifier(s.Buyer));
        var url = $"/verify/{periodId}";

        // The other verifier takes a valid token from a page of its own and posts to this period.
        var response = await other.PostFormAsync("/verify", url, new() { ["Decision"] = "approve" });
        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await StateAsync(s, periodId)).Should().Be("submitted");
        (await TextAsync(partner, url)).Should().Contain("name=\"Decision\"");
    }

    /// <summary>Final monitoring report jobs of the period in Hangfire's storage (the draft's job has final = false).</summary>
    private Task<long> FinalReportJobsAsync(Guid periodId) =>
        PlatformAssertions.ScalarAsync<long>(factory.ConnectionString,
            "SELECT count(*) FROM hangfire.job WHERE invocationdata::text LIKE '%MonitoringReportAsync%' AND arguments::text LIKE '%' || @id || '%' AND arguments::text LIKE '%true%'",
            ("id", periodId.ToString()));
}
