using System.Net;
using System.Net.Http.Json;

namespace GhgReporting.Api.Tests.Service;

/// <summary>The Hangfire dashboard (/hangfire) is for the secretariat only: the public and city staff are turned away.</summary>
public sealed class DashboardTests(DashboardTests.Factory factory) : IClassFixture<DashboardTests.Factory>
{
    public sealed class Factory : ServiceFactory;

    [Fact]
    public async Task OnlyTheSecretariat_SeesTheDashboard()
    {
        var (reporter, _) = await factory.AddCityAsync("dash-city", "VN", "Dashboard City");

        (await factory.CreateClient().GetAsync("/hangfire")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        using var reporterClient = await CookieClientAsync(reporter);
        (await reporterClient.GetAsync("/hangfire")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        using var secretariat = await CookieClientAsync(ServiceFactory.SecretariatEmail);
        var page = await secretariat.GetAsync("/hangfire");
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).Should().Contain("Hangfire Dashboard").And.Contain("Realtime Graph");
        // The storage's connection string is not shown.
        (await page.Content.ReadAsStringAsync()).Should().NotContain("Password=");
    }

    private async Task<HttpClient> CookieClientAsync(string email)
    {
        var client = factory.CreateClient();
        (await client.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email, password = ServiceFactory.Password })).EnsureSuccessStatusCode();
        return client;
    }
}
