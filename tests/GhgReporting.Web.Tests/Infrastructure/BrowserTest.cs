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
        // Long enough for a page that waits on a background job, short enough that a wrong selector fails quickly.
        context.SetDefaultTimeout(15_000);
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
    private void Log(string line)
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
            await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/account/sign-in", StringComparison.Ordinal));
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
