using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using GhgReporting.Api.Tests.Service;

namespace GhgReporting.Api.Tests.Web;

/// <summary>
/// The public pages: published inventories only (a year with drafts only does not exist, whoever asks), verified
/// reductions only, and the credit checks by serial number and by retirement verification code, with a clear
/// message naming what was typed when nothing matches.
/// </summary>
public sealed class PublicPagesTests(PublicPagesTests.Factory factory) : IClassFixture<PublicPagesTests.Factory>
{
    public sealed class Factory : ServiceFactory;

    // Viet Nam grid emission factors (Department of Climate Change, MONRE): 2022 0.6766 t CO2/MWh
    // (grid.vn.dcc.2022.co2), 2021 0.7221 t CO2/MWh (grid.vn.dcc.2021.co2).
    private const decimal VietNamGrid2022 = 0.6766m;

    private static string Tonnes(decimal t) => t.ToString("#,##0.000", CultureInfo.InvariantCulture);

    private static string Grid(decimal mwh, string gpc = "I.1.2", int year = 2022) =>
        Service.Uploads.Csv($"{gpc},electricity:grid,{mwh},MWh,{year}-01-01,{year}-12-31,high,EVN invoices");

    private static async Task<string> TextAsync(PageClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var (status, html) = await client.GetAsync(url);
        status.Should().Be(expected, $"GET {url}");
        return WebUtility.HtmlDecode(html);
    }

    private static async Task UploadAndCalculateAsync(HttpClient reporter, string city, int year, string csv)
    {
        await (await reporter.PostCsvAsync(city, year, csv)).ShouldAnswerJsonAsync(HttpStatusCode.Created);
        await (await reporter.PostAsJsonAsync($"/api/cities/{city}/inventories/{year}/calculate", new { })).ShouldAnswerJsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Inventory_ShowsThePublishedVersionOnly_AndADraftOnlyYearIsNotFound()
    {
        const string city = "pub-inv";
        var (reporterEmail, _) = await factory.AddCityAsync(city, "VN", "Hai Phong (pub)");
        var (otherEmail, _) = await factory.AddCityAsync("pub-other", "VN", "Other City (pub)");
        using var reporter = await factory.SignInAsync(reporterEmail);
        // 2022 version 1: 1,000 MWh of grid electricity, published. Version 2 adds 500 MWh and stays a draft.
        await UploadAndCalculateAsync(reporter, city, 2022, Grid(1_000m));
        await (await reporter.PostAsync($"/api/cities/{city}/inventories/2022/versions/1/publish", null)).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        await UploadAndCalculateAsync(reporter, city, 2022, Grid(500m, "I.2.2"));
        // 2021: a draft only.
        await UploadAndCalculateAsync(reporter, city, 2021, Grid(1_000m, year: 2021));
        var published = Tonnes(1_000m * VietNamGrid2022);
        var draft = Tonnes((1_000m + 500m) * VietNamGrid2022);

        using var anonymous = PageClient.Anonymous(factory);
        var index = await TextAsync(anonymous, "/public");
        index.Should().Contain("Hai Phong (pub)").And.Contain($"/public/{city}/2022").And.Contain(published)
            .And.NotContain(draft).And.NotContain($"/public/{city}/2021").And.NotContain("Other City (pub)", "it has published nothing");

        var page = await TextAsync(anonymous, $"/public/{city}/2022");
        page.Should().Contain("Hai Phong (pub)").And.Contain(published).And.NotContain(draft)
            .And.Contain($"/api/cities/{city}/inventories/2022/versions/1/report.pdf")
            .And.Contain("data-wait-for=", "the report is being rendered (no job server in tests)");

        (await anonymous.GetAsync($"/public/{city}/2021")).Status.Should().Be(HttpStatusCode.NotFound);
        using var otherCity = await PageClient.SignInAsync(factory, otherEmail);
        (await otherCity.GetAsync($"/public/{city}/2021")).Status.Should().Be(HttpStatusCode.NotFound, "another city's user reads published data only");
        (await TextAsync(otherCity, $"/public/{city}/2022")).Should().Contain(published).And.NotContain(draft);
        using var ownCity = await PageClient.SignInAsync(factory, reporterEmail);
        (await ownCity.GetAsync($"/public/{city}/2021")).Status.Should().Be(HttpStatusCode.NotFound, "the public page is the same for everyone");
        (await anonymous.GetAsync("/public/no-such-city/2022")).Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Reductions_ListsVerifiedPeriods_NotPendingOnes()
    {
        using var s = await ProjectFlowScenario.CreateAsync(factory, "pubred");
        // 1,000 + 500 MWh × 0.533 t/MWh (JCM Indonesia Jamali, Case 2) = 799.5 t → 799 credits.
        var (projectId, periodId, _) = await s.VerifiedProjectAsync(1_000m, 500m);
        var pending = await s.PendingPeriodAsync(projectId, 2025);

        using var anonymous = PageClient.Anonymous(factory);
        var page = await TextAsync(anonymous, "/public/reductions");
        page.Should().Contain(s.Code).And.Contain("Surabaya (pubred) → Kitakyushu (pubred)").And.Contain("2024-01-01")
            .And.Contain(Tonnes(ProjectFlowScenario.Reductions(1_000m, 500m))).And.Contain($">{ProjectFlowScenario.Credits(1_000m, 500m)}<")
            .And.Contain($"/api/periods/{periodId}/report.pdf").And.Contain("Verified means checked by someone else").And.Contain("Total");
        page.Should().NotContain(pending.ToString()).And.NotContain("2025-01-01", "a submitted period is not verified");
    }

    [Fact]
    public async Task Credits_SerialAndCodeLookups_FindOrSayClearlyWhatWasNotFound()
    {
        using var s = await ProjectFlowScenario.CreateAsync(factory, "pubcr");
        var (projectId, _, accountId) = await s.VerifiedProjectAsync(1_000m, 500m);
        using var anonymous = PageClient.Anonymous(factory);

        // Serial 500 is issued and still in the project's account, held by the host city.
        var issued = await TextAsync(anonymous, $"/public/credits?serial={s.Serial(500)}");
        issued.Should().Contain($"Credit {s.Serial(500)}").And.Contain("Issued").And.Contain(s.Code).And.Contain("Rooftop solar PV on municipal markets")
            .And.Contain("Surabaya (pubcr)").And.Contain("2024");

        // 799 credits were issued; serial 800 does not exist. A malformed one says what a serial number looks like.
        (await TextAsync(anonymous, $"/public/credits?serial={s.Serial(800)}")).Should().Contain($"No credit has the serial number “{s.Serial(800)}”.");
        (await TextAsync(anonymous, "/public/credits?serial=hello-123")).Should().Contain("“hello-123” is not a serial number.");
        (await TextAsync(anonymous, "/public/credits?serial=")).Should().Contain("Type a serial number");

        // Retire 10 (the lowest serials, 1 to 10) for a named beneficiary.
        var retired = await (await s.HostReporter.PostAsJsonAsync($"/api/accounts/{accountId}/retirements",
            new { projectId, quantity = 10, beneficiary = "Kitakyushu Eco-Life Stage", purpose = "Offset of the 2025 festival's generators" }))
            .ShouldAnswerJsonAsync(HttpStatusCode.Created);
        var code = (string)retired["verificationCode"]!;

        var byCode = await TextAsync(anonymous, $"/public/credits?code={Uri.EscapeDataString(code)}");
        byCode.Should().Contain($"Retirement {code}").And.Contain("Kitakyushu Eco-Life Stage").And.Contain("Offset of the 2025 festival's generators")
            .And.Contain(s.Serial(1)).And.Contain(s.Serial(10)).And.Contain($"/api/retirements/{code}/certificate.pdf");
        var retiredCredit = await TextAsync(anonymous, $"/public/credits?serial={s.Serial(3).ToLowerInvariant()}");
        retiredCredit.Should().Contain("Retired").And.Contain("Kitakyushu Eco-Life Stage").And.Contain(code);
        (await TextAsync(anonymous, "/public/credits?code=NOPE-NOPE")).Should().Contain("No retirement has the verification code “NOPE-NOPE”.");
    }
}
