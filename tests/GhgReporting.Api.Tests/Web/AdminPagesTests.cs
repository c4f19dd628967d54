using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using GhgReporting.Api.Tests.Service;
using GhgReporting.Data;
using GhgReporting.Data.Entities;
using GhgReporting.Jobs.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GhgReporting.Api.Tests.Web;

/// <summary>
/// The secretariat's pages (Pages/Admin): cities, partnerships and accounts added through the forms are stored with
/// their audit entries, and a refused form names each field and stores nothing; a project is registered for partner
/// cities and refused for others; the registry lists an issuance with its credits; a platform report is queued, waited
/// for and offered for download; other roles cannot open the pages. Expected figures are computed here from the inputs.
/// </summary>
public sealed partial class AdminPagesTests(AdminPagesTests.Factory factory) : IClassFixture<AdminPagesTests.Factory>
{
    public sealed class Factory : ServiceFactory;

    private static readonly string[] AdminPages = ["/admin", "/admin/cities", "/admin/users", "/admin/projects", "/admin/registry", "/admin/platform-report"];

    [Fact]
    public async Task CityPartnershipAndUser_AddedThroughTheForms_AreStoredAndAudited()
    {
        await factory.AddCityAsync("adm-kitakyushu", "JP", "Kitakyushu (adm)", climate: null);
        using var page = await PageClient.SignInAsync(factory, ServiceFactory.SecretariatEmail);

        var added = await page.PostFormAsync("/admin/cities", "/admin/cities?handler=City", new()
        {
            ["City.Id"] = "adm-hue", ["City.Name"] = "Huế", ["City.Country"] = "VN", ["City.Climate"] = "tropical-wet",
            ["City.Population"] = "652,572", ["City.PopulationYear"] = "2019", ["City.PopulationSource"] = "2019 census",
        });
        added.StatusCode.Should().Be(HttpStatusCode.Redirect, await added.Content.ReadAsStringAsync());
        added.Headers.Location!.ToString().Should().Be("/admin/cities");

        using var api = await factory.SecretariatAsync();
        var city = await (await api.GetAsync("/api/cities/adm-hue")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        ((string)city["name"]!, (string)city["country"]!, (long)city["population"]!, (int)city["populationYear"]!).Should().Be(("Huế", "VN", 652_572L, 2019));

        var linked = await page.PostFormAsync("/admin/cities", "/admin/cities?handler=Partnership", new()
        {
            ["Partnership.CityId"] = "adm-hue", ["Partnership.PartnerCityId"] = "adm-kitakyushu", ["Partnership.Description"] = "Water supply cooperation",
        });
        linked.StatusCode.Should().Be(HttpStatusCode.Redirect, await linked.Content.ReadAsStringAsync());
        city = await (await api.GetAsync("/api/cities/adm-hue")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        var partner = city["partners"]!.AsArray().Should().ContainSingle().Subject!;
        ((string)partner["cityId"]!, (string)partner["description"]!).Should().Be(("adm-kitakyushu", "Water supply cooperation"));

        var (status, html) = await page.GetAsync("/admin/cities");
        status.Should().Be(HttpStatusCode.OK);
        var row = Row(html, "data-city=\"adm-hue\"");
        row.Should().Contain("Huế").And.Contain("652,572").And.Contain("Kitakyushu (adm)").And.Contain("href=\"/city/adm-hue\"");
        Decode(html).Should().Contain("Huế and Kitakyushu (adm) are now partner cities.", "the page says what was done");

        var user = await page.PostFormAsync("/admin/users", "/admin/users", new()
        {
            ["Account.Email"] = "reporter.hue@test.example", ["Account.DisplayName"] = "Hue reporter", ["Account.Role"] = "reporter",
            ["Account.CityId"] = "adm-hue", ["Account.Password"] = ServiceFactory.Password,
        });
        user.StatusCode.Should().Be(HttpStatusCode.Redirect, await user.Content.ReadAsStringAsync());
        var accounts = await (await api.GetAsync("/api/users")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        var account = accounts.AsArray().Should().ContainSingle(u => (string)u!["email"]! == "reporter.hue@test.example").Subject!;
        ((string)account["role"]!, (string)account["cityId"]!, (string)account["displayName"]!).Should().Be(("reporter", "adm-hue", "Hue reporter"));
        using (var reporter = PageClient.Anonymous(factory))
        {
            var signIn = await reporter.PostFormAsync("/account/sign-in", "/account/sign-in", new() { ["Email"] = "reporter.hue@test.example", ["Password"] = ServiceFactory.Password });
            signIn.Headers.Location!.ToString().Should().Be("/city/adm-hue", "the new reporter signs in with the first password and lands on the city's page");
        }
        (_, html) = await page.GetAsync("/admin/users");
        Row(html, "data-user=\"reporter.hue@test.example\"").Should().Contain("Hue reporter").And.Contain("Reporter").And.Contain("Huế");

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GhgDbContext>();
        var audit = await db.AuditLog.AsNoTracking().Where(a => a.CityId == "adm-hue").OrderBy(a => a.Id).Select(a => new { a.Action, a.UserName, a.Role }).ToListAsync();
        audit.Select(a => a.Action).Should().Equal("city.created", "partnership.created", "user.created");
        audit.Should().OnlyContain(a => a.UserName == ServiceFactory.SecretariatEmail && a.Role == "secretariat");
    }

    [Fact]
    public async Task BadForms_NameEachField_AndStoreNothing()
    {
        await factory.AddCityAsync("adm-bad", "KH", "Bad Forms City");
        using var page = await PageClient.SignInAsync(factory, ServiceFactory.SecretariatEmail);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GhgDbContext>();
        var citiesBefore = await db.Cities.CountAsync();
        var usersBefore = await db.Users.CountAsync();
        var auditBefore = await db.AuditLog.CountAsync();

        var city = await page.PostFormAsync("/admin/cities", "/admin/cities?handler=City", new()
        {
            ["City.Id"] = "Phnom Penh", ["City.Name"] = "", ["City.Country"] = "Cambodia", ["City.Population"] = "many",
        });
        city.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = Decode(await city.Content.ReadAsStringAsync());
        html.Should().Contain("Nothing was saved.")
            .And.Contain("City id: use small letters, digits and single hyphens")
            .And.Contain("Name: please enter the name of the city.")
            .And.Contain("Country: use the two-letter ISO code")
            .And.Contain("Population: enter a whole number");
        html.Should().Contain("id=\"City_Id\" name=\"City.Id\" type=\"text\" value=\"Phnom Penh\"", "the typed value is kept")
            .And.MatchRegex("name=\"City.Country\"[^>]*aria-invalid=\"true\"");

        var same = await page.PostFormAsync("/admin/cities", "/admin/cities?handler=Partnership", new() { ["Partnership.CityId"] = "adm-bad", ["Partnership.PartnerCityId"] = "adm-bad" });
        Decode(await same.Content.ReadAsStringAsync()).Should().Contain("Partner city: a city cannot be its own partner.");

        var reporter = await page.PostFormAsync("/admin/users", "/admin/users", new()
        {
            ["Account.Email"] = "no-city@test.example", ["Account.DisplayName"] = "No City", ["Account.Role"] = "reporter", ["Account.CityId"] = "",
            ["Account.Password"] = "short",
        });
        reporter.StatusCode.Should().Be(HttpStatusCode.OK);
        html = Decode(await reporter.Content.ReadAsStringAsync());
        html.Should().Contain("City: reporters and verifiers belong to one city.")
            .And.Contain("First password: use at least 12 characters.")
            .And.Contain("First password: add a capital letter")
            .And.Contain("First password: add a digit");
        html.Should().NotContain("value=\"short\"", "a refused password is not sent back");

        var secretariatWithCity = await page.PostFormAsync("/admin/users", "/admin/users", new()
        {
            ["Account.Email"] = ServiceFactory.SecretariatEmail, ["Account.DisplayName"] = "Twice", ["Account.Role"] = "secretariat", ["Account.CityId"] = "adm-bad",
            ["Account.Password"] = ServiceFactory.Password,
        });
        html = Decode(await secretariatWithCity.Content.ReadAsStringAsync());
        html.Should().Contain("City: a secretariat account belongs to no city.").And.Contain($"E-mail: an account for {ServiceFactory.SecretariatEmail} exists already.");

        (await db.Cities.CountAsync()).Should().Be(citiesBefore);
        (await db.Users.CountAsync()).Should().Be(usersBefore);
        (await db.AuditLog.CountAsync()).Should().Be(auditBefore);
        (await db.Partnerships.CountAsync(p => p.CityId == "adm-bad" || p.PartnerCityId == "adm-bad")).Should().Be(0);
    }

    [Fact]
    public async Task RegisterProject_ForPartnerCities_AndRefusedForCitiesThatAreNotPartners()
    {
        using var s = await ProjectFlowScenario.CreateAsync(factory, "admpj");
        using var page = await PageClient.SignInAsync(factory, ServiceFactory.SecretariatEmail);
        var (methodologyId, version) = await s.SolarPvMethodologyAsync();
        var step2 = $"/admin/projects?methodology={methodologyId}:{version}";

        var (status, html) = await page.GetAsync(step2);
        status.Should().Be(HttpStatusCode.OK);
        // The solar PV methodology fixes one parameter ex ante, EF_RE (t/MWh, no default); EG is monitored, so it has no row.
        html.Should().Contain("id=\"parameter-EF_RE\"").And.NotContain("id=\"parameter-EG\"");
        html.Should().Contain("name=\"Project.ExAnte[0].Name\" value=\"EF_RE\"").And.Contain("name=\"Project.ExAnte[0].Unit\" type=\"text\" value=\"t/MWh\"");
        Decode(html).Should().Contain("No default: give a value.");

        Dictionary<string, string> Form(string code, string partner, string value) => new()
        {
            ["Project.MethodologyId"] = methodologyId, ["Project.MethodologyVersion"] = version, ["Project.Code"] = code,
            ["Project.Title"] = "Rooftop solar PV on markets", ["Project.Sector"] = "Renewable energy", ["Project.HostCityId"] = s.Host,
            ["Project.PartnerCityId"] = partner, ["Project.CreditingStart"] = "2024-01-01", ["Project.CreditingEnd"] = "2030-12-31", ["Project.Stage"] = "operating",
            ["Project.FundingScheme"] = "JCM Model Project", ["Project.CoBenefits"] = "Lower electricity bills", ["Project.Outcomes"] = "",
            ["Project.ExAnte[0].Name"] = "EF_RE", ["Project.ExAnte[0].Value"] = value, ["Project.ExAnte[0].Unit"] = "t/MWh",
            ["Project.ExAnte[0].Source"] = "JCM Indonesia grid emission factors, Jamali Case 2",
        };

        var registered = await page.PostFormAsync(step2, "/admin/projects", Form(s.Code, s.Partner, "0.533"));
        registered.StatusCode.Should().Be(HttpStatusCode.Redirect, Decode(await registered.Content.ReadAsStringAsync()));
        var projects = await (await s.Anonymous.GetAsync($"/api/projects?cityId={s.Host}")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        var project = projects.AsArray().Should().ContainSingle().Subject!;
        ((string)project["code"]!, (string)project["partnerCityId"]!, (string)project["methodologyId"]!).Should().Be((s.Code, s.Partner, methodologyId));
        var exAnte = project["exAnteParameters"]!.AsArray().Should().ContainSingle().Subject!;
        ((string)exAnte["name"]!, (decimal)exAnte["value"]!, (string)exAnte["unit"]!).Should().Be(("EF_RE", ProjectFlowScenario.JamaliCase2, "t/MWh"));

        (_, html) = await page.GetAsync("/admin/projects");
        Row(html, $"data-project=\"{s.Code}\"").Should().Contain("Surabaya (admpj)").And.Contain("Kitakyushu (admpj)").And.Contain($"{methodologyId} {version}").And.Contain("Operating");

        // The buyer city is not linked to the host city: the service refuses, and the page says why.
        var refused = await page.PostFormAsync(step2, "/admin/projects", Form(s.Code + "-2", s.Buyer, "0.533"));
        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        html = Decode(await refused.Content.ReadAsStringAsync());
        html.Should().Contain("Nothing was saved.").And.Contain($"{s.Host} and {s.Buyer} are not partner cities");
        html.Should().Contain($"value=\"{s.Code}-2\"", "the form keeps what was typed");

        // A value that is not a number is named with its parameter; the service's own checks are all listed.
        var typo = await page.PostFormAsync(step2, "/admin/projects", Form(s.Code + "-3", s.Partner, "0,533"));
        Decode(await typo.Content.ReadAsStringAsync()).Should().Contain("EF_RE: “0,533” is not a number.");
        var invalid = Form("bad code", s.Partner, "0.533");
        invalid["Project.Title"] = "";
        invalid["Project.ExAnte[0].Source"] = "";
        html = Decode(await (await page.PostFormAsync(step2, "/admin/projects", invalid)).Content.ReadAsStringAsync());
        html.Should().Contain("code 'bad code' must be").And.Contain("title is required.").And.Contain("EF_RE: give the source of the value");

        using var scope = factory.Services.CreateScope();
        var codes = await scope.ServiceProvider.GetRequiredService<GhgDbContext>().Projects.Where(p => p.HostCityId == s.Host).Select(p => p.Code).ToListAsync();
        codes.Should().Equal([s.Code], "only the project of the two partner cities was stored");
    }

    [Fact]
    public async Task RegisterForm_HasARowPerExAnteParameter_AndMoreRowsForIndexedOnes()
    {
        using var page = await PageClient.SignInAsync(factory, ServiceFactory.SecretariatEmail);
        // The chiller methodology fixes COP_PJ,i and COP_RE,i (one value per chiller i) and EF_elec ex ante; EC_PJ is monitored.
        var (status, html) = await page.GetAsync("/admin/projects?methodology=GHG-EE-CHILLER:1.0");
        status.Should().Be(HttpStatusCode.OK);
        string[] RowNames(string page) => RowName().Matches(page).Select(m => m.Groups[1].Value).ToArray();
        var rows = RowNames(html);
        rows.Should().Equal("COP_PJ", "COP_PJ", "COP_PJ", "COP_RE", "COP_RE", "COP_RE", "EF_elec");
        html.Should().Contain("name=\"Project.ExAnte[0].Index\"").And.NotContain("name=\"Project.ExAnte[6].Index\"", "EF_elec has no index");

        var fields = new Dictionary<string, string> { ["Project.MethodologyId"] = "GHG-EE-CHILLER", ["Project.MethodologyVersion"] = "1.0", ["Project.Code"] = "ADM-CHILLER" };
        for (var i = 0; i < rows.Length; i++) fields[$"Project.ExAnte[{i}].Name"] = rows[i];
        fields["Project.ExAnte[0].Index"] = "chiller-1";
        fields["Project.ExAnte[0].Value"] = "6.2";
        var more = await page.PostFormAsync("/admin/projects?methodology=GHG-EE-CHILLER:1.0", "/admin/projects?handler=MoreRows", fields);
        more.StatusCode.Should().Be(HttpStatusCode.OK);
        html = await more.Content.ReadAsStringAsync();
        RowNames(html).Where(n => n == "COP_PJ").Should().HaveCount(6);
        RowNames(html).Where(n => n == "EF_elec").Should().HaveCount(1);
        html.Should().Contain("name=\"Project.ExAnte[0].Value\" type=\"text\" value=\"6.2\"", "what was typed is kept").And.Contain("value=\"ADM-CHILLER\"");
        using var scope = factory.Services.CreateScope();
        (await scope.ServiceProvider.GetRequiredService<GhgDbContext>().Projects.AnyAsync(p => p.Code == "ADM-CHILLER")).Should().BeFalse("more rows stores nothing");
    }

    [Fact]
    public async Task Registry_ListsTheIssuanceAndTheTransfer_WithQuantitiesSerialsAndAccounts()
    {
        using var s = await ProjectFlowScenario.CreateAsync(factory, "admreg");
        // 1,000 + 500 MWh × 0.533 t/MWh (JCM Indonesia Jamali grid, Case 2) = 799.5 t → 799 whole credits.
        var (projectId, _, accountId) = await s.VerifiedProjectAsync(1_000m, 500m);
        var issued = (long)decimal.Floor((1_000m + 500m) * 0.533m);
        await (await s.HostReporter.PostAsJsonAsync($"/api/accounts/{accountId}/transfers", new { toCityId = s.Buyer, projectId, vintage = 2024, quantity = 300 }))
            .ShouldAnswerJsonAsync(HttpStatusCode.OK);

        using var page = await PageClient.SignInAsync(factory, ServiceFactory.SecretariatEmail);
        var (status, html) = await page.GetAsync($"/admin/registry?project={projectId}");
        status.Should().Be(HttpStatusCode.OK);
        var issue = Row(html, "data-kind=\"issue\"");
        issue.Should().Contain("<td class=\"num\" data-quantity>799</td>").And.Contain(s.Serial(1)).And.Contain(s.Serial(issued)).And.Contain($"{s.Code} project account");
        var transfer = Row(html, "data-kind=\"transfer\"");
        transfer.Should().Contain("<td class=\"num\" data-quantity>300</td>").And.Contain(s.Serial(1)).And.Contain(s.Serial(300))
            .And.Contain($"{s.Code} project account").And.Contain("Yokohama (admreg) account");
        html.IndexOf("data-kind=\"transfer\"", StringComparison.Ordinal).Should().BeLessThan(html.IndexOf("data-kind=\"issue\"", StringComparison.Ordinal), "newest first");
        Total(html, "issue").Should().Be("799");
        Total(html, "transfer").Should().Be("300");
        Total(html, "retire").Should().Be("0");

        (_, html) = await page.GetAsync($"/admin/registry?project={projectId}&kind=transfer");
        html.Should().Contain("data-kind=\"transfer\"").And.NotContain("data-kind=\"issue\"");
        Total(html, "issue").Should().Be("799", "the totals count every kind whatever the filter shows");

        (_, html) = await page.GetAsync("/admin");
        long.Parse(Count(html, "credits-issued"), System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture)
            .Should().BeGreaterThanOrEqualTo(issued);
    }

    [Fact]
    public async Task PlatformReport_QueuedFromTheForm_IsWaitedForAndThenOffered()
    {
        using var page = await PageClient.SignInAsync(factory, ServiceFactory.SecretariatEmail);

        // The form proposes the last whole calendar quarter.
        var today = DateTime.UtcNow;
        var quarterStart = new DateOnly(today.Year, 3 * ((today.Month - 1) / 3) + 1, 1);
        var (status, html) = await page.GetAsync("/admin/platform-report");
        status.Should().Be(HttpStatusCode.OK);
        html.Should().Contain($"name=\"From\" type=\"date\" value=\"{quarterStart.AddMonths(-3):yyyy-MM-dd}\"")
            .And.Contain($"name=\"To\" type=\"date\" value=\"{quarterStart.AddDays(-1):yyyy-MM-dd}\"");

        var reversed = await page.PostFormAsync("/admin/platform-report", "/admin/platform-report", new() { ["From"] = "2025-03-31", ["To"] = "2025-01-01" });
        reversed.StatusCode.Should().Be(HttpStatusCode.OK);
        Decode(await reversed.Content.ReadAsStringAsync()).Should().Contain("To: 2025-01-01 is before the first day 2025-03-31.");
        var future = DateOnly.FromDateTime(today).AddDays(10);
        var ahead = await page.PostFormAsync("/admin/platform-report", "/admin/platform-report", new() { ["From"] = $"{future:yyyy-MM-dd}", ["To"] = "" });
        Decode(await ahead.Content.ReadAsStringAsync()).Should().Contain("To: please enter the last day of the period.");

        // A quarter that is over: the data cut-off is the first instant after it.
        var queued = await page.PostFormAsync("/admin/platform-report", "/admin/platform-report", new() { ["From"] = "2025-01-01", ["To"] = "2025-03-31" });
        queued.StatusCode.Should().Be(HttpStatusCode.Redirect, await queued.Content.ReadAsStringAsync());
        var statusUrl = queued.Headers.Location!.ToString();
        statusUrl.Should().StartWith("/admin/platform-report/status?from=2025-01-01&to=2025-03-31&asOf=2025-04-01T00%3A00%3A00Z&job=");
        var jobs = await PlatformAssertions.ScalarAsync<long>(factory.ConnectionString,
            "SELECT count(*) FROM hangfire.job WHERE invocationdata::text LIKE '%PlatformReportAsync%' AND arguments::text LIKE '%2025-01-01%' AND arguments::text LIKE '%2025-03-31%'");
        jobs.Should().Be(1);

        (status, html) = await page.GetAsync(statusUrl);
        status.Should().Be(HttpStatusCode.OK);
        html.Should().Contain("data-wait-for=\"/api/reports/platform.pdf?from=2025-01-01&amp;to=2025-03-31&amp;asOf=2025-04-01T00%3A00%3A00Z\"")
            .And.Contain("<meta http-equiv=\"refresh\" content=\"5\" />", "without script the page reloads itself")
            .And.Contain("data-job-state=\"Enqueued\"");

        using (var scope = factory.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<ReportJobs>()
                .PlatformReportAsync(new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 31), new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.Zero), null, CancellationToken.None);

        (status, html) = await page.GetAsync(statusUrl);
        status.Should().Be(HttpStatusCode.OK);
        html.Should().NotContain("data-wait-for");
        var download = DownloadLink().Match(html);
        download.Success.Should().BeTrue(html);
        var pdf = await page.Http.GetAsync(download.Groups[1].Value);
        pdf.StatusCode.Should().Be(HttpStatusCode.OK);
        pdf.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        (await pdf.Content.ReadAsByteArrayAsync()).Take(5).Should().Equal("%PDF-"u8.ToArray());

        (_, html) = await page.GetAsync("/admin/platform-report");
        Row(html, $"data-report=\"{download.Groups[2].Value}\"").Should().Contain("2025-01-01").And.Contain("2025-03-31").And.Contain("2025-04-01 00:00 UTC")
            .And.Contain(download.Groups[1].Value);
    }

    [Fact]
    public async Task Overview_CountsWhatThePlatformHolds_AndLinksEveryPage()
    {
        using var page = await PageClient.SignInAsync(factory, ServiceFactory.SecretariatEmail);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GhgDbContext>();
        var (status, html) = await page.GetAsync("/admin");
        status.Should().Be(HttpStatusCode.OK);
        Count(html, "cities").Should().Be($"{await db.Cities.CountAsync():#,0}");
        Count(html, "users").Should().Be($"{await db.Users.CountAsync():#,0}");
        Count(html, "projects").Should().Be($"{await db.Projects.CountAsync():#,0}");
        foreach (var link in AdminPages.Skip(1).Append("/hangfire")) html.Should().Contain($"href=\"{link}\"");
        (await page.Http.GetAsync("/hangfire")).StatusCode.Should().Be(HttpStatusCode.OK, "the dashboard opens with the page's sign-in");
        foreach (var url in AdminPages)
        {
            var (pageStatus, pageHtml) = await page.GetAsync(url);
            pageStatus.Should().Be(HttpStatusCode.OK, url);
            pageHtml.Should().MatchRegex("href=\"/css/admin[.a-z0-9]*css\"", url);
        }
    }

    [Fact]
    public async Task ReporterAndVerifier_AreSentToDenied_AndThePublicToSignIn()
    {
        var (reporter, verifier) = await factory.AddCityAsync("adm-denied", "MM", "Denied City");
        foreach (var email in new[] { reporter, verifier })
        {
            using var client = await PageClient.SignInAsync(factory, email);
            foreach (var url in AdminPages.Append("/admin/platform-report/status?from=2025-01-01&to=2025-03-31&asOf=2025-04-01T00:00:00Z"))
            {
                var response = await client.Http.GetAsync(url);
                response.StatusCode.Should().Be(HttpStatusCode.Redirect, $"{email} {url}");
                response.Headers.Location!.ToString().Should().Contain("/account/denied", $"{email} {url}");
            }
            var post = await client.Http.PostAsync("/admin/cities?handler=City", new FormUrlEncodedContent(new Dictionary<string, string> { ["City.Id"] = "adm-sneaky", ["City.Name"] = "Sneaky", ["City.Country"] = "MM" }));
            post.StatusCode.Should().NotBe(HttpStatusCode.OK);
        }
        using var anonymous = PageClient.Anonymous(factory);
        var anon = await anonymous.Http.GetAsync("/admin/users");
        anon.Headers.Location!.ToString().Should().Contain("/account/sign-in");
        using var scope = factory.Services.CreateScope();
        (await scope.ServiceProvider.GetRequiredService<GhgDbContext>().Cities.AnyAsync(c => c.Id == "adm-sneaky")).Should().BeFalse();
    }

    private static string Decode(string html) => WebUtility.HtmlDecode(html);

    /// <summary>The decoded text of the table row (or other element) that carries <paramref name="marker"/>.</summary>
    private static string Row(string html, string marker)
    {
        var start = html.IndexOf(marker, StringComparison.Ordinal);
        start.Should().BeGreaterThanOrEqualTo(0, $"the page should have an element with {marker}");
        var end = html.IndexOf("</tr>", start, StringComparison.Ordinal);
        return Decode(html[start..(end < 0 ? html.Length : end)]);
    }

    private static string Count(string html, string name) => Regex.Match(html, $"data-count=\"{name}\">([^<]*)<").Groups[1].Value;

    private static string Total(string html, string kind) => Regex.Match(html, $"data-total=\"{kind}\">([^<]*)<").Groups[1].Value;

    [GeneratedRegex("name=\"Project\\.ExAnte\\[\\d+\\]\\.Name\" value=\"([^\"]+)\"")]
    private static partial Regex RowName();

    [GeneratedRegex("href=\"(/api/reports/([0-9a-f-]{36})/pdf)\"[^>]*data-download")]
    private static partial Regex DownloadLink();
}
