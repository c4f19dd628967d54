using System.Security.Cryptography;

namespace GhgReporting.Api.Submissions;

/// <summary>The upload is larger than the limit; reading stopped there.</summary>
public sealed class UploadTooLargeException(long limit) : Exception($"The upload is larger than the limit of {HashingStream.Describe(limit)}.")
{
    public long Limit { get; } = limit;
}

/// <summary>
/// Reads an upload once, forwards it, and on the way computes its SHA-256 (the identity of the file, used
/// to recognise the same file uploaded twice) and enforces the size limit, so neither needs the file held.
/// </summary>
public sealed class HashingStream(Stream inner, long limit) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public long BytesRead { get; private set; }

    /// <summary>A size as a person reads it: "256 MB", "1.5 MB", "2 KB (2048 bytes)".</summary>
    public static string Describe(long bytes) => bytes switch
    {
        >= 1024 * 1024 => $"{bytes / (1024m * 1024m):0.##} MB",
        >= 1024 => $"{bytes / 1024m:0.##} KB ({bytes} bytes)",
        _ => $"{bytes} bytes",
    };

    /// <summary>The SHA-256 of everything read (lowercase hex). Call after the stream has been read to its end.</summary>
    public string Sha256() => Convert.ToHexStringLower(_hash.GetCurrentHash());

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await inner.ReadAsync(buffer, cancellationToken);
        Count(buffer.Span[..n]);
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = inner.Read(buffer, offset, count);
        Count(buffer.AsSpan(offset, n));
        return n;
    }

    /// <summary>Reads whatever the parser left unread (trailing bytes still belong to the file's hash).</summary>
    public async Task DrainAsync(CancellationToken ct)
    {
        var buffer = new byte[81920];
        while (await ReadAsync(buffer, ct) > 0) { }
    }

    private void Count(ReadOnlySpan<byte> bytes)
    {
        BytesRead += bytes.Length;
        if (BytesRead > limit) throw new UploadTooLargeException(limit);
        _hash.AppendData(bytes);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _hash.Dispose();
        base.Dispose(disposing);
    }
}
