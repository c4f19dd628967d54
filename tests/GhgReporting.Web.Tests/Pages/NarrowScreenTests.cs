using GhgReporting.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace GhgReporting.Web.Tests.Pages;

/// <summary>At phone width the pages fit the screen: the page does not scroll sideways and nothing sticks out of it
/// (cut off where the page clips it); only wide tables scroll, inside their own box (<c>.table-wrap</c>). The pages
/// that exist only after a workflow step (the 2024 inventory, a retirement, a period under review) are checked at
/// phone width inside the tests that make them (<see cref="UploadTests"/>, <see cref="ProjectWorkflowTests"/>).</summary>
public sealed class NarrowScreenTests(WebServiceFixture service, ITestOutputHelper output) : BrowserTest(service, output)
{
    [Fact]
    public async Task PhoneWidth_FrontPageAndInventoryTable_FitTheScreen()
    {
        var page = await NewPageAsync(Phone);

        (await GotoAsync(page, "/")).Status.Should().Be(200);
        await ScreenshotAsync(page, "phone-front-page");
        await ShouldFitThePhoneAsync(page);

        // Surabaya's 2022 inventory is published by the example seeding (2023, its latest year, stays a draft).
        (await GotoAsync(page, "/public/surabaya/2022")).Status.Should().Be(200);
        await Expect(page.Locator(".table-wrap table").First).ToBeVisibleAsync();
        await ScreenshotAsync(page, "phone-public-inventory-surabaya-2022");
        await ShouldFitThePhoneAsync(page);
    }
}
