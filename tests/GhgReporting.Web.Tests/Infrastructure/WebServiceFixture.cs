using System.Diagnostics;
using GhgReporting.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace GhgReporting.Web.Tests.Infrastructure;

/// <summary>
/// One service and one browser for the whole run (a collection fixture, see <see cref="WebCollection"/>): a fresh
/// database on the shared test PostgreSQL, the service started as its own process with the illustrative example
/// platform seeded (demo accounts, cities, projects), and a headless Chromium. Tests get a new browser context each
/// (<see cref="BrowserTest"/>), so their sessions are separate; they share the seeded data, so a test that changes
/// it must leave what the others read alone (or use data of its own).
/// </summary>
public sealed class WebServiceFixture(IMessageSink diagnostics) : IAsyncLifetime
{
    /// <summary>Start-up is dominated by seeding the example platform (eight cities, years of uploads calculated into
    /// inventories, three projects), about 6 s here; three minutes leaves room for a slow, busy CI machine.</summary>
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(3);

    private ApiProcess? api;
    private IPlaywright? playwright;
    private IBrowser? browser;

    /// <summary>The service's address, <c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri BaseAddress => Api.BaseAddress;

    /// <summary>The shared headless Chromium; make a context per test (<see cref="BrowserTest"/> does).</summary>
    public IBrowser Browser => browser ?? throw NotStarted();

    /// <summary>Where screenshots go: <c>bin/{configuration}/net10.0/screenshots</c>, emptied at the start of a run.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>How long each start-up step took, one line; also sent as an xunit diagnostic message.</summary>
    public string StartupTimings { get; private set; } = "";

    /// <summary>The last lines the service printed, for failure messages.</summary>
    public string ServiceOutput => api?.Output ?? "";

    private ApiProcess Api => api ?? throw NotStarted();

    public async Task InitializeAsync()
    {
        // Fail before starting the service when the browser is missing.
        var chromiumPath = Chromium.ExecutablePath();
        if (Directory.Exists(ScreenshotFolder)) Directory.Delete(ScreenshotFolder, recursive: true);
        Directory.CreateDirectory(ScreenshotFolder);

        var clock = Stopwatch.StartNew();
        // An empty database: the service applies its own migrations at start, as in production.
        var connectionString = await TestPostgres.CreateDatabaseAsync("web");
        var database = clock.Elapsed;

        api = ApiProcess.Start(new Dictionary<string, string>
        {
            ["ConnectionStrings__Ghg"] = connectionString,
            ["Seed__ExamplePlatform"] = "true",
            // The service renders reports itself, as a single-process deployment does.
            ["Jobs__RunServer"] = "true",
            ["Logging__LogLevel__Default"] = "Warning",
            // Every test signs in from 127.0.0.1; the default limits (10 sign-ins, 30 uploads a minute) would refuse them.
            ["RateLimits__LoginPermitsPerMinute"] = "1000",
            ["Uploads__PermitsPerMinute"] = "1000",
            // Development, as WebApplicationFactory uses: only then does the service read the build's static web assets
            // manifest and serve wwwroot (CSS, JS) from the project folder; a build, unlike a publish, does not copy it
            // to bin, and in Production the pages come out unstyled (FrontPageTests checks the stylesheet applied).
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
        });
        TimeSpan service, launch;
        try
        {
            await api.WaitUntilReadyAsync(ReadyTimeout);
            service = clock.Elapsed - database;
            (playwright, browser) = await Chromium.LaunchAsync(chromiumPath);
            launch = clock.Elapsed - database - service;
        }
        catch
        {
            // xunit does not dispose a fixture whose initialisation failed.
            await api.DisposeAsync();
            api = null;
            throw;
        }

        StartupTimings = $"Web test fixture ready in {clock.Elapsed.TotalSeconds:0.0} s: database {database.TotalSeconds:0.0} s (includes starting PostgreSQL), "
            + $"service start with migrations and example seeding {service.TotalSeconds:0.0} s, Chromium {browser.Version} launch {launch.TotalSeconds:0.0} s; "
            + $"service at {api.BaseAddress}, screenshots in {ScreenshotFolder}";
        diagnostics.OnMessage(new DiagnosticMessage(StartupTimings));
    }

    public async Task DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
        if (api is null) return;
        var clock = Stopwatch.StartNew();
        var exitCode = await api.StopAsync();
        await api.DisposeAsync();
        diagnostics.OnMessage(new DiagnosticMessage($"Web test service stopped in {clock.Elapsed.TotalSeconds:0.0} s (exit code {exitCode})."));
    }

    private static InvalidOperationException NotStarted() => new("The web test fixture has not started (InitializeAsync has not run or failed).");
}

/// <summary>Every browser test is in this collection: one service and browser for all, tests run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<WebServiceFixture>
{
    public const string Name = "web";
}
