using GhgReporting.Api.Auth;
using GhgReporting.Data;
using GhgReporting.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace GhgReporting.Api.Web.Verify;

/// <summary>One monitoring period version in the verifier's queue or in the list of recent decisions.</summary>
public sealed record QueueRow(Guid Id, string ProjectCode, string ProjectTitle, string HostCityName, int Number, int Version,
    DateOnly PeriodStart, DateOnly PeriodEnd, string State, DateTimeOffset? SubmittedAt, DateTimeOffset? ReviewedAt, decimal? Reductions, long? Credits);

/// <summary>
/// The verifier's work: periods submitted or under review in the projects the caller's city partners in (the
/// secretariat: every project), oldest submission first, as <c>GET /api/verification-queue</c> lists them; and the
/// latest decisions taken on those projects. A verifier never sees its own city's projects here.
/// </summary>
public static class VerificationQueue
{
    public const int RecentCount = 20;

    public static async Task<(IReadOnlyList<QueueRow> Waiting, IReadOnlyList<QueueRow> Recent)> LoadAsync(GhgDbContext db, Caller caller, CancellationToken ct)
    {
        var all = caller.IsSecretariat;
        var city = caller.CityId;
        if (!all && (city is null || !caller.IsVerifier)) return ([], []);
        var periods = from m in db.MonitoringPeriods.AsNoTracking()
                      join p in db.Projects.AsNoTracking() on m.ProjectId equals p.Id
                      join h in db.Cities.AsNoTracking() on p.HostCityId equals h.Id
                      where all || (p.PartnerCityId == city && p.HostCityId != city)
                      select new { m, p.Code, p.Title, HostName = h.Name };
        var waiting = await periods.Where(x => x.m.State == PeriodStates.Submitted || x.m.State == PeriodStates.UnderReview)
            .OrderBy(x => x.m.SubmittedAt).ThenBy(x => x.Code)
            .Select(x => new QueueRow(x.m.Id, x.Code, x.Title, x.HostName, x.m.Number, x.m.Version, x.m.PeriodStart, x.m.PeriodEnd, x.m.State,
                x.m.SubmittedAt, x.m.ReviewedAt, x.m.Reductions, x.m.Credits))
            .ToListAsync(ct);
        var recent = await periods.Where(x => (x.m.State == PeriodStates.Verified || x.m.State == PeriodStates.Rejected) && x.m.ReviewedAt != null)
            .OrderByDescending(x => x.m.ReviewedAt).Take(RecentCount)
            .Select(x => new QueueRow(x.m.Id, x.Code, x.Title, x.HostName, x.m.Number, x.m.Version, x.m.PeriodStart, x.m.PeriodEnd, x.m.State,
                x.m.SubmittedAt, x.m.ReviewedAt, x.m.Reductions, x.m.Credits))
            .ToListAsync(ct);
        return (waiting, recent);
    }
}
