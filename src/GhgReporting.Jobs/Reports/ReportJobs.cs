using System.ComponentModel;
using System.Text.Json;
using GhgReporting.Data;
using GhgReporting.Data.Credits;
using GhgReporting.Data.Entities;
using GhgReporting.Data.Reports;
using GhgReporting.Jobs.Pdf;
using Hangfire;
using Hangfire.Server;
using Microsoft.EntityFrameworkCore;

namespace GhgReporting.Jobs.Reports;

/// <summary>
/// Report jobs. Arguments are ids only; each job reloads what it shows, renders the PDF in memory and stores it
/// in one INSERT that a second run finds already done (<see cref="ReportStore"/>), so running a job twice or
/// retrying it after a worker died stores exactly one report.
/// </summary>
[Queue("reports")]
public sealed class ReportJobs(GhgDbContext db, CreditRegistry registry, ReportStore reports)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string RetirementSubject(Guid retirementId) => $"retirement:{retirementId}";

    [DisplayName("Retirement certificate {0}")]
    [AutomaticRetry(Attempts = 5)]
    public async Task RetirementCertificateAsync(Guid retirementId, PerformContext? context, CancellationToken ct)
    {
        var subject = RetirementSubject(retirementId);
        if (await reports.FindAsync(ReportKinds.RetirementCertificate, subject, ct) is not null) return;

        var retirement = await db.Retirements.AsNoTracking().FirstOrDefaultAsync(r => r.Id == retirementId, ct)
                         ?? throw new InvalidOperationException($"Retirement {retirementId} does not exist.");
        var view = await registry.RetirementAsync(retirement.VerificationCode, ct)
                   ?? throw new InvalidOperationException($"Retirement {retirement.VerificationCode} cannot be read.");
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == retirement.ProjectId, ct);
        var names = await db.Cities.AsNoTracking().Where(c => c.Id == project.HostCityId || c.Id == project.PartnerCityId).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var vintages = await db.Credits.AsNoTracking().Where(c => c.RetirementId == retirementId).Select(c => c.Vintage).Distinct().OrderBy(v => v).ToListAsync(ct);
        var account = await db.CreditAccounts.AsNoTracking().SingleAsync(a => a.Id == retirement.AccountId, ct);

        var pdf = PdfDocumentBuilder.Render(new RetirementCertificate(new RetirementCertificateModel(
            view, names[project.HostCityId], names[project.PartnerCityId], $"{project.MethodologyId} version {project.MethodologyVersion}", vintages)));
        var sources = JsonSerializer.Serialize(new { retirementId, view.VerificationCode, project.Code, project.MethodologyId, project.MethodologyVersion }, Json);
        await reports.SaveAsync(ReportKinds.RetirementCertificate, subject, account.CityId, project.Id, isPublic: true,
            $"retirement-certificate-{view.VerificationCode}.pdf", pdf, context?.BackgroundJob?.Id, sources, ct);
    }
}
