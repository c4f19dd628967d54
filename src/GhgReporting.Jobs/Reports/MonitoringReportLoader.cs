using System.Text.Json;
using GhgReporting.Calc.Inventory;
using GhgReporting.Calc.Methodologies;
using GhgReporting.Data;
using GhgReporting.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace GhgReporting.Jobs.Reports;

/// <summary>Reads what a monitoring report shows of one period version. The calculation is the stored one (the
/// figures the verifier saw), never recomputed for the report.</summary>
public sealed class MonitoringReportLoader(GhgDbContext db)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The period's stored calculation (MonitoringService.SubmitAsync).</summary>
    public sealed record StoredCalculation(string? MethodologyId, string? Version, string? CatalogName, string? CatalogHash, List<TraceStep>? Steps, List<string>? Warnings);

    public static StoredCalculation? CalculationOf(MonitoringPeriod period) =>
        period.Calculation is null ? null : JsonSerializer.Deserialize<StoredCalculation>(period.Calculation, Json);

    /// <summary>The model of <paramref name="period"/> of <paramref name="project"/>, both already read by the caller.</summary>
    public async Task<MonitoringReportModel> LoadAsync(MonitoringPeriod period, Project project, bool final, CancellationToken ct)
    {
        var periodId = period.Id;
        var names = await db.Cities.AsNoTracking().Where(c => c.Id == project.HostCityId || c.Id == project.PartnerCityId).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var parameters = await db.MonitoredParameters.AsNoTracking().Where(p => p.PeriodId == periodId).OrderBy(p => p.Id).ToListAsync(ct);
        var evidence = await db.EvidenceFiles.AsNoTracking().Where(f => f.PeriodId == periodId).OrderBy(f => f.UploadedAt)
            .Select(f => new EvidenceSummary(f.FileName, f.ContentType, f.Sha256, f.Length, f.UploadedAt)).ToListAsync(ct);
        var comments = await (from c in db.VerificationComments.AsNoTracking()
                              where c.PeriodId == periodId
                              join u in db.Set<AppUser>() on c.ByUserId equals u.Id into byUser
                              from u in byUser.DefaultIfEmpty()
                              orderby c.Id
                              select new CommentSummary(c.Parameter, c.Comment, c.At, u != null ? u.DisplayName : c.ByUserId)).ToListAsync(ct);
        var calculation = CalculationOf(period);
        var exAnte = JsonSerializer.Deserialize<List<ExAnteParameter>>(project.ExAnteParameters, Json) ?? [];
        var credits = await db.Credits.AsNoTracking().LongCountAsync(c => c.PeriodId == periodId, ct);
        int? superseded = period.SupersedesId is { } earlier
            ? await db.MonitoringPeriods.AsNoTracking().Where(m => m.Id == earlier).Select(m => (int?)m.Version).SingleAsync(ct)
            : null;

        return new MonitoringReportModel(project, names[project.HostCityId], names[project.PartnerCityId],
            MethodologyRegistry.Get(project.MethodologyId, project.MethodologyVersion), period, parameters, exAnte,
            calculation?.Steps ?? [], calculation?.Warnings ?? [], evidence, comments,
            await DisplayNameAsync(period.SubmittedByUserId, ct), await DisplayNameAsync(period.ReviewedByUserId, ct), credits, superseded, final);
    }

    private async Task<string?> DisplayNameAsync(string? userId, CancellationToken ct) =>
        userId is null ? null : await db.Set<AppUser>().AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? userId;
}
