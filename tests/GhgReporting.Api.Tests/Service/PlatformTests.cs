using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using GhgReporting.Data.Seed;

namespace GhgReporting.Api.Tests.Service;

/// <summary>
/// The service as an operator and a script see it: health, the OpenAPI document and its reference page,
/// signing in (bearer, refresh, cookie, lockout, rate limit), and the seeded example platform.
/// </summary>
public sealed class PlatformTests(PlatformTests.Factory factory, PlatformTests.RateLimitedFactory limited, PlatformTests.SeededFactory seeded)
    : IClassFixture<PlatformTests.Factory>, IClassFixture<PlatformTests.RateLimitedFactory>, IClassFixture<PlatformTests.SeededFactory>
{
    public sealed class Factory : ServiceFactory;

    /// <summary>The login limit at 3 a minute, to see the fourth refused.</summary>
    public sealed class RateLimitedFactory : ServiceFactory
    {
        public const int LoginsPerMinute = 3;

        public RateLimitedFactory() => Settings["RateLimits:LoginPermitsPerMinute"] = LoginsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>With the illustrative example platform seeded at start-up.</summary>
    public sealed class SeededFactory : ServiceFactory
    {
        public SeededFactory() => Settings["Seed:ExamplePlatform"] = "true";
    }

    // The demo account and password the start-up banner prints for the example platform.
    private const string DemoReporter = "reporter.hai-phong@example.org", DemoPassword = "Demo-Password-2026";

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string password, bool cookies = false) =>
        client.PostAsJsonAsync($"/api/auth/login{(cookies ? "?useCookies=true" : "")}", new { email, password });

    [Fact]
    public async Task Health_LiveAndReady_Answer200()
    {
        using var client = factory.CreateClient();
        var live = await client.GetAsync("/health/live");
        live.StatusCode.Should().Be(HttpStatusCode.OK);
        (await live.Content.ReadAsStringAsync()).Should().Be("Healthy");
        // Ready includes the database check: the test database is reachable.
        var ready = await client.GetAsync("/health/ready");
        ready.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ready.Content.ReadAsStringAsync()).Should().Be("Healthy");
    }

    [Fact]
    public async Task OpenApi_Document_ListsTheUploadAndCalculatePaths()
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync("/openapi/v1.json");
        var document = await response.ShouldAnswerJsonAsync(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        ((string)document["openapi"]!).Should().StartWith("3.");
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        paths.Should().Contain("/api/cities/{cityId}/submissions");
        paths.Should().Contain("/api/cities/{cityId}/inventories/{year}/calculate");
        document["paths"]!["/api/cities/{cityId}/submissions"]!["post"].Should().NotBeNull("the upload is a POST on the submissions path");
    }

    [Fact]
    public async Task Scalar_ReferencePage_IsHtml()
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync("/scalar");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        (await response.Content.ReadAsStringAsync()).Should().Contain("<html", Exactly.Once());
    }

    [Fact]
    public async Task Login_WrongPassword_Gets401Problem()
    {
        var (reporter, _) = await factory.AddCityAsync("plat-wrong", "VN", "Wrong password");
        using var client = factory.CreateClient();
        var problem = await (await LoginAsync(client, reporter, "Not-The-Password-1")).ShouldAnswerProblemAsync(HttpStatusCode.Unauthorized);
        ((string)problem["detail"]!).Should().Contain("password is wrong");
        await (await LoginAsync(client, "nobody@test.example", ServiceFactory.Password)).ShouldAnswerProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Login_FiveWrongPasswords_AccountLockedEvenForTheRightOne()
    {
        var (reporter, _) = await factory.AddCityAsync("plat-lockout", "VN", "Lockout");
        using var client = factory.CreateClient();
        // Identity locks the account at the fifth failure (MaxFailedAccessAttempts = 5).
        for (var attempt = 1; attempt <= 4; attempt++)
            await (await LoginAsync(client, reporter, $"Wrong-Password-{attempt}")).ShouldAnswerProblemAsync(HttpStatusCode.Unauthorized, $"attempt {attempt}");
        (await LoginAsync(client, reporter, "Wrong-Password-5")).IsSuccessStatusCode.Should().BeFalse();

        var locked = await (await LoginAsync(client, reporter, ServiceFactory.Password)).ShouldAnswerProblemAsync(HttpStatusCode.Forbidden);
        ((string)locked["title"]!).Should().Be("Account locked");

        using var secretariat = await factory.SecretariatAsync();
        var users = (await secretariat.GetFromJsonAsync<JsonArray>("/api/users"))!;
        ((bool)users.Single(u => (string)u!["email"]! == reporter)!["lockedOut"]!).Should().BeTrue();
    }

    [Fact]
    public async Task Refresh_WithTheLoginRefreshToken_GivesAWorkingAccessToken()
    {
        var (reporter, _) = await factory.AddCityAsync("plat-refresh", "VN", "Refresh");
        using var client = factory.CreateClient();
        var login = await (await LoginAsync(client, reporter, ServiceFactory.Password)).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        ((string)login["tokenType"]!).Should().Be("Bearer");

        var refreshed = await (await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = (string)login["refreshToken"]! }))
            .ShouldAnswerJsonAsync(HttpStatusCode.OK);
        var accessToken = (string)refreshed["accessToken"]!;
        accessToken.Should().NotBeNullOrEmpty().And.NotBe((string)login["accessToken"]!);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", accessToken) } };
        var me = await (await client.SendAsync(request)).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        ((string)me["email"]!).Should().Be(reporter);
        ((string)me["cityId"]!).Should().Be("plat-refresh");

        await (await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = "not-a-token" })).ShouldAnswerProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Login_WithCookies_SetsACookieThatSignsInApiMe()
    {
        var (reporter, _) = await factory.AddCityAsync("plat-cookie", "VN", "Cookie");
        using var client = factory.CreateClient(); // keeps cookies between requests
        await (await client.GetAsync("/api/me")).ShouldAnswerProblemAsync(HttpStatusCode.Unauthorized);

        var login = await LoginAsync(client, reporter, ServiceFactory.Password, cookies: true);
        login.StatusCode.Should().Be(HttpStatusCode.OK, await login.Content.ReadAsStringAsync());
        login.Headers.TryGetValues("Set-Cookie", out var cookies).Should().BeTrue();
        cookies!.Should().Contain(c => c.StartsWith("ghg.auth=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
        client.DefaultRequestHeaders.Authorization.Should().BeNull("only the cookie signs this client in");

        var me = await (await client.GetAsync("/api/me")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        ((string)me["email"]!).Should().Be(reporter);
        ((string)me["role"]!).Should().Be("reporter");
    }

    [Fact]
    public async Task Login_FourthWithinAMinute_Gets429Problem()
    {
        using var client = limited.CreateClient();
        for (var i = 1; i <= RateLimitedFactory.LoginsPerMinute; i++)
            (await LoginAsync(client, ServiceFactory.SecretariatEmail, ServiceFactory.Password)).StatusCode.Should().Be(HttpStatusCode.OK, $"login {i}");

        var refused = await LoginAsync(client, ServiceFactory.SecretariatEmail, ServiceFactory.Password);
        var problem = await refused.ShouldAnswerProblemAsync(HttpStatusCode.TooManyRequests);
        ((string)problem["title"]!).Should().Be("Too many requests");
        refused.Headers.RetryAfter.Should().NotBeNull("the client is told when to try again");
    }

    [Fact]
    public async Task Seed_ExamplePlatform_EightCitiesWithPopulationsAndJapanesePartners()
    {
        using var anonymous = seeded.CreateClient();
        var cities = (await anonymous.GetFromJsonAsync<JsonArray>("/api/cities"))!;
        cities.Should().HaveCount(8);
        JsonNode City(string id) => cities.Single(c => (string)c!["id"]! == id)!;

        var haiPhong = (string)City("hai-phong")["name"]!;
        haiPhong.Should().Be("H\u1ea3i Ph\u00f2ng"); // ả U+1EA3, ò U+00F2: precomposed, as Vietnamese is written
        haiPhong.IsNormalized(NormalizationForm.FormC).Should().BeTrue();

        // Populations given by the platform secretariat (issue 3).
        var populations = new Dictionary<string, long>
        {
            ["mandalay"] = 1_200_000, ["dalian"] = 5_930_000, ["surabaya"] = 3_000_000, ["phnom-penh"] = 1_500_000, ["hai-phong"] = 1_960_000,
        };
        foreach (var (id, population) in populations)
            ((long)City(id)["population"]!).Should().Be(population, id);

        var japanese = cities.Where(c => ((string)c!["country"]!) == "JP").Select(c => (string)c!["id"]!).ToHashSet();
        japanese.Should().BeEquivalentTo(["kitakyushu", "yokohama", "osaka"]);
        foreach (var partnerCity in cities.Where(c => !japanese.Contains((string)c!["id"]!)))
            partnerCity!["partners"]!.AsArray().Should().Contain(p => japanese.Contains((string)p!["cityId"]!), (string)partnerCity["id"]!);
        cities.Should().OnlyContain(c => (bool)c!["isIllustrative"]!);
    }

    [Fact]
    public async Task Seed_ExamplePlatform_DemoReporterSignsInAndPublishedYearsArePublic()
    {
        using var reporter = await seeded.SignInAsync(DemoReporter, DemoPassword);
        var me = (await reporter.GetFromJsonAsync<JsonNode>("/api/me"))!;
        ((string)me["email"]!).Should().Be(DemoReporter);
        ((string)me["cityId"]!).Should().Be("hai-phong");

        // Every seeded year is published except the latest, which stays a draft.
        var years = ExamplePlatform.YearsFor("hai-phong");
        using var anonymous = seeded.CreateClient();
        var series = (await anonymous.GetFromJsonAsync<JsonNode>("/api/cities/hai-phong/inventories/series"))!;
        var points = series["points"]!.AsArray();
        points.Select(p => (int)p!["year"]!).Should().Equal(years.SkipLast(1));
        points.Should().OnlyContain(p => (string)p!["state"]! == "published" && (decimal)p["basicCo2e"]! > 0);
        var own = (await reporter.GetFromJsonAsync<JsonNode>("/api/cities/hai-phong/inventories/series"))!["points"]!.AsArray();
        ((int)own[^1]!["year"]!).Should().Be(years[^1]);
        ((string)own[^1]!["state"]!).Should().Be("draft");
    }

    [Fact]
    public async Task Seed_ExamplePlatform_EverySeededRecordIsMarkedIllustrative()
    {
        using var reporter = await seeded.SignInAsync(DemoReporter, DemoPassword);
        var submissions = (await reporter.GetFromJsonAsync<JsonArray>("/api/cities/hai-phong/submissions"))!;
        submissions.Select(s => (int)s!["year"]!).Should().Equal(ExamplePlatform.YearsFor("hai-phong"));
        var submission = submissions.First(s => (int)s!["year"]! == ExamplePlatform.YearsFor("hai-phong")[^1])!;
        var expected = (long)submission["recordCount"]!;
        expected.Should().BePositive();

        var sources = new List<string?>();
        for (var offset = 0L; offset < expected; offset += 1000)
        {
            var page = (await reporter.GetFromJsonAsync<JsonNode>($"/api/cities/hai-phong/submissions/{(string)submission["id"]!}/records?offset={offset}&limit=1000"))!;
            ((long)page["total"]!).Should().Be(expected);
            sources.AddRange(page["records"]!.AsArray().Select(r => (string?)r!["source"]));
        }
        sources.Should().HaveCount((int)expected).And.OnlyContain(s => s != null && s.StartsWith(ExamplePlatform.IllustrativeMark, StringComparison.Ordinal));
        ExamplePlatform.IllustrativeMark.Should().Be("ILLUSTRATIVE");
    }
}
