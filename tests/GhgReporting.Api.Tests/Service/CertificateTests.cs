using System.Net;
using System.Net.Http.Json;
using GhgReporting.Data;
using GhgReporting.Jobs.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace GhgReporting.Api.Tests.Service;

/// <summary>
/// A retirement enqueues its certificate job in Hangfire's PostgreSQL storage (the test's database); the job is run
/// here in-process (the same class and method a Hangfire worker calls) and the certificate read back with PdfPig:
/// it shows the figures, names and the verification code that the public lookup confirms; running the job again
/// stores no second certificate.
/// </summary>
public sealed class CertificateTests(CertificateTests.Factory factory) : IClassFixture<CertificateTests.Factory>
{
    public sealed class Factory : ServiceFactory;

    [Fact]
    public async Task Retire_CertificateRenderedInTheBackground_ShowsTheRetirementAndIsStoredOnce()
    {
        using var s = await ProjectFlowScenario.CreateAsync(factory, "cert");
        // 1,000 + 500 MWh × 0.533 t/MWh (JCM Indonesia Jamali, Case 2) = 799.5 → 799 credits issued.
        var (projectId, _, accountId) = await s.VerifiedProjectAsync(1_000m, 500m);
        var retired = await (await s.HostReporter.PostAsJsonAsync($"/api/accounts/{accountId}/retirements",
            new { projectId, quantity = 25, beneficiary = "Surabaya Green Festival", purpose = "Offset of the festival's generators" })).ShouldAnswerJsonAsync(HttpStatusCode.Created);
        var code = (string)retired["verificationCode"]!;

        // The retirement enqueued its certificate job; until it has run, the certificate answers 202.
        (await HangfireDiagnostics.JobStatesAsync(factory.ConnectionString)).Should().Contain("Enqueued");
        (await s.Anonymous.GetAsync($"/api/retirements/{code}/certificate.pdf")).StatusCode.Should().Be(HttpStatusCode.Accepted);
        Guid retirementId;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GhgDbContext>();
            retirementId = await db.Retirements.Where(r => r.VerificationCode == code).Select(r => r.Id).SingleAsync();
            await scope.ServiceProvider.GetRequiredService<ReportJobs>().RetirementCertificateAsync(retirementId, null, CancellationToken.None);
        }
        var response = await s.Anonymous.GetAsync($"/api/retirements/{code}/certificate.pdf");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var pdf = await response.Content.ReadAsByteArrayAsync();

        using var document = PdfDocument.Open(pdf);
        var text = string.Join("\n", document.GetPages().Select(p => p.Text));
        text.Should().Contain(code).And.Contain("Surabaya Green Festival").And.Contain("Offset of the festival's generators")
            .And.Contain("25 tCO2e").And.Contain(s.Serial(1)).And.Contain(s.Serial(25)).And.Contain("Vintage2024");

        // The public lookup confirms the same code, beneficiary and quantity.
        var lookup = await (await s.Anonymous.GetAsync($"/api/retirements/{code}")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        ((long)lookup["quantity"]!).Should().Be(25);
        ((string)lookup["beneficiary"]!).Should().Be("Surabaya Green Festival");

        // Jobs run at least once: running it again stores nothing new.
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GhgDbContext>();
            await scope.ServiceProvider.GetRequiredService<ReportJobs>().RetirementCertificateAsync(retirementId, null, CancellationToken.None);
            (await db.Reports.CountAsync(r => r.SubjectKey == ReportJobs.RetirementSubject(retirementId))).Should().Be(1);
        }
        var listed = await (await s.Anonymous.GetAsync($"/api/reports?kind=retirement-certificate")).ShouldAnswerJsonAsync(HttpStatusCode.OK);
        listed.AsArray().Should().Contain(r => ((string)r!["fileName"]!).Contains(code));
    }
}
