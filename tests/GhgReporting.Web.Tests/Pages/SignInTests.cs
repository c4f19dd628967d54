using GhgReporting.Api.Hosting;
using GhgReporting.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace GhgReporting.Web.Tests.Pages;

/// <summary>Signing in and out in the browser with the example platform's demo accounts: each role lands on its own
/// page, a wrong password says so, signing out ends the session.</summary>
public sealed class SignInTests(WebServiceFixture service, ITestOutputHelper output) : BrowserTest(service, output)
{
    [Theory]
    [InlineData(ExampleSeeder.SecretariatEmail, "/admin")]
    [InlineData("reporter.surabaya@example.org", "/city/surabaya")]
    [InlineData("verifier.kitakyushu@example.org", "/verify")]
    public async Task SignIn_EachRole_LandsOnItsOwnPage(string email, string landing)
    {
        var page = await NewPageAsync();

        await SignInAsync(page, email);

        new Uri(page.Url).AbsolutePath.Should().Be(landing);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        // The header offers the role's own area and signing out.
        await Expect(page.Locator($"header nav a[href='{landing}']")).ToBeVisibleAsync();
        await Expect(page.Locator("header").GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await ScreenshotAsync(page, $"landing-{email.Split('@')[0].Replace('.', '-')}");
    }

    [Fact]
    public async Task SignIn_WrongPassword_SaysSoAndStaysSignedOut()
    {
        var page = await NewPageAsync();
        await GotoAsync(page, "/account/sign-in");
        await ScreenshotAsync(page, "sign-in");

        await SubmitSignInAsync(page, ExampleSeeder.SecretariatEmail, "Not-The-Password-2026");

        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The e-mail or the password is not right.");
        new Uri(page.Url).AbsolutePath.Should().Be("/account/sign-in");
        await ScreenshotAsync(page, "sign-in-wrong-password");
        (await page.Context.CookiesAsync()).Should().NotContain(c => c.Name == "ghg.auth");
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        var page = await NewPageAsync();
        await SignInAsync(page, ExampleSeeder.ReporterEmail("surabaya"));

        await page.Locator("header").GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await Expect(page.Locator("header").GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        await ScreenshotAsync(page, "signed-out");
        // The city page asks for signing in again.
        await GotoAsync(page, "/city/surabaya");
        new Uri(page.Url).AbsolutePath.Should().Be("/account/sign-in");
        new Uri(page.Url).Query.Should().Contain("ReturnUrl=%2Fcity%2Fsurabaya");
    }
}
