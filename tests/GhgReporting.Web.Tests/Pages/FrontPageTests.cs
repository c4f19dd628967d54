using GhgReporting.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace GhgReporting.Web.Tests.Pages;

/// <summary>The front page, as the public sees it: the links to the public pages and to sign-in, styled.</summary>
public sealed class FrontPageTests(WebServiceFixture service, ITestOutputHelper output) : BrowserTest(service, output)
{
    [Fact]
    public async Task FrontPage_LinksToThePublicPagesAndSignIn()
    {
        var page = await NewPageAsync();
        var response = await GotoAsync(page, "/");

        response.Status.Should().Be(200);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Cities working together for lower emissions");
        var main = page.Locator("main");
        foreach (var (name, href) in new[]
                 {
                     ("Published city inventories", "/public"),
                     ("Verified emission reductions", "/public/reductions"),
                     ("Check a credit by its serial number", "/public/credits"),
                     ("Sign in (city staff and secretariat)", "/account/sign-in"),
                 })
            await Expect(main.GetByRole(AriaRole.Link, new() { Name = name, Exact = true })).ToHaveAttributeAsync("href", href);
        await Expect(page.Locator("header").GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();

        // The stylesheet loaded and applied (static web assets served by the running process), so the screenshots
        // show the real look: a missing file can still answer 200 with an empty body.
        var rules = await page.EvaluateAsync<int>("() => [...document.styleSheets].reduce((n, s) => n + s.cssRules.length, 0)");
        rules.Should().BeGreaterThan(0, "the site's stylesheet must load");
        await ScreenshotAsync(page, "front-page");
    }
}
