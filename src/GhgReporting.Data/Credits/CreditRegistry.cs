using System.Text.Json;
using GhgReporting.Data.Audit;
using GhgReporting.Data.Entities;
using GhgReporting.Data.Projects;
using Microsoft.EntityFrameworkCore;

namespace GhgReporting.Data.Credits;

/// <summary>A run of consecutive serials of one project, first and last included.</summary>
public sealed record SerialRange(long First, long Last)
{
    public long Count => Last - First + 1;

    /// <summary>Consecutive serials folded into ranges (input in any order, no duplicates).</summary>
    public static IReadOnlyList<SerialRange> Fold(IEnumerable<long> serials)
    {
        var ranges = new List<SerialRange>();
        foreach (var s in serials.Order())
        {
            if (ranges.Count > 0 && ranges[^1].Last + 1 == s) ranges[^1] = ranges[^1] with { Last = s };
            else ranges.Add(new SerialRange(s, s));
        }
        return ranges;
    }
}

/// <summary>
/// The credit registry: issuance for verified periods into the project's account, transfers between city
/// accounts, retirement for a named beneficiary and purpose, cancellation, and the public serial lookup.
/// Credits are rows, one per tonne; every movement is a single UPDATE that takes only credits still in
/// the expected account and state (row locks, SKIP LOCKED), so concurrent requests can never move or retire
/// the same credit twice, and a trigger refuses any change to a retired or cancelled credit.
/// </summary>
public sealed partial class CreditRegistry(GhgDbContext db, TimeProvider clock)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The public serial number of a credit: project code, vintage, period number and the serial,
    /// e.g. <c>SUB-COMPOST-01-2024-P01-000123</c>.</summary>
    public static string SerialNumber(string projectCode, int vintage, int periodNumber, long serial) =>
        $"{projectCode}-{vintage}-P{periodNumber:00}-{serial:000000}";

    /// <summary>
    /// Issues the credits of a period that has just been verified (inside the caller's transaction, which
    /// commits): whole tonnes, rounded down once by the methodology. For a correction of a verified period only
    /// the difference is issued; if the correction has fewer credits, the surplus still held in the project's
    /// account is cancelled, and when it is no longer there (transferred or retired) the verification is refused.
    /// </summary>
    public async Task<(CreditTransaction? Transaction, ProjectProblem? Problem)> IssueForVerifiedPeriodAsync(Project project, Guid periodId, Actor actor, CancellationToken ct)
    {
        var period = await db.MonitoringPeriods.AsNoTracking().SingleAsync(m => m.Id == periodId, ct);
        var account = await ProjectAccountAsync(project, ct);
        // Serialise issuance per project: the account row is locked until the transaction ends.
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM credit_accounts WHERE id = {account.Id} FOR UPDATE", ct);

        var due = Math.Max(0, period.Credits ?? 0);
        var already = await db.Credits.Where(c => c.ProjectId == project.Id && c.PeriodNumber == period.Number && c.State != CreditStates.Cancelled).LongCountAsync(ct);
        var now = clock.UtcNowForDatabase();
        if (due > already)
        {
            var count = due - already;
            var first = (await db.Credits.Where(c => c.ProjectId == project.Id).MaxAsync(c => (long?)c.Serial, ct) ?? 0) + 1;
            var last = first + count - 1;
            var id = Guid.CreateVersion7();
            var vintage = period.PeriodEnd.Year;
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO credits (project_id, serial, vintage, period_id, period_number, account_id, state, issuance_id)
                SELECT {project.Id}, s, {vintage}, {periodId}, {period.Number}, {account.Id}, 'issued', {id} FROM generate_series({first}, {last}) s
                """, ct);
            var transaction = new CreditTransaction
            {
                Id = id, Kind = "issue", ProjectId = project.Id, ToAccountId = account.Id, Quantity = count, PeriodId = periodId,
                Ranges = JsonSerializer.Serialize(new[] { new SerialRange(first, last) }, Json), At = now, ByUserId = actor.UserId,
                Note = $"Verified reductions of period {period.Number} version {period.Version}: {period.Reductions} tCO2e, {due} whole credits.",
            };
            db.CreditTransactions.Add(transaction);
            AuditLog.Record(db, actor, project.HostCityId, "credits.issued", "credit_transaction", id.ToString(),
                new { project.Code, period.Number, period.Version, vintage, first, last, count }, now);
            return (transaction, null);
        }
        if (due < already)
        {
            var surplus = already - due;
            var cancelled = await db.Database.SqlQuery<long>($"""
                UPDATE credits SET state = 'cancelled'
                 WHERE (project_id, serial) IN (SELECT project_id, serial FROM credits
                         WHERE project_id = {project.Id} AND period_number = {period.Number} AND account_id = {account.Id} AND state = 'issued'
                         ORDER BY serial DESC LIMIT {surplus} FOR UPDATE)
                RETURNING serial AS "Value"
                """).ToListAsync(ct);
            if (cancelled.Count < surplus)
                return (null, new ProjectProblem(409, "Credits already used",
                    $"The correction lowers period {period.Number} to {due} credits, but only {cancelled.Count} of the {surplus} credits to take back are still in the project's account; the others have been transferred or retired. The correction cannot be verified."));
            var id = Guid.CreateVersion7();
            var transaction = new CreditTransaction
            {
                Id = id, Kind = "cancel", ProjectId = project.Id, FromAccountId = account.Id, Quantity = surplus, PeriodId = null,
                Ranges = JsonSerializer.Serialize(SerialRange.Fold(cancelled), Json), At = now, ByUserId = actor.UserId,
                Note = $"Correction of period {period.Number} (version {period.Version}) lowered its credits to {due}.",
            };
            db.CreditTransactions.Add(transaction);
            AuditLog.Record(db, actor, project.HostCityId, "credits.cancelled", "credit_transaction", id.ToString(), new { project.Code, period.Number, surplus }, now);
            return (transaction, null);
        }
        return (null, null);
    }

    /// <summary>The project's holding account (created on first use, owned by the host city).</summary>
    public async Task<CreditAccount> ProjectAccountAsync(Project project, CancellationToken ct)
    {
        var account = await db.CreditAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.Kind == "project" && a.ProjectId == project.Id, ct);
        if (account is not null) return account;
        account = new CreditAccount
        {
            Id = Guid.CreateVersion7(), Kind = "project", CityId = project.HostCityId, ProjectId = project.Id, Name = $"{project.Code} project account",
            CreatedAt = clock.UtcNowForDatabase(),
        };
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO credit_accounts (id, kind, city_id, project_id, name, created_at) VALUES ({account.Id}, 'project', {account.CityId}, {project.Id}, {account.Name}, {account.CreatedAt})
            ON CONFLICT (project_id) WHERE kind = 'project' DO NOTHING
            """, ct);
        return await db.CreditAccounts.AsNoTracking().SingleAsync(a => a.Kind == "project" && a.ProjectId == project.Id, ct);
    }

    /// <summary>A city's holding account (created on first use).</summary>
    public async Task<CreditAccount> CityAccountAsync(string cityId, string cityName, CancellationToken ct)
    {
        var account = await db.CreditAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.Kind == "city" && a.CityId == cityId, ct);
        if (account is not null) return account;
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO credit_accounts (id, kind, city_id, project_id, name, created_at) VALUES ({Guid.CreateVersion7()}, 'city', {cityId}, NULL, {cityName + " account"}, {clock.UtcNowForDatabase()})
            ON CONFLICT (city_id) WHERE kind = 'city' DO NOTHING
            """, ct);
        return await db.CreditAccounts.AsNoTracking().SingleAsync(a => a.Kind == "city" && a.CityId == cityId, ct);
    }
}
