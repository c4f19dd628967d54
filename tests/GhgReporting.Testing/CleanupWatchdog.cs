using System.Diagnostics;

namespace GhgReporting.Testing;

/// <summary>
/// Stops the shared test server and deletes its folder after this process has gone, however it went.
/// Needed because vstest kills the test host about 100 ms after the run (VSTEST_TESTHOST_SHUTDOWN_TIMEOUT),
/// which usually interrupts the ProcessExit handler half-way through deleting the folder.
/// </summary>
internal static class CleanupWatchdog
{
    // $1 our pid, $2 folder to delete, $3 data folder of a server we started (empty if none).
    // SIGINT is PostgreSQL's fast shutdown; the /proc check avoids signalling a recycled pid.
    private const string Script = """
        trap '' INT HUP
        (
          exec </dev/null >/dev/null 2>&1
          while kill -0 "$1"; do sleep 1; done
          if [ -n "$3" ] && [ -f "$3/postmaster.pid" ]; then
            pid=$(head -n 1 "$3/postmaster.pid")
            if [ "$(cat "/proc/$pid/comm")" = postgres ]; then kill -INT "$pid"; fi
            i=0
            while [ -f "$3/postmaster.pid" ] && [ "$i" -lt 60 ]; do sleep 1; i=$((i + 1)); done
          fi
          rm -rf -- "$2"
        ) &
        """;

    /// <summary>Starts the watchdog; a failure to start it only means cleanup is left to ProcessExit.</summary>
    public static void Start(string folder, string? serverDataDirectory)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        var startInfo = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        foreach (var argument in new[] { "-c", Script, "ghg-test-postgres-watchdog", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), folder, serverDataDirectory ?? "" })
        {
            startInfo.ArgumentList.Add(argument);
        }
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
