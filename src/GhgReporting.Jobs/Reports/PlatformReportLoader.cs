using GhgReporting.Data;
using GhgReporting.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace GhgReporting.Jobs.Reports;

/// <summary>
/// Reads what the platform report shows for a period [from, to] as the data stood at <c>asOf</c>: everything is
/// filtered by its own timestamps (published, verified, moved), so a report made again for the same period and
/// cut-off shows the same figures, however the data changed since.
/// </summary>
public sealed class PlatformReportLoader(GhgDbContext db)
{
    public async Task<PlatformReportModel> LoadAsync(DateOnly from, DateOnly to, DateTimeOffset asOf, CancellationToken ct)
    {
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = PlatformReportSchedule.EndOf(to);
        if (asOf < end) end = asOf;

        var cities = await db.Cities.AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct);
        var names = cities.ToDictionary(c => c.Id, c => c.Name);
        var partnerships = await db.Partnerships.AsNoTracking().Where(p => p.CreatedAt <= asOf).ToListAsync(ct);
        var published = await db.InventoryVersions.AsNoTracking().Where(v => v.PublishedAt != null && v.PublishedAt <= asOf).ToListAsync(ct);
        var latest = published.GroupBy(v => v.CityId).ToDictionary(g => g.Key, g => g.OrderByDescending(v => v.Year).ThenByDescending(v => v.Version).First());
        var latestIds = latest.Values.Select(v => v.Id).ToList();
        var notEstimated = await db.InventoryFigures.AsNoTracking().Where(f => latestIds.Contains(f.VersionId) && f.NotationKey == "NE")
            .GroupBy(f => f.VersionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);

        var citySummaries = cities.Select(c =>
        {
            var partners = partnerships.Where(p => p.CityId == c.Id || p.PartnerCityId == c.Id)
                .Select(p => names[p.CityId == c.Id ? p.PartnerCityId : p.CityId]).Order(StringComparer.Ordinal).ToList();
            latest.TryGetValue(c.Id, out var v);
            return new CityInventorySummary(c.Id, c.Name, c.Country.Trim(), c.Country.Trim() == "JP", c.Population, partners,
                v?.Year, v?.Version, v?.BasicCo2e, v?.BasicPlusCo2e, v?.GwpSet, v is null ? 0 : notEstimated.GetValueOrDefault(v.Id), c.IsIllustrative);
        }).ToList();

        var projects = await db.Projects.AsNoTracking().Where(p => p.CreatedAt <= asOf).OrderBy(p => p.Code).ToListAsync(ct);
        var periods = await db.MonitoringPeriods.AsNoTracking().Where(m => m.SubmittedAt != null && m.SubmittedAt <= asOf).ToListAsync(ct);
        var transactions = await db.CreditTransactions.AsNoTracking().Where(t => t.At <= asOf).ToListAsync(ct);
        var projectSummaries = projects.Select(p => Summarise(p, names, periods.Where(m => m.ProjectId == p.Id).ToList(),
            transactions.Where(t => t.ProjectId == p.Id).ToList(), start, end, asOf)).ToList();

        var inWindow = transactions.Where(t => t.At >= start && t.At < end).ToList();
        long Sum(IEnumerable<CreditTransaction> ts, string kind) => ts.Where(t => t.Kind == kind).Sum(t => t.Quantity);
        var issuedToDate = Sum(transactions, "issue");
        var retiredToDate = Sum(transactions, "retire");
        var cancelledToDate = Sum(transactions, "cancel");
        var credits = new CreditSummary(Sum(inWindow, "issue"), Sum(inWindow, "transfer"), Sum(inWindow, "retire"), Sum(inWindow, "cancel"),
            issuedToDate, retiredToDate, cancelledToDate, issuedToDate - retiredToDate - cancelledToDate);

        var codes = projects.ToDictionary(p => p.Id, p => p.Code);
        var retirements = await db.Retirements.AsNoTracking().Where(r => r.At >= start && r.At < end).OrderBy(r => r.At).ToListAsync(ct);
        var byMonth = inWindow.Where(t => t.Kind is "issue" or "retire")
            .GroupBy(t => new DateOnly(t.At.UtcDateTime.Year, t.At.UtcDateTime.Month, 1)).OrderBy(g => g.Key)
            .Select(g => new CreditMonth(g.Key, Sum(g, "issue"), Sum(g, "retire"))).ToList();

        // Contributions declared in the window, except those whose period has since been verified (counted as verified reductions then).
        var contributions = await db.Contributions.AsNoTracking().Where(c => c.At >= start && c.At < end).ToListAsync(ct);
        var verifiedPeriods = periods.Where(m => IsVerifiedBy(m, asOf)).Select(m => (m.ProjectId, m.Number)).ToHashSet();
        var periodKeys = periods.ToDictionary(m => m.Id, m => (m.ProjectId, m.Number));
        var contributionReductions = contributions.Where(c => !(periodKeys.TryGetValue(c.PeriodId, out var key) && verifiedPeriods.Contains(key))).Sum(c => c.Reductions);

        return new PlatformReportModel(from, to, asOf, citySummaries, projectSummaries, credits,
            retirements.Select(r => new RetirementSummary(r.VerificationCode, codes.GetValueOrDefault(r.ProjectId, "?"), r.Quantity, r.Beneficiary, r.Purpose, r.At)).ToList(),
            byMonth, contributionReductions, partnerships.Count);
    }

    private static bool IsVerifiedBy(MonitoringPeriod m, DateTimeOffset asOf) => m.State == PeriodStates.Verified && m.ReviewedAt <= asOf;

    /// <summary>
    /// A project's reductions: for each monitoring period (by number) the latest version verified by the cut-off
    /// counts, once. A period counts towards "verified in the window" when that version was verified in it, and
    /// only by what it adds to the version it corrects. Pending: submitted by the cut-off and not reviewed between that submission and the cut-off.
    /// </summary>
    private static ProjectSummary Summarise(Project p, IReadOnlyDictionary<string, string> names, List<MonitoringPeriod> periods,
        List<CreditTransaction> transactions, DateTimeOffset start, DateTimeOffset end, DateTimeOffset asOf)
    {
        int verifiedCount = 0;
        decimal verifiedInWindow = 0, toDate = 0;
        foreach (var number in periods.GroupBy(m => m.Number))
        {
            var verified = number.Where(m => IsVerifiedBy(m, asOf)).OrderBy(m => m.Version).ToList();
            if (verified.Count == 0) continue;
            var last = verified[^1];
            toDate += last.Reductions ?? 0;
            if (last.ReviewedAt >= start && last.ReviewedAt < end)
            {
                verifiedCount++;
                var earlier = verified.Where(m => m.ReviewedAt < start).LastOrDefault();
                verifiedInWindow += (last.Reductions ?? 0) - (earlier?.Reductions ?? 0);
            }
        }
        // Submitted (or resubmitted) by the cut-off and not reviewed since, as of the cut-off.
        var pending = periods.Where(m => !(m.ReviewedAt > m.SubmittedAt && m.ReviewedAt <= asOf)).ToList();
        var issued = transactions.Where(t => t.Kind == "issue");
        return new ProjectSummary(p.Code, p.Title, names[p.HostCityId], names[p.PartnerCityId], p.Sector, $"{p.MethodologyId} {p.MethodologyVersion}", p.Stage,
            verifiedCount, verifiedInWindow, issued.Where(t => t.At >= start && t.At < end).Sum(t => t.Quantity), pending.Count, pending.Sum(m => m.Reductions ?? 0),
            toDate, issued.Sum(t => t.Quantity) - transactions.Where(t => t.Kind == "cancel").Sum(t => t.Quantity), p.CoBenefits, p.Outcomes, p.IsIllustrative);
    }
}
