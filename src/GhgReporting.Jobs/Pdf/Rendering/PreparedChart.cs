using System.Reflection;
using GhgReporting.Jobs.Pdf.Fonts;
using GhgReporting.Jobs.Pdf.Layout;
using ScottPlot;
using SkiaSharp;

namespace GhgReporting.Jobs.Pdf.Rendering;

/// <summary>
/// A ScottPlot plot built from a <see cref="ChartBlock"/>, settled by a dry render in the layout pass
/// (which also tells which characters its labels use) and drawn as vectors onto the PDF page in the
/// render pass.
/// </summary>
/// <remarks>
/// ScottPlot resolves fonts by name through a process-wide cache, so it cannot be pointed at a
/// per-document subset by name; instead every <see cref="LabelStyle"/> of the plot gets the typeface
/// object: title, axis labels, tick labels, legend items (turned into manual items, because the legend
/// rebuilds its items from the plottables on each render) and the LabelStyle properties of plottables.
/// The dry render matters twice: ScottPlot renders a second time when the first render changes the
/// layout, which on a PDF canvas would draw the chart twice; and tick labels exist only after it.
/// </remarks>
internal sealed class PreparedChart : IDisposable
{
    private readonly Plot plot = new();
    private readonly int pixelWidth;
    private readonly int pixelHeight;
    private readonly List<LabelStyle> labelStyles;

    private PreparedChart(ChartFragment fragment, FontSet measuringFonts)
    {
        Fragment = fragment;
        pixelWidth = (int)MathF.Round(fragment.Rect.Width / Spacing.ChartScale);
        pixelHeight = (int)MathF.Round(fragment.Rect.Height / Spacing.ChartScale);
        fragment.Chart.Configure(plot);
        plot.RenderManager.ClearCanvasBeforeEachRender = false;
        FreezeLegend();
        labelStyles = LabelStyles().ToList();
        ApplyFonts(measuringFonts);
        using var dryRun = new SKNoDrawCanvas(pixelWidth, pixelHeight);
        plot.Render(dryRun, pixelWidth, pixelHeight);
    }

    public ChartFragment Fragment { get; }

    public static PreparedChart Prepare(ChartFragment fragment, FontSet measuringFonts) => new(fragment, measuringFonts);

    /// <summary>
    /// Every text the chart draws, with its weight; valid after the dry render. Covers labels, ticks,
    /// legend items and bar labels; text kept elsewhere (e.g. pie slice labels) is not read back and
    /// falls back to <see cref="GlyphUsage.ChartCharacters"/>.
    /// </summary>
    public IEnumerable<(string Text, FontWeight Weight)> Texts()
    {
        foreach (var style in labelStyles)
            yield return (style.Text, Weight(style));
        foreach (var item in plot.Legend.ManualItems)
            yield return (item.LabelText, Weight(item.LabelStyle));
        foreach (var axis in plot.Axes.GetAxes())
        {
            foreach (var tick in axis.TickGenerator.Ticks)
                yield return (tick.Label, Weight(axis.TickLabelStyle));
        }
        foreach (var bars in plot.GetPlottables<ScottPlot.Plottables.BarPlot>())
        {
            foreach (var bar in bars.Bars)
            {
                yield return (bar.Label, Weight(bars.ValueLabelStyle));
                yield return (bar.ValueLabel, Weight(bars.ValueLabelStyle));
            }
        }
    }

    public void Draw(SKCanvas canvas, FontSet documentFonts)
    {
        ApplyFonts(documentFonts);
        var rect = Fragment.Rect;
        canvas.Save();
        canvas.Translate(rect.Left, rect.Top);
        canvas.ClipRect(new SKRect(0, 0, rect.Width, rect.Height));
        canvas.Scale(Spacing.ChartScale);
        plot.Render(canvas, pixelWidth, pixelHeight);
        canvas.Restore();
    }

    private void FreezeLegend()
    {
        if (!plot.Legend.IsVisible || !plot.Legend.DisplayPlottableLegendItems)
            return;
        plot.Legend.ManualItems.AddRange(plot.GetPlottables().SelectMany(p => p.LegendItems).Where(i => !string.IsNullOrEmpty(i.LabelText)));
        plot.Legend.DisplayPlottableLegendItems = false;
    }

    private IEnumerable<LabelStyle> LabelStyles()
    {
        yield return plot.Axes.Title.Label;
        foreach (var axis in plot.Axes.GetAxes())
        {
            yield return axis.Label;
            yield return axis.TickLabelStyle;
        }
        foreach (var item in plot.Legend.ManualItems)
            yield return item.LabelStyle;
        foreach (var plottable in plot.GetPlottables())
        {
            var properties = plottable.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.PropertyType == typeof(LabelStyle) && p.CanRead && p.GetIndexParameters().Length == 0);
            foreach (var property in properties)
            {
                if (property.GetValue(plottable) is LabelStyle style)
                    yield return style;
            }
        }
    }

    private void ApplyFonts(FontSet fonts)
    {
        foreach (var style in labelStyles)
            style.Font = fonts.Get(Weight(style));
    }

    private static FontWeight Weight(LabelStyle style) => style.Bold ? FontWeight.Bold : FontWeight.Regular;

    public void Dispose() => plot.Dispose();
}
