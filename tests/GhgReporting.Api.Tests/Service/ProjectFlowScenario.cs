using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace GhgReporting.Api.Tests.Service;

/// <summary>
/// The cast of a joint project over HTTP, each scenario with cities of its own (so tests do not share rows): a
/// host city in Indonesia, its Japanese partner city whose verifier verifies, and a buyer city; signed-in clients
/// for each role; and the steps of the monitoring workflow as the API is called for them.
/// The project applies the rooftop solar PV methodology: RE = Σ EG_i × EF_RE, PE = 0, ER = RE
/// (/work/shared/reference/methodologies.md §2, JCM "Installation of Solar PV System").
/// </summary>
public sealed class ProjectFlowScenario : IDisposable
{
    /// <summary>EF_RE: JCM Indonesia, Jamali grid, Case 2, 0.533 t CO2/MWh ("Additional information on calculating
    /// the emission factors of Indonesian electricity grids", catalog row grid.id_jamali.jcm.case2.co2).</summary>
    public const decimal JamaliCase2 = 0.533m;

    private ProjectFlowScenario(ServiceFactory factory, string prefix) => (Factory, Prefix) = (factory, prefix);

    public ServiceFactory Factory { get; }

    public string Prefix { get; }

    public string Host => $"{Prefix}-surabaya";

    public string Partner => $"{Prefix}-kitakyushu";

    public string Buyer => $"{Prefix}-yokohama";

    /// <summary>The project's public code; it begins every serial number.</summary>
    public string Code => $"{Prefix.ToUpperInvariant()}-PV";

    public HttpClient Secretariat { get; private set; } = null!;

    public HttpClient HostReporter { get; private set; } = null!;

    public HttpClient HostVerifier { get; private set; } = null!;

    public HttpClient PartnerVerifier { get; private set; } = null!;

    public HttpClient BuyerReporter { get; private set; } = null!;

    public HttpClient Anonymous { get; private set; } = null!;

    /// <summary>Reductions of one period in t CO2e, computed here from the inputs: Σ EG_i × EF_RE.</summary>
    public static decimal Reductions(params decimal[] generationMwh) => generationMwh.Sum() * JamaliCase2;

    /// <summary>Whole credits: the reductions rounded down once (issue 4, "Credits are whole tonnes").</summary>
    public static long Credits(params decimal[] generationMwh) => (long)decimal.Floor(Reductions(generationMwh));

    /// <summary>Three cities (host and partner linked by the secretariat) and a signed-in client per role.</summary>
    public static async Task<ProjectFlowScenario> CreateAsync(ServiceFactory factory, string prefix)
    {
        var s = new ProjectFlowScenario(factory, prefix);
        var (hostReporter, hostVerifier) = await factory.AddCityAsync(s.Host, "ID", $"Surabaya ({prefix})");
        var (_, partnerVerifier) = await factory.AddCityAsync(s.Partner, "JP", $"Kitakyushu ({prefix})", climate: null);
        var (buyerReporter, _) = await factory.AddCityAsync(s.Buyer, "JP", $"Yokohama ({prefix})", climate: null);
        s.Secretariat = await factory.SecretariatAsync();
        (await s.Secretariat.PostAsJsonAsync($"/api/cities/{s.Host}/partners", new { partnerCityId = s.Partner, description = "Green Sister City cooperation" }))
            .StatusCode.Should().Be(HttpStatusCode.Created);
        s.HostReporter = await factory.SignInAsync(hostReporter);
        s.HostVerifier = await factory.SignInAsync(hostVerifier);
        s.PartnerVerifier = await factory.SignInAsync(partnerVerifier);
        s.BuyerReporter = await factory.SignInAsync(buyerReporter);
        s.Anonymous = factory.CreateClient();
        return s;
    }

    /// <summary>The solar PV methodology as GET /api/methodologies lists it (the one whose parameters are EG and EF_RE).</summary>
    public async Task<(string Id, string Version)> SolarPvMethodologyAsync()
    {
        var all = await (await Anonymous.GetAsync("/api/methodologies")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        var pv = all.AsArray().Single(m => m!["parameters"]!.AsArray().Select(p => (string)p!["name"]!).Order().SequenceEqual(["EF_RE", "EG"]))!;
        ((string)pv["title"]!).Should().Contain("solar PV");
        return ((string)pv["id"]!, (string)pv["version"]!);
    }

    /// <summary>Registers the project as the secretariat; returns its id.</summary>
    public async Task<Guid> RegisterProjectAsync()
    {
        var (id, version) = await SolarPvMethodologyAsync();
        var response = await Secretariat.PostAsJsonAsync("/api/projects", new
        {
            code = Code, hostCityId = Host, partnerCityId = Partner, title = "Rooftop solar PV on municipal markets", sector = "Renewable energy",
            methodologyId = id, methodologyVersion = version,
            exAnte = new[] { new { name = "EF_RE", index = (string?)null, value = JamaliCase2, unit = "t/MWh", source = "JCM Indonesia grid EF additional information, Jamali Case 2" } },
            creditingStart = "2024-01-01", creditingEnd = "2030-12-31", stage = "operating", fundingScheme = "JCM Model Project",
            coBenefits = "Lower market electricity bills", outcomes = "Market operators trained in PV maintenance",
        });
        return (Guid)(await response.ShouldAnswerJsonAsync(HttpStatusCode.Created))["id"]!;
    }

    public async Task<Guid> CreatePeriodAsync(Guid projectId, int year, HttpClient? client = null)
    {
        var response = await (client ?? HostReporter).PostAsJsonAsync($"/api/projects/{projectId}/periods", new { periodStart = $"{year}-01-01", periodEnd = $"{year}-12-31" });
        var period = await response.ShouldAnswerJsonAsync(HttpStatusCode.Created);
        ((string)period["state"]!).Should().Be("draft");
        return (Guid)period["id"]!;
    }

    /// <summary>The metered AC output of the two rooftop systems (monitoring option C).</summary>
    public static object[] Generation(decimal roofA, decimal roofB) =>
    [
        new { name = "EG", index = "market-a", value = roofA, unit = "MWh", monitoringOption = "C", source = "Inverter meter log", measurementMethod = "Revenue-grade AC meter, read monthly" },
        new { name = "EG", index = "market-b", value = roofB, unit = "MWh", monitoringOption = "C", source = "Inverter meter log", measurementMethod = "Revenue-grade AC meter, read monthly" },
    ];

    public Task<HttpResponseMessage> SetGenerationAsync(Guid periodId, decimal roofA, decimal roofB, HttpClient? client = null) =>
        (client ?? HostReporter).PutAsJsonAsync($"/api/periods/{periodId}/parameters", Generation(roofA, roofB));

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, Guid periodId, string step, object? body = null) =>
        client.PostAsJsonAsync($"/api/periods/{periodId}/{step}", body ?? new { });

    /// <summary>Submit → review → verify, each answered 200; returns the verified period.</summary>
    public async Task<JsonNode> SubmitAndVerifyAsync(Guid periodId)
    {
        await (await PostAsync(HostReporter, periodId, "submit")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        await (await PostAsync(PartnerVerifier, periodId, "review")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        return await (await PostAsync(PartnerVerifier, periodId, "verify", new { summary = "Meter logs match the invoices." })).ShouldAnswerJsonAsync(HttpStatusCode.OK);
    }

    /// <summary>A registered project with one verified 2024 period; returns the project and the id of its account.</summary>
    public async Task<(Guid ProjectId, Guid PeriodId, Guid AccountId)> VerifiedProjectAsync(decimal roofA, decimal roofB)
    {
        var projectId = await RegisterProjectAsync();
        var periodId = await CreatePeriodAsync(projectId, 2024);
        await (await SetGenerationAsync(periodId, roofA, roofB)).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        var verified = await SubmitAndVerifyAsync(periodId);
        ((long)verified["credits"]!).Should().Be(Credits(roofA, roofB));
        return (projectId, periodId, await ProjectAccountIdAsync());
    }

    /// <summary>A submitted period of <paramref name="year"/> (waiting for its verifier) of a registered project.</summary>
    public async Task<Guid> PendingPeriodAsync(Guid projectId, int year)
    {
        var periodId = await CreatePeriodAsync(projectId, year);
        await (await SetGenerationAsync(periodId, 100m, 100m)).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        await (await PostAsync(HostReporter, periodId, "submit")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        return periodId;
    }

    public async Task<Guid> ProjectAccountIdAsync()
    {
        var accounts = await (await HostReporter.GetAsync($"/api/cities/{Host}/accounts")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        return (Guid)accounts.AsArray().Single(a => (string)a!["kind"]! == "project")!["accountId"]!;
    }

    public async Task<Guid> BuyerAccountIdAsync()
    {
        var accounts = await (await BuyerReporter.GetAsync($"/api/cities/{Buyer}/accounts")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        return (Guid)accounts.AsArray().Single(a => (string)a!["kind"]! == "city")!["accountId"]!;
    }

    public string Serial(long serial, int vintage = 2024, int period = 1) => $"{Code}-{vintage}-P{period:00}-{serial:000000}";

    public void Dispose()
    {
        foreach (var client in new[] { Secretariat, HostReporter, HostVerifier, PartnerVerifier, BuyerReporter, Anonymous }) client?.Dispose();
    }
}
