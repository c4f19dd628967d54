using GhgReporting.Jobs.Pdf;

namespace GhgReporting.Jobs.Tests.Pdf;

/// <summary>Generated PDFs read back with PdfPig: what a reader's viewer extracts from them.</summary>
public class PdfDocumentBuilderTests
{
    private const string Header = "Low-Carbon Cities Platform · Monitoring report · Hải Phòng – Kitakyushu";

    private static readonly Lazy<byte[]> DraftReport = new(() => PdfDocumentBuilder.Render(new SampleMonitoringReport(SampleMonitoringReport.DefaultModel())));
    private static readonly Lazy<byte[]> VerifiedReport = new(() => PdfDocumentBuilder.Render(new SampleMonitoringReport(SampleMonitoringReport.DefaultModel(verified: true))));

    [Fact]
    public void Render_SampleMonitoringReport_HasThreePages()
    {
        PdfReadBack.Of(DraftReport.Value).PageCount.Should().Be(3);
    }

    [Fact]
    public void Render_SampleMonitoringReport_EveryPageCarriesTheHeader()
    {
        var pdf = PdfReadBack.Of(DraftReport.Value);

        pdf.PageTexts.Should().AllSatisfy(text => text.Should().Contain(Header));
    }

    [Fact]
    public void Render_SampleMonitoringReport_FooterCountsPagesOfTheWhole()
    {
        var pdf = PdfReadBack.Of(DraftReport.Value);

        for (var page = 1; page <= pdf.PageCount; page++)
            pdf.PageTexts[page - 1].Should().Contain($"Page {page} of 3");
    }

    [Theory]
    [InlineData("Hải Phòng")]
    [InlineData("Đà Nẵng")]
    [InlineData("Surabaya")]
    [InlineData("Phnom Penh")]
    public void Render_CityNames_ExtractExactlyAsWritten(string city)
    {
        var pdf = PdfReadBack.Of(DraftReport.Value);

        string.Concat(pdf.PageTexts).Should().Contain(city);
    }

    [Fact]
    public void Render_DecomposedVietnamese_IsDrawnComposed()
    {
        // "Hải Phòng" typed with combining marks: a + U+0309 hook above, o + U+0300 grave.
        var spec = new DocumentSpec("t", "h", null, [new ParagraphBlock("Ha\u0309i Pho\u0300ng")]);

        var pdf = PdfReadBack.Of(PdfDocumentBuilder.Render(spec));

        pdf.PageTexts[0].Should().Contain("Hải Phòng");
    }

    [Fact]
    public void Render_LongTable_RepeatsItsHeaderRowOnEveryPage()
    {
        var rows = Enumerable.Range(1, 150).Select(i => (IReadOnlyList<string>)[$"row {i:000}", $"{i * 2.5:F1}"]).ToList();
        var spec = new DocumentSpec("t", "h", null,
            [new TableBlock([new TableColumn("Monitored parameter", 3), new TableColumn("Monitored value", 1, CellAlign.Right)], rows)]);

        var pdf = PdfReadBack.Of(PdfDocumentBuilder.Render(spec));

        pdf.PageCount.Should().BeGreaterThanOrEqualTo(3);
        for (var page = 1; page <= pdf.PageCount; page++)
        {
            pdf.Occurrences(page, "Monitored parameter").Should().Be(1, $"page {page} starts with the header row");
            pdf.Occurrences(page, "Monitored value").Should().Be(1);
        }
        var allText = string.Concat(pdf.PageTexts);
        rows.Select(r => allText.IndexOf(r[0], StringComparison.Ordinal)).Should().BeInAscendingOrder().And.NotContain(-1);
    }

    [Fact]
    public void Render_DraftWatermark_AppearsOnEveryPage()
    {
        var pdf = PdfReadBack.Of(DraftReport.Value);

        for (var page = 1; page <= pdf.PageCount; page++)
            pdf.Occurrences(page, "DRAFT").Should().Be(1, $"page {page} carries the watermark once");
    }

    [Fact]
    public void Render_NoWatermark_NoPageSaysDraft()
    {
        var pdf = PdfReadBack.Of(VerifiedReport.Value);

        pdf.PageTexts.Should().AllSatisfy(text => text.Should().NotContain("DRAFT"));
    }

    [Fact]
    public void Render_Charts_AreDrawnOnceWithTheirLabels()
    {
        // ScottPlot re-renders when its first render changes the layout; on a PDF page that would draw the chart twice.
        var pdf = PdfReadBack.Of(DraftReport.Value);
        var allText = string.Concat(pdf.PageTexts);

        foreach (var title in new[] { SampleMonitoringReport.ChartOneTitle, SampleMonitoringReport.ChartTwoTitle })
            allText.Split(title).Should().HaveCount(2, $"\"{title}\" appears exactly once");
        allText.Should().Contain("Month of 2024").And.Contain("EC_PJ (MWh)");
    }

    [Fact]
    public void Render_TextOnlyAChartShows_IsInTheFontSubset()
    {
        // Each of these letters (ệ ả ầ ơ ế) appears nowhere but in the chart: title, legend, tick labels, bar labels.
        var spec = new DocumentSpec("t", "h", null,
        [
            new ChartBlock(200, plot =>
            {
                var bars = plot.Add.Bars(new[] { new ScottPlot.Bar { Position = 1, Value = 3, Label = "Huế" } });
                bars.LegendText = "Quảng Ninh";
                plot.Axes.Bottom.SetTicks([1], ["Cần Thơ"]);
                plot.Title("Nghệ An");
                plot.ShowLegend();
            }),
        ]);

        var text = PdfReadBack.Of(PdfDocumentBuilder.Render(spec)).PageTexts[0];

        text.Should().Contain("Nghệ An").And.Contain("Quảng Ninh").And.Contain("Cần Thơ").And.Contain("Huế");
    }

    [Fact]
    public void Render_ChartsAndText_UseOnlyTheTwoEmbeddedSubsets()
    {
        var pdf = PdfReadBack.Of(DraftReport.Value);

        pdf.FontNames.Should().HaveCount(2);
        pdf.FontNames.Should().ContainSingle(n => n.EndsWith("+DejaVuSans", StringComparison.Ordinal));
        pdf.FontNames.Should().ContainSingle(n => n.EndsWith("+DejaVuSans-Bold", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_SameDocumentTwice_ProducesTheSameBytes()
    {
        // A stored report keeps its SHA-256; re-running a job must not produce a different file for the same data.
        var again = PdfDocumentBuilder.Render(new SampleMonitoringReport(SampleMonitoringReport.DefaultModel()));

        again.Should().Equal(DraftReport.Value);
    }

    [Fact]
    public void Render_ImageBlock_EmbedsTheImage()
    {
        var png = TestImages.Png(width: 120, height: 60);
        var spec = new DocumentSpec("t", "h", null, [new ParagraphBlock("Logo"), new ImageBlock(png, 120)]);

        var pdf = PdfReadBack.Of(PdfDocumentBuilder.Render(spec));

        pdf.ImageCount.Should().Be(1);
    }

    [Fact]
    public void Render_Metadata_CarriesTitleAndAuthor()
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(DraftReport.Value);

        document.Information.Title.Should().Be("Monitoring report — Energy-efficient street lighting in Hải Phòng");
        document.Information.Author.Should().Be("Low-Carbon Cities Platform secretariat");
    }
}
