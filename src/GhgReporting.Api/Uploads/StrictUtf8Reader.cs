using System.Buffers;
using System.Text.Unicode;

namespace GhgReporting.Api.Uploads;

internal enum TextProblem
{
    None,
    NotUtf8,
    Utf16,
    Utf32,
}

/// <summary>
/// Decodes a stream as strict UTF-8, with asynchronous reads only (an ASP.NET request body throws on synchronous
/// reads). A UTF-8 BOM is skipped. Where the bytes are not UTF-8 (or at the start of a UTF-16/UTF-32 file) the
/// reader returns the text decoded so far, then one <see cref="Marker"/> character and then the end: the CSV parser
/// puts the marker into the record that holds the bad bytes, so the caller knows the row from the parser
/// (<see cref="ProblemAt"/> is the marker's position in the text).
/// </summary>
internal sealed class StrictUtf8Reader(Stream stream, CancellationToken ct) : TextReader
{
    /// <summary>A lone low surrogate: valid UTF-8 never decodes to it, so it cannot be confused with data.</summary>
    public const char Marker = '\uDFFF';

    private readonly byte[] bytes = new byte[64 * 1024];
    private readonly char[] pair = new char[2];
    private int start, end;
    private bool endOfStream, startChecked, finished;
    private int pendingChar = -1;
    private long position;

    public TextProblem Problem { get; private set; }

    /// <summary>The position of the <see cref="Marker"/> in the text, or -1.</summary>
    public long ProblemAt { get; private set; } = -1;

    public override Task<int> ReadAsync(char[] buffer, int index, int count) => ReadAsync(buffer.AsMemory(index, count)).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty || finished) return 0;
        if (pendingChar >= 0)
        {
            var low = (char)pendingChar;
            pendingChar = -1;
            return Emit(buffer.Span, low);
        }

        if (!startChecked)
        {
            while (end < 4 && !endOfStream) await FillAsync(cancellationToken).ConfigureAwait(false);
            CheckStart();
        }

        while (true)
        {
            if (Problem != TextProblem.None)
            {
                ProblemAt = position++;
                finished = true;
                return Emit(buffer.Span, Marker);
            }

            var status = Decode(buffer.Span, out var written);
            if (written > 0) return written;
            switch (status)
            {
                case OperationStatus.InvalidData:
                    Problem = TextProblem.NotUtf8;
                    break;
                case OperationStatus.DestinationTooSmall:
                    // A one-char buffer and a character outside the BMP: hand out the surrogate pair one half at a time.
                    Decode(pair, out _);
                    pendingChar = pair[1];
                    return Emit(buffer.Span, pair[0]);
                case OperationStatus.Done when endOfStream:
                    finished = true;
                    return 0;
                case OperationStatus.NeedMoreData when endOfStream:
                    Problem = TextProblem.NotUtf8; // not expected: the final block reports a cut sequence as invalid
                    break;
                default:
                    await FillAsync(cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
    }

    private OperationStatus Decode(Span<char> destination, out int written)
    {
        var status = Utf8.ToUtf16(bytes.AsSpan(start, end - start), destination, out var read, out written,
            replaceInvalidSequences: false, isFinalBlock: endOfStream);
        start += read;
        position += written;
        return status;
    }

    /// <summary>Hands out one char already counted in <see cref="position"/>.</summary>
    private static int Emit(Span<char> buffer, char c)
    {
        buffer[0] = c;
        return 1;
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (start > 0)
        {
            Buffer.BlockCopy(bytes, start, bytes, 0, end - start);
            end -= start;
            start = 0;
        }

        using var linked = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(ct, cancellationToken) : null;
        var read = await stream.ReadAsync(bytes.AsMemory(end), linked?.Token ?? ct).ConfigureAwait(false);
        if (read == 0) endOfStream = true;
        end += read;
    }

    private void CheckStart()
    {
        startChecked = true;
        ReadOnlySpan<byte> head = bytes.AsSpan(0, end);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) start = 3;
        else if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0, 0]) || head.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF])) Problem = TextProblem.Utf32;
        else if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) Problem = TextProblem.Utf16;
    }

    private const string AsyncOnly = "This reader reads asynchronously only: use ReadAsync.";

    public override int Read() => throw new NotSupportedException(AsyncOnly);

    public override int Read(char[] buffer, int index, int count) => throw new NotSupportedException(AsyncOnly);

    public override int Read(Span<char> buffer) => throw new NotSupportedException(AsyncOnly);
}
