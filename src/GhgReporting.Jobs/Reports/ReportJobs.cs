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

    /// <summary>A draft's report (marked DRAFT) and the published version's report are two reports.</summary>
    public static string InventorySubject(Guid versionId, bool published) => $"inventory:{versionId}:{(published ? "published" : "draft")}";

    [DisplayName("Inventory report {0}")]
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [5, 15, 60, 300, 900])]
    public async Task InventoryReportAsync(Guid versionId, PerformContext? context, CancellationToken ct)
    {
        var version = await db.InventoryVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == versionId, ct)
                      ?? throw new InvalidOperationException($"Inventory version {versionId} does not exist.");
        var published = version.PublishedAt is not null;
        var subject = InventorySubject(versionId, published);
        if (await reports.FindAsync(ReportKinds.InventoryReport, subject, ct) is not null) return;

        var city = await db.Cities.AsNoTracking().SingleAsync(c => c.Id == version.CityId, ct);
        var table = await db.InventoryFigures.AsNoTracking().Where(f => f.VersionId == versionId).OrderBy(f => f.Position).ToListAsync(ct);
        var document = JsonSerializer.Deserialize<GhgReporting.Data.Inventories.InventoryDocument>(version.Document, Json)!;
        // The series a reader of this report may see: published versions only in a published report.
        var versions = await db.InventoryVersions.AsNoTracking().Where(v => v.CityId == version.CityId && (!published || v.PublishedAt != null)).ToListAsync(ct);
        var series = versions.GroupBy(v => v.Year).Select(g => g.MaxBy(v => v.Version)!).OrderBy(v => v.Year)
            .Select(v => (v.Year, v.BasicCo2e, v.BasicPlusCo2e)).ToList();
        var datasets = await db.FactorCatalogs.AsNoTracking().Where(c => c.ContentHash == version.CatalogHash).Select(c => c.DatasetVersions).FirstOrDefaultAsync(ct) ?? version.DatasetVersions;

        var pdf = PdfDocumentBuilder.Render(new InventoryReport(new InventoryReportModel(city, version, table, document, series, datasets)));
        var sources = JsonSerializer.Serialize(new { versionId, version.Version, version.InputsHash, version.CatalogHash, version.SubmissionIds, version.PublishedAt }, Json);
        await reports.SaveAsync(ReportKinds.InventoryReport, subject, city.Id, null, isPublic: published,
            $"inventory-{city.Id}-{version.Year}-v{version.Version}{(published ? "" : "-draft")}.pdf", pdf, context?.BackgroundJob?.Id, sources, ct);
    }

    [DisplayName("Retirement certificate {0}")]
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [5, 15, 60, 300, 900])]
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
