using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using GhgReporting.Api.Hosting;
using GhgReporting.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace GhgReporting.Web.Tests.Pages;

/// <summary>
/// The joint-project workflow in the browser, every role through its own pages and its own browser context: the
/// verifier of the partner city rejects the seeded HPH-CHILLER-01 period with a comment on a parameter, the host city
/// corrects it, attaches evidence and resubmits, the verifier approves and credits are issued; the host city retires
/// some; the public finds the serials and the retirement; the secretariat sees it all in the registry and makes a
/// platform report; other cities' staff cannot reach any of it. The steps depend on each other, so they are one test
/// (xunit does not order tests); it is the only test that touches HPH-CHILLER-01 (SCENARIO.md).
/// </summary>
public sealed class ProjectWorkflowTests(WebServiceFixture service, ITestOutputHelper output) : BrowserTest(service, output)
{
    private const string ProjectCode = "HPH-CHILLER-01";
    private const string Host = "hai-phong";
    private const string HostName = "Hải Phòng";
    private const string Partner = "kitakyushu";
    private const string PartnerName = "Kitakyushu";
    private const string Parameter = "EC_PJ[chiller-1]";

    // The seeded registration of HPH-CHILLER-01 (ExampleProjectsSeeder), methodology GHG-EE-CHILLER 1.0:
    // ER = EC_PJ × (COP_PJ / COP_RE) × EF_elec − EC_PJ × EF_elec = EC_PJ × EF_elec × (COP_PJ / COP_RE − 1).
    private const decimal CopProject = 6.2m;
    private const decimal CopReference = 5.0m;

    /// <summary>EF_elec, fixed ex ante: the Viet Nam grid emission factor 2023, 0.6592 t CO2/MWh, Department of Climate
    /// Change (MONRE); catalog row grid.vn.dcc.2023.co2 in emission-factors/grid/grid-electricity.csv.</summary>
    private const decimal EfElec = 0.6592m;

    /// <summary>EC_PJ[chiller-1] as seeded (the submitted 2023 period) and as the host city corrects it.</summary>
    private const decimal SeededMwh = 1_200m, CorrectedMwh = 1_250m;

    private const int Vintage = 2023;
    private const int Retired = 12;

    /// <summary>SUB-PV-01's verified 2023 period (seeded, read only): Σ EG 1,900 MWh × EF_RE 0.533 t/MWh (JCM Indonesia
    /// Jamali grid, Case 2, catalog grid.id_jamali.jcm.case2.co2).</summary>
    private const decimal SolarReductions = 1_900m * 0.533m;

    private static decimal Reductions(decimal mwh) => mwh * EfElec * (CopProject / CopReference - 1m);

    /// <summary>Credits: whole tonnes of the period's reductions, rounded down once.</summary>
    private static long Credits(decimal tonnes) => (long)decimal.Floor(tonnes);

    private int shot;

    /// <summary>Problems of the pages found on the way that do not stop the walk (the walk goes on with a way around
    /// them); the test fails at its end with all of them.</summary>
    private readonly List<string> pageProblems = [];

    [Fact]
    public async Task ChillerPeriod_RejectResubmitApproveRetire_ThePublicAndTheSecretariatSeeIt_OtherCitiesCannot()
    {
        var seededTonnes = Reductions(SeededMwh);       // 189.8496 t
        var correctedTonnes = Reductions(CorrectedMwh); // 197.76 t
        var credits = Credits(correctedTonnes);         // 197
        seededTonnes.Should().Be(189.8496m, "1,200 × 0.6592 × (6.2 / 5.0 − 1)");
        correctedTonnes.Should().Be(197.76m, "1,250 × 0.6592 × (6.2 / 5.0 − 1)");

        // ---- 1. The verifier of the partner city finds the waiting period in the queue.
        var verifier = await NewPageAsync();
        await SignInAsync(verifier, ExampleSeeder.VerifierEmail(Partner));
        new Uri(verifier.Url).AbsolutePath.Should().Be("/verify");
        var waiting = TableWithColumn(verifier.Locator("main"), "Reductions claimed (t CO2e)");
        var queued = RowWithLink(waiting, ProjectCode);
        await Expect(queued).ToHaveCountAsync(1);
        await Expect(await CellAsync(waiting, queued, "Host city")).ToHaveTextAsync(HostName);
        var queuedPeriod = await CellAsync(waiting, queued, "Period");
        await Expect(queuedPeriod).ToContainTextAsync("Period 1");
        await Expect(queuedPeriod).ToContainTextAsync($"{Vintage}-01-01 – {Vintage}-12-31");
        await Expect(await CellAsync(waiting, queued, "Reductions claimed (t CO2e)")).ToHaveTextAsync(Tonnes(seededTonnes));
        await Expect(await CellAsync(waiting, queued, "State")).ToHaveTextAsync("Submitted");
        // SUB-PV-01 is verified already: in the recent decisions, not in the queue.
        await Expect(waiting).Not.ToContainTextAsync("SUB-PV-01");
        await Expect(TableWithColumn(verifier.Locator("main"), "Credits issued")).ToContainTextAsync("SUB-PV-01");
        await ShotAsync(verifier, "verify-queue");

        await waiting.GetByRole(AriaRole.Link, new() { Name = ProjectCode, Exact = true }).ClickAsync();
        await verifier.WaitForURLAsync(new Regex("/verify/[0-9a-f-]{36}$"));
        var periodId = new Uri(verifier.Url).AbsolutePath.Split('/')[^1];
        Log($"period {periodId}");

        // ---- 2. The period as submitted: parameters, trace and figures.
        var main = verifier.Locator("main");
        await Expect(verifier.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"{ProjectCode} · Period 1 Submitted");
        await Expect(Fact(main, "Cities")).ToHaveTextAsync($"{HostName} (host) → {PartnerName} (partner)");
        await Expect(Fact(main, "Methodology")).ToContainTextAsync("GHG-EE-CHILLER 1.0");
        // The ex ante table: parameter, value, unit, source (the monitored parameters have a monitoring option too).
        var exAnte = TableWithColumn(main, "Source").Filter(new() { HasNot = verifier.GetByRole(AriaRole.Columnheader, new() { Name = "Monitoring option" }) });
        await Expect(await CellAsync(exAnte, RowOf(exAnte, "COP_PJ[chiller-1]"), "Value")).ToHaveTextAsync(Exact(CopProject));
        await Expect(await CellAsync(exAnte, RowOf(exAnte, "COP_RE[chiller-1]"), "Value")).ToHaveTextAsync(Exact(CopReference));
        await Expect(await CellAsync(exAnte, RowOf(exAnte, "EF_elec"), "Value")).ToHaveTextAsync(Exact(EfElec));
        await Expect(await CellAsync(exAnte, RowOf(exAnte, "EF_elec"), "Source")).ToContainTextAsync("DCC/MONRE");
        var parameters = TableWithColumn(main, "Your comment (optional)");
        var ecRow = RowOf(parameters, Parameter);
        await Expect(await CellAsync(parameters, ecRow, "Value")).ToHaveTextAsync(Exact(SeededMwh));
        await Expect(await CellAsync(parameters, ecRow, "Unit")).ToHaveTextAsync("MWh");
        await Expect(main).ToContainTextAsync("The host city attached no evidence files.");
        // The trace: reference and project emissions of the chiller, each from the ex ante values and the meter.
        var trace = TableWithColumn(main, "Factor and source");
        await Expect(await CellAsync(trace, RowOf(trace, "RE_i,p [chiller-1]"), "Value"))
            .ToHaveTextAsync(Exact(SeededMwh * CopProject * EfElec / CopReference));
        await Expect(await CellAsync(trace, RowOf(trace, "PE_i,p [chiller-1]"), "Value")).ToHaveTextAsync(Exact(SeededMwh * EfElec));
        await Expect(Fact(main, "Emission reductions")).ToHaveTextAsync($"{Tonnes(seededTonnes)} t CO2e");
        await Expect(Fact(main, "Credits issued if approved")).ToHaveTextAsync(Whole(Credits(seededTonnes)));
        await ShotAsync(verifier, "verify-period");

        // ---- 3. Reject: without a comment it is refused; with a comment on EC_PJ it goes back to the host city.
        await verifier.GetByRole(AriaRole.Button, new() { Name = "Reject with comments", Exact = true }).ClickAsync();
        await Expect(verifier.GetByRole(AriaRole.Alert)).ToContainTextAsync("To reject, write at least one comment");
        await Expect(verifier.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Submitted");

        const string comment = "The meter log for March is missing, and the total looks low against the mall's bills. Please check the meter readings.";
        const string summary = "Sent back: EC_PJ needs the full meter log.";
        await verifier.GetByRole(AriaRole.Textbox, new() { Name = $"Comment on {Parameter}", Exact = true }).FillAsync(comment);
        await verifier.GetByLabel("Summary or overall comment (optional)").FillAsync(summary);
        await verifier.GetByRole(AriaRole.Button, new() { Name = "Reject with comments", Exact = true }).ClickAsync();
        await Expect(verifier.GetByRole(AriaRole.Status).Filter(new() { HasText = "Rejected." }))
            .ToHaveTextAsync($"Rejected. {ProjectCode} period 1 was sent back to the host city. Comments sent: 2.");
        await Expect(verifier.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"{ProjectCode} · Period 1 Rejected");
        var made = TableWithColumn(verifier.Locator("main"), "By");
        await Expect(await CellAsync(made, RowOf(made, Parameter), "Comment")).ToHaveTextAsync(comment);
        await Expect(made.GetByRole(AriaRole.Row)).ToHaveCountAsync(1 + 1); // the header and the one comment on a parameter
        await Expect(Fact(verifier.Locator("main"), "Verifier's summary")).ToHaveTextAsync(summary);
        await Expect(verifier.GetByRole(AriaRole.Button, new() { Name = "Approve and issue credits" })).ToHaveCountAsync(0);
        await ShotAsync(verifier, "verify-rejected");

        // ---- 4. The host city sees the comment next to the value, corrects it, adds evidence and resubmits.
        var reporter = await NewPageAsync();
        await SignInAsync(reporter, ExampleSeeder.ReporterEmail(Host));
        new Uri(reporter.Url).AbsolutePath.Should().Be($"/city/{Host}");
        var periods = TableWithColumn(reporter.Locator("main"), "Reductions (tCO2e)");
        await Expect(RowOf(periods, "Period 1 (version 1)")).ToContainTextAsync("Sent back");
        await ShotAsync(reporter, "city-overview");

        await reporter.GetByRole(AriaRole.Link, new() { Name = ProjectCode, Exact = true }).ClickAsync();
        await reporter.WaitForURLAsync(new Regex($"/city/{Host}/projects/[0-9a-f-]{{36}}$"));
        var projectId = new Uri(reporter.Url).AbsolutePath.Split('/')[^1];
        await Expect(reporter.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"{ProjectCode} · {ProjectTitle}");
        var projectMain = reporter.Locator("main");
        await Expect(Fact(projectMain, "Partner city")).ToContainTextAsync(PartnerName);
        var projectExAnte = TableWithColumn(projectMain, "Index");
        await Expect(await CellAsync(projectExAnte, RowOf(projectExAnte, "EF_elec"), "Value")).ToHaveTextAsync(Exact(EfElec));
        await ShotAsync(reporter, "project");

        var projectPeriods = TableWithColumn(projectMain, "Reductions (tCO2e)");
        await projectPeriods.GetByRole(AriaRole.Link, new() { Name = "Open", Exact = true }).ClickAsync();
        await reporter.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/city/{Host}/periods/{periodId}");
        var periodMain = reporter.Locator("main");
        await Expect(Fact(periodMain, "State")).ToHaveTextAsync("Sent back");
        await Expect(periodMain).ToContainTextAsync("The verifier sent it back. Read the comments, correct the values, then save and submit again.");
        await Expect(periodMain).ToContainTextAsync(summary);
        var ecValue = reporter.GetByRole(AriaRole.Group, new() { Name = Parameter });
        await Expect(ecValue.GetByRole(AriaRole.Note)).ToHaveTextAsync($"Verifier: {comment}");
        await Expect(ecValue.GetByLabel("Value", new() { Exact = true })).ToHaveValueAsync(Plain(SeededMwh));
        await Expect(Fact(periodMain, "Emission reductions")).ToHaveTextAsync($"{Tonnes(seededTonnes)} tCO2e");
        await ShotAsync(reporter, "period-rejected");

        // The missing meter log, as evidence (before the values: adding a file reloads the page).
        var meterLog = Encoding.UTF8.GetBytes(MeterLog());
        const string meterLogName = "chiller-1-meter-log-2023.csv";
        var evidenceInput = reporter.GetByLabel("Add an evidence file (meter log, invoice, photo)");
        if (await evidenceInput.CountAsync() == 0)
        {
            // What the browser makes of the label: the element its for= names, and the control it labels (none).
            var labelled = await reporter.EvaluateAsync<string>("""
                () => [...document.querySelectorAll('label')].filter(l => l.textContent.includes('Add an evidence file'))
                  .map(l => `for="${l.htmlFor}" → ${document.getElementById(l.htmlFor)?.tagName.toLowerCase()}, control: ${l.control?.tagName.toLowerCase() ?? 'none'}`).join('; ')
                """);
            Log($"evidence label: {labelled}");
            pageProblems.Add($"{new Uri(reporter.Url).AbsolutePath}: the label \"Add an evidence file (meter log, invoice, photo)\" does not label the "
                + "file input: its for=\"evidence\" reaches the first element with that id, the heading \"Evidence files\" "
                + "(src/GhgReporting.Api/Pages/City/Period.cshtml, <h2 id=\"evidence\"> and <input id=\"evidence\">). A screen reader announces "
                + $"an unlabelled file button, and clicking the label does not open the file chooser (browser: {labelled}).");
            // The way around: the file input of the form whose button adds the file.
            evidenceInput = reporter.Locator("form").Filter(new() { Has = reporter.GetByRole(AriaRole.Button, new() { Name = "Add the file", Exact = true }) })
                .Locator("input[type=file]");
        }
        await evidenceInput.SetInputFilesAsync(new FilePayload
        {
            Name = meterLogName, MimeType = "text/csv", Buffer = meterLog,
        });
        await reporter.GetByRole(AriaRole.Button, new() { Name = "Add the file", Exact = true }).ClickAsync();
        await Expect(reporter.GetByRole(AriaRole.Status).Filter(new() { HasText = "is added" })).ToHaveTextAsync($"{meterLogName} is added.");
        var evidence = TableWithColumn(reporter.Locator("main"), "SHA-256");
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(meterLog));
        await Expect(await CellAsync(evidence, RowOf(evidence, meterLogName), "SHA-256")).ToHaveTextAsync(sha256);

        ecValue = reporter.GetByRole(AriaRole.Group, new() { Name = Parameter });
        await ecValue.GetByLabel("Value", new() { Exact = true }).FillAsync(Plain(CorrectedMwh));
        await reporter.GetByRole(AriaRole.Button, new() { Name = "Save and submit", Exact = true }).ClickAsync();
        await Expect(reporter.GetByRole(AriaRole.Status).Filter(new() { HasText = "Submitted." }))
            .ToHaveTextAsync("Submitted. The figures are below. The partner city's verifier will now check it.");
        periodMain = reporter.Locator("main");
        await Expect(Fact(periodMain, "State")).ToHaveTextAsync("Submitted");
        await Expect(Fact(periodMain, "Reference emissions")).ToHaveTextAsync($"{Tonnes(CorrectedMwh * CopProject * EfElec / CopReference)} tCO2e");
        await Expect(Fact(periodMain, "Project emissions")).ToHaveTextAsync($"{Tonnes(CorrectedMwh * EfElec)} tCO2e");
        await Expect(Fact(periodMain, "Emission reductions")).ToHaveTextAsync($"{Tonnes(correctedTonnes)} tCO2e");
        await Expect(Fact(periodMain, "Credits")).ToHaveTextAsync($"{Whole(credits)} credits, issued only after verification");
        var values = TableWithColumn(periodMain, "Measurement method");
        await Expect(await CellAsync(values, RowOf(values, "EC_PJ"), "Value")).ToHaveTextAsync(Plain(CorrectedMwh));
        // The comment stays next to the value it was about, for the record.
        await Expect(values).ToContainTextAsync($"Verifier: {comment}");
        await ShotAsync(reporter, "period-resubmitted");

        // ---- 5. The verifier approves the corrected period: verified, credits issued, the final report made.
        await GotoAsync(verifier, "/verify");
        waiting = TableWithColumn(verifier.Locator("main"), "Reductions claimed (t CO2e)");
        queued = RowWithLink(waiting, ProjectCode);
        await Expect(await CellAsync(waiting, queued, "Reductions claimed (t CO2e)")).ToHaveTextAsync(Tonnes(correctedTonnes));
        await ShotAsync(verifier, "verify-queue-resubmitted");
        await waiting.GetByRole(AriaRole.Link, new() { Name = ProjectCode, Exact = true }).ClickAsync();
        await verifier.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/verify/{periodId}");
        main = verifier.Locator("main");
        parameters = TableWithColumn(main, "Your comment (optional)");
        await Expect(await CellAsync(parameters, RowOf(parameters, Parameter), "Value")).ToHaveTextAsync(Exact(CorrectedMwh));
        var verifierEvidence = TableWithColumn(main, "Uploaded");
        await Expect(await CellAsync(verifierEvidence, RowOf(verifierEvidence, meterLogName), "SHA-256")).ToHaveTextAsync(sha256);
        var (evidenceStatus, _, evidenceBody) = await FetchAsync(verifier,
            await verifierEvidence.GetByRole(AriaRole.Link, new() { Name = meterLogName }).GetAttributeAsync("href") ?? "");
        evidenceStatus.Should().Be(200, "the verifier downloads the evidence file");
        Convert.ToHexStringLower(SHA256.HashData(evidenceBody)).Should().Be(sha256, "the verifier gets the very file the host city attached");
        await Expect(Fact(main, "Emission reductions")).ToHaveTextAsync($"{Tonnes(correctedTonnes)} t CO2e");
        await ShotAsync(verifier, "verify-period-resubmitted");

        await verifier.GetByLabel("Summary or overall comment (optional)").FillAsync("Meter log complete; readings match the mall's electricity bills.");
        await verifier.GetByRole(AriaRole.Button, new() { Name = "Approve and issue credits", Exact = true }).ClickAsync();
        await Expect(verifier.GetByRole(AriaRole.Status).Filter(new() { HasText = "Approved." }))
            .ToHaveTextAsync($"Approved. {ProjectCode} period 1 is verified and {Whole(credits)} credits were issued. The final report is being made.");
        main = verifier.Locator("main");
        await Expect(verifier.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"{ProjectCode} · Period 1 Verified");
        await Expect(Fact(main, "Credits issued")).ToHaveTextAsync(Whole(credits));
        await ShotAsync(verifier, "verify-approved");
        // The final monitoring report is rendered by the service's job server; meanwhile the page says so (with a link
        // of the same name that works once the file is there) and reloads itself when it is ready. Rendering a PDF can
        // take longer than the 15 s default on a busy machine.
        await Expect(verifier.GetByRole(AriaRole.Status).Filter(new() { HasText = "The report is being prepared." }))
            .ToHaveCountAsync(0, new() { Timeout = 120_000 });
        var finalReport = verifier.GetByRole(AriaRole.Link, new() { Name = "Download the final report (PDF)", Exact = true });
        await Expect(finalReport).ToBeVisibleAsync();
        await ExpectPdfAsync(verifier, await finalReport.GetAttributeAsync("href") ?? "", "the final monitoring report");
        await ShotAsync(verifier, "verify-final-report-ready");

        await GotoAsync(reporter, $"/city/{Host}/periods/{periodId}");
        periodMain = reporter.Locator("main");
        await Expect(Fact(periodMain, "State")).ToHaveTextAsync("Verified");
        await Expect(Fact(periodMain, "Credits")).ToHaveTextAsync($"{Whole(credits)} credits issued");
        await Expect(periodMain).ToContainTextAsync("Verified. The credits are issued. This period cannot change any more.");
        await ShotAsync(reporter, "period-verified");

        // ---- 6. The host city retires some of the credits for a named beneficiary and purpose.
        await GotoAsync(reporter, $"/city/{Host}/credits");
        var creditsMain = reporter.Locator("main");
        var accountName = $"{ProjectCode} project account";
        await Expect(creditsMain).ToContainTextAsync($"{Whole(credits)} available, 0 retired.");
        var balances = TableWithColumn(creditsMain, "Vintage");
        var balance = RowOf(balances, ProjectCode);
        await Expect(await CellAsync(balances, balance, "Vintage")).ToHaveTextAsync(Vintage.ToString(CultureInfo.InvariantCulture));
        await Expect(await CellAsync(balances, balance, "Available")).ToHaveTextAsync(Whole(credits));
        await ShotAsync(reporter, "credits");

        const string beneficiary = "Hải Phòng Department of Natural Resources and Environment (browser test)";
        const string purpose = "Offset of the city's Environment Week 2025 events (browser test)";
        var retire = reporter.Locator("form").Filter(new() { Has = reporter.GetByRole(AriaRole.Heading, new() { Name = "Retire credits", Exact = true }) });
        await retire.GetByLabel("Account", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"{accountName} ({Whole(credits)} available)" });
        await retire.GetByLabel("Project", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = ProjectCode });
        await retire.GetByLabel("Vintage (year, optional: leave empty for any)").FillAsync(Vintage.ToString(CultureInfo.InvariantCulture));
        await retire.GetByLabel("Number of credits").FillAsync(Retired.ToString(CultureInfo.InvariantCulture));
        await retire.GetByLabel("Beneficiary (for whom)").FillAsync(beneficiary);
        await retire.GetByLabel("Purpose (what is offset)").FillAsync(purpose);
        await retire.GetByRole(AriaRole.Button, new() { Name = "Retire the credits", Exact = true }).ClickAsync();

        var notice = reporter.GetByRole(AriaRole.Status).Filter(new() { HasText = "credits are retired" });
        await Expect(notice).ToHaveTextAsync(new Regex($"^{Retired} credits are retired\\. Verification code: \\S+\\.$"));
        var retirement = reporter.Locator("section").Filter(new() { Has = reporter.GetByRole(AriaRole.Heading, new() { Name = "Retirement done", Exact = true }) });
        var code = (await Fact(retirement, "Verification code").InnerTextAsync()).Trim();
        code.Should().NotBeNullOrWhiteSpace();
        (await notice.InnerTextAsync()).Should().Contain(code, "the notice and the retirement name the same code");
        Log($"verification code {code}");
        await Expect(Fact(retirement, "Project")).ToHaveTextAsync($"{ProjectCode} · {ProjectTitle}");
        await Expect(Fact(retirement, "Credits")).ToHaveTextAsync($"{Retired} tCO2e");
        await Expect(Fact(retirement, "Beneficiary (for whom)")).ToHaveTextAsync(beneficiary);
        await Expect(Fact(retirement, "Purpose (what is offset)")).ToHaveTextAsync(purpose);
        // Serial numbers: project code, vintage, period and a six-digit number; the range holds the credits retired.
        var serials = (await Fact(retirement, "Serial numbers").InnerTextAsync()).Trim();
        var serialPattern = new Regex($@"^({Regex.Escape(ProjectCode)}-{Vintage}-P01-(\d{{6}}))\s*–\s*({Regex.Escape(ProjectCode)}-{Vintage}-P01-(\d{{6}}))\s*\((\d+)\)$");
        var range = serialPattern.Match(serials);
        range.Success.Should().BeTrue($"the serial numbers read as one range of {ProjectCode}-{Vintage}-P01-NNNNNN serials, not \"{serials}\"");
        var firstSerial = range.Groups[1].Value;
        var lastSerial = range.Groups[3].Value;
        (int.Parse(range.Groups[4].Value, CultureInfo.InvariantCulture) - int.Parse(range.Groups[2].Value, CultureInfo.InvariantCulture) + 1)
            .Should().Be(Retired, "the range holds the credits retired");
        range.Groups[5].Value.Should().Be(Retired.ToString(CultureInfo.InvariantCulture));
        int.Parse(range.Groups[4].Value, CultureInfo.InvariantCulture).Should().BeLessThanOrEqualTo((int)credits, "serials are numbered 1 to the credits issued");
        await Expect(creditsMain).ToContainTextAsync($"{Whole(credits - Retired)} available, {Retired} retired.");
        await ShotAsync(reporter, "credits-retired");

        // The certificate is rendered in the background; the page waits and reloads itself when it is there.
        var certificate = retirement.GetByRole(AriaRole.Link, new() { Name = "Download the certificate (PDF)", Exact = true });
        await Expect(certificate).ToBeVisibleAsync(new() { Timeout = 120_000 });
        await ExpectPdfAsync(reporter, await certificate.GetAttributeAsync("href") ?? "", "the retirement certificate");
        var retirements = TableWithColumn(reporter.Locator("main"), "Purpose (what is offset)");
        await Expect(RowOf(retirements, code)).ToContainTextAsync(beneficiary);
        await ShotAsync(reporter, "credits-certificate-ready");

        // ---- 7. The public looks the serial and the retirement up.
        var visitor = await NewPageAsync();
        (await GotoAsync(visitor, $"/public/credits?serial={Uri.EscapeDataString(firstSerial)}")).Status.Should().Be(200);
        var found = visitor.Locator("section").Filter(new() { Has = visitor.GetByRole(AriaRole.Heading, new() { Name = $"Credit {firstSerial}", Exact = true }) });
        await Expect(found).ToHaveCountAsync(1);
        await Expect(Fact(found, "State")).ToHaveTextAsync("Retired: it has been used and cannot be used again");
        await Expect(Fact(found, "Project")).ToHaveTextAsync($"{ProjectCode} — {ProjectTitle}");
        await Expect(Fact(found, "Host city")).ToHaveTextAsync(HostName);
        await Expect(Fact(found, "Vintage (year of the reduction)")).ToHaveTextAsync(Vintage.ToString(CultureInfo.InvariantCulture));
        await Expect(Fact(found, "Monitoring period")).ToContainTextAsync("Period 1");
        await Expect(Fact(found, "For (beneficiary)")).ToHaveTextAsync(beneficiary);
        await Expect(Fact(found, "Purpose")).ToHaveTextAsync(purpose);
        await Expect(Fact(found, "Verification code")).ToHaveTextAsync(code);
        await ShotAsync(visitor, "public-credit-serial");

        // A serial that was issued but not retired says so; one that does not exist says it is not found.
        var unretired = $"{ProjectCode}-{Vintage}-P01-{credits:000000}";
        if (unretired != lastSerial && !serials.Contains(unretired, StringComparison.Ordinal))
        {
            await GotoAsync(visitor, $"/public/credits?serial={Uri.EscapeDataString(unretired)}");
            await Expect(Fact(visitor.Locator("main"), "State")).ToHaveTextAsync("Issued: it can still be transferred or retired");
        }
        var unknown = $"{ProjectCode}-{Vintage}-P01-{credits + 1:000000}";
        await GotoAsync(visitor, $"/public/credits?serial={Uri.EscapeDataString(unknown)}");
        await Expect(visitor.GetByRole(AriaRole.Alert)).ToHaveTextAsync($"No credit has the serial number “{unknown}”. Check the number and try again.");

        (await GotoAsync(visitor, $"/public/credits?code={Uri.EscapeDataString(code)}")).Status.Should().Be(200);
        var byCode = visitor.Locator("section").Filter(new() { Has = visitor.GetByRole(AriaRole.Heading, new() { Name = $"Retirement {code}", Exact = true }) });
        await Expect(byCode).ToHaveCountAsync(1);
        await Expect(Fact(byCode, "Credits retired")).ToHaveTextAsync($"{Retired} t CO2e");
        await Expect(Fact(byCode, "For (beneficiary)")).ToHaveTextAsync(beneficiary);
        await Expect(Fact(byCode, "Purpose")).ToHaveTextAsync(purpose);
        await Expect(Fact(byCode, "Retired by")).ToHaveTextAsync(HostName);
        await Expect(Fact(byCode, "Serial numbers")).ToContainTextAsync($"{firstSerial} – {lastSerial} ({Retired})");
        // The certificate was rendered for the host city above; were it not, the page would wait for it and reload itself.
        await Expect(byCode.GetByRole(AriaRole.Status).Filter(new() { HasText = "The report is being prepared." }))
            .ToHaveCountAsync(0, new() { Timeout = 120_000 });
        var publicCertificate = byCode.GetByRole(AriaRole.Link, new() { Name = "Download the certificate (PDF)", Exact = true });
        await ExpectPdfAsync(visitor, await publicCertificate.GetAttributeAsync("href") ?? "", "the public retirement certificate");
        await ShotAsync(visitor, "public-credit-code");

        (await GotoAsync(visitor, "/public/reductions")).Status.Should().Be(200);
        var reductions = TableWithColumn(visitor.Locator("main"), "Credits issued");
        var chiller = reductions.GetByRole(AriaRole.Row).Filter(new() { HasText = ProjectCode });
        await Expect(chiller).ToHaveCountAsync(1);
        await Expect(await CellAsync(reductions, chiller, "Host city → partner city")).ToHaveTextAsync($"{HostName} → {PartnerName}");
        await Expect(await CellAsync(reductions, chiller, "Reductions (t CO2e)")).ToHaveTextAsync(Tonnes(correctedTonnes));
        await Expect(await CellAsync(reductions, chiller, "Credits issued")).ToHaveTextAsync(Whole(credits));
        await Expect(await CellAsync(reductions, chiller, "Verified")).ToContainTextAsync($"by {PartnerName} on");
        var solar = reductions.GetByRole(AriaRole.Row).Filter(new() { HasText = "SUB-PV-01" });
        await Expect(await CellAsync(reductions, solar, "Credits issued")).ToHaveTextAsync(Whole(Credits(SolarReductions)));
        // The total row (its label spans the first three columns): both periods.
        var total = RowOf(reductions, "Total");
        await Expect(total).ToContainTextAsync(Whole(credits + Credits(SolarReductions)));
        await Expect(total).ToContainTextAsync(Tonnes(correctedTonnes + SolarReductions));
        await Expect(reductions).Not.ToContainTextAsync("MDL-COMPOST-01");
        await ShotAsync(visitor, "public-reductions");

        (await GotoAsync(visitor, "/public")).Status.Should().Be(200);
        var cities = TableWithColumn(visitor.Locator("main"), "Latest year");
        await Expect(cities.GetByRole(AriaRole.Row).Filter(new() { HasText = HostName })).ToContainTextAsync("2022");
        await ShotAsync(visitor, "public-index");
        await cities.GetByRole(AriaRole.Row).Filter(new() { HasText = HostName }).GetByRole(AriaRole.Link, new() { Name = HostName }).ClickAsync();
        await visitor.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/public/{Host}/2022");
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"{HostName}: greenhouse gas inventory 2022");
        await Expect(Fact(visitor.Locator("main"), "State")).ToContainTextAsync("Published");
        await Expect(visitor.GetByRole(AriaRole.Img, new() { Name = "Year over year (tCO2e)", Exact = true }).Locator("svg")).ToBeVisibleAsync();
        await ShotAsync(visitor, "public-inventory");
        // Drafts are not public: 2023 (seeded draft) and 2024 (uploaded by UploadTests, never published).
        (await GotoAsync(visitor, $"/public/{Host}/2023")).Status.Should().Be(404);
        (await GotoAsync(visitor, $"/public/{Host}/2024")).Status.Should().Be(404);

        // ---- 8. The secretariat's pages.
        var secretariat = await NewPageAsync();
        await SignInAsync(secretariat, ExampleSeeder.SecretariatEmail);
        new Uri(secretariat.Url).AbsolutePath.Should().Be("/admin");
        var adminMain = secretariat.Locator("main");
        // Credits: SUB-PV-01's seeded issue and this test's; retired: only this test retires.
        await Expect(Fact(adminMain, "Credits issued (tCO2e)")).ToHaveTextAsync(Whole(Credits(SolarReductions) + credits));
        await Expect(Fact(adminMain, "Credits retired (tCO2e)")).ToHaveTextAsync(Whole(Retired));
        await Expect(Fact(adminMain, "Monitoring periods waiting for verification")).ToHaveTextAsync("0");
        await Expect(Fact(adminMain, "Cities")).ToHaveTextAsync("8");
        await ShotAsync(secretariat, "admin");

        await secretariat.GetByRole(AriaRole.Navigation, new() { Name = "Secretariat menu" }).GetByRole(AriaRole.Link, new() { Name = "Cities", Exact = true }).ClickAsync();
        await secretariat.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/admin/cities");
        var cityTable = secretariat.GetByRole(AriaRole.Table, new() { Name = "Cities: 8" });
        await Expect(cityTable).ToBeVisibleAsync();
        await Expect(await CellAsync(cityTable, RowOf(cityTable, Host), "Partner cities")).ToHaveTextAsync(PartnerName);
        await Expect(await CellAsync(cityTable, RowOf(cityTable, Partner), "Partner cities")).ToContainTextAsync(HostName);
        await ShotAsync(secretariat, "admin-cities");

        await GotoAsync(secretariat, "/admin/users");
        // The secretariat and a reporter and a verifier for each of the eight cities; no test adds accounts.
        var users = secretariat.GetByRole(AriaRole.Table, new() { Name = $"Accounts: {1 + 8 * 2}" });
        await Expect(users).ToBeVisibleAsync();
        await Expect(await CellAsync(users, RowOf(users, ExampleSeeder.ReporterEmail(Host)), "Role")).ToHaveTextAsync("Reporter");
        await Expect(await CellAsync(users, RowOf(users, ExampleSeeder.VerifierEmail(Partner)), "Role")).ToHaveTextAsync("Verifier");
        await Expect(await CellAsync(users, RowOf(users, ExampleSeeder.SecretariatEmail), "City")).ToHaveTextAsync("No city");
        await ShotAsync(secretariat, "admin-users");

        await GotoAsync(secretariat, "/admin/projects");
        var projects = TableWithColumn(secretariat.Locator("main"), "Monitoring periods");
        var chillerProject = projects.GetByRole(AriaRole.Row).Filter(new() { HasText = ProjectCode });
        await Expect(await CellAsync(projects, chillerProject, "Monitoring periods")).ToHaveTextAsync("Period 1 (version 1) verified");
        await Expect(await CellAsync(projects, chillerProject, "Host city → partner city")).ToHaveTextAsync($"{HostName} → {PartnerName}");
        await Expect(await CellAsync(projects, projects.GetByRole(AriaRole.Row).Filter(new() { HasText = "MDL-COMPOST-01" }), "Stage"))
            .ToHaveTextAsync("Feasibility study");
        await ShotAsync(secretariat, "admin-projects");

        await GotoAsync(secretariat, "/admin/registry");
        var registryMain = secretariat.Locator("main");
        await Expect(Fact(registryMain, "Issued")).ToHaveTextAsync(Whole(Credits(SolarReductions) + credits));
        await Expect(Fact(registryMain, "Retired")).ToHaveTextAsync(Whole(Retired));
        var movements = TableWithColumn(registryMain, "Serial numbers");
        var retiredRow = RowOf(movements, "Retired").Filter(new() { HasText = ProjectCode });
        await Expect(retiredRow).ToHaveCountAsync(1);
        await Expect(await CellAsync(movements, retiredRow, "Credits")).ToHaveTextAsync(Whole(Retired));
        await Expect(await CellAsync(movements, retiredRow, "Serial numbers")).ToHaveTextAsync($"{firstSerial} … {lastSerial} ({Retired})");
        var issuedRow = RowOf(movements, "Issued").Filter(new() { HasText = ProjectCode });
        await Expect(issuedRow).ToHaveCountAsync(1);
        await Expect(await CellAsync(movements, issuedRow, "Credits")).ToHaveTextAsync(Whole(credits));
        await Expect(await CellAsync(movements, issuedRow, "Serial numbers"))
            .ToHaveTextAsync($"{ProjectCode}-{Vintage}-P01-000001 … {ProjectCode}-{Vintage}-P01-{credits:000000} ({Whole(credits)})");
        await ShotAsync(secretariat, "admin-registry");

        await GotoAsync(secretariat, "/admin/platform-report");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var from = new DateOnly(Vintage, 1, 1);
        await secretariat.GetByLabel("From", new() { Exact = true }).FillAsync(from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await secretariat.GetByLabel("To", new() { Exact = true }).FillAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await ShotAsync(secretariat, "admin-platform-report");
        await secretariat.GetByRole(AriaRole.Button, new() { Name = "Make the report", Exact = true }).ClickAsync();
        await secretariat.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/admin/platform-report/status");
        await Expect(Fact(secretariat.Locator("main"), "Period")).ToHaveTextAsync(
            $"{from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} – {today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        await ShotAsync(secretariat, "admin-platform-report-waiting");
        // The page polls the report's address and reloads itself when the PDF is there.
        await Expect(secretariat.GetByRole(AriaRole.Status).Filter(new() { HasText = "The report is ready." })).ToBeVisibleAsync(new() { Timeout = 120_000 });
        var platformPdf = secretariat.GetByRole(AriaRole.Link, new() { Name = "Download the PDF", Exact = true });
        await ExpectPdfAsync(secretariat, await platformPdf.GetAttributeAsync("href") ?? "", "the platform report");
        await ShotAsync(secretariat, "admin-platform-report-ready");
        await GotoAsync(secretariat, "/admin/platform-report");
        // The report is listed with the stored ones.
        await Expect(RowOf(TableWithColumn(secretariat.Locator("main"), "Download"),
            $"{from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} – {today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}")).ToHaveCountAsync(1);

        // ---- 9. Other cities' staff cannot reach any of it.
        var surabaya = await NewPageAsync();
        await SignInAsync(surabaya, ExampleSeeder.ReporterEmail("surabaya"));
        foreach (var path in new[]
                 {
                     $"/city/{Host}/periods/{periodId}", $"/city/{Host}/credits", $"/city/{Host}/credits?retired={Uri.EscapeDataString(code)}",
                     $"/city/{Host}/projects/{projectId}", $"/city/{Host}/upload", $"/city/{Host}/inventories/2023",
                 })
        {
            var response = await GotoAsync(surabaya, path);
            response.Status.Should().Be(404, $"a reporter of Surabaya must not reach {path}");
            await Expect(surabaya.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Not found");
            await Expect(surabaya.Locator("main")).Not.ToContainTextAsync(ProjectCode);
            await Expect(surabaya.Locator("main")).Not.ToContainTextAsync(code);
            if (path.Contains("/periods/", StringComparison.Ordinal)) await ShotAsync(surabaya, "isolation-surabaya-period-not-found");
        }
        foreach (var path in new[] { "/verify", $"/verify/{periodId}", "/admin" })
        {
            await GotoAsync(surabaya, path);
            new Uri(surabaya.Url).AbsolutePath.Should().Be("/account/denied", $"a reporter is not let into {path}");
            await Expect(surabaya.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Not for your account");
        }
        // Verifiers of a city that is not the partner (Osaka), and of the host city itself, do not see the period.
        foreach (var city in new[] { "osaka", Host })
        {
            var other = await NewPageAsync();
            await SignInAsync(other, ExampleSeeder.VerifierEmail(city));
            (await GotoAsync(other, $"/verify/{periodId}")).Status.Should().Be(404, $"a verifier of {city} is not the partner of {ProjectCode}");
            await Expect(other.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Not found");
            if (city == "osaka") await ShotAsync(other, "isolation-osaka-verifier-not-found");
            await GotoAsync(other, "/verify");
            await Expect(other.Locator("main")).Not.ToContainTextAsync(ProjectCode);
        }

        // ---- 10. At phone width: the retirement (long serial numbers), the review page and the public lookup fit.
        var phoneReporter = await NewPageAsync(Phone);
        await SignInAsync(phoneReporter, ExampleSeeder.ReporterEmail(Host));
        await GotoAsync(phoneReporter, $"/city/{Host}/credits?retired={Uri.EscapeDataString(code)}");
        await Expect(phoneReporter.GetByRole(AriaRole.Heading, new() { Name = "Retirement done" })).ToBeVisibleAsync();
        await ShotAsync(phoneReporter, "phone-credits-retirement");
        var phonePeriod = await phoneReporter.Context.NewPageAsync();
        await GotoAsync(phonePeriod, $"/city/{Host}/periods/{periodId}");
        await Expect(Fact(phonePeriod.Locator("main"), "State")).ToHaveTextAsync("Verified");
        await ShotAsync(phonePeriod, "phone-period-verified");
        var phoneVerifier = await NewPageAsync(Phone);
        await SignInAsync(phoneVerifier, ExampleSeeder.VerifierEmail(Partner));
        await GotoAsync(phoneVerifier, $"/verify/{periodId}");
        await ShotAsync(phoneVerifier, "phone-verify-period");
        var phoneVisitor = await NewPageAsync(Phone);
        await GotoAsync(phoneVisitor, $"/public/credits?code={Uri.EscapeDataString(code)}");
        await ShotAsync(phoneVisitor, "phone-public-credit-code");
        var misfits = new List<string>();
        foreach (var phone in new[] { phoneReporter, phonePeriod, phoneVerifier, phoneVisitor })
        {
            try
            {
                await ShouldFitThePhoneAsync(phone);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                misfits.Add(e.Message);
            }
        }
        pageProblems.AddRange(misfits);

        if (pageProblems.Count > 0)
            Assert.Fail($"The walk reached its end, but the pages had {pageProblems.Count} problem(s) on the way (the walk went on around them):\n- "
                + string.Join("\n- ", pageProblems));
    }

    private const string ProjectTitle = "High-efficiency chillers in a shopping mall (example)";

    /// <summary>The rows of <paramref name="table"/> with a link named exactly <paramref name="name"/>.</summary>
    private static ILocator RowWithLink(ILocator table, string name) =>
        table.GetByRole(AriaRole.Row).Filter(new() { Has = table.Page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }) });

    /// <summary>A full-page screenshot named in walking order (workflow-NN-name); notes ids the page uses twice.</summary>
    private async Task ShotAsync(IPage page, string name)
    {
        await ScreenshotAsync(page, $"workflow-{++shot:00}-{name}");
        foreach (var duplicate in await DuplicateIdsAsync(page))
        {
            var problem = $"{new Uri(page.Url).AbsolutePath}: {duplicate}";
            if (!pageProblems.Contains(problem)) pageProblems.Add(problem);
        }
    }

    /// <summary>The meter log attached as evidence: 12 monthly readings that add up to the corrected EC_PJ.</summary>
    private static string MeterLog()
    {
        var text = new StringBuilder("month,chiller,energy_mwh\n");
        decimal[] months = [82m, 86m, 98m, 108m, 120m, 126m, 128m, 127m, 116m, 102m, 88m, 69m];
        months.Sum().Should().Be(CorrectedMwh, "the meter log supports the corrected value");
        for (var m = 0; m < months.Length; m++)
            text.Append(CultureInfo.InvariantCulture, $"{Vintage}-{m + 1:00},chiller-1,{months[m]}\n");
        return text.ToString();
    }

    /// <summary>Tonnes as the pages write them: three decimals, rounded half away from zero, thousands separated.</summary>
    private static string Tonnes(decimal tonnes) =>
        decimal.Round(tonnes, 3, MidpointRounding.AwayFromZero).ToString("#,##0.000", CultureInfo.InvariantCulture);

    /// <summary>A value with every digit it has, as the verifier's page writes it (1,250; 0.6592; 6.2).</summary>
    private static string Exact(decimal value) => value.ToString("#,##0.############################", CultureInfo.InvariantCulture);

    /// <summary>A value as typed in the monitoring form (no separators).</summary>
    private static string Plain(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    private static string Whole(long value) => value.ToString("#,##0", CultureInfo.InvariantCulture);
}
