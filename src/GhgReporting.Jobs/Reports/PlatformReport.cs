using System.Globalization;
using GhgReporting.Calc;
using GhgReporting.Jobs.Pdf;
using ScottPlot;

namespace GhgReporting.Jobs.Reports;

/// <summary>
/// The secretariat's periodic platform report, written for city councils and citizens who pay for the cooperation:
/// what the joint projects reduced and what a partner city verified, the credits issued, transferred and retired,
/// every partner city's latest published inventory, and the reductions declared as contributions. Plain sentences
/// explain each figure. Tonnes are shown through <see cref="Rounding"/>; credits are whole numbers.
/// </summary>
public sealed class PlatformReport(PlatformReportModel model) : IPdfDocument
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly Color ReductionColor = Colors.SeaGreen;
    private static readonly Color RetiredColor = Colors.SteelBlue;
    private static readonly Color InventoryColor = Colors.SlateGray;

    private IEnumerable<CityInventorySummary> PartnerCities => model.Cities.Where(c => !c.IsJapanese);

    private IEnumerable<CityInventorySummary> JapaneseCities => model.Cities.Where(c => c.IsJapanese);

    private string Period => $"{IsoDate(model.From)}–{IsoDate(model.To)}";

    public DocumentSpec Compose() =>
        new($"Platform report {Period}", $"Low-Carbon Cities Platform · Platform report {Period}", null, [.. Content()])
        {
            FooterText = $"Platform report {Period} · data as of {model.AsOf.UtcDateTime.ToString("yyyy-MM-dd HH:mm", Invariant)} UTC",
            Author = "Low-Carbon Cities Platform secretariat",
        };

    private IEnumerable<Block> Content() =>
        [.. Summary(), .. Projects(), .. Credits(), .. Cities(), .. Contributions()];

    private IEnumerable<Block> Summary()
    {
        yield return new TitleBlock("Platform report", $"Low-Carbon Cities Platform · {LongDate(model.From)} to {LongDate(model.To)}");
        if (IllustrativeNote() is { } note)
            yield return note;
        yield return new ParagraphBlock(
            "In the Low-Carbon Cities Platform, cities in Japan work with cities in developing Asia. Together they run projects " +
            "that cut greenhouse gas emissions, such as solar panels on public buildings or efficient cooling. The Japanese " +
            "partner city shares its experience and checks the results. This report shows what the cooperation achieved from " +
            $"{LongDate(model.From)} to {LongDate(model.To)}, in figures that anyone can check.");
        yield return new HeadingBlock("At a glance");
        yield return new KeyValueBlock(Glance());
        yield return new ParagraphBlock(
            "Emissions are counted in tonnes of CO2e (carbon dioxide equivalent): other greenhouse gases are converted to the " +
            "amount of CO2 that warms the climate as much. One credit is one tonne of verified reduction.");
        if (NothingHappened())
            yield return new ParagraphBlock("Nothing happened in this period: no reductions were verified, and no credits were issued, transferred, retired or cancelled.");
    }

    private List<KeyValue> Glance()
    {
        var partners = PartnerCities.ToList();
        var japanese = JapaneseCities.Select(c => c.Name).ToList();
        var c = model.Credits;
        return
        [
            new KeyValue("Cities with a published inventory", $"{partners.Count(p => p.Year is not null)} of {partners.Count} partner cities"),
            new KeyValue("Japanese partner cities", japanese.Count == 0 ? "none" : $"{japanese.Count} ({string.Join(", ", japanese)})"),
            new KeyValue("City-to-city partnerships", Whole(model.Partnerships)),
            new KeyValue("Joint projects", Whole(model.Projects.Count)),
            new KeyValue("Reductions verified in this period", $"{Tonnes(model.Projects.Sum(p => p.VerifiedReductions))} tonnes of CO2e"),
            new KeyValue("Waiting for verification", $"{Tonnes(model.Projects.Sum(p => p.PendingReductions))} tonnes of CO2e"),
            new KeyValue("Credits in this period", $"{Whole(c.Issued)} issued · {Whole(c.Transferred)} transferred · {Whole(c.Retired)} retired" +
                (c.Cancelled > 0 ? $" · {Whole(c.Cancelled)} cancelled" : "")),
            new KeyValue("Reductions verified to date", $"{Tonnes(model.Projects.Sum(p => p.ReductionsToDate))} tonnes of CO2e"),
            new KeyValue("Credits to date", $"{Whole(c.IssuedToDate)} issued · {Whole(c.RetiredToDate)} retired · {Whole(c.OutstandingAtEnd)} outstanding"),
        ];
    }

    private bool NothingHappened()
    {
        var c = model.Credits;
        return model.Projects.All(p => p.PeriodsVerified == 0) && c.Issued == 0 && c.Transferred == 0 && c.Retired == 0 && c.Cancelled == 0;
    }

    private ParagraphBlock? IllustrativeNote()
    {
        var names = model.Cities.Where(c => c.IsIllustrative).Select(c => c.Name)
            .Concat(model.Projects.Where(p => p.IsIllustrative).Select(p => p.Code)).ToList();
        return names.Count == 0 ? null : new ParagraphBlock(
            $"ILLUSTRATIVE DATA. The figures of {string.Join(", ", names)} (marked *) are ILLUSTRATIVE example data made for a " +
            "demonstration of the platform. They are not official figures of these cities or projects.")
        { Style = Typography.Subheading };
    }

    private IEnumerable<Block> Projects()
    {
        yield return new HeadingBlock("Joint projects");
        yield return new ParagraphBlock(
            "Each project is run by a host city together with a Japanese partner city. The host city measures what the project " +
            "saves: meter readings, invoices and other monitoring data. A reduction is verified when a verifier of the partner " +
            "city has checked those data and approved the result. Reductions waiting for verification have been reported but " +
            "not yet checked: they may still change, and no credits exist for them.");
        if (model.Projects.Count == 0)
        {
            yield return new ParagraphBlock("No joint projects are registered yet.");
            yield break;
        }
        yield return new TableBlock(
            [new TableColumn("Code", 0.19f), new TableColumn("Project", 0.31f), new TableColumn("Host city → partner city", 0.22f),
             new TableColumn("Methodology", 0.16f), new TableColumn("Stage", 0.12f)],
            model.Projects.Select(p => (IReadOnlyList<string>)[p.Code, Marked(p.Title, p.IsIllustrative), $"{p.HostCity} → {p.PartnerCity}", p.Methodology, p.Stage]).ToList());
        yield return new HeadingBlock("Reductions and credits by project", 2);
        yield return ProjectFigures();
        yield return new ChartBlock(ChartHeight(model.Projects.Count), ProjectChart);
        foreach (var block in model.Projects.SelectMany(ProjectStory))
            yield return block;
    }

    private TableBlock ProjectFigures()
    {
        var rows = model.Projects.Select(p => (IReadOnlyList<string>)
            [p.Code, Tonnes(p.VerifiedReductions), Whole(p.CreditsIssued), Tonnes(p.PendingReductions), Tonnes(p.ReductionsToDate), Whole(p.CreditsToDate)]).ToList();
        rows.Add(["Total", Tonnes(model.Projects.Sum(p => p.VerifiedReductions)), Whole(model.Projects.Sum(p => p.CreditsIssued)),
            Tonnes(model.Projects.Sum(p => p.PendingReductions)), Tonnes(model.Projects.Sum(p => p.ReductionsToDate)), Whole(model.Projects.Sum(p => p.CreditsToDate))]);
        return new TableBlock(
            [new TableColumn("Code", 0.19f), new TableColumn("Verified in this period (tCO2e)", 0.17f, CellAlign.Right),
             new TableColumn("Credits issued in this period", 0.15f, CellAlign.Right), new TableColumn("Waiting for verification (tCO2e)", 0.17f, CellAlign.Right),
             new TableColumn("Verified to date (tCO2e)", 0.17f, CellAlign.Right), new TableColumn("Credits to date", 0.15f, CellAlign.Right)],
            rows);
    }

    private IEnumerable<Block> ProjectStory(ProjectSummary p)
    {
        yield return new HeadingBlock($"{p.Code} · {Marked(p.Title, p.IsIllustrative)}", 2);
        var period = p.PeriodsVerified == 0
            ? "No monitoring period was verified in this period."
            : $"{p.PartnerCity} verified {Count(p.PeriodsVerified, "monitoring period")} in this period: {Tonnes(p.VerifiedReductions)} tonnes of CO2e, " +
              $"for which {Whole(p.CreditsIssued)} credits were issued (credits are whole tonnes, rounded down).";
        var pending = p.PeriodsPending == 0 ? "" : $" {Count(p.PeriodsPending, "more period")} ({Tonnes(p.PendingReductions)} tonnes) {(p.PeriodsPending == 1 ? "is" : "are")} waiting for verification.";
        yield return new ParagraphBlock($"{p.HostCity} with {p.PartnerCity} · {p.Sector} · {p.Stage}. {period}{pending}");
        if (p.CoBenefits is { } coBenefits)
            yield return new ParagraphBlock($"Co-benefits: {coBenefits}");
        if (p.Outcomes is { } outcomes)
            yield return new ParagraphBlock($"Outcomes: {outcomes}");
    }

    private IEnumerable<Block> Credits()
    {
        var c = model.Credits;
        yield return new HeadingBlock("Credits");
        yield return new ParagraphBlock(
            "A credit is one tonne of verified reduction, with its own serial number. Credits are issued only after verification. " +
            "They can be transferred to a buyer city, and retired: a retired credit has been used for an offset, for a named " +
            "beneficiary and purpose, and can never be sold or used again.");
        yield return new TableBlock(
            [new TableColumn("Credits", 0.2f), new TableColumn("In this period", 0.14f, CellAlign.Right), new TableColumn("To date", 0.14f, CellAlign.Right), new TableColumn("What it means", 0.52f)],
            [
                ["Issued", Whole(c.Issued), Whole(c.IssuedToDate), "created after a partner city verified the reductions"],
                ["Transferred", Whole(c.Transferred), "", "moved to a buyer city's account; still usable"],
                ["Retired", Whole(c.Retired), Whole(c.RetiredToDate), "used for an offset, once and for ever"],
                ["Cancelled", Whole(c.Cancelled), Whole(c.CancelledToDate), "withdrawn without being used for an offset"],
                ["Outstanding", "", Whole(c.OutstandingAtEnd), "issued, not retired and not cancelled: still available at the end of the period"],
            ]);
        if (model.CreditsByMonth.Count == 0)
            yield return new ParagraphBlock("No credits were issued or retired in this period, so there is no chart of credits by month.");
        else
            yield return new ChartBlock(190, CreditChart);

        yield return new HeadingBlock("Retirements in this period", 2);
        if (model.Retirements.Count == 0)
        {
            yield return new ParagraphBlock("No credits were retired in this period.");
            yield break;
        }
        yield return new ParagraphBlock(
            "Anyone can confirm a retirement: the platform's public lookup of its verification code shows the quantity, " +
            "beneficiary and purpose (/api/retirements/{code}).");
        yield return new TableBlock(
            [new TableColumn("Verification code", 0.17f), new TableColumn("Project", 0.19f), new TableColumn("Credits", 0.1f, CellAlign.Right),
             new TableColumn("Beneficiary", 0.19f), new TableColumn("Purpose", 0.22f), new TableColumn("Date", 0.13f)],
            model.Retirements.Select(r => (IReadOnlyList<string>)[r.VerificationCode, r.ProjectCode, Whole(r.Quantity), r.Beneficiary, r.Purpose, IsoDate(r.At)]).ToList());
    }

    private IEnumerable<Block> Cities()
    {
        yield return new HeadingBlock("Cities and their inventories");
        yield return new ParagraphBlock(
            "A greenhouse gas inventory counts a city's emissions over one year, following the Global Protocol for Community-Scale " +
            "Greenhouse Gas Inventories (GPC). BASIC covers energy used in buildings and industry, transport and waste inside the " +
            "city, and the grid electricity it uses. BASIC+ adds industrial processes and products, agriculture, forestry and " +
            "land use, and travel across the city's boundary: it is the fuller picture. NE counts the categories not estimated " +
            "yet for lack of data; the totals leave them out. Per person is BASIC+ divided by the population, with two decimals. " +
            "A published inventory never changes: a correction is published as a new version.");
        yield return new TableBlock(
            // Tonnes columns hold 999,999,999.999 on one line; a wrapped figure would be cut mid-number.
            [new TableColumn("City", 0.145f), new TableColumn("Country", 0.11f), new TableColumn("Inventory", 0.15f), new TableColumn("Population", 0.12f, CellAlign.Right),
             new TableColumn("BASIC (tCO2e)", 0.17f, CellAlign.Right), new TableColumn("BASIC+ (tCO2e)", 0.17f, CellAlign.Right),
             new TableColumn("tCO2e per person", 0.085f, CellAlign.Right), new TableColumn("NE", 0.05f, CellAlign.Right)],
            PartnerCities.Select(CityRow).ToList());
        if (PartnerCities.Any(c => c.BasicPlusCo2e is not null))
            yield return new ChartBlock(ChartHeight(PartnerCities.Count(c => c.BasicPlusCo2e is not null)), CityChart);

        yield return new HeadingBlock("Japanese partner cities", 2);
        yield return new TableBlock(
            [new TableColumn("City", 0.22f), new TableColumn("Works with", 0.43f), new TableColumn("Projects it verifies", 0.35f)],
            JapaneseCities.Select(j => (IReadOnlyList<string>)
            [
                Marked(j.Name, j.IsIllustrative),
                OrNone(PartnerCities.Where(c => c.Partners.Contains(j.Name)).Select(c => c.Name).Concat(j.Partners).Distinct()),
                OrNone(model.Projects.Where(p => p.PartnerCity == j.Name).Select(p => p.Code)),
            ]).ToList());
        yield return new ParagraphBlock("Japanese cities share their experience with the partner cities and verify the reductions of the projects they partner in.");
    }

    private IReadOnlyList<string> CityRow(CityInventorySummary c) =>
    [
        Marked(c.Name, c.IsIllustrative), c.Country,
        c.Year is { } year ? $"{year}, version {c.Version}" : "no published inventory yet",
        c.Population is { } population ? Whole(population) : "not known",
        c.Year is null ? "" : Optional(c.BasicCo2e), c.Year is null ? "" : Optional(c.BasicPlusCo2e),
        c.Year is null ? "" : c.BasicPlusCo2e is { } plus && c.Population is > 0 ? PerPerson(plus / c.Population.Value) : "–",
        c.Year is null ? "" : Whole(c.NotEstimatedCategories),
    ];

    private IEnumerable<Block> Contributions()
    {
        yield return new HeadingBlock("Contributions");
        yield return new ParagraphBlock(
            "Some reductions are declared as contributions: a city reports what its actions saved, without verification by a " +
            "partner city. They show effort and progress, but because they are not verified they are never turned into credits " +
            "and can never be used to offset anyone's emissions.");
        yield return new ParagraphBlock(model.ContributionReductions == 0
            ? "No reductions were declared as contributions."
            : $"Reductions declared as contributions: {Tonnes(model.ContributionReductions)} tonnes of CO2e (not verified, never credits).");
    }

    private void ProjectChart(Plot plot)
    {
        HorizontalBars(plot, model.Projects.Select(p => (p.Code, p.ReductionsToDate)).ToList(), ReductionColor);
        plot.Title("Reductions verified to date by project (tCO2e)");
    }

    private void CityChart(Plot plot)
    {
        HorizontalBars(plot, PartnerCities.Where(c => c.BasicPlusCo2e is not null).Select(c => (c.Name, c.BasicPlusCo2e!.Value)).ToList(), InventoryColor);
        plot.Title("BASIC+ emissions by city, latest published inventory (tCO2e)");
    }

    /// <summary>One bar per item, first item at the top, its value in tonnes at the end of the bar.</summary>
    private static void HorizontalBars(Plot plot, IReadOnlyList<(string Name, decimal Tonnes)> items, Color color)
    {
        var bars = plot.Add.Bars(items.Select((item, i) => new Bar
        {
            Position = items.Count - i, Value = (double)item.Tonnes, FillColor = color, Label = Tonnes(item.Tonnes),
        }).ToArray());
        bars.Horizontal = true;
        plot.Axes.Left.SetTicks(items.Select((_, i) => (double)(items.Count - i)).ToArray(), items.Select(item => TextNormalizer.Normalize(item.Name)).ToArray());
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => v.ToString("N0", Invariant) };
        plot.Axes.Margins(left: 0, right: 0.25);
        plot.Axes.AutoScale();
        plot.Axes.SetLimitsY(0.4, items.Count + 0.6); // half a bar above the first and below the last, no empty band
        plot.Axes.Right.MinimumSize = 30; // room for the last tick label of the bottom axis
        plot.XLabel("tCO2e");
    }

    private void CreditChart(Plot plot)
    {
        var months = model.CreditsByMonth;
        var issued = plot.Add.Bars(months.Select((m, i) => new Bar { Position = i + 1 - 0.2, Size = 0.38, Value = m.Issued, FillColor = ReductionColor }).ToArray());
        issued.LegendText = "Issued";
        var retired = plot.Add.Bars(months.Select((m, i) => new Bar { Position = i + 1 + 0.2, Size = 0.38, Value = m.Retired, FillColor = RetiredColor }).ToArray());
        retired.LegendText = "Retired";
        plot.Axes.Bottom.SetTicks(months.Select((_, i) => (double)(i + 1)).ToArray(), months.Select(m => m.Month.ToString("MMM yyyy", Invariant)).ToArray());
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => v.ToString("N0", Invariant) };
        plot.Axes.Margins(bottom: 0, top: 0.15);
        plot.Title("Credits issued and retired by month");
        plot.YLabel("credits");
        plot.ShowLegend(Alignment.UpperLeft);
    }

    /// <summary>Room for the title and axis, and about 18 points per bar, within one page.</summary>
    private static float ChartHeight(int bars) => Math.Clamp(70 + 18 * bars, 130, 560);

    private static string Tonnes(decimal tonnes) => Rounding.FormatTonnes(tonnes);

    private static string Optional(decimal? tonnes) => tonnes is { } t ? Tonnes(t) : "not given";

    private static string PerPerson(decimal tonnesPerPerson) => Rounding.FormatTonnesPerPerson(tonnesPerPerson);

    private static string Whole(long value) => value.ToString("N0", Invariant);

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";

    private static string Marked(string name, bool illustrative) => illustrative ? name + " *" : name;

    private static string OrNone(IEnumerable<string> names) => names.Any() ? string.Join(", ", names) : "none";

    private static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", Invariant);

    private static string IsoDate(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", Invariant);

    private static string LongDate(DateOnly date) => date.ToString("d MMMM yyyy", Invariant);
}
