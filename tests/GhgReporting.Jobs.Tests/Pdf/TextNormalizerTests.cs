using GhgReporting.Jobs.Pdf;

namespace GhgReporting.Jobs.Tests.Pdf;

/// <summary>NFC composition (UAX #15) with HarfBuzz's Unicode data, since string.Normalize is a no-op under invariant globalization.</summary>
public class TextNormalizerTests
{
    [Theory]
    [InlineData("Ha\u0309i Pho\u0300ng", "Hải Phòng")]
    [InlineData("D\u0300a\u0300 N\u0103\u0303ng", "D\u0300à Nẵng")]
    [InlineData("\u0110a\u0300 Na\u0306\u0303ng", "Đà Nẵng")]
    [InlineData("Nghe\u0323\u0302 An", "Nghệ An")]
    [InlineData("Nghe\u0302\u0323 An", "Nghệ An")] // marks out of canonical order
    [InlineData("Ngh\u00ea\u0323 An", "Nghệ An")] // half-composed input
    public void Normalize_DecomposedVietnamese_ComposesToThePrecomposedLetters(string input, string expected)
    {
        TextNormalizer.Normalize(input).Should().Be(expected);
    }

    [Theory]
    [InlineData("Surabaya")]
    [InlineData("Hải Phòng, Đà Nẵng")]
    [InlineData("")]
    public void Normalize_AlreadyComposed_ReturnsTheSameText(string text)
    {
        TextNormalizer.Normalize(text).Should().BeSameAs(text);
    }

    [Fact]
    public void Normalize_MarkWithoutPrecomposedForm_StaysCombining()
    {
        // q + U+0303 tilde has no precomposed letter.
        TextNormalizer.Normalize("q\u0303").Should().Be("q\u0303");
    }
}
