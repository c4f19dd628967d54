using System.Text;
using GhgReporting.Api.Uploads;

namespace GhgReporting.Api.Tests.Uploads;

public class StrictUtf8ReaderTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4096)]
    public async Task ReadAsync_AnyBufferSize_DecodesThenMarksTheBadBytes(int size)
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("a😀é"), 0xFF, .. Encoding.UTF8.GetBytes("never read")];
        using var reader = new StrictUtf8Reader(new AsyncOnlyStream(new MemoryStream(bytes), chunk: 1), CancellationToken.None);

        (await ReadAllAsync(reader, size)).Should().Be("a😀é" + StrictUtf8Reader.Marker);
        reader.Problem.Should().Be(TextProblem.NotUtf8);
        reader.ProblemAt.Should().Be(4);
    }

    [Fact]
    public async Task ReadAsync_CutSequenceAtTheEnd_IsNotUtf8()
    {
        using var reader = new StrictUtf8Reader(new MemoryStream([(byte)'a', 0xE2, 0x82]), CancellationToken.None);

        (await ReadAllAsync(reader, 4096)).Should().Be("a" + StrictUtf8Reader.Marker);
        reader.Problem.Should().Be(TextProblem.NotUtf8);
    }

    [Fact]
    public void Read_Synchronously_IsRefused()
    {
        using var reader = new StrictUtf8Reader(new MemoryStream([(byte)'a']), CancellationToken.None);

        reader.Invoking(r => r.Read(new char[4], 0, 4)).Should().Throw<NotSupportedException>();
    }

    private static async Task<string> ReadAllAsync(StrictUtf8Reader reader, int bufferSize)
    {
        var text = new StringBuilder();
        var buffer = new char[bufferSize];
        for (int read; (read = await reader.ReadAsync(buffer, 0, bufferSize)) > 0;) text.Append(buffer, 0, read);
        return text.ToString();
    }
}
