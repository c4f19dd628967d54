using System.Globalization;
using GhgReporting.Calc;
using GhgReporting.Data.Entities;
using GhgReporting.Data.Inventories;
using GhgReporting.Jobs.Pdf;
using ScottPlot;

namespace GhgReporting.Jobs.Reports;

/// <summary>What a city inventory report shows: the version with its GPC table and document, the city, the
/// year-over-year totals of the versions the reader may see, and the catalog's datasets.</summary>
public sealed record InventoryReportModel(
    City City, InventoryVersion Version, IReadOnlyList<InventoryFigure> Table, InventoryDocument Document,
    IReadOnlyList<(int Year, decimal BasicCo2e, decimal BasicPlusCo2e)> Series, IReadOnlyList<string> DatasetTitles);

/// <summary>
/// A city's inventory report: the GPC table by sector and scope, BASIC and BASIC+ totals, a chart by sector,
/// a year-over-year chart, notation keys, data quality and factor sources. Tonnes are shown rounded by
/// <see cref="Rounding"/> (the one place figures are rounded); the stored figures stay exact.
/// </summary>
public sealed class InventoryReport(InventoryReportModel model) : IPdfDocument
{
    public DocumentSpec Compose()
    {
        var v = model.Version;
        return new DocumentSpec($"GHG inventory {model.City.Name} {v.Year}", $"Low-Carbon Cities Platform · GHG inventory · {model.City.Name} {v.Year}",
            v.PublishedAt is null ? "DRAFT" : null, [.. Content()])
        {
            FooterText = $"{model.City.Name} {v.Year} · version {v.Version} · {(v.PublishedAt is null ? "draft, not published" : "published")} · GWP {v.GwpSet}",
        };
    }

    private IEnumerable<Block> Content()
    {
        var v = model.Version;
        yield return new TitleBlock($"Greenhouse gas inventory {v.Year}", $"{model.City.Name}, GPC 2014 · version {v.Version}");
        yield return new KeyValueBlock(
        [
            new KeyValue("City", $"{model.City.Name} ({model.City.Country.Trim()})"),
            new KeyValue("Population", model.City.Population is { } p ? p.ToString("N0", CultureInfo.InvariantCulture) + (model.City.PopulationYear is { } y ? $" ({y})" : "") : "not given"),
            new KeyValue("BASIC", $"{Rounding.FormatTonnes(v.BasicCo2e)} tCO2e"),
            new KeyValue("BASIC+", $"{Rounding.FormatTonnes(v.BasicPlusCo2e)} tCO2e"),
            new KeyValue("Territorial (scope 1)", $"{Rounding.FormatTonnes(v.TerritorialCo2e)} tCO2e"),
            new KeyValue("Biogenic CO2 (reported apart)", $"{Rounding.FormatTonnes(v.BiogenicCo2)} t"),
            new KeyValue("GWP values", $"{v.GwpSet}{(v.Ch4ByOrigin ? ", CH4 by origin" : "")}"),
            new KeyValue("State", v.PublishedAt is { } at ? $"published {at:yyyy-MM-dd}" : "draft (not published)"),
        ]);
        if (model.City.IsIllustrative)
            yield return new ParagraphBlock("The activity data of this city are ILLUSTRATIVE: generated for the example platform, not official city data.");

        yield return new HeadingBlock("Emissions by sector");
        yield return new ChartBlock(200, SectorChart);
        if (model.Series.Count > 1) yield return new ChartBlock(180, SeriesChart);

        yield return new HeadingBlock("GPC table");
        yield return new TableBlock(
        [
            new TableColumn("Ref.", 0.08f), new TableColumn("Sub-sector", 0.30f), new TableColumn("Scope", 0.07f, CellAlign.Center),
            new TableColumn("CO2 (t)", 0.13f, CellAlign.Right), new TableColumn("CH4 (t)", 0.11f, CellAlign.Right), new TableColumn("N2O (t)", 0.10f, CellAlign.Right),
            new TableColumn("CO2e (t)", 0.13f, CellAlign.Right), new TableColumn("Quality", 0.08f, CellAlign.Center),
        ],
        model.Table.Select(f => (IReadOnlyList<string>)
        [
            f.GpcReference, f.SubSector, f.Scope.ToString(CultureInfo.InvariantCulture),
            Gas(f, f.Co2), Gas(f, f.Ch4), Gas(f, f.N2o), f.NotationKey is "C" ? "C" : f.NotationKey is null ? Rounding.FormatTonnes(f.Co2e) : f.NotationKey,
            f.DataQuality ?? "",
        ]).ToList());

        var keys = model.Table.Where(f => f.NotationKey is not null && f.NotationKey != "NE").ToList();
        yield return new HeadingBlock("Notation keys");
        yield return new ParagraphBlock("NE = not estimated (no activity data was submitted), NO = not occurring, IE = included elsewhere, C = confidential. " +
            $"{model.Table.Count(f => f.NotationKey == "NE")} categories are NE.");
        if (keys.Count > 0)
            yield return new TableBlock([new TableColumn("Ref.", 0.1f), new TableColumn("Key", 0.08f, CellAlign.Center), new TableColumn("Explanation", 0.82f)],
                keys.Select(f => (IReadOnlyList<string>)[f.GpcReference, f.NotationKey!, f.NotationExplanation ?? ""]).ToList());

        yield return new HeadingBlock("Factors and sources");
        yield return new ParagraphBlock($"Factor catalog {v.CatalogName}, content hash {v.CatalogHash[..12]}…, datasets {string.Join(", ", v.DatasetVersions)}.");
        foreach (var title in model.DatasetTitles) yield return new ParagraphBlock("• " + title);
        foreach (var g in model.Document.GwpValues)
            yield return new ParagraphBlock($"• GWP {g.Gas} = {g.Value.ToString(CultureInfo.InvariantCulture)} ({g.Set}: {g.Source})");
        if (model.Document.Warnings.Count > 0)
        {
            yield return new HeadingBlock("Warnings", 2);
            foreach (var w in model.Document.Warnings) yield return new ParagraphBlock("• " + w);
        }
    }

    private static string Gas(InventoryFigure f, decimal? tonnes) => f.NotationKey is { } key ? key : tonnes is { } t ? Rounding.FormatTonnes(t) : "NE";

    private void SectorChart(Plot plot)
    {
        var sectors = model.Table.Where(f => f.InBasicPlus).GroupBy(f => f.Sector).Select(g => (Sector: g.Key, Co2e: g.Sum(f => f.Co2e))).Where(s => s.Co2e != 0).ToList();
        plot.Add.Bars(sectors.Select((s, i) => new Bar { Position = i + 1, Value = (double)s.Co2e, FillColor = Colors.SeaGreen }).ToArray());
        plot.Axes.Bottom.SetTicks(sectors.Select((_, i) => (double)(i + 1)).ToArray(), sectors.Select(s => s.Sector).ToArray());
        plot.Axes.Margins(bottom: 0, top: 0.1);
        plot.Title("BASIC+ emissions by sector (tCO2e)");
        plot.YLabel("tCO2e");
    }

    private void SeriesChart(Plot plot)
    {
        var years = model.Series.Select(p => (double)p.Year).ToArray();
        var basic = plot.Add.Scatter(years, model.Series.Select(p => (double)p.BasicCo2e).ToArray());
        basic.LegendText = "BASIC";
        var plus = plot.Add.Scatter(years, model.Series.Select(p => (double)p.BasicPlusCo2e).ToArray());
        plus.LegendText = "BASIC+";
        plot.Axes.Bottom.SetTicks(years, model.Series.Select(p => p.Year.ToString(CultureInfo.InvariantCulture)).ToArray());
        // From zero, so that a small change does not look like a large one.
        plot.Axes.SetLimitsY(0, (double)model.Series.Max(p => p.BasicPlusCo2e) * 1.15);
        plot.Title("Year over year (tCO2e)");
        plot.ShowLegend(Alignment.LowerRight);
    }
}
