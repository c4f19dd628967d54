using System.Diagnostics;
using System.Runtime.InteropServices;

namespace GhgReporting.Benchmarks.SqlCompare;

/// <summary>What the figures were measured on.</summary>
internal static class MachineInfo
{
    /// <summary>lscpu's model name, with family and model (a VM may show only "AMD EPYC").</summary>
    public static string CpuModel()
    {
        var lines = Run("lscpu").Split('\n');
        string? Field(string name) =>
            lines.FirstOrDefault(l => l.StartsWith(name + ":", StringComparison.Ordinal))?[(name.Length + 1)..].Trim();
        return $"{Field("Model name") ?? "unknown"} (lscpu: family {Field("CPU family") ?? "?"}, model {Field("Model") ?? "?"})";
    }

    public static string Cores() => $"{Environment.ProcessorCount} logical";

    public static string DotnetSdk() => Run("dotnet", "--version").Trim();

    public static string Runtime() => $"{RuntimeInformation.FrameworkDescription} on {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture})";

    private static string Run(string file, params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in arguments) start.ArgumentList.Add(a);
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return output;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return $"unknown ({file}: {e.Message})";
        }
    }
}
