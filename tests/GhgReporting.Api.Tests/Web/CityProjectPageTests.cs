using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using GhgReporting.Api.Tests.Service;

namespace GhgReporting.Api.Tests.Web;

/// <summary>
/// The reporter's project, monitoring and credit pages, with the rooftop solar PV project of
/// <see cref="ProjectFlowScenario"/> (RE = Σ EG_i × EF_RE, PE = 0; EF_RE = 0.533 t CO2/MWh, JCM Indonesia Jamali Case 2):
/// a period is opened and filled in on the pages and submitted; the figures shown are computed here from the
/// generation typed in. A rejection brings the verifier's comments next to the values; credits are retired with a
/// verification code the public lookup confirms. Other cities' pages answer 404, verifiers are refused.
/// </summary>
public sealed partial class CityProjectPageTests(CityProjectPageTests.Factory factory) : IClassFixture<CityProjectPageTests.Factory>
{
    public sealed class Factory : ServiceFactory;

    private static string Tonnes(decimal t) => decimal.Round(t, 3, MidpointRounding.AwayFromZero).ToString("#,##0.000", CultureInfo.InvariantCulture);

    private static string Text(string html) => Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(html, " ")), " ");

    private static Dictionary<string, string> Generation(decimal roofA, decimal roofB) => new()
    {
        ["Rows[0].Name"] = "EG", ["Rows[0].Index"] = "market-a", ["Rows[0].Value"] = roofA.ToString(CultureInfo.InvariantCulture), ["Rows[0].Unit"] = "MWh",
        ["Rows[0].Option"] = "C", ["Rows[0].Source"] = "Inverter meter log", ["Rows[0].Method"] = "Revenue-grade AC meter, read monthly",
        ["Rows[1].Name"] = "EG", ["Rows[1].Index"] = "market-b", ["Rows[1].Value"] = roofB.ToString(CultureInfo.InvariantCulture), ["Rows[1].Unit"] = "MWh",
        ["Rows[1].Option"] = "C", ["Rows[1].Source"] = "Inverter meter log", ["Rows[1].Method"] = "Revenue-grade AC meter, read monthly",
        // An unused row, as the form sends it: skipped.
        ["Rows[2].Name"] = "EG", ["Rows[2].Unit"] = "MWh", ["Rows[2].Option"] = "C",
    };

    /// <summary>Opens the 2024 period on the project page; returns the period page's address.</summary>
    private static async Task<string> OpenPeriodAsync(PageClient page, ProjectFlowScenario s, Guid projectId)
    {
        var project = $"/city/{s.Host}/projects/{projectId}";
        var opened = await page.PostFormAsync(project, project, new() { ["PeriodStart"] = "2024-01-01", ["PeriodEnd"] = "2024-12-31" });
        opened.StatusCode.Should().Be(HttpStatusCode.Redirect, await opened.Content.ReadAsStringAsync());
        var period = opened.Headers.Location!.ToString();
        period.Should().MatchRegex($"^/city/{s.Host}/periods/[0-9a-f-]{{36}}$");
        return period;
    }

    private static Guid PeriodId(string url) => Guid.Parse(url[(url.LastIndexOf('/') + 1)..]);

    [Fact]
    public async Task Period_FilledInAndSubmittedOnThePage_ShowsTheFiguresComputedFromTheGeneration()
    {
        using var s = await ProjectFlowScenario.CreateAsync(factory, "wpf");
        var projectId = await s.RegisterProjectAsync();
        using var page = await PageClient.SignInAsync(factory, $"reporter.{s.Host}@test.example");
        var (status, projectHtml) = await page.GetAsync($"/city/{s.Host}/projects/{projectId}");
        status.Should().Be(HttpStatusCode.OK);
        Text(projectHtml).Should().Contain(s.Code).And.Contain("EF_RE").And.Contain("0.533");
        var period = await OpenPeriodAsync(page, s, projectId);

        // Submitting with nothing filled in: the methodology's problems are listed and nothing is submitted.
        var empty = await page.PostFormAsync(period, period + "?handler=submit", new() { ["Rows[0].Name"] = "EG", ["Rows[0].Unit"] = "MWh", ["Rows[0].Option"] = "C" });
        empty.StatusCode.Should().Be(HttpStatusCode.OK);
        Text(await empty.Content.ReadAsStringAsync()).Should().Contain("The reductions cannot be calculated").And.Contain("EG");

        // A value that is not a number names the row and the field; nothing is saved.
        var bad = Generation(1200.5m, 800.25m);
        bad["Rows[1].Value"] = "800,25";
        Text(await (await page.PostFormAsync(period, period + "?handler=save", bad)).Content.ReadAsStringAsync())
            .Should().Contain("Row 2 (EG[market-b]): Value '800,25' is not a number");

        // An evidence file: stored with its SHA-256, which the page lists.
        var meterLog = "month,market-a,market-b\n2024-01,100.1,66.5\n"u8.ToArray();
        var evidence = await page.PostMultipartAsync(period, period + "?handler=evidence", [], [("evidence", "meter-log-2024.csv", "text/csv", meterLog)]);
        evidence.StatusCode.Should().Be(HttpStatusCode.Redirect, Text(await evidence.Content.ReadAsStringAsync()));
        Text((await page.GetAsync(period)).Html).Should().Contain("meter-log-2024.csv").And.Contain(Convert.ToHexStringLower(SHA256.HashData(meterLog)));

        var submitted = await page.PostFormAsync(period, period + "?handler=submit", Generation(1200.5m, 800.25m));

        submitted.StatusCode.Should().Be(HttpStatusCode.Redirect, Text(await submitted.Content.ReadAsStringAsync()));
        var (_, html) = await page.GetAsync(period);
        var text = Text(html);
        // RE = (1,200.5 + 800.25) MWh × 0.533 t/MWh = 1,066.39975 t; PE = 0; ER = RE; credits = ⌊ER⌋.
        var reductions = ProjectFlowScenario.Reductions(1200.5m, 800.25m);
        reductions.Should().Be(1_066.39975m);
        text.Should().Contain($"Reference emissions {Tonnes(reductions)} tCO2e").And.Contain("Project emissions 0.000 tCO2e")
            .And.Contain($"Emission reductions {Tonnes(reductions)} tCO2e").And.Contain($"Credits {ProjectFlowScenario.Credits(1200.5m, 800.25m):#,##0} credits, issued only after verification");
        text.Should().Contain("Submitted").And.Contain("Get the draft monitoring report");
        html.Should().NotContain("name=\"Rows[0].Value\"", "a submitted period cannot be changed");
        var api = await (await s.HostReporter.GetAsync($"/api/periods/{PeriodId(period)}")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        ((string)api["state"]!).Should().Be("submitted");
        ((decimal)api["reductions"]!).Should().Be(reductions);

        // The draft report is asked for from the page, which then waits for it.
        (await page.GetAsync(period + "?report=true")).Html.Should().Contain($"data-wait-for=\"/api/periods/{PeriodId(period)}/report.pdf\"");
    }

    [Fact]
    public async Task Period_Rejected_ShowsTheVerifiersCommentNextToTheValue_AndCanBeResubmitted()
    {
        using var s = await ProjectFlowScenario.CreateAsync(factory, "wpr");
        var projectId = await s.RegisterProjectAsync();
        using var page = await PageClient.SignInAsync(factory, $"reporter.{s.Host}@test.example");
        var period = await OpenPeriodAsync(page, s, projectId);
        (await page.PostFormAsync(period, period + "?handler=submit", Generation(300m, 200m))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        await (await ProjectFlowScenario.PostAsync(s.PartnerVerifier, PeriodId(period), "review")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        await (await ProjectFlowScenario.PostAsync(s.PartnerVerifier, PeriodId(period), "reject", new
        {
            summary = "Please complete the meter evidence.",
            comments = new[] { new { parameter = "EG[market-a]", comment = "The March meter reading is missing." } },
        })).ShouldAnswerJsonAsync(HttpStatusCode.OK);

        var (_, html) = await page.GetAsync(period);

        var text = Text(html);
        text.Should().Contain("Sent back").And.Contain("Please complete the meter evidence.");
        // The comment sits in the fieldset of the value it is about, and the fields are open again.
        html.Should().MatchRegex(@"<code>EG\[market-a\]</code>\s*</legend>\s*<p class=""review-comment""[^>]*>Verifier: The March meter reading is missing\.</p>");
        html.Should().Contain("name=\"Rows[0].Value\" value=\"300\"");

        var resubmitted = await page.PostFormAsync(period, period + "?handler=submit", Generation(310m, 200m));
        resubmitted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var api = await (await s.HostReporter.GetAsync($"/api/periods/{PeriodId(period)}")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        ((string)api["state"]!).Should().Be("submitted");
        ((decimal)api["reductions"]!).Should().Be(ProjectFlowScenario.Reductions(310m, 200m));
    }

    [Fact]
    public async Task Credits_RetiredOnThePage_ShowAVerificationCodeThePublicLookupConfirms()
    {
        using var s = await ProjectFlowScenario.CreateAsync(factory, "wcr");
        var (projectId, _, accountId) = await s.VerifiedProjectAsync(100m, 50m);
        var issued = ProjectFlowScenario.Credits(100m, 50m); // ⌊150 MWh × 0.533⌋ = 79
        using var page = await PageClient.SignInAsync(factory, $"reporter.{s.Host}@test.example");
        var credits = $"/city/{s.Host}/credits";
        Text((await page.GetAsync(credits)).Html).Should().Contain($"{issued} available, 0 retired");

        var retired = await page.PostFormAsync(credits, credits + "?handler=retire", new()
        {
            ["Account"] = accountId.ToString(), ["Project"] = projectId.ToString(), ["Vintage"] = "", ["Quantity"] = "12",
            ["Beneficiary"] = "Surabaya Green Festival", ["Purpose"] = "Offset of the festival's generators",
        });

        retired.StatusCode.Should().Be(HttpStatusCode.Redirect, Text(await retired.Content.ReadAsStringAsync()));
        var code = Regex.Match(retired.Headers.Location!.ToString(), "retired=([A-Z2-7]{12})").Groups[1].Value;
        code.Should().HaveLength(12);
        var (_, html) = await page.GetAsync(retired.Headers.Location!.ToString());
        Text(html).Should().Contain($"Verification code {code}").And.Contain($"{issued - 12} available, 12 retired");
        html.Should().Contain($"data-wait-for=\"/api/retirements/{code}/certificate.pdf\"", "the certificate is being rendered");
        var lookup = await (await s.Anonymous.GetAsync($"/api/retirements/{code}")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        ((long)lookup["quantity"]!).Should().Be(12);
        ((string)lookup["beneficiary"]!).Should().Be("Surabaya Green Festival");

        // A transfer to the buyer city: its account then holds them.
        var transferred = await page.PostFormAsync(credits, credits + "?handler=transfer", new()
        {
            ["Account"] = accountId.ToString(), ["Project"] = projectId.ToString(), ["Vintage"] = "2024", ["Quantity"] = "5", ["ToCity"] = s.Buyer,
        });
        transferred.StatusCode.Should().Be(HttpStatusCode.Redirect, Text(await transferred.Content.ReadAsStringAsync()));
        var buyer = await (await s.BuyerReporter.GetAsync($"/api/accounts/{await s.BuyerAccountIdAsync()}/balances")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        ((long)buyer["total"]!["available"]!).Should().Be(5);

        // More than there is: refused with the registry's reason, nothing retired.
        var tooMany = await page.PostFormAsync(credits, credits + "?handler=retire", new()
        {
            ["Account"] = accountId.ToString(), ["Project"] = projectId.ToString(), ["Quantity"] = "1000", ["Beneficiary"] = "x", ["Purpose"] = "y",
        });
        tooMany.StatusCode.Should().Be(HttpStatusCode.OK);
        Text(await tooMany.Content.ReadAsStringAsync()).Should().Contain("Not enough credits").And.Contain("Nothing was moved").And.Contain($"{issued - 17} available, 12 retired");
    }

    [Fact]
    public async Task OtherCitiesPages_Answer404_VerifiersAreRefused_TheSecretariatActsForTheCity()
    {
        using var s = await ProjectFlowScenario.CreateAsync(factory, "wiso");
        var projectId = await s.RegisterProjectAsync();
        var periodId = await s.CreatePeriodAsync(projectId, 2024);
        string[] hostPages =
        [
            $"/city/{s.Host}", $"/city/{s.Host}/upload", $"/city/{s.Host}/inventories/2024", $"/city/{s.Host}/projects/{projectId}",
            $"/city/{s.Host}/periods/{periodId}", $"/city/{s.Host}/credits", $"/city/{s.Host}/reports",
        ];
        using var host = await PageClient.SignInAsync(factory, $"reporter.{s.Host}@test.example");
        using var buyer = await PageClient.SignInAsync(factory, $"reporter.{s.Buyer}@test.example");
        using var secretariat = await PageClient.SignInAsync(factory, ServiceFactory.SecretariatEmail);
        using var verifier = await PageClient.SignInAsync(factory, $"verifier.{s.Host}@test.example");

        foreach (var url in hostPages)
        {
            (await host.GetAsync(url)).Status.Should().Be(HttpStatusCode.OK, url);
            var (status, html) = await buyer.GetAsync(url);
            status.Should().Be(HttpStatusCode.NotFound, url);
            html.Should().Contain("This page does not exist, or your account cannot see it.").And.NotContain(s.Host, "nothing of the other city shows");
            var denied = await verifier.Http.GetAsync(url);
            denied.StatusCode.Should().Be(HttpStatusCode.Redirect, url);
            denied.Headers.Location!.AbsolutePath.Should().Be("/account/denied");
            (await secretariat.GetAsync(url)).Status.Should().Be(HttpStatusCode.OK, url);
        }
        // The host city's project and period under another city's address are not found either.
        (await buyer.GetAsync($"/city/{s.Buyer}/projects/{projectId}")).Status.Should().Be(HttpStatusCode.NotFound);
        (await buyer.GetAsync($"/city/{s.Buyer}/periods/{periodId}")).Status.Should().Be(HttpStatusCode.NotFound);
        // A city that does not exist, and a write to another city: 404 as well.
        (await secretariat.GetAsync("/city/no-such-city")).Status.Should().Be(HttpStatusCode.NotFound);
        var own = $"/city/{s.Buyer}/upload";
        (await buyer.PostFormAsync(own, $"/city/{s.Host}/credits?handler=retire", new() { ["Quantity"] = "1" })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        Text((await secretariat.GetAsync($"/city/{s.Host}")).Html).Should().Contain("You are working for").And.Contain("as the secretariat");
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
