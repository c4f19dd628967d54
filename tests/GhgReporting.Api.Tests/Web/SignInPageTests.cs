using System.Net;
using GhgReporting.Api.Tests.Service;

namespace GhgReporting.Api.Tests.Web;

/// <summary>The sign-in page: each role lands on its own page; a wrong password says so; role pages send the
/// public to the sign-in page; the API still answers 401 rather than redirecting.</summary>
public sealed class SignInPageTests(SignInPageTests.Factory factory) : IClassFixture<SignInPageTests.Factory>
{
    public sealed class Factory : ServiceFactory;

    [Fact]
    public async Task EachRole_LandsOnItsOwnPage()
    {
        var (reporter, verifier) = await factory.AddCityAsync("signin-city", "VN", "Sign-in City");
        foreach (var (email, landing) in new[] { (reporter, "/city/signin-city"), (verifier, "/verify"), (ServiceFactory.SecretariatEmail, "/admin") })
        {
            using var client = PageClient.Anonymous(factory);
            var response = await client.PostFormAsync("/account/sign-in", "/account/sign-in", new() { ["Email"] = email, ["Password"] = ServiceFactory.Password });
            response.StatusCode.Should().Be(HttpStatusCode.Redirect);
            response.Headers.Location!.ToString().Should().Be(landing);
        }
    }

    [Fact]
    public async Task WrongPassword_SaysSoAndSetsNoCookie()
    {
        using var client = PageClient.Anonymous(factory);
        var response = await client.PostFormAsync("/account/sign-in", "/account/sign-in", new() { ["Email"] = ServiceFactory.SecretariatEmail, ["Password"] = "not-the-password-1" });
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("The e-mail or the password is not right.");
        (response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : []).Should().NotContain(c => c.StartsWith("ghg.auth="));
    }

    [Fact]
    public async Task RolePages_SendThePublicToSignIn_WhileTheApiAnswers401()
    {
        using var client = PageClient.Anonymous(factory);
        var page = await client.Http.GetAsync("/admin");
        page.StatusCode.Should().Be(HttpStatusCode.Redirect);
        page.Headers.Location!.ToString().Should().Contain("/account/sign-in?ReturnUrl=%2Fadmin");
        (await client.Http.GetAsync("/api/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var (status, html) = await client.GetAsync("/");
        status.Should().Be(HttpStatusCode.OK);
        html.Should().Contain("Low-Carbon Cities Platform").And.Contain("/public/credits");
    }
}
