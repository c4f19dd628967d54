using GhgReporting.Api.Hosting;
using GhgReporting.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace GhgReporting.Web.Tests.Pages;

/// <summary>A reporter sees only the pages of their own city; another city's pages do not exist for them (404, not
/// 403, so that the page does not confirm what exists).</summary>
public sealed class CityAccessTests(WebServiceFixture service, ITestOutputHelper output) : BrowserTest(service, output)
{
    [Fact]
    public async Task ReporterOfSurabaya_OpeningHaiPhong_GetsNotFound()
    {
        var page = await NewPageAsync();
        await SignInAsync(page, ExampleSeeder.ReporterEmail("surabaya"));

        var response = await GotoAsync(page, "/city/hai-phong");

        response.Status.Should().Be(404);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Not found");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("Hải Phòng");
        await ScreenshotAsync(page, "city-of-another-reporter-not-found");
        (await GotoAsync(page, "/city/surabaya")).Status.Should().Be(200, "the reporter's own city still opens");
    }
}
