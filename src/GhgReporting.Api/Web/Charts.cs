using System.Globalization;
using ScottPlot;

namespace GhgReporting.Api.Web;

/// <summary>
/// Charts for the pages, drawn on the server as SVG (ScottPlot), so they need no script, no library from a CDN,
/// and arrive with the page. Values are shown as given; axes start at zero so that small changes look small.
/// </summary>
public static class Charts
{
    /// <summary>Bars with a label under each (e.g. tCO2e by sector).</summary>
    public static string Bars(string title, string unit, IReadOnlyList<(string Label, decimal Value)> bars, int width = 720, int height = 320)
    {
        var plot = new Plot();
        plot.Add.Bars(bars.Select((b, i) => new Bar { Position = i + 1, Value = (double)b.Value, FillColor = Colors.SeaGreen, Label = Format(b.Value) }).ToArray());
        plot.Axes.Bottom.SetTicks(bars.Select((_, i) => (double)(i + 1)).ToArray(), bars.Select(b => b.Label).ToArray());
        plot.Axes.Margins(bottom: 0, top: 0.15);
        Style(plot, title, unit);
        return Scalable(plot.GetSvgXml(width, height), width, height);
    }

    /// <summary>One line per series over years (e.g. BASIC and BASIC+ year over year).</summary>
    public static string Years(string title, string unit, IReadOnlyList<int> years, IReadOnlyList<(string Name, IReadOnlyList<decimal> Values)> series, int width = 720, int height = 320)
    {
        var plot = new Plot();
        var xs = years.Select(y => (double)y).ToArray();
        foreach (var (name, values) in series)
        {
            var line = plot.Add.Scatter(xs, values.Select(v => (double)v).ToArray());
            line.LegendText = name;
            line.MarkerSize = 8;
        }
        plot.Axes.Bottom.SetTicks(xs, years.Select(y => y.ToString(CultureInfo.InvariantCulture)).ToArray());
        var max = series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max();
        plot.Axes.SetLimitsY(0, (double)(max == 0 ? 1 : max) * 1.15);
        if (xs.Length == 1) plot.Axes.SetLimitsX(xs[0] - 1, xs[0] + 1);
        plot.ShowLegend(Alignment.LowerRight);
        Style(plot, title, unit);
        return Scalable(plot.GetSvgXml(width, height), width, height);
    }

    /// <summary>Drops the XML declaration and gives the SVG a viewBox, so that the stylesheet can shrink it to a phone's width and the drawing shrinks with it.</summary>
    private static string Scalable(string svg, int width, int height)
    {
        // Inside an HTML page the SVG starts at its element: no XML declaration before it.
        var open = svg.IndexOf("<svg", StringComparison.Ordinal);
        if (open < 0) return svg;
        svg = svg[open..];
        return svg.Contains("viewBox", StringComparison.Ordinal) ? svg : svg.Insert(4, $" viewBox=\"0 0 {width} {height}\" preserveAspectRatio=\"xMidYMid meet\"");
    }

    private static void Style(Plot plot, string title, string unit)
    {
        // The same sans-serif face as the pages (the browser falls back to its own sans-serif without it).
        plot.Font.Set("DejaVu Sans");
        plot.Title(title);
        plot.YLabel(unit);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 11;
    }

    private static string Format(decimal value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}
