using Microsoft.Playwright;

namespace GhgReporting.Web.Tests.Infrastructure;

/// <summary>
/// The machine's own Chromium (Debian's <c>chromium</c> package), driven by Playwright through
/// <see cref="BrowserTypeLaunchOptions.ExecutablePath"/>: Playwright's browser download is never used (no
/// <c>playwright install</c>), only its driver, which the NuGet package copies to <c>.playwright/</c> in the bin folder.
/// </summary>
internal static class Chromium
{
    public const string PathVariable = "CHROMIUM_PATH";
    public const string DefaultPath = "/usr/bin/chromium";

    /// <summary>The executable: <c>CHROMIUM_PATH</c>, else <c>/usr/bin/chromium</c>.</summary>
    /// <exception cref="InvalidOperationException">It is not there; the message says what to install.</exception>
    public static string ExecutablePath()
    {
        var configured = Environment.GetEnvironmentVariable(PathVariable);
        var path = string.IsNullOrWhiteSpace(configured) ? DefaultPath : configured;
        if (File.Exists(path)) return path;
        throw new InvalidOperationException(
            $"The browser tests need Chromium at {path}, which does not exist: install it with `apt-get install chromium` "
            + $"(Debian), or set {PathVariable} to a Chromium or Chrome executable.");
    }

    /// <summary>Starts the driver and a headless Chromium.</summary>
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync(string executablePath)
    {
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = executablePath,
                Headless = true,
                // Chromium will not start its sandbox as root (CI containers run as root) nor in containers without user
                // namespaces; the browser only ever opens the local service under test.
                Args = ["--no-sandbox"],
                Timeout = 60_000,
            });
            return (playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }
}
