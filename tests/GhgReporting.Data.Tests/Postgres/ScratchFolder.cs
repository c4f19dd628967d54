using System.Security.Cryptography;

namespace GhgReporting.Data.Tests.Postgres;

/// <summary>A test's own folder under /tmp, enterable by the postgres user (the server runs as it when tests run as root).</summary>
internal sealed class ScratchFolder : IDisposable
{
    public ScratchFolder()
    {
        const UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        Path = System.IO.Path.Combine("/tmp", $"ghgpg-test-{RandomNumberGenerator.GetHexString(8, lowercase: true)}");
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(Path);
        }
        else
        {
            Directory.CreateDirectory(Path, mode);
        }
    }

    public string Path { get; }

    public string DataDirectory => System.IO.Path.Combine(Path, "data");

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
