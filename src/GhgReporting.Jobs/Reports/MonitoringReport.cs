using System.Globalization;
using GhgReporting.Calc;
using GhgReporting.Calc.Inventory;
using GhgReporting.Calc.Methodologies;
using GhgReporting.Data.Entities;
using GhgReporting.Jobs.Pdf;
using ScottPlot;

namespace GhgReporting.Jobs.Reports;

/// <summary>
/// The monitoring report of one version of a project's monitoring period, in the order of a JCM monitoring report:
/// project and period, results, parameters monitored ex post and fixed ex ante, the calculation step by step,
/// evidence, verification, co-benefits and warnings. Tonnes of CO2e are shown through <see cref="Rounding"/> (the one
/// place figures are rounded); every other value is shown exactly as stored. A report that is not final has DRAFT on
/// every page and says that its figures are not verified.
/// </summary>
/// <remarks>Readers often use English as a second language: short sentences, plain words.</remarks>
public sealed class MonitoringReport(MonitoringReportModel model) : IPdfDocument
{
    /// <summary>The unit of emission figures in a methodology trace (CalculationBuilder.TonnesCo2e in Calc).</summary>
    private const string TonnesCo2e = "t CO2e";

    private static readonly string[] IndexDateFormats = ["yyyy-MM-dd", "yyyy-MM", "yyyy"];
    private static readonly ScottPlot.Color Accent = ChartColor(Pdf.Palette.Accent);
    private static readonly ScottPlot.Color Muted = ChartColor(Pdf.Palette.Muted);
    private static readonly ScottPlot.Color Rule = ChartColor(Pdf.Palette.Rule);

    private Project Project => model.Project;

    private MonitoringPeriod Period => model.Period;

    public DocumentSpec Compose() =>
        new($"Monitoring report {Project.Code} period {Period.Number} version {Period.Version}", Header(), model.Final ? null : "DRAFT",
            [.. Opening(), .. Results(), .. ExPost(), .. ExAnte(), .. Calculation(), .. Evidence(), .. Verification(), .. Outcomes(), .. Warnings()])
        {
            FooterText = Footer(),
            Author = "Low-Carbon Cities Platform secretariat",
        };

    private string Header() => $"Low-Carbon Cities Platform · Monitoring report · {model.HostCityName} – {model.PartnerCityName}";

    private string Footer() =>
        $"{Project.Code} · period {Period.Number}, version {Period.Version} · {Date(Period.PeriodStart)} to {Date(Period.PeriodEnd)} · " +
        (model.Final ? "verified" : "DRAFT — not verified");

    private IEnumerable<Block> Opening()
    {
        yield return new TitleBlock("Monitoring report", $"{Project.Title} · {Project.Code}");
        yield return new KeyValueBlock(
        [
            new KeyValue("Project", $"{Project.Code} — {Project.Title}"),
            new KeyValue("Host city", model.HostCityName),
            new KeyValue("Partner city (verifier)", model.PartnerCityName),
            new KeyValue("Methodology", $"{Project.MethodologyId} version {Project.MethodologyVersion}: {model.Methodology.Title}"),
            new KeyValue("Sector", Project.Sector),
            new KeyValue("Monitoring period", $"No. {Period.Number}, {Date(Period.PeriodStart)} to {Date(Period.PeriodEnd)}"),
            new KeyValue("Version", model.Superseded is { } old ? $"{Period.Version} (corrects version {old})" : $"{Period.Version}"),
            new KeyValue("State", StateInWords()),
            new KeyValue("Crediting period", $"{Date(Project.CreditingStart)} to {Date(Project.CreditingEnd)}"),
            new KeyValue("Funding scheme", Text(Project.FundingScheme, "not given")),
        ]);
        if (!model.Final)
            yield return new ParagraphBlock("This is a draft. The figures are not verified and may change.");
        if (Period.SupersededById is not null)
            yield return new ParagraphBlock("A later version of this monitoring period replaces this version.");
        if (Project.IsIllustrative)
            yield return new ParagraphBlock("The figures of this project are ILLUSTRATIVE example data. They are not real project data.");
    }

    private IEnumerable<Block> Results()
    {
        yield return new HeadingBlock("Results");
        yield return new KeyValueBlock(
        [
            new KeyValue("Reference emissions", Tonnes(Period.ReferenceEmissions)),
            new KeyValue("Project emissions", Tonnes(Period.ProjectEmissions)),
            new KeyValue("Leakage", Tonnes(Period.Leakage)),
            new KeyValue("Emission reductions", Tonnes(Period.Reductions)),
            new KeyValue("Credits", CreditsInWords()),
            new KeyValue("Credits issued", model.Final ? Whole(model.CreditsIssued) : "none yet: credits are issued only after verification"),
        ]);
        yield return Note("Emission reductions = reference emissions − project emissions − leakage. Tonnes are shown with three " +
                          "decimals (one kilogram). One credit is one whole tonne of CO2e: the reductions are rounded down.");
        if (Period is { ReferenceEmissions: not null, ProjectEmissions: not null, Reductions: not null })
            yield return new ChartBlock(165, ResultsChart);
    }

    private IEnumerable<Block> ExPost()
    {
        yield return new HeadingBlock("Parameters monitored ex post");
        if (model.Parameters.Count == 0)
        {
            yield return new ParagraphBlock("No parameters were monitored in this period.");
            yield break;
        }
        yield return new TableBlock(
        [
            new TableColumn("Parameter [index]", 1.5f), new TableColumn("Value", 1.1f, CellAlign.Right), new TableColumn("Unit", 0.6f),
            new TableColumn("Option", 0.75f, CellAlign.Center), new TableColumn("Source", 1.85f), new TableColumn("Measurement method", 1.85f),
        ],
        Ordered(model.Parameters).Select(p => (IReadOnlyList<string>)
            [Label(p.Name, p.Index), Exact(p.Value), p.Unit, p.MonitoringOption, p.Source, p.MeasurementMethod]).ToList());
        yield return Note("Monitoring option: A = public data measured by others; B = transaction records, such as invoices; " +
                          "C = direct measurement with metered equipment.");
        if (Symbols(model.Parameters.Select(p => p.Name)) is { } symbols)
            yield return Note(symbols);

        // A chart of one value says nothing the table does not.
        var charted = ChartedParameter();
        if (charted.Count < 2)
            yield break;
        yield return new ChartBlock(175, MonitoredChart);
        if (model.Parameters.Count > charted.Count)
            yield return Note($"The chart shows {charted[0].Name} ({charted[0].Unit}). The table above has all values.");
    }

    private IEnumerable<Block> ExAnte()
    {
        yield return new HeadingBlock("Parameters fixed ex ante");
        if (model.ExAnte.Count == 0)
        {
            yield return new ParagraphBlock("No parameters were fixed ex ante.");
            yield break;
        }
        yield return new TableBlock(
            [new TableColumn("Parameter [index]", 1.5f), new TableColumn("Value", 1.1f, CellAlign.Right), new TableColumn("Unit", 0.7f), new TableColumn("Source", 4.3f)],
            model.ExAnte.Select(p => (IReadOnlyList<string>)[Label(p.Name, p.Index), Exact(p.Value), p.Unit, p.Source]).ToList());
        if (Symbols(model.ExAnte.Select(p => p.Name)) is { } symbols)
            yield return Note(symbols);
    }

    private IEnumerable<Block> Calculation()
    {
        var m = model.Methodology;
        yield return new HeadingBlock("Calculation step by step");
        yield return new ParagraphBlock($"Methodology {m.Id} version {m.Version}: {m.Title}. The equations:");
        yield return new ParagraphBlock(m.Equations.Trim());
        yield return Note("Based on: " + m.BasedOn + ".");
        if (model.Steps.Count == 0)
        {
            yield return new ParagraphBlock("No calculation is stored for this version yet.");
            yield break;
        }

        // The publications the equation steps follow are listed once under the table and referred to by number; an input's
        // citation ("monitored ex post; given as 140 MWh") belongs to its row.
        var citations = model.Steps.Where(s => s is { Formula: not null, Citation: not null }).Select(s => s.Citation!).Distinct(StringComparer.Ordinal).ToList();
        yield return new TableBlock(
        [
            new TableColumn("Step", 1.5f), new TableColumn("Formula, or how the input was given", 2.6f), new TableColumn("Value", 1.1f, CellAlign.Right),
            new TableColumn("Unit", 0.6f), new TableColumn("Factor id / source", 1.8f),
        ],
        model.Steps.Select(s => (IReadOnlyList<string>)[s.Name, s.Formula ?? s.Citation ?? "", StepValue(s), s.Unit, StepSource(s, citations)]).ToList());
        if (citations.Count > 0)
            yield return Note(string.Join("\n", citations.Select((c, i) => $"[{i + 1}] {c}")));
    }

    private IEnumerable<Block> Evidence()
    {
        yield return new HeadingBlock("Evidence files");
        if (model.Evidence.Count == 0)
        {
            yield return new ParagraphBlock("No evidence files were uploaded for this version.");
            yield break;
        }
        yield return new TableBlock(
        [
            new TableColumn("File", 1.5f), new TableColumn("Type", 1.4f), new TableColumn("Size (bytes)", 0.8f, CellAlign.Right),
            new TableColumn("Uploaded", 0.8f), new TableColumn("SHA-256", 2.55f),
        ],
        model.Evidence.Select(e => (IReadOnlyList<string>)
            [e.FileName, e.ContentType, Whole(e.Length), Date(e.UploadedAt), $"{e.Sha256[..(e.Sha256.Length / 2)]}\n{e.Sha256[(e.Sha256.Length / 2)..]}"]).ToList());
        yield return Note("The SHA-256 of each file is printed on two lines. Read the two lines as one value to check the file.");
    }

    private IEnumerable<Block> Verification()
    {
        yield return new HeadingBlock("Verification");
        yield return new ParagraphBlock(StatusSentence());
        yield return new KeyValueBlock(
        [
            new KeyValue("Submitted", Period.SubmittedAt is { } at ? $"{Timestamp(at)} by {Text(model.SubmittedBy, "(not recorded)")}" : "not submitted"),
            Review(),
            new KeyValue("Review summary", Text(Period.ReviewSummary, "none")),
        ]);
        if (!model.Final)
        {
            yield return new ParagraphBlock($"The figures in this report are not verified and may change. Until {model.PartnerCityName} verifies " +
                                            "them, they may be reported as a contribution, but never as an offset.");
        }
        yield return new HeadingBlock("Verifier comments", 2);
        if (model.Comments.Count == 0)
        {
            yield return new ParagraphBlock("No comments.");
            yield break;
        }
        yield return new TableBlock(
            [new TableColumn("Parameter", 1.3f), new TableColumn("Comment", 3.2f), new TableColumn("By", 2.2f), new TableColumn("Date", 0.9f)],
            model.Comments.Select(c => (IReadOnlyList<string>)[c.Parameter ?? "whole period", c.Comment, c.By, Date(c.At)]).ToList());
    }

    private IEnumerable<Block> Outcomes()
    {
        yield return new HeadingBlock("Co-benefits and other outcomes");
        yield return new KeyValueBlock(
        [
            new KeyValue("Co-benefits", Text(Project.CoBenefits, "none recorded")),
            new KeyValue("Other outcomes", Text(Project.Outcomes, "none recorded")),
        ]);
    }

    private IEnumerable<Block> Warnings()
    {
        if (model.Warnings.Count == 0)
            yield break;
        yield return new HeadingBlock("Warnings of the calculation");
        foreach (var warning in model.Warnings)
            yield return new ParagraphBlock("• " + warning);
    }

    private string StateInWords() => Period.State switch
    {
        PeriodStates.Draft => "draft, not submitted",
        PeriodStates.Submitted => "submitted, waiting for verification",
        PeriodStates.UnderReview => "under review",
        PeriodStates.Verified => "verified",
        PeriodStates.Rejected => "rejected",
        var other => other,
    };

    private string StatusSentence() => Period.State switch
    {
        PeriodStates.Draft => $"Not submitted yet. {model.HostCityName} is still entering the data.",
        PeriodStates.Submitted => $"Submitted by {model.HostCityName}. It waits for review by {model.PartnerCityName}.",
        PeriodStates.UnderReview => $"{model.PartnerCityName} is reviewing this version.",
        PeriodStates.Verified => $"Verified by {model.PartnerCityName}.",
        PeriodStates.Rejected => $"Rejected by {model.PartnerCityName}. {model.HostCityName} may correct the data and submit a new version.",
        var other => $"State: {other}.",
    };

    private KeyValue Review()
    {
        var who = $"{Text(model.ReviewedBy, "(not recorded)")} ({model.PartnerCityName})";
        var when = Period.ReviewedAt is { } at ? $" on {Timestamp(at)}" : "";
        return Period.State switch
        {
            PeriodStates.Verified => new KeyValue("Verified by", who + when),
            PeriodStates.Rejected => new KeyValue("Rejected by", who + when),
            _ => new KeyValue("Reviewed by", "not reviewed yet"),
        };
    }

    private string CreditsInWords()
    {
        if (Period.Reductions is not { } reductions)
            return "not calculated";
        if (reductions <= 0m)
            return "0 — reductions are zero or negative";
        var credits = Period.Credits ?? (long)Rounding.WholeTonnesDown(reductions);
        return $"{Whole(credits)} (whole tonnes of CO2e, rounded down)";
    }

    /// <summary>"EG = EG_i,p (MWh): description" for each methodology parameter among <paramref name="names"/>.</summary>
    private string? Symbols(IEnumerable<string> names)
    {
        var lines = names.Distinct(StringComparer.Ordinal)
            .Select(n => model.Methodology.Parameters.FirstOrDefault(p => p.Name == n))
            .OfType<MethodologyParameter>()
            .Select(p => $"{(p.Symbol == p.Name ? p.Name : $"{p.Name} = {p.Symbol}")} ({p.Unit}): {p.Description}")
            .ToList();
        return lines.Count == 0 ? null : string.Join("\n", lines);
    }

    /// <summary>The factor id, and for an equation step the number of its publication under the table (an input's citation
    /// is in the formula column).</summary>
    private static string StepSource(TraceStep step, List<string> citations)
    {
        var citation = step is { Formula: not null, Citation: not null } ? $"[{citations.IndexOf(step.Citation) + 1}]" : null;
        return string.Join(" ", new[] { step.FactorId, citation }.Where(s => !string.IsNullOrEmpty(s)));
    }

    private static string StepValue(TraceStep step) => step.Unit == TonnesCo2e ? Rounding.FormatTonnes(step.Value) : Exact(step.Value);

    /// <summary>The parameter with the most values, in chart order; values in another unit than its most common one are left out.</summary>
    private List<MonitoredParameter> ChartedParameter()
    {
        var group = Ordered(model.Parameters).GroupBy(p => p.Name).MaxBy(g => g.Count())!.ToList();
        var unit = group.GroupBy(p => p.Unit).MaxBy(g => g.Count())!.Key;
        return group.Where(p => p.Unit == unit).ToList();
    }

    private void MonitoredChart(Plot plot)
    {
        var values = ChartedParameter();
        plot.Add.Bars(values.Select((p, i) => new Bar { Position = i + 1, Value = (double)p.Value, FillColor = Accent }).ToArray());
        // Every label while they fit; then every second, third, … so that they never overlap.
        var step = (values.Count + 23) / 24;
        plot.Axes.Bottom.SetTicks(values.Select((_, i) => (double)(i + 1)).ToArray(), values.Select((p, i) => i % step == 0 ? p.Index ?? p.Name : "").ToArray());
        if (values.Count > 8)
        {
            plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
            plot.Axes.Bottom.MinimumSize = 60;
        }
        ZeroBased(plot, values.Select(p => p.Value));
        var symbol = model.Methodology.Parameters.FirstOrDefault(p => p.Name == values[0].Name)?.Symbol ?? values[0].Name;
        plot.Title($"Monitored values of {symbol} ({values[0].Unit})");
        plot.YLabel(values[0].Unit);
    }

    private void ResultsChart(Plot plot)
    {
        (string Label, decimal Tonnes, ScottPlot.Color Color)[] bars =
        [
            ("Reference emissions", Period.ReferenceEmissions!.Value, Muted),
            ("Project emissions", Period.ProjectEmissions!.Value, Rule),
            ("Emission reductions", Period.Reductions!.Value, Accent),
        ];
        plot.Add.Bars(bars.Select((b, i) => new Bar { Position = i + 1, Value = (double)b.Tonnes, FillColor = b.Color, Label = Rounding.FormatTonnes(b.Tonnes) }).ToArray());
        plot.Axes.Bottom.SetTicks(bars.Select((_, i) => (double)(i + 1)).ToArray(), bars.Select(b => b.Label).ToArray());
        ZeroBased(plot, bars.Select(b => b.Tonnes));
        plot.Title("Results of the period (tCO2e)");
        plot.YLabel("tCO2e");
    }

    /// <summary>The value axis includes zero and leaves room above (and below, for negative values) for the bar labels.</summary>
    private static void ZeroBased(Plot plot, IEnumerable<decimal> values)
    {
        var list = values.Select(v => (double)v).ToList();
        var max = Math.Max(0, list.Max());
        var min = Math.Min(0, list.Min());
        var room = Math.Max(max - min, 1) * 0.25;
        plot.Axes.SetLimitsY(min < 0 ? min - room : 0, max + room);
    }

    /// <summary>Grouped by parameter (in order of first appearance); within a parameter by date when every index is a date
    /// ("2023-01", "2023-01-31", "2023"), otherwise in the given order.</summary>
    private static List<MonitoredParameter> Ordered(IEnumerable<MonitoredParameter> parameters) =>
        parameters.GroupBy(p => p.Name, StringComparer.Ordinal).SelectMany(g =>
        {
            var dated = g.Select(p => (Parameter: p, Date: IndexDate(p.Index))).ToList();
            return dated.All(d => d.Date is not null) ? dated.OrderBy(d => d.Date).Select(d => d.Parameter) : g;
        }).ToList();

    private static DateOnly? IndexDate(string? index) =>
        DateOnly.TryParseExact(index?.Trim(), IndexDateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static ParagraphBlock Note(string text) => new(text) { Style = Typography.Small };

    private static string Label(string name, string? index) => string.IsNullOrWhiteSpace(index) ? name : $"{name}[{index}]";

    private static string Tonnes(decimal? tonnes) => tonnes is { } t ? $"{Rounding.FormatTonnes(t)} tCO2e" : "not calculated";

    /// <summary>A value exactly as stored (no rounding), with thousands separators.</summary>
    private static string Exact(decimal value) => value.ToString("#,0.############################", CultureInfo.InvariantCulture);

    private static string Whole(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Text(string? value, string whenEmpty) => string.IsNullOrWhiteSpace(value) ? whenEmpty : value.Trim();

    private static ScottPlot.Color ChartColor(SkiaSharp.SKColor color) => new(color.Red, color.Green, color.Blue);
}
