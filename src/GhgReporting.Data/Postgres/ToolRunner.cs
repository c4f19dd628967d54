using System.ComponentModel;
using System.Diagnostics;

namespace GhgReporting.Data.Postgres;

/// <summary>What a command-line tool printed and how it exited.</summary>
internal sealed record ToolResult(int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>stderr then stdout, trimmed: what to show a person when the tool failed.</summary>
    public string Output => string.Join('\n', new[] { StandardError.Trim(), StandardOutput.Trim() }.Where(s => s.Length > 0));
}

/// <summary>
/// Runs command-line tools without a shell. initdb and postgres refuse to run as root, so a root process
/// runs them as the <c>postgres</c> OS user through <c>runuser</c>.
/// </summary>
internal static class ToolRunner
{
    public const string ServerUser = "postgres";

    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    public static Task<ToolResult> RunAsync(string file, IEnumerable<string> arguments, bool asServerUser, CancellationToken ct, TimeSpan? timeout = null) =>
        asServerUser
            ? RunProcessAsync(RunuserPath(), ["-u", ServerUser, "--", file, .. arguments], timeout ?? DefaultTimeout, ct)
            : RunProcessAsync(file, arguments, timeout ?? DefaultTimeout, ct);

    /// <summary>As root: fails with a sentence saying what to do when the <c>postgres</c> OS user cannot run commands.</summary>
    public static async Task EnsureServerUserAsync(CancellationToken ct)
    {
        var result = await RunAsync("true", [], asServerUser: true, ct, TimeSpan.FromSeconds(30));
        if (!result.Succeeded)
        {
            throw new PostgresNotAvailableException(
                $"This process runs as root, so PostgreSQL must run as the `{ServerUser}` OS user, which does not exist or cannot run commands " +
                $"({result.Output.ReplaceLineEndings(" ")}): install PostgreSQL with `apt-get install postgresql` (it creates that user), or run as a non-root user.");
        }
    }

    private static string RunuserPath() =>
        new[] { "/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser", "/bin/runuser" }.FirstOrDefault(File.Exists) ?? "runuser";

    private static async Task<ToolResult> RunProcessAsync(string file, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken ct)
    {
        var startInfo = new ProcessStartInfo
        {
            FileName = file,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // The postgres user may not be able to enter our current folder; every path we pass is absolute.
            WorkingDirectory = "/",
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        startInfo.Environment["LC_MESSAGES"] = "C";

        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new PostgresNotAvailableException($"Could not run {file} ({e.Message}): check that it is installed and executable.");
        }
        // Nothing reads our stdin; closing it keeps a tool from waiting for a password prompt.
        process.StandardInput.Close();
        // Read both streams concurrently so a full pipe never blocks the tool.
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            ct.ThrowIfCancellationRequested();
            throw new TimeoutException($"{Path.GetFileName(file)} did not finish within {timeout.TotalSeconds:0} s and was stopped.");
        }
        try
        {
            // A daemon the tool started may keep its copy of our pipes open; its output is not worth waiting for.
            await Task.WhenAll(stdout, stderr).WaitAsync(TimeSpan.FromSeconds(10), ct);
        }
        catch (TimeoutException)
        {
        }
        return new ToolResult(process.ExitCode, Completed(stdout), Completed(stderr));
    }

    private static string Completed(Task<string> read) => read.IsCompletedSuccessfully ? read.Result : "";
}
