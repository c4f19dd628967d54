using System.Globalization;
using System.Text.RegularExpressions;
using GhgReporting.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace GhgReporting.Web.Tests.Pages;

/// <summary>
/// A monitoring period from scratch in the browser: Surabaya's reporter follows the links from the city page to the
/// seeded project SUB-PV-01, opens a new period for 2024 (the seeded, verified period is 2023), enters the metered
/// generation of four quarters, saves, is refused on submitting while one value has a unit of the wrong kind (the
/// page lists the problem and nothing is submitted), corrects it and submits; the page then shows the figures the
/// test computes from the registered emission factor, and the draft monitoring report becomes a PDF to download.
/// Kitakyushu's verifier then finds the period in the queue, and sends it back at the end so that nothing of SUB-PV-01
/// waits for a verifier (what <see cref="ProjectWorkflowTests"/> expects, whichever test runs first). It is the only
/// test that touches SUB-PV-01's 2024.
/// </summary>
public sealed class NewPeriodTests(WebServiceFixture service, ITestOutputHelper output) : BrowserTest(service, output)
{
    private const string City = "surabaya";
    private const string CityName = "Surabaya";
    private const string ReporterEmail = "reporter.surabaya@example.org";
    private const string VerifierEmail = "verifier.kitakyushu@example.org";
    private const string ProjectCode = "SUB-PV-01";
    private const string ProjectTitle = "Rooftop solar PV on Pasar Genteng market (example)";

    /// <summary>EF_RE, fixed ex ante at SUB-PV-01's registration (ExampleProjectsSeeder): the JCM conservative factor
    /// of the Indonesian Jamali grid for renewable projects, Case 2 (internal grid also linked to an isolated grid or
    /// captive generator), 0.533 t CO2/MWh; JCM Indonesia–Japan, "Additional information on calculating the emission
    /// factors of Indonesian electricity grids for the JCM project development"; catalog row
    /// grid.id_jamali.jcm.case2.co2 in emission-factors/grid/grid-electricity.csv.</summary>
    private const decimal EfRe = 0.533m;

    /// <summary>EG_i,p, the AC output metered in each quarter of 2024 (MWh), one row per quarter.</summary>
    private static readonly (string Index, decimal Mwh)[] Generation =
    [
        ("2024-Q1", 455.25m), ("2024-Q2", 512.8m), ("2024-Q3", 538.1m), ("2024-Q4", 471.45m),
    ];

    /// <summary>The quarter first typed with a unit of the wrong kind ("t", a mass, for an energy).</summary>
    private const int WrongRow = 3;

    private const string Source = "Inverter energy meter log, Pasar Genteng (browser test)";
    private const string Method = "Revenue-grade AC meter, read at the end of each quarter (browser test)";

    /// <summary>GHG-RE-SOLARPV 1.0 (JCM Installation of Solar PV System, e.g. ID_AM017): RE_p = Σ_i EG_i,p × EF_RE,
    /// PE_p = 0, LE_p = 0, so ER_p = RE_p.</summary>
    private static decimal ReferenceEmissions(decimal mwh) => mwh * EfRe;

    /// <summary>Credits: the period's reductions in whole tonnes, rounded down once.</summary>
    private static long Credits(decimal tonnes) => (long)decimal.Floor(tonnes);

    private int shot;

    /// <summary>Problems of the pages that do not stop the walk; the test fails at its end with all of them.</summary>
    private readonly List<string> pageProblems = [];

    [Fact]
    public async Task SurabayaPv2024_OpenFillSubmit_WrongUnitRefusedThenSubmitted_DraftReport_VerifierQueue()
    {
        var totalMwh = Generation.Sum(g => g.Mwh);
        var reference = ReferenceEmissions(totalMwh);
        var credits = Credits(reference);
        totalMwh.Should().Be(1_977.6m, "455.25 + 512.8 + 538.1 + 471.45");
        reference.Should().Be(1_054.0608m, "1,977.6 MWh × 0.533 t/MWh");
        credits.Should().Be(1_054);

        // ---- 1. From the city page to the project, following the links.
        var reporter = await NewPageAsync();
        await SignInAsync(reporter, ReporterEmail);
        new Uri(reporter.Url).AbsolutePath.Should().Be($"/city/{City}");
        await ShotAsync(reporter, "city");
        await reporter.Locator("main").GetByRole(AriaRole.Link, new() { Name = ProjectCode, Exact = true }).ClickAsync();
        await reporter.WaitForURLAsync(new Regex($"/city/{City}/projects/[0-9a-f-]{{36}}$"));
        var main = reporter.Locator("main");
        await Expect(reporter.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"{ProjectCode} · {ProjectTitle}");
        await Expect(Fact(main, "Partner city")).ToContainTextAsync("Kitakyushu");
        await Expect(Fact(main, "Methodology")).ToContainTextAsync("GHG-RE-SOLARPV 1.0");
        var exAnte = TableWithColumn(main, "Index");
        var efRow = RowOf(exAnte, "EF_RE");
        await Expect(await CellAsync(exAnte, efRow, "Value")).ToHaveTextAsync(Exact(EfRe));
        await Expect(await CellAsync(exAnte, efRow, "Unit")).ToHaveTextAsync("t/MWh");
        await Expect(await CellAsync(exAnte, efRow, "Source")).ToContainTextAsync("grid.id_jamali.jcm.case2.co2");
        var periods = TableWithColumn(main, "Reductions (tCO2e)");
        await Expect(RowOf(periods, "Period 1 (version 1)")).ToContainTextAsync("Verified");
        await Expect(RowOf(periods, "Period 2 (version 1)")).ToHaveCountAsync(0);
        await ShotAsync(reporter, "project");

        // ---- 2. Open the 2024 period.
        var open = reporter.Locator("form").Filter(new() { Has = reporter.GetByRole(AriaRole.Heading, new() { Name = "Open a monitoring period", Exact = true }) });
        await open.GetByLabel("First day", new() { Exact = true }).FillAsync("2024-01-01");
        await open.GetByLabel("Last day", new() { Exact = true }).FillAsync("2024-12-31");
        await open.GetByRole(AriaRole.Button, new() { Name = "Open the period", Exact = true }).ClickAsync();
        await reporter.WaitForURLAsync(new Regex($"/city/{City}/periods/[0-9a-f-]{{36}}$"));
        var periodPath = new Uri(reporter.Url).AbsolutePath;
        var periodId = periodPath.Split('/')[^1];
        Log($"period {periodId}");
        main = reporter.Locator("main");
        await Expect(reporter.GetByRole(AriaRole.Status).Filter(new() { HasText = "is open" }))
            .ToHaveTextAsync("Monitoring period 2 is open. Enter the monitored values below.");
        await Expect(reporter.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"{ProjectCode}: monitoring period 2");
        await Expect(Fact(main, "State")).ToHaveTextAsync("Draft");
        await Expect(Fact(main, "Dates")).ToHaveTextAsync("2024-01-01 – 2024-12-31");
        // A new period: three empty rows, each set to the one monitored parameter, in its unit, metered.
        await Expect(ValueRows(reporter)).ToHaveCountAsync(3);
        await ShotAsync(reporter, "period-opened");

        // ---- 3. The values: three rows, three more rows, the fourth; one unit of the wrong kind on purpose.
        for (var n = 1; n <= 3; n++) await FillRowAsync(reporter, n, n == WrongRow ? "t" : "MWh");
        await reporter.GetByRole(AriaRole.Button, new() { Name = "Add 3 more rows", Exact = true }).ClickAsync();
        await Expect(ValueRows(reporter)).ToHaveCountAsync(6);
        // What was typed is kept (nothing is saved by adding rows).
        await Expect(ValueRow(reporter, 2).GetByLabel("Value", new() { Exact = true })).ToHaveValueAsync(Plain(Generation[1].Mwh));
        await Expect(ValueRow(reporter, WrongRow).GetByLabel("Unit", new() { Exact = true })).ToHaveValueAsync("t");
        await FillRowAsync(reporter, 4, "MWh");
        await ShotAsync(reporter, "values-typed");

        await reporter.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(reporter.GetByRole(AriaRole.Status).Filter(new() { HasText = "The values are saved." }))
            .ToHaveTextAsync("The values are saved. They are not submitted yet.");
        // Saved in order of the index; three empty rows follow.
        await Expect(ValueRows(reporter)).ToHaveCountAsync(Generation.Length + 3);
        for (var n = 1; n <= Generation.Length; n++)
            await Expect(ValueRow(reporter, n).Locator("legend")).ToHaveTextAsync($"Value {n} · EG[{Generation[n - 1].Index}]");
        await ShotAsync(reporter, "values-saved");

        // ---- 4. Submitting with "t" for an energy is refused: the problem in plain words, nothing submitted.
        await reporter.GetByRole(AriaRole.Button, new() { Name = "Save and submit", Exact = true }).ClickAsync();
        var alert = reporter.GetByRole(AriaRole.Alert);
        await Expect(alert).ToContainTextAsync("The reductions cannot be calculated: Nothing was submitted; fix the parameters listed.");
        await Expect(alert.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);
        await Expect(alert.GetByRole(AriaRole.Listitem))
            .ToHaveTextAsync($"Parameter EG [{Generation[WrongRow - 1].Index}] is in MWh (energy); 't' measures mass.");
        main = reporter.Locator("main");
        await Expect(Fact(main, "State")).ToHaveTextAsync("Draft");
        await Expect(reporter.GetByRole(AriaRole.Heading, new() { Name = "Calculated result" })).ToHaveCountAsync(0);
        await Expect(reporter.GetByRole(AriaRole.Button, new() { Name = "Save and submit", Exact = true })).ToBeVisibleAsync();
        await ShotAsync(reporter, "submit-refused");

        // Opened again: still a draft, not submitted, with the values as saved (the wrong unit too).
        (await GotoAsync(reporter, periodPath)).Status.Should().Be(200);
        main = reporter.Locator("main");
        await Expect(Fact(main, "State")).ToHaveTextAsync("Draft");
        await Expect(Fact(main, "Submitted")).ToHaveCountAsync(0);
        await Expect(ValueRow(reporter, WrongRow).GetByLabel("Unit", new() { Exact = true })).ToHaveValueAsync("t");

        // The form at phone width (the draft, before it is submitted): nothing scrolls sideways.
        var phone = await NewPageAsync(Phone);
        await SignInAsync(phone, ReporterEmail);
        (await GotoAsync(phone, periodPath)).Status.Should().Be(200);
        await Expect(ValueRow(phone, 1).GetByLabel("Value", new() { Exact = true })).ToHaveValueAsync(Plain(Generation[0].Mwh));
        await ShotAsync(phone, "phone-form");
        try
        {
            await ShouldFitThePhoneAsync(phone);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            pageProblems.Add(e.Message);
        }

        // ---- 5. Corrected and submitted: the figures, computed here from EF_RE and the quarters.
        await ValueRow(reporter, WrongRow).GetByLabel("Unit", new() { Exact = true }).FillAsync("MWh");
        await reporter.GetByRole(AriaRole.Button, new() { Name = "Save and submit", Exact = true }).ClickAsync();
        await Expect(reporter.GetByRole(AriaRole.Status).Filter(new() { HasText = "Submitted." }))
            .ToHaveTextAsync("Submitted. The figures are below. The partner city's verifier will now check it.");
        new Uri(reporter.Url).AbsolutePath.Should().Be(periodPath);
        main = reporter.Locator("main");
        await Expect(reporter.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        await Expect(Fact(main, "State")).ToHaveTextAsync("Submitted");
        await Expect(Fact(main, "Reference emissions")).ToHaveTextAsync($"{Tonnes(reference)} tCO2e");
        await Expect(Fact(main, "Project emissions")).ToHaveTextAsync($"{Tonnes(0m)} tCO2e");
        await Expect(Fact(main, "Leakage")).ToHaveTextAsync($"{Tonnes(0m)} tCO2e");
        await Expect(Fact(main, "Emission reductions")).ToHaveTextAsync($"{Tonnes(reference)} tCO2e");
        await Expect(Fact(main, "Credits")).ToHaveTextAsync($"{Whole(credits)} credits, issued only after verification");
        // Read only now: the values as a table, no form.
        await Expect(reporter.GetByRole(AriaRole.Button, new() { Name = "Save and submit" })).ToHaveCountAsync(0);
        var values = TableWithColumn(main, "Measurement method");
        await Expect(values.GetByRole(AriaRole.Row)).ToHaveCountAsync(1 + Generation.Length);
        foreach (var (index, mwh) in Generation)
        {
            var row = RowOf(values, index);
            await Expect(await CellAsync(values, row, "Parameter")).ToHaveTextAsync("EG");
            await Expect(await CellAsync(values, row, "Value")).ToHaveTextAsync(Plain(mwh));
            await Expect(await CellAsync(values, row, "Unit")).ToHaveTextAsync("MWh");
            await Expect(await CellAsync(values, row, "Monitoring option")).ToHaveTextAsync("C");
            await Expect(await CellAsync(values, row, "Source")).ToHaveTextAsync(Source);
        }
        // The calculation, step by step: one RE step per quarter, their sum, the credits.
        await reporter.GetByText("How it was calculated", new() { Exact = true }).ClickAsync();
        var trace = TableWithColumn(main, "Formula");
        foreach (var (index, mwh) in Generation)
            await Expect(await CellAsync(trace, RowOf(trace, $"RE_i,p [{index}]"), "Value")).ToHaveTextAsync(Exact(ReferenceEmissions(mwh)));
        await Expect(await CellAsync(trace, RowOf(trace, "RE (reference emissions)"), "Value")).ToHaveTextAsync(Exact(reference));
        await Expect(await CellAsync(trace, RowOf(trace, "Credits (whole t CO2e)"), "Value")).ToHaveTextAsync(Whole(credits));
        await ShotAsync(reporter, "submitted");

        // ---- 6. The draft monitoring report, rendered by the service's job server.
        var draftReport = reporter.GetByRole(AriaRole.Link, new() { Name = "Download the draft monitoring report", Exact = true });
        var waiting = reporter.GetByRole(AriaRole.Status).Filter(new() { HasText = "The report is being prepared." });
        if (await draftReport.CountAsync() == 0 && await waiting.CountAsync() == 0)
        {
            // Not rendered yet, and no waiting notice although submitting queued the report: the page offers to get it.
            await reporter.GetByRole(AriaRole.Link, new() { Name = "Get the draft monitoring report (PDF)", Exact = true }).ClickAsync();
            Log(await waiting.CountAsync() > 0 ? "the page waits for the draft report" : "the draft report was ready when the page came back");
            await ShotAsync(reporter, "report-asked");
        }
        // The page polls the report's address and reloads itself when the PDF is there; rendering can take longer
        // than the default timeout on a busy machine.
        await Expect(waiting).ToHaveCountAsync(0, new() { Timeout = 120_000 });
        await Expect(draftReport).ToBeVisibleAsync();
        var size = await ExpectPdfAsync(reporter, await draftReport.GetAttributeAsync("href") ?? "", "the draft monitoring report");
        Log($"draft monitoring report: {size} bytes");
        await Expect(Fact(reporter.Locator("main"), "State")).ToHaveTextAsync("Submitted");
        await ShotAsync(reporter, "report-ready");

        // The project page lists the new period with its figures.
        await reporter.Locator("main").GetByRole(AriaRole.Link, new() { Name = $"{ProjectCode} · {ProjectTitle}", Exact = true }).ClickAsync();
        await reporter.WaitForURLAsync(new Regex($"/city/{City}/projects/[0-9a-f-]{{36}}$"));
        periods = TableWithColumn(reporter.Locator("main"), "Reductions (tCO2e)");
        var newRow = RowOf(periods, "Period 2 (version 1)");
        await Expect(await CellAsync(periods, newRow, "Dates")).ToHaveTextAsync("2024-01-01 – 2024-12-31");
        await Expect(await CellAsync(periods, newRow, "State")).ToHaveTextAsync("Submitted");
        await Expect(await CellAsync(periods, newRow, "Reductions (tCO2e)")).ToHaveTextAsync(Tonnes(reference));
        await Expect(await CellAsync(periods, newRow, "Credits")).ToHaveTextAsync(Whole(credits));
        await ShotAsync(reporter, "project-after");

        // ---- 7. Kitakyushu's verifier finds it waiting.
        var verifier = await NewPageAsync();
        await SignInAsync(verifier, VerifierEmail);
        new Uri(verifier.Url).AbsolutePath.Should().Be("/verify");
        var queue = TableWithColumn(verifier.Locator("main"), "Reductions claimed (t CO2e)");
        var queued = queue.GetByRole(AriaRole.Row).Filter(new() { Has = verifier.GetByRole(AriaRole.Link, new() { Name = ProjectCode, Exact = true }) });
        await Expect(queued).ToHaveCountAsync(1);
        await Expect(await CellAsync(queue, queued, "Host city")).ToHaveTextAsync(CityName);
        var queuedPeriod = await CellAsync(queue, queued, "Period");
        await Expect(queuedPeriod).ToContainTextAsync("Period 2");
        await Expect(queuedPeriod).ToContainTextAsync("2024-01-01 – 2024-12-31");
        await Expect(await CellAsync(queue, queued, "Reductions claimed (t CO2e)")).ToHaveTextAsync(Tonnes(reference));
        await Expect(await CellAsync(queue, queued, "State")).ToHaveTextAsync("Submitted");
        await ShotAsync(verifier, "verify-queue");

        await queue.GetByRole(AriaRole.Link, new() { Name = ProjectCode, Exact = true }).ClickAsync();
        await verifier.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/verify/{periodId}");
        var review = verifier.Locator("main");
        await Expect(verifier.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"{ProjectCode} · Period 2 Submitted");
        var parameters = TableWithColumn(review, "Your comment (optional)");
        foreach (var (index, mwh) in Generation)
            await Expect(await CellAsync(parameters, RowOf(parameters, $"EG[{index}]"), "Value")).ToHaveTextAsync(Exact(mwh));
        await Expect(Fact(review, "Emission reductions")).ToHaveTextAsync($"{Tonnes(reference)} t CO2e");
        await Expect(Fact(review, "Credits issued if approved")).ToHaveTextAsync(Whole(credits));
        await ShotAsync(verifier, "verify-period");

        // ---- 8. Left as other tests expect the shared data: ProjectWorkflowTests checks that no SUB-PV-01 period waits
        // in Kitakyushu's queue and that nothing waits for verification once it is done, and xunit does not order the
        // tests. So the verifier sends this period back (it then waits for the host city, not for a verifier).
        await verifier.GetByLabel("Summary or overall comment (optional)").FillAsync("Sent back by the browser test NewPeriodTests (clean-up).");
        await verifier.GetByRole(AriaRole.Button, new() { Name = "Reject with comments", Exact = true }).ClickAsync();
        await Expect(verifier.GetByRole(AriaRole.Status).Filter(new() { HasText = "Rejected." }))
            .ToHaveTextAsync($"Rejected. {ProjectCode} period 2 was sent back to the host city. Comments sent: 1.");
        await Expect(verifier.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"{ProjectCode} · Period 2 Rejected");
        await GotoAsync(verifier, "/verify");
        // Out of the queue (which may be empty, then it has no table at all).
        queue = TableWithColumn(verifier.Locator("main"), "Reductions claimed (t CO2e)");
        await Expect(queue.GetByRole(AriaRole.Row).Filter(new() { Has = verifier.GetByRole(AriaRole.Link, new() { Name = ProjectCode, Exact = true }) }))
            .ToHaveCountAsync(0);
        var decided = TableWithColumn(verifier.Locator("main"), "Decided");
        await Expect(await CellAsync(decided, decided.GetByRole(AriaRole.Row).Filter(new() { HasText = ProjectCode }).Filter(new() { HasText = "Period 2" }), "Decision"))
            .ToHaveTextAsync("Rejected");
        await ShotAsync(verifier, "verify-sent-back");

        if (pageProblems.Count > 0)
            Assert.Fail($"The walk reached its end, but the pages had {pageProblems.Count} problem(s) on the way:\n- " + string.Join("\n- ", pageProblems));
    }

    /// <summary>The rows of the monitoring form (fieldsets named "Value 1", "Value 2 · EG[2024-Q2]", …).</summary>
    private static ILocator ValueRows(IPage page) =>
        page.GetByRole(AriaRole.Group, new() { NameRegex = new Regex(@"^Value \d+(\s|$)") });

    /// <summary>Row <paramref name="n"/> (from 1) of the monitoring form.</summary>
    private static ILocator ValueRow(IPage page, int n) =>
        page.GetByRole(AriaRole.Group, new() { NameRegex = new Regex($@"^Value {n}(\s|$)") });

    /// <summary>Fills row <paramref name="n"/> with quarter n of <see cref="Generation"/>, in <paramref name="unit"/>.</summary>
    private static async Task FillRowAsync(IPage page, int n, string unit)
    {
        var (index, mwh) = Generation[n - 1];
        var row = ValueRow(page, n);
        await Expect(row.GetByLabel("Parameter")).ToHaveValueAsync("EG");
        await row.GetByLabel("Index", new() { Exact = true }).FillAsync(index);
        await row.GetByLabel("Value", new() { Exact = true }).FillAsync(Plain(mwh));
        await row.GetByLabel("Unit", new() { Exact = true }).FillAsync(unit);
        await row.GetByLabel("Monitoring option").SelectOptionAsync(new SelectOptionValue { Value = "C" });
        await row.GetByLabel("Source", new() { Exact = true }).FillAsync(Source);
        await row.GetByLabel("Measurement method", new() { Exact = true }).FillAsync(Method);
    }

    /// <summary>A full-page screenshot named in walking order (new-period-NN-name); notes ids the page uses twice.</summary>
    private async Task ShotAsync(IPage page, string name)
    {
        await ScreenshotAsync(page, $"new-period-{++shot:00}-{name}");
        foreach (var duplicate in await DuplicateIdsAsync(page))
        {
            var problem = $"{new Uri(page.Url).AbsolutePath}: {duplicate}";
            if (!pageProblems.Contains(problem)) pageProblems.Add(problem);
        }
    }

    /// <summary>Tonnes as the pages write them: three decimals, rounded half away from zero, thousands separated.</summary>
    private static string Tonnes(decimal tonnes) =>
        decimal.Round(tonnes, 3, MidpointRounding.AwayFromZero).ToString("#,##0.000", CultureInfo.InvariantCulture);

    /// <summary>A value with every digit it has, thousands separated (1,054.0608; 0.533).</summary>
    private static string Exact(decimal value) => value.ToString("#,##0.############################", CultureInfo.InvariantCulture);

    /// <summary>A value as typed in the monitoring form (no separators).</summary>
    private static string Plain(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    private static string Whole(long value) => value.ToString("#,##0", CultureInfo.InvariantCulture);
}
