using System.Globalization;
using GhgReporting.Jobs.Pdf;
using GhgReporting.Jobs.Reports;
using GhgReporting.Jobs.Tests.Pdf;
using UglyToad.PdfPig;
using Xunit.Abstractions;

namespace GhgReporting.Jobs.Tests.Reports;

/// <summary>
/// The platform report read back with PdfPig. The model is written by hand with ILLUSTRATIVE figures; every expected
/// figure is computed here from the model's inputs (never read from the report), and a figure that belongs to a
/// table row is looked for on the same printed line as the row's name.
/// </summary>
public class PlatformReportTests(ITestOutputHelper output)
{
    private const string Header = "Low-Carbon Cities Platform · Platform report 2025-01-01–2025-03-31";
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    // SUB-PV-01: 1,900 MWh of grid electricity replaced by rooftop PV, grid factor 0.533 tCO2/MWh.
    private const decimal PvMWh = 1_900m;
    private const decimal GridFactor = 0.533m;
    private const decimal PvEarlierReductions = 987.4m;
    private const long PvEarlierCredits = 987;
    private const decimal ChillerPending = 189.8496m;
    private const decimal CompostReductions = 356.25m;
    private const decimal CompostToDate = 1_100.5m;
    private const long CompostCreditsToDate = 1_100;
    private const long IssuedToDate = 3_099, RetiredToDate = 700, CancelledToDate = 12;
    private const decimal Contributions = 2_450.5m;
    private const decimal DalianBasic = 98_123_456.789m, DalianBasicPlus = 104_987_654.321m;

    private static readonly Lazy<byte[]> Typical = new(() => PdfDocumentBuilder.Render(new PlatformReport(TypicalModel())));

    [Theory]
    [InlineData("Surabaya")]
    [InlineData("Hải Phòng")]
    [InlineData("Phnom Penh")]
    [InlineData("Mandalay")]
    [InlineData("Dalian")]
    [InlineData("Kitakyushu")]
    [InlineData("Yokohama")]
    [InlineData("SUB-PV-01")]
    [InlineData("HPH-CHILLER-01")]
    [InlineData("PNH-COMPOST-01")]
    public void Render_TypicalModel_ShowsEveryCityAndProject(string name)
    {
        AllText(Typical.Value).Should().Contain(name);
    }

    [Fact]
    public void Render_TypicalModel_EveryPageHasHeaderPeriodAndDataDate()
    {
        var pdf = PdfReadBack.Of(Typical.Value);

        pdf.PageTexts.Should().AllSatisfy(text => text.Should().Contain(Header).And.Contain("data as of 2025-04-01 02:30 UTC"));
        pdf.PageTexts[0].Should().Contain("1 January 2025 to 31 March 2025");
    }

    [Fact]
    public void Render_TypicalModel_PerCapitaIsBasicPlusOverPopulationOnTheCitysLine()
    {
        var lines = Lines(Typical.Value);

        foreach (var (city, basicPlus, population) in new[] { ("Surabaya", 9_120_456.789m, 3_000_000L), ("Hải", 13_005_432.1m, 1_960_000L), ("Phnom", 4_890_123.456m, 2_281_951L) })
        {
            var perPerson = decimal.Round(basicPlus / population, 2, MidpointRounding.AwayFromZero).ToString("0.00", Invariant);
            lines.Should().Contain(l => Words(l).Contains(city) && Words(l).Contains(perPerson) && Words(l).Contains(Tonnes(basicPlus)),
                $"{city}'s row shows BASIC+ {Tonnes(basicPlus)} and {perPerson} t per person");
        }
        // Surabaya by hand: 9,120,456.789 / 3,000,000 = 3.0401…
        lines.Should().Contain(l => Words(l).Contains("Surabaya") && Words(l).Contains("3.04"));
        lines.Should().Contain(l => Words(l).Contains("Dalian") && Words(l).Contains("not") && Words(l).Contains("–"), "without a population there is no per-person figure");
    }

    [Fact]
    public void Render_CityOverHundredMegatonnes_ShowsItsTotalsUncut()
    {
        Lines(Typical.Value).Should().Contain(l => Words(l).Take(2).SequenceEqual(new[] { "Dalian", "China" })
            && Words(l).Contains(Tonnes(DalianBasic)) && Words(l).Contains(Tonnes(DalianBasicPlus)), "a figure wrapped in a narrow column would be cut mid-number");
    }

    [Fact]
    public void Render_CityWithoutInventory_SaysNoPublishedInventoryYet()
    {
        var lines = Lines(Typical.Value);

        lines.Should().Contain(l => Words(l).Contains("Mandalay") && Words(l).Contains("no"), "Mandalay's row starts the sentence on its line");
        Flat(AllText(Typical.Value)).Should().Contain(Flat("Mandalay Myanmar no published inventory yet"));
    }

    [Fact]
    public void Render_TypicalModel_ProjectFiguresAreComputedFromTheMonitoringData()
    {
        var lines = Lines(Typical.Value);
        var pvReductions = PvMWh * GridFactor;
        var pvCredits = (long)decimal.Floor(pvReductions);

        pvReductions.Should().Be(1_012.7m);
        lines.Should().Contain(l => Words(l).SequenceEqual(new[] { "SUB-PV-01", Tonnes(pvReductions), Whole(pvCredits), Tonnes(0), Tonnes(pvReductions + PvEarlierReductions), Whole(pvCredits + PvEarlierCredits) }));
        lines.Should().Contain(l => Words(l).SequenceEqual(new[] { "HPH-CHILLER-01", Tonnes(0), "0", "189.850", Tonnes(0), "0" }), "189.8496 t is shown to the kilogram");
        var total = pvReductions + CompostReductions;
        var totalToDate = pvReductions + PvEarlierReductions + CompostToDate;
        var creditsToDate = pvCredits + PvEarlierCredits + CompostCreditsToDate;
        lines.Should().Contain(l => Words(l).SequenceEqual(new[]
            { "Total", Tonnes(total), Whole(pvCredits + (long)decimal.Floor(CompostReductions)), Tonnes(ChillerPending), Tonnes(totalToDate), Whole(creditsToDate) }));
        AllText(Typical.Value).Should().Contain($"{Tonnes(total)} tonnes of CO2e");
    }

    [Fact]
    public void Render_TypicalModel_CreditsOutstandingIsIssuedMinusRetiredMinusCancelled()
    {
        var lines = Lines(Typical.Value);
        var outstanding = IssuedToDate - RetiredToDate - CancelledToDate;

        lines.Should().Contain(l => Words(l).Take(2).SequenceEqual(new[] { "Outstanding", Whole(outstanding) }));
        lines.Should().Contain(l => Words(l).Take(3).SequenceEqual(new[] { "Retired", "300", Whole(RetiredToDate) }));
        AllText(Typical.Value).Should().Contain($"{Whole(IssuedToDate)} issued · {Whole(RetiredToDate)} retired · {Whole(outstanding)} outstanding");
    }

    [Fact]
    public void Render_TypicalModel_ListsRetirementsWithTheirCodesAndSaysHowToCheckThem()
    {
        var lines = Lines(Typical.Value);
        var text = Flat(AllText(Typical.Value));

        lines.Should().Contain(l => Words(l).Take(3).SequenceEqual(new[] { "RC-7Q4M-2KXD", "SUB-PV-01", "200" }) && Words(l).Contains("2025-02-14"));
        lines.Should().Contain(l => Words(l).Take(3).SequenceEqual(new[] { "RC-9H3T-8WPL", "PNH-COMPOST-01", "100" }) && Words(l).Contains("2025-03-02"));
        text.Should().Contain(Flat("Anyone can confirm a retirement"));
    }

    [Theory]
    [InlineData("One credit is one tonne of verified reduction")]
    [InlineData("A reduction is verified when a verifier of the partner city has checked those data")]
    [InlineData("retired credit has been used for an offset")]
    [InlineData("never turned into credits")]
    [InlineData("BASIC+ adds industrial processes")]
    [InlineData("NE counts the categories not estimated")]
    [InlineData("Reductions declared as contributions: 2,450.500 tonnes of CO2e")]
    public void Render_TypicalModel_ExplainsItsWords(string sentence)
    {
        Flat(AllText(Typical.Value)).Should().Contain(Flat(sentence));
    }

    [Theory]
    [InlineData("Reductions verified to date by project (tCO2e)")]
    [InlineData("Credits issued and retired by month")]
    [InlineData("BASIC+ emissions by city, latest published inventory (tCO2e)")]
    public void Render_TypicalModel_DrawsEachChartOnce(string chartTitle)
    {
        AllText(Typical.Value).Split(chartTitle).Should().HaveCount(2);
    }

    [Fact]
    public void Render_TypicalModel_HasNoDraftWatermarkAndOnlyTheEmbeddedFonts()
    {
        var pdf = PdfReadBack.Of(Typical.Value);

        pdf.PageTexts.Should().AllSatisfy(text => text.Should().NotContain("DRAFT"));
        pdf.FontNames.Should().HaveCount(2).And.OnlyContain(n => n.EndsWith("+DejaVuSans", StringComparison.Ordinal) || n.EndsWith("+DejaVuSans-Bold", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_IllustrativeData_IsSaidSo_AndOfficialDataIsNot()
    {
        AllText(Typical.Value).Should().Contain("ILLUSTRATIVE DATA").And.Contain("Surabaya *");

        var official = TypicalModel() with { Cities = [.. TypicalModel().Cities.Select(c => c with { IsIllustrative = false })], Projects = [.. TypicalModel().Projects.Select(p => p with { IsIllustrative = false })] };
        AllText(PdfDocumentBuilder.Render(new PlatformReport(official))).Should().NotContain("ILLUSTRATIVE");
    }

    [Fact]
    public void Render_DecomposedVietnamese_ComesOutComposedInTableAndChart()
    {
        var model = TypicalModel();
        model = model with { Cities = [.. model.Cities.Select(c => c.Name == "Hải Phòng" ? c with { Name = "Ha\u0309i Pho\u0300ng" } : c)] };

        var text = AllText(PdfDocumentBuilder.Render(new PlatformReport(model)));

        text.Split("Hải Phòng").Length.Should().BeGreaterThanOrEqualTo(4, "the name is in the city table, the chart and the project lines");
        text.Should().NotContain("Ha\u0309i");
    }

    [Fact]
    public void Render_EmptyPeriod_SaysNothingHappened()
    {
        var model = TypicalModel() with
        {
            Projects = [], Retirements = [], CreditsByMonth = [], ContributionReductions = 0,
            Credits = new CreditSummary(0, 0, 0, 0, 0, 0, 0, 0),
        };

        var pdf = PdfReadBack.Of(KeepForReview("platform-report-empty-period.pdf", PdfDocumentBuilder.Render(new PlatformReport(model))));
        var text = Flat(string.Concat(pdf.PageTexts));

        pdf.PageCount.Should().BeGreaterThanOrEqualTo(1);
        text.Should().Contain(Flat("Nothing happened in this period")).And.Contain(Flat("No joint projects are registered yet"))
            .And.Contain(Flat("no chart of credits by month")).And.Contain(Flat("No credits were retired in this period"))
            .And.Contain(Flat("No reductions were declared as contributions"));
        text.Should().NotContain(Flat("Reductions verified to date by project"));
        Flat(AllText(Typical.Value)).Should().NotContain(Flat("Nothing happened"));
    }

    [Fact]
    public void Render_ThirtyCities_TableRunsOntoMorePagesWithItsHeaderRepeated()
    {
        string[] names =
        [
            "Surabaya", "Hải Phòng", "Phnom Penh", "Mandalay", "Dalian", "Đà Nẵng", "Batam", "Semarang", "Bandung", "Cebu",
            "Davao", "Iskandar", "Penang", "Bangkok", "Chiang Mai", "Rayong", "Vientiane", "Siem Reap", "Yangon", "Huế",
            "Cần Thơ", "Quezon City", "Bogor", "Jakarta", "Medan", "Makassar", "Hồ Chí Minh City", "Hà Nội", "Ulaanbaatar", "Dhaka",
        ];
        var cities = names.Select((n, i) => City(n, "Country", 500_000 + i * 100_000, ["Kitakyushu"], 2023, 1_000_000m + i * 10_000m, 1_100_000m + i * 10_000m)).ToList();
        // No projects and nothing illustrative: the names then occur first in the table.
        var model = TypicalModel() with { Cities = [.. cities.Select(c => c with { IsIllustrative = false }), JapaneseCity("Kitakyushu")], Projects = [], Retirements = [] };

        var pdf = PdfReadBack.Of(KeepForReview("platform-report-30-cities.pdf", PdfDocumentBuilder.Render(new PlatformReport(model))));

        var tablePages = Enumerable.Range(1, pdf.PageCount).Where(p => pdf.Occurrences(p, "Population") > 0).ToList();
        tablePages.Should().HaveCountGreaterThanOrEqualTo(2);
        tablePages.Should().AllSatisfy(p => pdf.Occurrences(p, "Population").Should().Be(1, $"page {p} repeats the header row once"));
        var tableText = Flat(string.Concat(tablePages.Select(p => pdf.PageTexts[p - 1])));
        names.Select(n => tableText.IndexOf(Flat(n), StringComparison.Ordinal)).Should().NotContain(-1, "a long name may wrap in its cell").And.BeInAscendingOrder();
    }

    [Fact]
    public void Render_TypicalModel_IsUnder150KB()
    {
        var pdf = PdfReadBack.Of(Typical.Value);

        output.WriteLine($"typical platform report: {Typical.Value.Length:N0} bytes ({Typical.Value.Length / 1024.0:F1} KB), {pdf.PageCount} pages");
        Typical.Value.Length.Should().BeLessThan(150 * 1024);
    }

    [Fact]
    public void RenderPageOne_WithPdftoppm_WritesAPngForReview()
    {
        using var page = PageImages.RenderFirstPage(Typical.Value, "platform-report", out var png);
        output.WriteLine($"page 1 rendered for review: {png}");
        PageImages.InkShare(page).Should().BeInRange(0.02, 0.5, "the page shows text, tables and a chart on white paper");
    }

    private static PlatformReportModel TypicalModel()
    {
        var pvReductions = PvMWh * GridFactor;
        var pvCredits = (long)decimal.Floor(pvReductions);
        var compostCredits = (long)decimal.Floor(CompostReductions);
        return new PlatformReportModel(
            From: new DateOnly(2025, 1, 1), To: new DateOnly(2025, 3, 31), AsOf: new DateTimeOffset(2025, 4, 1, 11, 30, 0, TimeSpan.FromHours(9)),
            Cities:
            [
                City("Surabaya", "Indonesia", 3_000_000, ["Kitakyushu"], 2023, 8_412_345.678m, 9_120_456.789m, version: 2),
                City("Hải Phòng", "Viet Nam", 1_960_000, ["Kitakyushu"], 2022, 12_345_678.9m, 13_005_432.1m),
                City("Phnom Penh", "Cambodia", 2_281_951, ["Kitakyushu"], 2023, 4_567_890.123m, 4_890_123.456m),
                City("Mandalay", "Myanmar", 1_726_889, ["Yokohama"], null, null, null),
                City("Dalian", "China", null, ["Kitakyushu"], 2021, DalianBasic, DalianBasicPlus),
                JapaneseCity("Kitakyushu"), JapaneseCity("Yokohama"),
            ],
            Projects:
            [
                new ProjectSummary("SUB-PV-01", "Rooftop solar PV on public buildings", "Surabaya", "Kitakyushu", "Energy", "PV-SELF v1.0", "Crediting",
                    1, pvReductions, pvCredits, 0, 0, pvReductions + PvEarlierReductions, pvCredits + PvEarlierCredits,
                    "Lower electricity bills for 14 schools and clinics; city engineers trained in PV maintenance.", "Surabaya plans PV on 30 more buildings.", true),
                new ProjectSummary("HPH-CHILLER-01", "High-efficiency chillers at Hải Phòng city hospital", "Hải Phòng", "Kitakyushu", "Energy", "CHILLER-EE v2.0", "Monitoring",
                    0, 0, 0, 1, ChillerPending, 0, 0, "Quieter, more reliable cooling in the wards.", null, true),
                new ProjectSummary("PNH-COMPOST-01", "Composting of market waste", "Phnom Penh", "Kitakyushu", "Waste", "COMPOST v1.1", "Crediting",
                    1, CompostReductions, compostCredits, 0, 0, CompostToDate, CompostCreditsToDate, null, "Compost sold to peri-urban farms.", true),
            ],
            Credits: new CreditSummary(pvCredits + compostCredits, 500, 300, 0, IssuedToDate, RetiredToDate, CancelledToDate, 2_387),
            Retirements:
            [
                new RetirementSummary("RC-7Q4M-2KXD", "SUB-PV-01", 200, "Kitakyushu City Office", "Offset of the city's official events of 2024", new DateTimeOffset(2025, 2, 14, 3, 0, 0, TimeSpan.Zero)),
                new RetirementSummary("RC-9H3T-8WPL", "PNH-COMPOST-01", 100, "Yokohama Marathon 2025", "Offset of the marathon's emissions", new DateTimeOffset(2025, 3, 2, 8, 0, 0, TimeSpan.Zero)),
            ],
            CreditsByMonth: [new CreditMonth(new DateOnly(2025, 1, 1), 0, 0), new CreditMonth(new DateOnly(2025, 2, 1), pvCredits, 200), new CreditMonth(new DateOnly(2025, 3, 1), compostCredits, 100)],
            ContributionReductions: Contributions,
            Partnerships: 5);
    }

    private static CityInventorySummary City(string name, string country, long? population, string[] partners, int? year, decimal? basic, decimal? basicPlus, int version = 1) =>
        new(name.ToLowerInvariant(), name, country, false, population, partners, year, year is null ? null : version, basic, basicPlus, year is null ? null : "AR5", year is null ? 0 : 3, name == "Surabaya");

    private static CityInventorySummary JapaneseCity(string name) => new(name.ToLowerInvariant(), name, "Japan", true, null, [], null, null, null, null, null, 0, false);

    private static string Tonnes(decimal tonnes) => decimal.Round(tonnes, 3, MidpointRounding.AwayFromZero).ToString("#,##0.000", Invariant);

    private static string Whole(long value) => value.ToString("#,##0", Invariant);

    /// <summary>Leaves a rendered variant in pdf-review/ for a person to look at.</summary>
    private static byte[] KeepForReview(string fileName, byte[] pdf)
    {
        File.WriteAllBytes(Path.Combine(PageImages.ReviewFolder, fileName), pdf);
        return pdf;
    }

    private static string AllText(byte[] pdf) => string.Concat(PdfReadBack.Of(pdf).PageTexts);

    /// <summary>Text without whitespace: a sentence wrapped across lines reads back without the space at the break.</summary>
    private static string Flat(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static string[] Words(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Every printed line of every page: PdfPig's words grouped by baseline, left to right.</summary>
    private static List<string> Lines(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var lines = new List<string>();
        foreach (var page in document.GetPages())
        {
            foreach (var line in page.GetWords().GroupBy(w => Math.Round(w.Letters[0].StartBaseLine.Y)).OrderByDescending(g => g.Key))
                lines.Add(string.Join(' ', line.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text)));
        }
        return lines;
    }
}
