using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GhgReporting.Web.Tests.Infrastructure;

/// <summary>
/// The service as a process of its own, <c>dotnet GhgReporting.Api.dll</c> from this test's bin folder (the project
/// reference puts the dll, its deps.json, runtimeconfig.json and static web assets manifest there), the way it runs
/// in production rather than in-process: the browser talks to real Kestrel over loopback.
/// </summary>
internal sealed class ApiProcess : IAsyncDisposable
{
    private const int OutputLinesKept = 300;

    private readonly Process process;
    private readonly Queue<string> output = new();

    private ApiProcess(Process process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>The service's address, <c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The last lines the process wrote (stdout and stderr interleaved), for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (output) return string.Join('\n', output);
        }
    }

    /// <summary>Starts the service with <paramref name="settings"/> as environment variables (configuration keys
    /// with <c>__</c> for <c>:</c>) on a free loopback port; returns once the process has been started.</summary>
    public static ApiProcess Start(IReadOnlyDictionary<string, string> settings)
    {
        var folder = AppContext.BaseDirectory;
        var dll = Path.Combine(folder, "GhgReporting.Api.dll");
        if (!File.Exists(dll))
            throw new InvalidOperationException($"{dll} is missing: the test project references src/GhgReporting.Api, so building it should put the service there.");
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        var startInfo = new ProcessStartInfo(DotnetHost(), [dll])
        {
            WorkingDirectory = folder,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The test host's own variables (vstest, xunit, DOTNET_*) are inherited; ours override them.
        foreach (var (key, value) in settings) startInfo.Environment[key] = value;
        startInfo.Environment["Urls"] = baseAddress.ToString().TrimEnd('/');

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var api = new ApiProcess(process, baseAddress);
        process.OutputDataReceived += (_, e) => api.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => api.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        ProcessWatchdog.Start(process.Id, "GhgReporting.Api.dll");
        return api;
    }

    /// <summary>Waits until <c>/health/ready</c> answers 200 (migrations applied, seeding done, database reachable).</summary>
    /// <exception cref="InvalidOperationException">The process exited or did not become ready in time; the message
    /// holds its output.</exception>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        string? lastAnswer = null;
        while (clock.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                // Waiting again lets the output readers reach the end of the streams.
                await process.WaitForExitAsync();
                throw new InvalidOperationException($"The service exited with code {process.ExitCode} before it was ready. Its output:\n{Output}");
            }
            try
            {
                using var response = await http.GetAsync("health/ready");
                if (response.StatusCode == HttpStatusCode.OK) return;
                lastAnswer = $"HTTP {(int)response.StatusCode}";
            }
            catch (HttpRequestException e)
            {
                lastAnswer = e.Message;
            }
            catch (TaskCanceledException)
            {
                lastAnswer = "no answer within 5 s";
            }
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
        throw new InvalidOperationException(
            $"The service at {BaseAddress} was not ready after {timeout.TotalSeconds:0} s (last answer of /health/ready: {lastAnswer ?? "none"}). Its output:\n{Output}");
    }

    /// <summary>Stops the service: SIGTERM for a graceful shutdown (the job server lets go of its locks), a kill after
    /// ten seconds. Returns the exit code (-1 when it had to be killed), or null if it is not known.</summary>
    public async Task<int?> StopAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
                    await kill!.WaitForExitAsync();
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                try
                {
                    await process.WaitForExitAsync(grace.Token);
                }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync();
                    return -1;
                }
            }
            return process.ExitCode;
        }
        catch (InvalidOperationException)
        {
            // The process was never started or has been disposed.
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (output)
        {
            output.Enqueue(line);
            while (output.Count > OutputLinesKept) output.Dequeue();
        }
    }

    /// <summary>A port nobody listens on now. Another process could take it before the service binds it; the
    /// service then exits with "address already in use", which the failure message shows.</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The dotnet host running the tests (so the same SDK's runtime), else <c>dotnet</c> on PATH.</summary>
    private static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host)) return host;
        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }
}
