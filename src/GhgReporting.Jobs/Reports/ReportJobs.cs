using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using GhgReporting.Data;
using GhgReporting.Data.Credits;
using GhgReporting.Data.Entities;
using GhgReporting.Data.Reports;
using GhgReporting.Jobs.Pdf;
using Hangfire;
using Hangfire.Server;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace GhgReporting.Jobs.Reports;

/// <summary>
/// Report jobs. Arguments are ids and dates only; each job reloads what it shows, renders the PDF in memory and
/// stores it in one INSERT that a second run finds already done (<see cref="ReportStore"/>), so running a job
/// twice, or retrying it after a worker died, stores exactly one report.
/// </summary>
[Queue("reports")]
public sealed class ReportJobs(GhgDbContext db, CreditRegistry registry, ReportStore reports, MonitoringReportLoader monitoring,
    PlatformReportLoader platform, ILogger<ReportJobs> log)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string RetirementSubject(Guid retirementId) => $"retirement:{retirementId}";

    /// <summary>A draft's report (marked DRAFT) and the published version's report are two reports.</summary>
    public static string InventorySubject(Guid versionId, bool published) => $"inventory:{versionId}:{(published ? "published" : "draft")}";

    /// <summary>The final report of a verified period version, or the draft of one submission of it (a period
    /// rejected and submitted again has a draft per submission).</summary>
    public static string MonitoringSubject(MonitoringPeriod period, bool final) =>
        final ? $"period:{period.Id}:final" : $"period:{period.Id}:draft:{period.SubmittedAt?.UtcDateTime.ToString("yyyyMMdd'T'HHmmss.ffffff", CultureInfo.InvariantCulture)}";

    /// <summary>The platform report of [from, to] with the data as they stood at <paramref name="asOf"/>.</summary>
    public static string PlatformSubject(DateOnly from, DateOnly to, DateTimeOffset asOf) =>
        $"platform:{from:yyyy-MM-dd}..{to:yyyy-MM-dd}@{asOf.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}";

    [DisplayName("Inventory report {0}")]
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [5, 15, 60, 300, 900])]
    public async Task InventoryReportAsync(Guid versionId, PerformContext? context, CancellationToken ct)
    {
        var version = await db.InventoryVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == versionId, ct)
                      ?? throw new InvalidOperationException($"Inventory version {versionId} does not exist.");
        var published = version.PublishedAt is not null;
        var subject = InventorySubject(versionId, published);
        if (await reports.ExistsAsync(ReportKinds.InventoryReport, subject, ct)) return;

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
        if (await reports.ExistsAsync(ReportKinds.RetirementCertificate, subject, ct)) return;

        var retirement = await db.Retirements.AsNoTracking().FirstOrDefaultAsync(r => r.Id == retirementId, ct)
                         ?? throw new InvalidOperationException($"Retirement {retirementId} does not exist.");
        var view = await registry.RetirementAsync(retirement.VerificationCode, ct)
                   ?? throw new InvalidOperationException($"Retirement {retirement.VerificationCode} cannot be read.");
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == retirement.ProjectId, ct);
        var names = await db.Cities.AsNoTracking().Where(c => c.Id == project.HostCityId || c.Id == project.PartnerCityId).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var vintages = await db.Credits.AsNoTracking().Where(c => c.RetirementId == retirementId).Select(c => c.Vintage).Distinct().OrderBy(v => v).ToListAsync(ct);

        var pdf = PdfDocumentBuilder.Render(new RetirementCertificate(new RetirementCertificateModel(
            view, names[project.HostCityId], names[project.PartnerCityId], $"{project.MethodologyId} version {project.MethodologyVersion}", vintages)));
        var sources = JsonSerializer.Serialize(new { retirementId, view.VerificationCode, project.Code, project.MethodologyId, project.MethodologyVersion }, Json);
        await reports.SaveAsync(ReportKinds.RetirementCertificate, subject, view.RetiredByCityId, project.Id, isPublic: true,
            $"retirement-certificate-{view.VerificationCode}.pdf", pdf, context?.BackgroundJob?.Id, sources, ct);
    }

    /// <summary>
    /// The monitoring report of a period version: the draft of its latest submission (DRAFT on every page, readable
    /// by the host and partner cities) or, once verified, the final report (public). A draft job that runs after
    /// the period was verified still makes the draft of that submission; a final job for a period that is not
    /// verified fails (it is only queued after verification).
    /// </summary>
    [DisplayName("Monitoring report {0} (final: {1})")]
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [5, 15, 60, 300, 900])]
    public async Task MonitoringReportAsync(Guid periodId, bool final, PerformContext? context, CancellationToken ct)
    {
        var period = await db.MonitoringPeriods.AsNoTracking().FirstOrDefaultAsync(m => m.Id == periodId, ct)
                     ?? throw new InvalidOperationException($"Monitoring period {periodId} does not exist.");
        if (final && period.State != PeriodStates.Verified)
            throw new InvalidOperationException($"Monitoring period {periodId} is {period.State}, not verified: it has no final report.");
        if (!final && period.SubmittedAt is null)
        {
            log.LogWarning("Monitoring period {PeriodId} has not been submitted: no draft report to make.", periodId);
            return;
        }
        var subject = MonitoringSubject(period, final);
        if (await reports.ExistsAsync(ReportKinds.MonitoringReport, subject, ct)) return;

        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == period.ProjectId, ct);
        var model = await monitoring.LoadAsync(period, project, final, ct);
        var pdf = PdfDocumentBuilder.Render(new MonitoringReport(model));
        var calculation = MonitoringReportLoader.CalculationOf(period);
        var sources = JsonSerializer.Serialize(new
        {
            periodId, period.Number, period.Version, period.SubmittedAt, period.ReviewedAt, project.Code, project.MethodologyId, project.MethodologyVersion,
            calculation?.CatalogName, calculation?.CatalogHash, Parameters = model.Parameters.Count, Evidence = model.Evidence.Select(e => e.Sha256),
        }, Json);
        await reports.SaveAsync(ReportKinds.MonitoringReport, subject, project.HostCityId, project.Id, isPublic: final,
            $"monitoring-report-{project.Code}-P{period.Number:00}-v{period.Version}{(final ? "" : "-draft")}.pdf", pdf, context?.BackgroundJob?.Id, sources, ct);
    }

    /// <summary>The secretariat's platform report of [from, to] with the data as they stood at <paramref name="asOf"/>
    /// (public: it is written for city councils and citizens).</summary>
    /// <remarks>Dates are passed as <see cref="DateTime"/> (the date part counts): Hangfire's JSON serializer
    /// here (Newtonsoft.Json 12) does not know <see cref="DateOnly"/>.</remarks>
    [DisplayName("Platform report {0:yyyy-MM-dd} to {1:yyyy-MM-dd}")]
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [5, 15, 60, 300, 900])]
    public Task PlatformReportAsync(DateTime from, DateTime to, DateTimeOffset asOf, PerformContext? context, CancellationToken ct) =>
        PlatformReportAsync(DateOnly.FromDateTime(from), DateOnly.FromDateTime(to), asOf, context, ct);

    public async Task PlatformReportAsync(DateOnly from, DateOnly to, DateTimeOffset asOf, PerformContext? context, CancellationToken ct)
    {
        if (to < from) throw new ArgumentException($"The period ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).");
        var subject = PlatformSubject(from, to, asOf);
        if (await reports.ExistsAsync(ReportKinds.PlatformReport, subject, ct)) return;

        var model = await platform.LoadAsync(from, to, asOf, ct);
        var pdf = PdfDocumentBuilder.Render(new PlatformReport(model));
        var catalogs = await db.InventoryVersions.AsNoTracking().Where(v => v.PublishedAt != null && v.PublishedAt <= asOf).Select(v => v.CatalogHash).Distinct().ToListAsync(ct);
        var sources = JsonSerializer.Serialize(new
        {
            from, to, asOf, Inventories = model.Cities.Where(c => c.Year is not null).Select(c => $"{c.CityId}:{c.Year}:v{c.Version}"), InventoryCatalogHashes = catalogs,
            Projects = model.Projects.Select(x => x.Code),
        }, Json);
        await reports.SaveAsync(ReportKinds.PlatformReport, subject, null, null, isPublic: true,
            $"platform-report-{from:yyyy-MM-dd}-{to:yyyy-MM-dd}.pdf", pdf, context?.BackgroundJob?.Id, sources, ct);
    }
}
