using GhgReporting.Jobs.Pdf;
using GhgReporting.Jobs.Pdf.Layout;

namespace GhgReporting.Jobs.Tests.Pdf;

/// <summary>Positions and sizes from the layout pass, without rendering.</summary>
public class DocumentLayoutTests
{
    private static readonly PageGeometry Page = PageGeometry.A4;

    private static DocumentSpec Spec(params Block[] blocks) => new("Title", "Header", null, blocks);

    private static List<(int Page, TextFragment Text)> Texts(DocumentLayout layout) =>
        layout.Pages.SelectMany(p => p.Content.OfType<TextFragment>().Select(t => (p.Number, t))).ToList();

    [Fact]
    public void Layout_Paragraph_HasOneLinePerWrappedLineOneLineAdvanceApart()
    {
        var prose = string.Join(' ', Enumerable.Repeat("Surabaya and Kitakyushu share waste-management know-how.", 8));
        using var measurer = new TextMeasurer();
        var expected = measurer.Wrap(prose, Typography.Body, Page.Content.Width);

        var lines = Texts(DocumentLayouter.Layout(Spec(new ParagraphBlock(prose)))).Select(t => t.Text).ToList();

        expected.Should().HaveCountGreaterThan(3);
        lines.Select(l => l.Text).Should().Equal(expected);
        lines.Zip(lines.Skip(1), (a, b) => b.Baseline - a.Baseline).Should().AllSatisfy(d => d.Should().BeApproximately(Typography.Body.LineAdvance, 0.001f));
        lines.Should().AllSatisfy(l => l.X.Should().Be(Page.Content.Left));
    }

    [Fact]
    public void Layout_LongTableWithWrappingCells_NeverSplitsARow()
    {
        // Every cell wraps to several lines; every token of row i is "r{i}…", so each line names its row.
        var rows = Enumerable.Range(1, 90)
            .Select(i => (IReadOnlyList<string>)[string.Join(' ', Enumerable.Range(1, 9).Select(t => $"r{i}t{t}")), $"{i}"])
            .ToList();
        var layout = DocumentLayouter.Layout(Spec(new TableBlock([new TableColumn("Cell", 1), new TableColumn("No.", 4, CellAlign.Right)], rows)));

        var rowPages = Texts(layout)
            .Where(t => t.Text.Text.StartsWith('r'))
            .GroupBy(t => t.Text.Text.Split('t')[0])
            .ToDictionary(g => g.Key, g => g.Select(t => t.Page).Distinct().ToList());

        layout.Pages.Should().HaveCountGreaterThan(2);
        rowPages.Should().HaveCount(90);
        rowPages.Values.Should().AllSatisfy(pages => pages.Should().ContainSingle("a row stays on one page"));
        Texts(layout).Where(t => t.Text.Text.StartsWith('r')).Should().OnlyContain(t => t.Text.Text.Split(' ', StringSplitOptions.None).Length < 9, "the column is narrow enough to wrap");
    }

    [Fact]
    public void Layout_TableAcrossPages_OpensEveryPageWithItsHeaderRow()
    {
        var rows = Enumerable.Range(1, 120).Select(i => (IReadOnlyList<string>)[$"row {i}", $"{i}"]).ToList();
        var layout = DocumentLayouter.Layout(Spec(new TableBlock([new TableColumn("Parameter", 3), new TableColumn("Value", 1, CellAlign.Right)], rows)));

        layout.Pages.Should().HaveCountGreaterThan(1);
        foreach (var page in layout.Pages)
        {
            var texts = page.Content.OfType<TextFragment>().OrderBy(t => t.Baseline).ThenBy(t => t.X).ToList();
            texts.Take(2).Select(t => t.Text).Should().Equal(["Parameter", "Value"], $"page {page.Number} starts with the header");
            texts[0].Style.Should().Be(Typography.TableHeader);
        }
    }

    [Fact]
    public void Layout_AnyDocument_KeepsContentInsideTheContentArea()
    {
        var layout = DocumentLayouter.Layout(new SampleMonitoringReport(SampleMonitoringReport.DefaultModel()).Compose());

        foreach (var page in layout.Pages)
        {
            page.Content.OfType<TextFragment>().Should().AllSatisfy(t =>
            {
                t.Baseline.Should().BeInRange(Page.Content.Top, Page.Content.Bottom);
                (t.X + t.Width).Should().BeLessThanOrEqualTo(Page.Content.Right + 0.01f);
            });
            page.Content.OfType<ChartFragment>().Where(c => c.Rect.Bottom > Page.Content.Bottom).Should().BeEmpty();
        }
    }

    [Fact]
    public void Layout_HeadingNearTheBottom_MovesToTheNextPageWithItsText()
    {
        // An empty chart as filler leaves room for the heading but not for the heading and the paragraph's two lines.
        var filler = Page.Content.Height - Spacing.HeadingBefore - 30;
        var layout = DocumentLayouter.Layout(Spec(new ChartBlock(filler, _ => { }), new HeadingBlock("Emission reductions"), new ParagraphBlock("Line one.\nLine two.")));

        layout.Pages.Should().HaveCount(2);
        layout.Pages[0].Content.OfType<TextFragment>().Should().BeEmpty();
        layout.Pages[1].Content.OfType<TextFragment>().Select(t => t.Text).Should().Equal("Emission reductions", "Line one.", "Line two.");
    }

    [Fact]
    public void Layout_RowTallerThanAPage_IsRefused()
    {
        var hugeCell = string.Join('\n', Enumerable.Range(1, 200).Select(i => $"line {i}"));

        var act = () => DocumentLayouter.Layout(Spec(new TableBlock([new TableColumn("Notes", 1)], [[hugeCell]])));

        act.Should().Throw<PdfLayoutException>().WithMessage("*table (block 1, row 1)*cannot be split*");
    }

    [Fact]
    public void Layout_PageBreak_StartsANewPageButNeverAnEmptyOne()
    {
        var layout = DocumentLayouter.Layout(Spec(new PageBreakBlock(), new ParagraphBlock("one"), new PageBreakBlock(), new PageBreakBlock(), new ParagraphBlock("two")));

        layout.Pages.Select(p => p.Content.OfType<TextFragment>().Single().Text).Should().Equal("one", "two");
    }

    [Fact]
    public void Layout_TwoPages_FrameCountsPagesAndRepeatsTheHeader()
    {
        var layout = DocumentLayouter.Layout(Spec(new ParagraphBlock("one"), new PageBreakBlock(), new ParagraphBlock("two")) with { Watermark = "DRAFT" });

        layout.Pages.Should().HaveCount(2);
        foreach (var page in layout.Pages)
        {
            var frameTexts = page.Frame.OfType<TextFragment>().Select(t => t.Text).ToList();
            frameTexts.Should().Contain(["Header", $"Page {page.Number} of 2", "Title"]);
            page.Frame.OfType<WatermarkFragment>().Should().ContainSingle(w => w.Text == "DRAFT");
        }
    }

    [Fact]
    public void Layout_ChartWiderThanTheContent_IsNarrowedToIt()
    {
        var layout = DocumentLayouter.Layout(Spec(new ChartBlock(100, _ => { }) { Width = 2000 }));

        var chart = layout.Pages[0].Content.OfType<ChartFragment>().Single();
        chart.Rect.Width.Should().BeApproximately(Page.Content.Width, 0.01f);
        chart.Rect.Height.Should().Be(100);
    }
}
