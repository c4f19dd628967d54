using System.Globalization;
using GhgReporting.Jobs.Pdf;
using GhgReporting.Jobs.Reports;
using GhgReporting.Jobs.Tests.Pdf;
using Xunit.Abstractions;
using static GhgReporting.Jobs.Tests.Reports.MonitoringReportExamples;

namespace GhgReporting.Jobs.Tests.Reports;

/// <summary>
/// The monitoring report read back with PdfPig. Expected figures are worked out here from the published factors
/// (cited at each), not taken from the report's or the methodology's output.
/// </summary>
public class MonitoringReportTests(ITestOutputHelper output)
{
    private const string Header = "Low-Carbon Cities Platform · Monitoring report · Hải Phòng – Kitakyushu";

    // JCM Indonesia-Japan, "Additional information on calculating the emission factors of Indonesian electricity
    // grids": Jamali grid, Case 2, 0.533 t CO2/MWh (catalog grid.id_jamali.jcm.case2.co2).
    private const decimal JamaliCase2 = 0.533m;

    // Viet Nam Department of Climate Change (MONRE), grid emission factor 2023: 0.6592 t CO2/MWh (catalog grid.vn.dcc.2023.co2).
    private const decimal VietNamGrid2023 = 0.6592m;

    private static readonly Lazy<byte[]> SurabayaDraft = new(() => Render(SurabayaPv(final: false)));
    private static readonly Lazy<byte[]> SurabayaFinal = new(() => Render(SurabayaPv(final: true)));

    [Fact]
    public void Catalog_FactorsUsedByTheExamples_AreThePublishedValues()
    {
        CatalogValue("grid.id_jamali.jcm.case2.co2").Should().Be(JamaliCase2);
        CatalogValue("grid.vn.dcc.2023.co2").Should().Be(VietNamGrid2023);
    }

    [Fact]
    public void Compose_SurabayaPv_ShowsReferenceEmissionsReductionsAndCredits()
    {
        // 1,900 MWh × 0.533 t/MWh = 1,012.7 t CO2e; PV emits nothing (PE = 0), JCM has no leakage; credits = floor(1,012.7).
        var generation = SurabayaMonthlyMwh.Sum();
        generation.Should().Be(1_900m);
        var pdf = PdfReadBack.Of(SurabayaDraft.Value);
        var text = string.Concat(pdf.PageTexts);

        text.Should().Contain("Reference emissions1,012.700 tCO2e");
        text.Should().Contain("Project emissions0.000 tCO2e");
        text.Should().Contain("Leakage0.000 tCO2e");
        text.Should().Contain("Emission reductions1,012.700 tCO2e");
        text.Should().Contain("Credits1,012 (whole tonnes of CO2e, rounded down)");
        text.Should().Contain("Credits issuednone yet");
    }

    [Fact]
    public void Compose_SurabayaPv_SummaryNamesProjectMethodologyPeriodAndState()
    {
        var text = string.Concat(PdfReadBack.Of(SurabayaDraft.Value).PageTexts);

        text.Should().Contain("SUB-PV-01 — Rooftop solar PV on public buildings in Surabaya");
        text.Should().Contain("Partner city (verifier)Kitakyushu");
        text.Should().Contain("GHG-RE-SOLARPV version 1.0: Grid electricity displaced by rooftop solar PV");
        text.Should().Contain("No. 1, 2024-01-01 to 2024-12-31");
        text.Should().Contain("2 (corrects version 1)");
        text.Should().Contain("submitted, waiting for verification");
        text.Should().Contain("2024-01-01 to 2030-12-31");
        text.Should().Contain("JCM Model Project");
        Flat(text).Should().Contain(Flat("The figures of this project are ILLUSTRATIVE example data."));
    }

    [Fact]
    public void Compose_NotFinal_DraftOnEveryPageAndSaysFiguresMayChange()
    {
        var pdf = PdfReadBack.Of(SurabayaDraft.Value);

        for (var page = 1; page <= pdf.PageCount; page++)
            pdf.Occurrences(page, "DRAFT").Should().Be(2, $"page {page} has the DRAFT watermark and the footer \"DRAFT — not verified\"");
        Flat(string.Concat(pdf.PageTexts)).Should().Contain(Flat("The figures in this report are not verified and may change."));
    }

    [Fact]
    public void Compose_Final_NoPageSaysDraft()
    {
        var pdf = PdfReadBack.Of(SurabayaFinal.Value);

        pdf.PageTexts.Should().AllSatisfy(text => text.Should().NotContain("DRAFT"));
        Flat(string.Concat(pdf.PageTexts)).Should().NotContain(Flat("not verified"));
    }

    [Fact]
    public void Compose_Final_ShowsVerifierDateAndIssuedCredits()
    {
        var text = string.Concat(PdfReadBack.Of(SurabayaFinal.Value).PageTexts);

        Flat(text).Should().Contain(Flat($"Verified by{VerifierEmail} (Kitakyushu) on 2025-02-14 09:30 UTC"));
        text.Should().Contain("Meter readings match the invoices of the utility.");
        text.Should().Contain("Credits issued1,012");
        text.Should().Contain("Checked against the meter photo.");
        text.Should().Contain($"2025-01-20 03:15 UTC by {ReporterEmail}");
    }

    [Fact]
    public void Compose_HaiPhong_NamesExtractExactlyOnEveryPage()
    {
        var pdf = PdfReadBack.Of(Render(HaiPhongChiller(6.2m, final: false)));

        pdf.PageTexts.Should().AllSatisfy(text => text.Should().Contain(Header));
        string.Concat(pdf.PageTexts).Should().Contain("High-efficiency chillers at Hải Phòng's Việt Tiệp hospital");
    }

    [Fact]
    public void Compose_ExPostTable_HasOneRowPerMonthInChronologicalOrder()
    {
        // Entered newest first; the table lists them from January.
        var reversed = SurabayaMonthlyMwh.Select((mwh, i) => ($"2024-{i + 1:00}", mwh)).Reverse().ToList();
        var text = string.Concat(PdfReadBack.Of(Render(SurabayaPv(final: false, reversed))).PageTexts);

        for (var month = 1; month <= 12; month++)
            text.Should().Contain($"EG[2024-{month:00}]{Exact(SurabayaMonthlyMwh[month - 1])}MWhCInverter export meterMeter read monthly");
        Enumerable.Range(1, 12).Select(m => text.IndexOf($"EG[2024-{m:00}]", StringComparison.Ordinal)).Should().BeInAscendingOrder();
        Flat(text).Should().Contain(Flat("Monitoring option: A = public data measured by others; B = transaction records, such as invoices; C = direct measurement"));
    }

    [Fact]
    public void Compose_ExAnte_ShowsValuesExactly()
    {
        var text = string.Concat(PdfReadBack.Of(Render(HaiPhongChiller(6.2m, final: false))).PageTexts);

        text.Should().Contain("COP_PJ[CH-1]6.21Manufacturer's specification");
        text.Should().Contain("COP_RE[CH-1]51Reference COP of the capacity class");
        text.Should().Contain("EF_elec0.6592t/MWh");
        string.Concat(PdfReadBack.Of(SurabayaDraft.Value).PageTexts).Should().Contain("EF_RE0.533t/MWh");
    }

    [Fact]
    public void Compose_Chiller_ReductionsFromTheCopRatio()
    {
        // JCM TH_AM005 / ID_AM002: RE − PE = EC × EF × (COP_PJ / COP_RE − 1) = 1,200 × 0.6592 × (6.2 / 5.0 − 1) = 189.8496 t.
        var reductions = 1_200m * VietNamGrid2023 * (6.2m / 5.0m - 1m);
        reductions.Should().Be(189.8496m);
        var text = string.Concat(PdfReadBack.Of(Render(HaiPhongChiller(6.2m, final: false))).PageTexts);

        text.Should().Contain("Reference emissions980.890 tCO2e"); // 1,200 × 0.6592 × 6.2 / 5.0 = 980.8896
        text.Should().Contain("Project emissions791.040 tCO2e");   // 1,200 × 0.6592
        text.Should().Contain("Emission reductions189.850 tCO2e");
        text.Should().Contain("Credits189 (whole tonnes");
        text.Should().Contain("RE_p = Σ_i EC_PJ,i,p × (COP_PJ,i / COP_RE,i) × EF_elec");
        text.Should().Contain("Warnings of the calculation");
    }

    [Fact]
    public void Compose_NegativeReductions_ShowsTheNegativeFigureAndZeroCredits()
    {
        // A project chiller less efficient than the reference: 1,200 × 0.6592 × (4.5 / 5.0 − 1) = −79.104 t.
        var reductions = 1_200m * VietNamGrid2023 * (4.5m / 5.0m - 1m);
        reductions.Should().Be(-79.104m);
        var text = string.Concat(PdfReadBack.Of(Render(HaiPhongChiller(4.5m, final: false))).PageTexts);

        text.Should().Contain("Emission reductions-79.104 tCO2e");
        text.Should().Contain("Credits0 — reductions are zero or negative");
    }

    [Fact]
    public void Compose_FortyMonthlyParameters_TableBreaksAcrossPagesWithItsHeader()
    {
        // Each row wraps to two lines, so 40 rows are taller than a page wherever the table starts.
        var monthly = Enumerable.Range(0, 40).Select(i => (Month(i), 40m + i)).ToList();
        var pdf = PdfReadBack.Of(Render(SurabayaPv(final: false, monthly, "Meter read on the last working day of the month; photo kept")));

        var pages = Enumerable.Range(1, pdf.PageCount).Where(p => pdf.PageTexts[p - 1].Contains("EG[20", StringComparison.Ordinal)
                                                                   && pdf.PageTexts[p - 1].Contains("Inverter export meter", StringComparison.Ordinal)).ToList();
        pages.Should().HaveCountGreaterThan(1, "40 rows of two lines do not fit on one page");
        foreach (var page in pages)
            pdf.Occurrences(page, "Measurement method").Should().Be(1, $"page {page} repeats the header row of the ex-post table");
        var text = string.Concat(pdf.PageTexts);
        monthly.Select(m => text.IndexOf($"EG[{m.Item1}]{Exact(m.Item2)}MWh", StringComparison.Ordinal)).Should().NotContain(-1).And.BeInAscendingOrder();
    }

    [Fact]
    public void Compose_Evidence_ShowsTheWholeSha256()
    {
        var text = string.Concat(PdfReadBack.Of(SurabayaDraft.Value).PageTexts);

        EvidenceSha256.Should().HaveLength(64);
        Flat(text).Should().Contain(EvidenceSha256);
        text.Should().Contain("meter-log-2024.xlsx");
        text.Should().Contain("48,213");
    }

    [Fact]
    public void Compose_Calculation_ShowsTheEquationsAndEveryStepWithItsSource()
    {
        // January: 140 MWh × 0.533 t/MWh = 74.62 t CO2e.
        (140m * JamaliCase2).Should().Be(74.62m);
        var text = string.Concat(PdfReadBack.Of(SurabayaDraft.Value).PageTexts);

        text.Should().Contain("RE_p = Σ_i EG_i,p × EF_RE");
        text.Should().Contain("EG_i,p [2024-01]monitored ex post; given as 140 MWh140MWhEG[2024-01]");
        text.Should().Contain("RE_i,p [2024-01]EG_i,p × EF_RE = 140 × 0.53374.620t CO2e");
        Flat(text).Should().Contain(Flat("[1] JCM Installation of Solar PV System"));
    }

    [Fact]
    public void Compose_NothingRecorded_SaysNoneRecorded()
    {
        var text = string.Concat(PdfReadBack.Of(Render(HaiPhongChiller(6.2m, final: true))).PageTexts);

        text.Should().Contain("Co-benefitsnone recorded");
        text.Should().Contain("Other outcomesnone recorded");
    }

    [Fact]
    public void Compose_CoBenefitsAndOutcomes_AreShown()
    {
        var text = string.Concat(PdfReadBack.Of(SurabayaDraft.Value).PageTexts);

        text.Should().Contain("Less diesel generator noise at the schools.");
        text.Should().Contain("Twelve technicians trained in PV maintenance.");
    }

    [Fact]
    public void Render_TwelveMonths_IsTwoToFourPagesAndUnder150KB()
    {
        var bytes = SurabayaDraft.Value;
        var pdf = PdfReadBack.Of(bytes);

        output.WriteLine($"12-month monitoring report: {pdf.PageCount} pages, {bytes.Length:N0} bytes ({bytes.Length / 1024.0:F1} KB)");
        pdf.PageCount.Should().BeInRange(2, 4);
        bytes.Length.Should().BeLessThan(150 * 1024);
    }

    [Fact]
    public void RenderPageOne_WithPdftoppm_WritesAPngForReview()
    {
        using var page = PageImages.RenderFirstPage(SurabayaDraft.Value, "monitoring-report", out var png);
        output.WriteLine($"page 1 rendered for review: {png}");
        PageImages.InkShare(page).Should().BeInRange(0.02, 0.5, "the page shows text, tables and a chart on white paper");
    }

    private static byte[] Render(MonitoringReportModel model) => PdfDocumentBuilder.Render(new MonitoringReport(model));

    /// <summary>Text without white space: a sentence the report wraps still matches.</summary>
    private static string Flat(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>A decimal as the report prints parameter values: exact, invariant, thousands separated.</summary>
    private static string Exact(decimal value) => value.ToString("#,0.############################", CultureInfo.InvariantCulture);
}
