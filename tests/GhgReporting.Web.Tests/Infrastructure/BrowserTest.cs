using GhgReporting.Api.Hosting;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace GhgReporting.Web.Tests.Infrastructure;

/// <summary>
/// Base of the browser tests: pages in browser contexts of their own (a context is a fresh profile: its own cookies,
/// so its own session), closed after the test; signing in through the sign-in form; full-page screenshots.
/// </summary>
[Collection(WebCollection.Name)]
public abstract class BrowserTest(WebServiceFixture service, ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>A desktop window.</summary>
    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };

    /// <summary>A phone held upright (the size of a common 6.1-inch phone in CSS pixels).</summary>
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private readonly List<IBrowserContext> contexts = [];

    /// <summary>A page in a new browser context (a separate session), at desktop size unless told.</summary>
    protected async Task<IPage> NewPageAsync(ViewportSize? viewport = null)
    {
        var phone = viewport is { Width: < 600 };
        var context = await service.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = service.BaseAddress.ToString().TrimEnd('/'),
            ViewportSize = viewport ?? Desktop,
            IsMobile = phone,
            HasTouch = phone,
            DeviceScaleFactor = phone ? 2 : 1,
            Locale = "en-GB",
            TimezoneId = "UTC",
        });
        // Long enough for a page that waits on a background job, and for a first page render while the other test
        // projects run at the same time on a 2-core machine (over 15 s was seen there).
        context.SetDefaultTimeout(60_000);
        contexts.Add(context);
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error") Log($"browser console error on {page.Url}: {message.Text} ({message.Location})");
        };
        page.PageError += (_, error) => Log($"script error on {page.Url}: {error}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400) Log($"HTTP {response.Status} {response.Request.Method} {response.Url}");
            // The service logs warnings and errors only; its last lines usually hold the exception.
            if (response.Status >= 500) Log($"the service's last output:\n{service.ServiceOutput}");
        };
        return page;
    }

    /// <summary>Writes to the test's output; browser events can arrive after the test has ended, when xunit refuses.</summary>
    protected void Log(string line)
    {
        try
        {
            output.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
        }
    }

    /// <summary>Opens <paramref name="path"/>; returns the main response (after redirects), whatever its status.</summary>
    protected static async Task<IResponse> GotoAsync(IPage page, string path)
    {
        try
        {
            return await page.GotoAsync(path) ?? throw new InvalidOperationException($"Opening {path} gave no response.");
        }
        catch (PlaywrightException e) when (e.Message.Contains("ERR_HTTP_RESPONSE_CODE_FAILURE", StringComparison.Ordinal))
        {
            // Chromium shows its own error page instead of an error response with an empty body.
            throw new InvalidOperationException(
                $"{path} answered an error status with an empty body, so a person would see Chromium's error page: the service's status page "
                + "(UseStatusCodePagesWithReExecute to /not-found) did not render.", e);
        }
    }

    /// <summary>Signs in through the sign-in form as <paramref name="email"/> and waits until the browser has left the
    /// sign-in page (the role's landing page); fails with the form's error otherwise.</summary>
    protected async Task SignInAsync(IPage page, string email, string password = ExampleSeeder.DemoPassword)
    {
        await SubmitSignInAsync(page, email, password);
        try
        {
            await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/account/sign-in", StringComparison.Ordinal),
                new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        }
        catch (TimeoutException)
        {
            var alert = page.GetByRole(AriaRole.Alert);
            var error = await alert.CountAsync() > 0 ? await alert.First.InnerTextAsync() : "(no error shown)";
            throw new InvalidOperationException($"Signing in as {email} stayed on {page.Url}: {error}");
        }
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    /// <summary>Fills in and sends the sign-in form, wherever that leads.</summary>
    protected static async Task SubmitSignInAsync(IPage page, string email, string password)
    {
        await GotoAsync(page, "/account/sign-in");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }

    /// <summary>Fetches <paramref name="path"/> with the page's session (its context's cookies), as a click on a download
    /// link would: the status, the content type and the body.</summary>
    protected static async Task<(int Status, string ContentType, byte[] Body)> FetchAsync(IPage page, string path)
    {
        var response = await page.Context.APIRequest.GetAsync(new Uri(new Uri(page.Url), path).ToString());
        var type = response.Headers.TryGetValue("content-type", out var t) ? t : "";
        return (response.Status, type, await response.BodyAsync());
    }

    /// <summary>Fetches <paramref name="path"/> with the page's session and checks it is a PDF: 200, <c>application/pdf</c>,
    /// and the file starts with <c>%PDF-</c>. Returns its size.</summary>
    protected static async Task<int> ExpectPdfAsync(IPage page, string path, string what)
    {
        var (status, type, body) = await FetchAsync(page, path);
        status.Should().Be(200, $"{what} ({path}) must download");
        type.Should().StartWith("application/pdf", $"{what} ({path}) is a PDF");
        body.Length.Should().BeGreaterThan(5, $"{what} ({path}) must not be empty");
        System.Text.Encoding.ASCII.GetString(body, 0, 5).Should().Be("%PDF-", $"{what} ({path}) must be a PDF file");
        return body.Length;
    }

    /// <summary>The definition (<c>dd</c>) of the term (<c>dt</c>) named exactly <paramref name="term"/> in a facts list.</summary>
    protected static ILocator Fact(ILocator scope, string term) =>
        scope.GetByRole(AriaRole.Term).Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^\\s*{System.Text.RegularExpressions.Regex.Escape(term)}\\s*$") })
            .First.Locator("xpath=following-sibling::dd[1]");

    /// <summary>The table whose column headers include <paramref name="column"/>.</summary>
    protected static ILocator TableWithColumn(ILocator scope, string column) =>
        scope.GetByRole(AriaRole.Table).Filter(new() { Has = scope.Page.GetByRole(AriaRole.Columnheader, new() { Name = column, Exact = true }) });

    /// <summary>The rows of <paramref name="table"/> with a cell that reads exactly <paramref name="key"/>.</summary>
    protected static ILocator RowOf(ILocator table, string key) =>
        table.GetByRole(AriaRole.Row).Filter(new() { Has = table.Page.GetByRole(AriaRole.Cell, new() { Name = key, Exact = true }) });

    /// <summary>The cell of <paramref name="row"/> under the column header <paramref name="column"/> of <paramref name="table"/>.</summary>
    protected static async Task<ILocator> CellAsync(ILocator table, ILocator row, string column)
    {
        var headers = (await table.GetByRole(AriaRole.Columnheader).AllInnerTextsAsync()).Select(h => h.Trim()).ToList();
        var index = headers.IndexOf(column);
        index.Should().BeGreaterThanOrEqualTo(0, $"the table has a column '{column}' (its columns: {string.Join(" | ", headers)})");
        return row.GetByRole(AriaRole.Cell).Nth(index);
    }

    /// <summary>The ids used by more than one element of the page (a label's <c>for</c>, a link's <c>#fragment</c> and
    /// <c>aria-*</c> references then reach only the first of them), each with the tags that carry it.</summary>
    protected static async Task<string[]> DuplicateIdsAsync(IPage page) => await page.EvaluateAsync<string[]>("""
        () => {
          const byId = new Map();
          document.querySelectorAll('[id]').forEach(e => byId.set(e.id, [...(byId.get(e.id) ?? []), e.tagName.toLowerCase()]));
          return [...byId].filter(([, tags]) => tags.length > 1).map(([id, tags]) => `id "${id}" on ${tags.join(', ')}`);
        }
        """);

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

    /// <summary>At phone width the page fits the screen: it does not scroll sideways, and nothing in <c>main</c> sticks
    /// out past the right edge except inside a table box (<c>.table-wrap</c>), which scrolls on its own.</summary>
    protected static async Task ShouldFitThePhoneAsync(IPage page)
    {
        var path = new Uri(page.Url).PathAndQuery;
        var width = page.ViewportSize?.Width ?? Phone.Width;
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth"))
            .Should().BeLessThanOrEqualTo(0, $"{path} must not scroll sideways at {width} px");
        (await page.EvaluateAsync<string[]>(OutsideTheScreen))
            .Should().BeEmpty($"nothing on {path} may reach past the screen's right edge ({width} px) outside a table box");
    }

    /// <summary>Saves a full-page PNG as <c>screenshots/{name}.png</c> in the bin folder and prints its path.</summary>
    protected async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(WebServiceFixture.ScreenshotFolder, $"{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"screenshot {path} ({page.Url})");
        return path;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in contexts) await context.DisposeAsync();
    }
}
