using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace GhgReporting.Api.Tests.Service;

/// <summary>
/// City isolation (DESIGN.md, "Who uses it"): a reporter of one city gets 404 on another city's unpublished
/// data and 403 on writing to it; verifiers never write; the public reads only what is published; the
/// secretariat may act for a city and the audit log says so.
/// </summary>
public sealed class IsolationTests(IsolationTests.Factory factory) : IClassFixture<IsolationTests.Factory>
{
    public sealed class Factory : ServiceFactory;

    // Viet Nam grid emission factor 2022: 0.6766 tCO2/MWh (DCC/MONRE letter 327/BĐKH-PTCBT; grid.vn.dcc.2022.co2).
    private const decimal VietNamGrid2022 = 0.6766m;

    private const string GridRow = "I.1.2,electricity:grid,1000,MWh,2022-01-01,2022-12-31,high,EVN invoices";

    /// <summary>A VN city with one 2022 upload of 1,000 MWh and a calculated draft inventory (version 1).</summary>
    private async Task<(string Reporter, string Verifier, Guid SubmissionId)> CityWithDraftAsync(string id)
    {
        var (reporterEmail, verifierEmail) = await factory.AddCityAsync(id, "VN", $"City {id}");
        using var reporter = await factory.SignInAsync(reporterEmail);
        var upload = await (await reporter.PostCsvAsync(id, 2022, Uploads.Csv(GridRow))).ShouldAnswerJsonAsync(HttpStatusCode.Created);
        var calculated = await (await reporter.PostAsJsonAsync($"/api/cities/{id}/inventories/2022/calculate", new { }))
            .ShouldAnswerJsonAsync(HttpStatusCode.Created);
        ((string)calculated["state"]!).Should().Be("draft");
        return (reporterEmail, verifierEmail, (Guid)upload["submission"]!["id"]!);
    }

    /// <summary>Every read of a city's unpublished data: submissions, records, inventory, trace, exports.</summary>
    private static string[] UnpublishedUrls(string city, Guid submission) =>
    [
        $"/api/cities/{city}/submissions",
        $"/api/cities/{city}/submissions?year=2022",
        $"/api/cities/{city}/submissions/{submission}",
        $"/api/cities/{city}/submissions/{submission}/records",
        $"/api/cities/{city}/inventories/2022",
        $"/api/cities/{city}/inventories/2022/versions/1",
        $"/api/cities/{city}/inventories/2022/versions/1/lines/1",
        $"/api/cities/{city}/inventories/2022/versions/1/lines/1/records",
        $"/api/cities/{city}/inventories/2022/versions/1/export.csv",
        $"/api/cities/{city}/inventories/2022/versions/1/export.json",
    ];

    [Fact]
    public async Task Read_ReporterOfAnotherCity_Gets404OnEveryUnpublishedRead()
    {
        await CityWithDraftAsync("iso-read-a");
        var (reporterB, _, submissionB) = await CityWithDraftAsync("iso-read-b");
        using var reporterA = await factory.SignInAsync("reporter.iso-read-a@test.example");
        using var ownReporter = await factory.SignInAsync(reporterB);

        foreach (var url in UnpublishedUrls("iso-read-b", submissionB))
        {
            // The same address answers B's own reporter, so the 404 is the isolation rule, not a wrong route.
            (await ownReporter.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.OK, url);
            await (await reporterA.GetAsync(url)).ShouldAnswerProblemAsync(HttpStatusCode.NotFound, url);
        }

        // Lists answer, but hold nothing unpublished.
        var versions = await (await reporterA.GetAsync("/api/cities/iso-read-b/inventories")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        versions.AsArray().Should().BeEmpty();
        var series = await (await reporterA.GetAsync("/api/cities/iso-read-b/inventories/series")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        series["points"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task Write_ReporterOfAnotherCity_Gets403AndNothingChanges()
    {
        await CityWithDraftAsync("iso-write-a");
        var (reporterB, _, _) = await CityWithDraftAsync("iso-write-b");
        using var reporterA = await factory.SignInAsync("reporter.iso-write-a@test.example");

        await (await reporterA.PostCsvAsync("iso-write-b", 2022, Uploads.Csv("I.2.2,electricity:grid,5000,MWh,2022-01-01,2022-12-31,high,forged")))
            .ShouldAnswerProblemAsync(HttpStatusCode.Forbidden);
        await (await reporterA.PostAsJsonAsync("/api/cities/iso-write-b/inventories/2022/calculate", new { gwpSet = "AR6" }))
            .ShouldAnswerProblemAsync(HttpStatusCode.Forbidden);
        // A's reporter may not even see B's draft, so publishing it is answered as if it did not exist.
        await (await reporterA.PostAsync("/api/cities/iso-write-b/inventories/2022/versions/1/publish", null))
            .ShouldAnswerProblemAsync(HttpStatusCode.NotFound);

        using var ownReporter = await factory.SignInAsync(reporterB);
        (await ownReporter.GetFromJsonAsync<JsonArray>("/api/cities/iso-write-b/submissions"))!.Should().HaveCount(1);
        var versions = (await ownReporter.GetFromJsonAsync<JsonArray>("/api/cities/iso-write-b/inventories"))!;
        versions.Should().ContainSingle();
        ((string)versions[0]!["state"]!).Should().Be("draft");
        ((decimal)versions[0]!["basicCo2e"]!).Should().Be(1_000m * VietNamGrid2022);
    }

    [Fact]
    public async Task Write_VerifierOfOwnCity_Gets403ButReads()
    {
        var (_, verifierEmail, submission) = await CityWithDraftAsync("iso-verifier");
        using var verifier = await factory.SignInAsync(verifierEmail);

        var problem = await (await verifier.PostCsvAsync("iso-verifier", 2022, Uploads.Csv("I.2.2,electricity:grid,10,MWh,2022-01-01,2022-12-31,high,x")))
            .ShouldAnswerProblemAsync(HttpStatusCode.Forbidden);
        ((string)problem["detail"]!).Should().Contain("Verifiers review data");
        await (await verifier.PostAsJsonAsync("/api/cities/iso-verifier/inventories/2022/calculate", new { gwpSet = "AR4" }))
            .ShouldAnswerProblemAsync(HttpStatusCode.Forbidden);
        await (await verifier.PostAsync("/api/cities/iso-verifier/inventories/2022/versions/1/publish", null))
            .ShouldAnswerProblemAsync(HttpStatusCode.Forbidden);

        // Reviewing needs reading: the city's verifier sees its unpublished data.
        foreach (var url in UnpublishedUrls("iso-verifier", submission))
            (await verifier.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.OK, url);
        var draft = await verifier.GetFromJsonAsync<JsonNode>("/api/cities/iso-verifier/inventories/2022");
        ((string)draft!["version"]!["state"]!).Should().Be("draft");
    }

    [Fact]
    public async Task Anonymous_WritesOrReadsUnpublished_Gets401Or404()
    {
        var (_, _, submission) = await CityWithDraftAsync("iso-anonymous");
        using var anonymous = factory.CreateClient();

        await (await anonymous.PostCsvAsync("iso-anonymous", 2022, Uploads.Csv(GridRow.Replace("1000", "999"))))
            .ShouldAnswerProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.PostAsJsonAsync("/api/cities/iso-anonymous/inventories/2022/calculate", new { }))
            .ShouldAnswerProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.PostAsync("/api/cities/iso-anonymous/inventories/2022/versions/1/publish", null))
            .ShouldAnswerProblemAsync(HttpStatusCode.Unauthorized);
        foreach (var url in UnpublishedUrls("iso-anonymous", submission))
            await (await anonymous.GetAsync(url)).ShouldAnswerProblemAsync(HttpStatusCode.NotFound, url);
    }

    [Fact]
    public async Task Publish_ByOwnReporter_PublicAndOtherCityReadOnlyThePublishedVersion()
    {
        await CityWithDraftAsync("iso-pub-a");
        var (reporterB, _, _) = await CityWithDraftAsync("iso-pub-b");
        using var ownReporter = await factory.SignInAsync(reporterB);
        var published = await (await ownReporter.PostAsync("/api/cities/iso-pub-b/inventories/2022/versions/1/publish", null))
            .ShouldAnswerJsonAsync(HttpStatusCode.OK);
        ((string)published["state"]!).Should().Be("published");

        // A later upload and calculation make a draft version 2 that stays private.
        (await ownReporter.PostCsvAsync("iso-pub-b", 2022, Uploads.Csv("I.2.2,electricity:grid,500,MWh,2022-01-01,2022-12-31,high,EVN"))).EnsureSuccessStatusCode();
        var draft = await (await ownReporter.PostAsJsonAsync("/api/cities/iso-pub-b/inventories/2022/calculate", new { })).ShouldAnswerJsonAsync(HttpStatusCode.Created);
        ((int)draft["version"]!).Should().Be(2);

        using var anonymous = factory.CreateClient();
        using var reporterA = await factory.SignInAsync("reporter.iso-pub-a@test.example");
        foreach (var (who, client) in new[] { ("anonymous", anonymous), ("reporter of A", reporterA) })
        {
            var v1 = await (await client.GetAsync("/api/cities/iso-pub-b/inventories/2022/versions/1")).ShouldAnswerJsonAsync(HttpStatusCode.OK, who);
            ((string)v1["version"]!["state"]!).Should().Be("published", who);
            ((decimal)v1["version"]!["basicCo2e"]!).Should().Be(1_000m * VietNamGrid2022, who);
            // "Latest" for them is the latest published version, not the draft.
            var latest = await (await client.GetAsync("/api/cities/iso-pub-b/inventories/2022")).ShouldAnswerJsonAsync(HttpStatusCode.OK, who);
            ((int)latest["version"]!["version"]!).Should().Be(1, who);
            await (await client.GetAsync("/api/cities/iso-pub-b/inventories/2022/versions/2")).ShouldAnswerProblemAsync(HttpStatusCode.NotFound, who);

            var csv = await client.GetAsync("/api/cities/iso-pub-b/inventories/2022/versions/1/export.csv");
            csv.StatusCode.Should().Be(HttpStatusCode.OK, who);
            (await csv.Content.ReadAsStringAsync()).Should().StartWith("gpc_reference,sector,sub_sector,scope", who);
            (await client.GetAsync("/api/cities/iso-pub-b/inventories/2022/versions/1/export.json")).StatusCode.Should().Be(HttpStatusCode.OK, who);
            (await client.GetAsync("/api/cities/iso-pub-b/inventories/2022/versions/1/lines/1")).StatusCode.Should().Be(HttpStatusCode.OK, who);

            var series = await (await client.GetAsync("/api/cities/iso-pub-b/inventories/series")).ShouldAnswerJsonAsync(HttpStatusCode.OK, who);
            var point = series["points"]!.AsArray().Should().ContainSingle(who).Subject!;
            ((int)point["version"]!).Should().Be(1, who);
            ((string)point["state"]!).Should().Be("published", who);
            var list = await (await client.GetAsync("/api/cities/iso-pub-b/inventories")).ShouldAnswerJsonAsync(HttpStatusCode.OK, who);
            list.AsArray().Select(v => (int)v!["version"]!).Should().Equal([1], who);
        }

        // The city's own reporter sees the draft as the latest point.
        var ownSeries = (await ownReporter.GetFromJsonAsync<JsonNode>("/api/cities/iso-pub-b/inventories/series"))!;
        ((int)ownSeries["points"]![0]!["version"]!).Should().Be(2);
        ((string)ownSeries["points"]![0]!["state"]!).Should().Be("draft");

        // Published data is readable, not writable: publishing again as another city's reporter is refused.
        await (await reporterA.PostAsync("/api/cities/iso-pub-b/inventories/2022/versions/1/publish", null)).ShouldAnswerProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Upload_BySecretariatForCity_IsProxyAndAuditSaysSo()
    {
        var (reporterAEmail, _) = await factory.AddCityAsync("iso-proxy-a", "VN", "Proxy A");
        var (reporterBEmail, _) = await factory.AddCityAsync("iso-proxy-b", "VN", "Proxy B");
        using var secretariat = await factory.SecretariatAsync();
        using var reporterA = await factory.SignInAsync(reporterAEmail);
        using var reporterB = await factory.SignInAsync(reporterBEmail);

        var proxy = await (await secretariat.PostCsvAsync("iso-proxy-a", 2022, Uploads.Csv(GridRow))).ShouldAnswerJsonAsync(HttpStatusCode.Created);
        ((bool)proxy["submission"]!["byProxy"]!).Should().BeTrue();
        var proxyId = (string)proxy["submission"]!["id"]!;
        var own = await (await reporterA.PostCsvAsync("iso-proxy-a", 2022, Uploads.Csv("I.2.2,electricity:grid,10,MWh,2022-01-01,2022-12-31,high,own")))
            .ShouldAnswerJsonAsync(HttpStatusCode.Created);
        ((bool)own["submission"]!["byProxy"]!).Should().BeFalse();
        (await reporterB.PostCsvAsync("iso-proxy-b", 2022, Uploads.Csv(GridRow))).EnsureSuccessStatusCode();

        (await secretariat.PostAsJsonAsync("/api/cities/iso-proxy-a/inventories/2022/calculate", new { })).StatusCode.Should().Be(HttpStatusCode.Created);

        var audit = (await secretariat.GetFromJsonAsync<JsonArray>("/api/audit?cityId=iso-proxy-a"))!;
        var calculated = audit.Single(e => (string)e!["action"]! == "inventory.calculated")!;
        ((bool)calculated["byProxy"]!).Should().BeTrue();
        ((string)calculated["userName"]!).Should().Be(ServiceFactory.SecretariatEmail);
        audit.Should().OnlyContain(e => (string)e!["cityId"]! == "iso-proxy-a");
        var created = audit.Single(e => (string)e!["action"]! == "submission.created" && (string)e["entityId"]! == proxyId)!;
        ((bool)created["byProxy"]!).Should().BeTrue();
        ((string)created["userName"]!).Should().Be(ServiceFactory.SecretariatEmail);
        ((string)created["role"]!).Should().Be("secretariat");
        var ownEntry = audit.Single(e => (string)e!["action"]! == "submission.created" && (string)e["entityId"]! == (string)own["submission"]!["id"]!)!;
        ((bool)ownEntry["byProxy"]!).Should().BeFalse();
        ((string)ownEntry["userName"]!).Should().Be(reporterAEmail);

        // A city's reporter sees its own city's entries, including what the secretariat did for it, and nothing of B.
        var seenByA = (await reporterA.GetFromJsonAsync<JsonArray>("/api/audit?cityId=iso-proxy-b&limit=1000"))!;
        seenByA.Should().NotBeEmpty().And.OnlyContain(e => (string)e!["cityId"]! == "iso-proxy-a");
        seenByA.Should().Contain(e => (string)e!["entityId"]! == proxyId && (bool)e["byProxy"]!);
        var seenByB = (await reporterB.GetFromJsonAsync<JsonArray>("/api/audit?limit=1000"))!;
        seenByB.Should().NotBeEmpty().And.OnlyContain(e => (string)e!["cityId"]! == "iso-proxy-b");

        await (await factory.CreateClient().GetAsync("/api/audit")).ShouldAnswerProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task SecretariatEndpoints_ReporterOrAnonymous_Get403Or401()
    {
        var (reporterEmail, _) = await factory.AddCityAsync("iso-admin", "VN", "Admin check");
        using var reporter = await factory.SignInAsync(reporterEmail);
        using var anonymous = factory.CreateClient();
        var city = new { id = "iso-admin-forged", name = "Forged", country = "VN", population = 1 };
        var user = new { email = "forged@test.example", displayName = "Forged", role = "secretariat", cityId = (string?)null, password = ServiceFactory.Password };

        foreach (var (who, client, status) in new[] { ("reporter", reporter, HttpStatusCode.Forbidden), ("anonymous", anonymous, HttpStatusCode.Unauthorized) })
        {
            (await client.PostAsJsonAsync("/api/cities", city)).StatusCode.Should().Be(status, who);
            (await client.PostAsJsonAsync("/api/users", user)).StatusCode.Should().Be(status, who);
            (await client.GetAsync("/api/users")).StatusCode.Should().Be(status, who);
        }

        // Nothing was created, and the secretariat itself is let through.
        using var secretariat = await factory.SecretariatAsync();
        var users = await (await secretariat.GetAsync("/api/users")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        users.AsArray().Should().NotContain(u => (string)u!["email"]! == "forged@test.example");
        await (await anonymous.GetAsync("/api/cities/iso-admin-forged")).ShouldAnswerProblemAsync(HttpStatusCode.NotFound);
    }
}
