using System.Text;
using GhgReporting.Api.Uploads;

namespace GhgReporting.Api.Tests.Uploads;

internal static class UploadTestData
{
    public const string CsvHeader = "gpc_reference,activity_type,amount,unit,period_start,period_end,data_quality,source";

    public static string Line(int i) => $"I.1.2,electricity:grid,{i}.5,MWh,2023-01-01,2023-12-31,high,invoice {i}";

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static async Task<List<RawActivityRow>> ReadAllAsync(this IActivityRowSource source)
    {
        var rows = new List<RawActivityRow>();
        await foreach (var row in source.ReadAsync()) rows.Add(row);
        return rows;
    }

    /// <summary>Reads CSV through a stream that, like an ASP.NET request body, refuses synchronous reads.</summary>
    public static async Task<(List<RawActivityRow> Rows, CsvActivityRowSource Source)> ReadCsvAsync(byte[] bytes, int chunk = int.MaxValue)
    {
        var source = new CsvActivityRowSource(new AsyncOnlyStream(new MemoryStream(bytes), chunk));
        return (await source.ReadAllAsync(), source);
    }

    public static Task<(List<RawActivityRow> Rows, CsvActivityRowSource Source)> ReadCsvAsync(string text) => ReadCsvAsync(Utf8(text));

    public static async Task<(List<RawActivityRow> Rows, JsonActivityRowSource Source)> ReadJsonAsync(byte[] bytes)
    {
        var source = new JsonActivityRowSource(new AsyncOnlyStream(new MemoryStream(bytes)));
        return (await source.ReadAllAsync(), source);
    }

    public static Task<(List<RawActivityRow> Rows, JsonActivityRowSource Source)> ReadJsonAsync(string text) => ReadJsonAsync(Utf8(text));

    public static async Task<(List<RawActivityRow> Rows, XlsxActivityRowSource Source)> ReadXlsxAsync(byte[] bytes)
    {
        var source = new XlsxActivityRowSource(new MemoryStream(bytes));
        return (await source.ReadAllAsync(), source);
    }
}

/// <summary>
/// A read-only, non-seekable stream whose synchronous Read throws, as an ASP.NET request body does; ReadAsync hands
/// out at most <paramref name="chunk"/> bytes at a time, to cut multi-byte characters and lines at odd places.
/// </summary>
internal sealed class AsyncOnlyStream(Stream inner, int chunk = int.MaxValue) : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous reads are not allowed.");

    public override int Read(Span<byte> buffer) => throw new InvalidOperationException("Synchronous reads are not allowed.");

    public override int ReadByte() => throw new InvalidOperationException("Synchronous reads are not allowed.");

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        return await inner.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
