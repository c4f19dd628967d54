using GhgReporting.Jobs.Pdf;
using GhgReporting.Jobs.Pdf.Layout;

namespace GhgReporting.Jobs.Tests.Pdf;

/// <summary>Wrapping, measured with the embedded fonts; no pixels.</summary>
public sealed class TextMeasurerTests : IDisposable
{
    /// <summary>Float sums of glyph advances; a line may exceed its width by rounding only.</summary>
    private const float WidthTolerance = 0.01f;

    private readonly TextMeasurer text = new();

    [Fact]
    public void Wrap_TextNarrowerThanTheLine_IsOneLine()
    {
        text.Wrap("Hải Phòng", Typography.Body, 200).Should().Equal("Hải Phòng");
    }

    [Fact]
    public void Wrap_EmptyText_HasNoLines()
    {
        text.Wrap("", Typography.Body, 200).Should().BeEmpty();
    }

    [Theory]
    [InlineData(1, 10)]
    [InlineData(3, 4)]
    [InlineData(4, 3)]
    [InlineData(10, 1)]
    public void Wrap_RepeatedWord_PutsAsManyWordsOnALineAsFit(int wordsPerLine, int expectedLines)
    {
        var word = "Surabaya";
        var wordWidth = text.Width(word, Typography.Body);
        var spaceWidth = text.Width(" ", Typography.Body);
        // Room for exactly `wordsPerLine` words: half a space short of one more.
        var width = wordsPerLine * wordWidth + (wordsPerLine - 1) * spaceWidth + spaceWidth / 2;

        var lines = text.Wrap(string.Join(' ', Enumerable.Repeat(word, 10)), Typography.Body, width);

        lines.Should().HaveCount(expectedLines);
        lines.SkipLast(1).Select(l => l.Split(' ').Length).Where(n => n != wordsPerLine).Should().BeEmpty("every line but the last is full");
    }

    [Fact]
    public void Wrap_Newlines_StartNewLinesAndKeepEmptyOnes()
    {
        text.Wrap("Hải Phòng\r\n\nĐà Nẵng", Typography.Body, 400).Should().Equal("Hải Phòng", "", "Đà Nẵng");
    }

    [Fact]
    public void Wrap_WordWiderThanTheLine_IsCutWhereItOverflows()
    {
        var word = string.Concat(Enumerable.Repeat("HảiPhòng", 12));

        var lines = text.Wrap(word, Typography.Body, 100);

        lines.Should().HaveCountGreaterThan(1);
        string.Concat(lines).Should().Be(word);
        lines.Should().AllSatisfy(l => text.Width(l, Typography.Body).Should().BeLessThanOrEqualTo(100 + WidthTolerance));
    }

    [Theory]
    [InlineData(60)]
    [InlineData(150)]
    [InlineData(481.9f)]
    public void Wrap_Prose_FitsTheWidthAndKeepsEveryWordInOrder(float width)
    {
        var prose = "Reductions that are not verified may be reported as a contribution but never as an offset; " +
            "the partner city's verifier approves or rejects the monitoring report of Hải Phòng, Đà Nẵng or Surabaya.";

        var lines = text.Wrap(prose, Typography.Body, width);

        lines.Should().AllSatisfy(l => text.Width(l, Typography.Body).Should().BeLessThanOrEqualTo(width + WidthTolerance));
        string.Join(' ', lines).Should().Be(prose);
    }

    [Fact]
    public void Wrap_DecomposedText_IsComposedFirst()
    {
        text.Wrap("Ha\u0309i Pho\u0300ng", Typography.Body, 400).Should().Equal("Hải Phòng");
    }

    [Fact]
    public void Truncate_TextWiderThanRoom_EndsWithEllipsisAndFits()
    {
        var truncated = text.Truncate("Low-Carbon Cities Platform · Monitoring report · Hải Phòng – Kitakyushu", Typography.Header, 120);

        truncated.Should().EndWith("…");
        text.Width(truncated, Typography.Header).Should().BeLessThanOrEqualTo(120 + WidthTolerance);
    }

    public void Dispose() => text.Dispose();
}
