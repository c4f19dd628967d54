using System.Diagnostics;
using System.Globalization;

namespace GhgReporting.Web.Tests.Infrastructure;

/// <summary>
/// Stops a child process once the test host has gone, however it went: vstest kills the host shortly after the run,
/// and a killed host never reaches the fixture's DisposeAsync, which would leave the service running.
/// </summary>
internal static class ProcessWatchdog
{
    // $1 our pid, $2 the child's pid, $3 a string its command line contains (so a recycled pid is left alone).
    private const string Script = """
        trap '' INT HUP
        (
          exec </dev/null >/dev/null 2>&1
          while kill -0 "$1"; do sleep 1; done
          if tr '\0' ' ' < "/proc/$2/cmdline" | grep -qF -- "$3"; then
            kill -TERM "$2"
            sleep 10
            if tr '\0' ' ' < "/proc/$2/cmdline" | grep -qF -- "$3"; then kill -KILL "$2"; fi
          fi
        ) &
        """;

    /// <summary>Starts the watchdog; if it cannot start, the fixture's DisposeAsync is the only cleanup.</summary>
    public static void Start(int childPid, string commandLineMarker)
    {
        if (OperatingSystem.IsWindows()) return;
        var startInfo = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        foreach (var argument in new[]
                 {
                     "-c", Script, "ghg-web-test-watchdog", Environment.ProcessId.ToString(CultureInfo.InvariantCulture),
                     childPid.ToString(CultureInfo.InvariantCulture), commandLineMarker,
                 })
            startInfo.ArgumentList.Add(argument);
        try
        {
            using var shell = Process.Start(startInfo);
            // The shell only launches the background watcher and returns; waiting reaps it.
            shell?.WaitForExit(TimeSpan.FromSeconds(10));
        }
        catch (System.ComponentModel.Win32Exception)
        {
        }
    }
}
