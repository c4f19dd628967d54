using System.Globalization;
using GhgReporting.Jobs.Pdf;
using ScottPlot;

namespace GhgReporting.Jobs.Tests.Pdf;

/// <summary>What the sample report shows; fictional figures in the shape of a JCM-style monitoring report.</summary>
public sealed record SampleMonitoringModel(
    string Project,
    string HostCity,
    string PartnerCity,
    string Period,
    IReadOnlyList<double> MonthlyMWh,
    double ReferenceTCO2e,
    double ProjectTCO2e,
    bool Verified);

/// <summary>
/// A three-page monitoring report with two charts, written the way report classes will be: the model in
/// the constructor, <see cref="Compose"/> handing header, content and footer to short methods. Used by
/// the read-back, size and timing tests.
/// </summary>
public sealed class SampleMonitoringReport(SampleMonitoringModel model) : IPdfDocument
{
    public const string ChartOneTitle = "Grid electricity use of the street lights";
    public const string ChartTwoTitle = "Reference and project emissions";

    public static SampleMonitoringModel DefaultModel(bool verified = false) => new(
        Project: "Energy-efficient street lighting in Hải Phòng",
        HostCity: "Hải Phòng",
        PartnerCity: "Kitakyushu",
        Period: "2024-01-01 to 2024-12-31",
        MonthlyMWh: [412.5, 398.1, 405.7, 388.2, 379.9, 371.4, 369.8, 374.6, 381.3, 390.2, 401.8, 410.9],
        ReferenceTCO2e: 8_415.3,
        ProjectTCO2e: 3_998.7,
        Verified: verified);

    public DocumentSpec Compose() =>
        new(Title: $"Monitoring report — {model.Project}", HeaderText: ComposeHeader(), Watermark: model.Verified ? null : "DRAFT", Blocks: ComposeContent())
        {
            FooterText = ComposeFooter(),
            Author = "Low-Carbon Cities Platform secretariat",
        };

    private string ComposeHeader() => $"Low-Carbon Cities Platform · Monitoring report · {model.HostCity} – {model.PartnerCity}";

    private string ComposeFooter() => $"{model.Project} · monitoring period {model.Period}";

    private List<Block> ComposeContent() =>
    [
        new TitleBlock("Monitoring report", model.Project),
        Summary(),
        new HeadingBlock("Parameters monitored ex post"),
        MonitoredParameters(),
        new HeadingBlock("Monitored values over the period"),
        new ChartBlock(210, MonthlyChart),
        new HeadingBlock("Emission reductions"),
        Reductions(),
        new ChartBlock(190, ReductionChart),
        new HeadingBlock("Partner cities of the platform"),
        PartnerCities(),
        new HeadingBlock("Co-benefits"),
        new ParagraphBlock("Brighter, more even street lighting on the main roads of Hải Phòng; fewer lamp failures and " +
            "night-time repairs; the city's maintenance staff trained by Kitakyushu's engineers. Lessons shared with Đà Nẵng " +
            "and Surabaya, which are preparing similar projects."),
    ];

    private KeyValueBlock Summary() => new(
    [
        new KeyValue("Project", model.Project),
        new KeyValue("Host city", model.HostCity),
        new KeyValue("Partner city", model.PartnerCity),
        new KeyValue("Methodology", "SAMPLE-EE-01 version 1.0 (replacement of street lights with LED lights)"),
        new KeyValue("Monitoring period", model.Period),
        new KeyValue("Verification", model.Verified ? "Verified" : "Submitted, awaiting verification by the partner city"),
    ]);

    private TableBlock MonitoredParameters()
    {
        var rows = new List<IReadOnlyList<string>>();
        for (var month = 0; month < model.MonthlyMWh.Count; month++)
        {
            var period = $"2024-{month + 1:00}";
            rows.Add(["EC_PJ electricity consumed by the project lights", period, Number(model.MonthlyMWh[month]), "MWh", "C", "Utility meters, monthly readings"]);
            rows.Add(["OH operating hours per night", period, Number(11.4 + month % 3 * 0.2), "h", "C", "Lighting control system log"]);
            rows.Add(["N_F lamps in operation", period, Number(12_480 - month * 3, 0), "lamps", "B", "Maintenance records"]);
        }
        return new TableBlock(
            [
                new TableColumn("Parameter", 3.2f),
                new TableColumn("Period", 1),
                new TableColumn("Value", 1, CellAlign.Right),
                new TableColumn("Unit", 0.8f),
                new TableColumn("Option", 0.8f, CellAlign.Center),
                new TableColumn("Source", 2.4f),
            ],
            rows);
    }

    private KeyValueBlock Reductions() => new(
    [
        new KeyValue("Reference emissions", $"{Number(model.ReferenceTCO2e)} tCO2e"),
        new KeyValue("Project emissions", $"{Number(model.ProjectTCO2e)} tCO2e"),
        new KeyValue("Emission reductions", $"{Number(Math.Floor(model.ReferenceTCO2e - model.ProjectTCO2e), 0)} tCO2e (rounded down)"),
    ]);

    private static TableBlock PartnerCities() => new(
        [new TableColumn("City", 2), new TableColumn("Country", 2), new TableColumn("Partner", 2)],
        [
            ["Hải Phòng", "Viet Nam", "Kitakyushu"],
            ["Đà Nẵng", "Viet Nam", "Yokohama"],
            ["Surabaya", "Indonesia", "Kitakyushu"],
            ["Phnom Penh", "Cambodia", "Kitakyushu"],
            ["Mandalay", "Myanmar", "Osaka"],
        ]);

    private void MonthlyChart(Plot plot)
    {
        var months = Enumerable.Range(1, model.MonthlyMWh.Count).Select(m => (double)m).ToArray();
        var line = plot.Add.Scatter(months, model.MonthlyMWh.ToArray());
        line.LegendText = "EC_PJ (MWh)";
        plot.Title(ChartOneTitle);
        plot.XLabel("Month of 2024");
        plot.YLabel("MWh");
        plot.ShowLegend(Alignment.LowerLeft);
    }

    private void ReductionChart(Plot plot)
    {
        plot.Add.Bars(new[]
        {
            new Bar { Position = 1, Value = model.ReferenceTCO2e, FillColor = Colors.Gray, Label = Number(model.ReferenceTCO2e) },
            new Bar { Position = 2, Value = model.ProjectTCO2e, FillColor = Colors.SeaGreen, Label = Number(model.ProjectTCO2e) },
        });
        plot.Axes.Bottom.SetTicks([1, 2], ["Reference", "Project"]);
        plot.Axes.Margins(bottom: 0, top: 0.15);
        plot.Title(ChartTwoTitle);
        plot.YLabel("tCO2e");
    }

    private static string Number(double value, int decimals = 1) => value.ToString("N" + decimals, CultureInfo.InvariantCulture);
}
