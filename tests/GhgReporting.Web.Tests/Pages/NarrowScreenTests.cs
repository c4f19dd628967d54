using GhgReporting.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace GhgReporting.Web.Tests.Pages;

/// <summary>At phone width the pages fit the screen: the page does not scroll sideways and nothing sticks out of it
/// (cut off where the page clips it); only wide tables scroll, inside their own box (<c>.table-wrap</c>).</summary>
public sealed class NarrowScreenTests(WebServiceFixture service, ITestOutputHelper output) : BrowserTest(service, output)
{
    /// <summary>The outermost elements of <c>main</c> reaching past the right edge of the screen, outside table boxes,
    /// as "tag in tag.class (right edge px)" (an element inside an SVG that does not scale down is named with its
    /// chart); one CSS pixel of slack for sub-pixel layout.</summary>
    private const string OutsideTheScreen = """
        () => {
          const sticksOut = e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-wrap');
          const name = e => e.tagName.toLowerCase() + (e.getAttribute('class') ? '.' + e.getAttribute('class').trim().split(/\s+/).join('.') : '');
          return [...document.querySelectorAll('main *')]
            .filter(e => sticksOut(e) && !(e.parentElement && sticksOut(e.parentElement) && e.parentElement.closest('main')))
            .map(e => `${name(e)} in ${name(e.parentElement.closest('[class]') ?? e.parentElement)} (${Math.round(e.getBoundingClientRect().right)} px)`);
        }
        """;

    [Fact]
    public async Task PhoneWidth_FrontPageAndInventoryTable_FitTheScreen()
    {
        var page = await NewPageAsync(Phone);

        (await GotoAsync(page, "/")).Status.Should().Be(200);
        await ScreenshotAsync(page, "phone-front-page");
        await ShouldFitAsync(page);

        // Surabaya's 2022 inventory is published by the example seeding (2023, its latest year, stays a draft).
        (await GotoAsync(page, "/public/surabaya/2022")).Status.Should().Be(200);
        await Expect(page.Locator(".table-wrap table").First).ToBeVisibleAsync();
        await ScreenshotAsync(page, "phone-public-inventory-surabaya-2022");
        await ShouldFitAsync(page);
    }

    private static async Task ShouldFitAsync(IPage page)
    {
        var path = new Uri(page.Url).AbsolutePath;
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth"))
            .Should().BeLessThanOrEqualTo(0, $"{path} must not scroll sideways at {Phone.Width} px");
        (await page.EvaluateAsync<string[]>(OutsideTheScreen))
            .Should().BeEmpty($"nothing on {path} may reach past the screen's right edge ({Phone.Width} px) outside a table box");
    }
}
