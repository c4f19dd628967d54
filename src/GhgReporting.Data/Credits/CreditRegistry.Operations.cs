using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using GhgReporting.Data.Audit;
using GhgReporting.Data.Entities;
using GhgReporting.Data.Projects;
using Microsoft.EntityFrameworkCore;

namespace GhgReporting.Data.Credits;

/// <summary>The parts of a public serial number, <c>CODE-VINTAGE-Pnn-000123</c>.</summary>
public sealed record CreditSerialNumber(string ProjectCode, int Vintage, int PeriodNumber, long Serial)
{
    public override string ToString() => CreditRegistry.SerialNumber(ProjectCode, Vintage, PeriodNumber, Serial);
}

/// <summary>Credits counted by state; a null project or vintage means "all".</summary>
public sealed record CreditBalance(Guid? ProjectId, string? ProjectCode, int? Vintage, long Available, long Retired, long Cancelled);

/// <summary>An account with its balances: in total, per project, per vintage, and per project and vintage.</summary>
public sealed record AccountBalances(Guid AccountId, string Kind, string CityId, Guid? ProjectId, string Name, CreditBalance Total,
    IReadOnlyList<CreditBalance> ByProject, IReadOnlyList<CreditBalance> ByVintage, IReadOnlyList<CreditBalance> ByProjectAndVintage);

/// <summary>A run of serials shown as full serial numbers (one vintage and period each).</summary>
public sealed record SerialRangeView(string First, string Last, long Count);

public sealed record TransactionView(Guid Id, string Kind, Guid ProjectId, string ProjectCode, Guid? FromAccountId, Guid? ToAccountId, long Quantity,
    IReadOnlyList<SerialRangeView> Serials, Guid? PeriodId, Guid? RetirementId, DateTimeOffset At, string ByUserId, string? Note);

/// <summary>What a certificate's reader checks: who retired what, for whom, why and when.</summary>
public sealed record RetirementView(string VerificationCode, Guid ProjectId, string ProjectCode, string ProjectTitle, long Quantity, string Beneficiary,
    string Purpose, DateTimeOffset RetiredAt, string RetiredByCityId, IReadOnlyList<SerialRangeView> Serials);

/// <summary>The public answer for one serial number.</summary>
public sealed record CreditLookup(string SerialNumber, Guid ProjectId, string ProjectCode, string ProjectTitle, string HostCityId, int Vintage, int PeriodNumber,
    Guid PeriodId, string State, string HolderCityId, string HolderCityName, string HolderAccountKind, RetirementView? Retirement);

/// <summary>
/// Movements (transfer, retirement, cancellation), contributions and the read side of the registry.
/// <para>Every movement is one SQL statement that locks and updates only credits still in the expected account
/// and state, in serial order, and returns their serials: with a quantity, locked credits are skipped
/// (<c>SKIP LOCKED</c>) so concurrent requests never wait for each other; with an explicit serial range the
/// statement waits instead, because skipping would refuse a request for those very credits while a competitor
/// that may still fail holds them. If fewer credits come back than asked, the transaction is rolled back
/// and the request refused with how many are available. The movement, its <see cref="CreditTransaction"/>
/// (serial ranges folded) and its audit entry commit together.</para>
/// <para>Unverified reductions are never retired: <see cref="RetirePeriodAsync"/> and
/// <see cref="RetireContributionAsync"/> exist so that such a request gets its reason, and always refuse.</para>
/// </summary>
public sealed partial class CreditRegistry
{
    public const string UnverifiedIsNotAnOffset = "unverified reductions are a contribution, not an offset: they have no credits and cannot be retired";

    private const string Base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>Reads <c>CODE-VINTAGE-Pnn-000123</c> (any letter case, surrounding spaces ignored); only the
    /// canonical form <see cref="SerialNumber"/> writes is accepted, so one credit has one serial number.</summary>
    public static bool TryParseSerialNumber(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CreditSerialNumber? parts)
    {
        parts = null;
        var normalised = text?.Trim().ToUpperInvariant() ?? "";
        var match = SerialPattern().Match(normalised);
        if (!match.Success) return false;
        var candidate = new CreditSerialNumber(match.Groups["code"].Value, int.Parse(match.Groups["vintage"].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups["period"].Value, CultureInfo.InvariantCulture), long.Parse(match.Groups["serial"].Value, CultureInfo.InvariantCulture));
        if (candidate.Serial < 1 || candidate.PeriodNumber < 1 || candidate.ToString() != normalised) return false;
        parts = candidate;
        return true;
    }

    /// <summary>Moves credits from a project or city account to another city's account (created on first use).
    /// Only issued credits move; the owning city's reporter or the secretariat may transfer.</summary>
    public async Task<(CreditTransaction? Transaction, ProjectProblem? Problem)> TransferAsync(Guid fromAccountId, string toCityId, Guid projectId, int? vintage,
        long quantity, SerialRange? serials, Actor actor, CancellationToken ct)
    {
        var (from, project, problem) = await PrepareAsync(fromAccountId, projectId, quantity, serials, actor, ct);
        if (problem is not null) return (null, problem);
        var city = await db.Cities.AsNoTracking().FirstOrDefaultAsync(c => c.Id == toCityId, ct);
        if (city is null) return (null, new ProjectProblem(404, "City not found", $"There is no city '{toCityId}' to transfer to."));
        var to = await CityAccountAsync(city.Id, city.Name, ct);
        if (to.Id == from!.Id) return (null, new ProjectProblem(400, "Same account", "The credits are already in this city's account."));

        return await MoveAsync(from, project!, vintage, quantity, serials, "account_id = {6}", to.Id, actor, ct, (moved, id, now) => new CreditTransaction
        {
            Id = id, Kind = "transfer", ProjectId = projectId, FromAccountId = from.Id, ToAccountId = to.Id, Quantity = quantity, Ranges = RangesJson(moved),
            At = now, ByUserId = actor.UserId, Note = $"Transfer from {from.Name} to {to.Name}.",
        }, "credits.transferred", null);
    }

    /// <summary>Retires credits once, for a named beneficiary and purpose; the retirement gets a public verification code.</summary>
    public async Task<(Retirement? Retirement, ProjectProblem? Problem)> RetireAsync(Guid accountId, Guid projectId, int? vintage, long quantity,
        SerialRange? serials, string beneficiary, string purpose, Actor actor, CancellationToken ct)
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(beneficiary)) missing.Add("beneficiary: name who the offset is for.");
        if (string.IsNullOrWhiteSpace(purpose)) missing.Add("purpose: say what is offset (e.g. the city's environment week 2025).");
        if (missing.Count > 0) return (null, new ProjectProblem(400, "Beneficiary and purpose required", "Nothing was retired.", missing));
        var (account, project, problem) = await PrepareAsync(accountId, projectId, quantity, serials, actor, ct);
        if (problem is not null) return (null, problem);

        var now = clock.UtcNowForDatabase();
        // 12 base32 characters: 60 random bits, so a collision with the unique index is not a practical concern.
        var retirement = new Retirement
        {
            Id = Guid.CreateVersion7(), AccountId = accountId, ProjectId = projectId, Quantity = quantity, Beneficiary = beneficiary.Trim(), Purpose = purpose.Trim(),
            VerificationCode = RandomNumberGenerator.GetString(Base32, 12), At = now, ByUserId = actor.UserId,
        };
        var (_, refused) = await MoveAsync(account!, project!, vintage, quantity, serials, "state = 'retired', retirement_id = {6}", retirement.Id, actor, ct,
            (moved, id, at) => new CreditTransaction
            {
                Id = id, Kind = "retire", ProjectId = projectId, FromAccountId = accountId, Quantity = quantity, Ranges = RangesJson(moved), RetirementId = retirement.Id,
                At = at, ByUserId = actor.UserId, Note = $"Retired for {retirement.Beneficiary}: {retirement.Purpose}.",
            }, "credits.retired", retirement);
        return refused is null ? (retirement, null) : (null, refused);
    }

    /// <summary>Cancels credits (secretariat only): recorded as a movement, the credits stay, never deleted.</summary>
    public async Task<(CreditTransaction? Transaction, ProjectProblem? Problem)> CancelAsync(Guid accountId, Guid projectId, long quantity, SerialRange? serials,
        string reason, Actor actor, CancellationToken ct)
    {
        if (actor.Role != Roles.Secretariat) return (null, new ProjectProblem(403, "Secretariat only", "Only the secretariat cancels credits."));
        if (string.IsNullOrWhiteSpace(reason)) return (null, new ProjectProblem(400, "Reason required", "Say why the credits are cancelled."));
        var (account, project, problem) = await PrepareAsync(accountId, projectId, quantity, serials, actor, ct);
        if (problem is not null) return (null, problem);
        return await MoveAsync(account!, project!, null, quantity, serials, "state = 'cancelled', account_id = {6}", accountId, actor, ct, (moved, id, now) => new CreditTransaction
        {
            Id = id, Kind = "cancel", ProjectId = projectId, FromAccountId = accountId, Quantity = quantity, Ranges = RangesJson(moved), At = now,
            ByUserId = actor.UserId, Note = reason.Trim(),
        }, "credits.cancelled", null);
    }

    /// <summary>Declares a period's unverified reductions (submitted, under review or rejected, above zero) as a
    /// contribution for environmental education: the host city's reporter or the secretariat, once per period.</summary>
    public async Task<(Contribution? Contribution, ProjectProblem? Problem)> DeclareContributionAsync(Guid periodId, string purpose, Actor actor, CancellationToken ct)
    {
        var period = await db.MonitoringPeriods.AsNoTracking().FirstOrDefaultAsync(m => m.Id == periodId, ct);
        if (period is null) return (null, new ProjectProblem(404, "Period not found", $"There is no monitoring period {periodId}."));
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == period.ProjectId, ct);
        if (!(actor.Role == Roles.Secretariat || (actor.Role == Roles.Reporter && actor.CityId == project.HostCityId)))
            return (null, new ProjectProblem(403, "Host city only", $"Contributions of {project.Code} are declared by reporters of {project.HostCityId} (or the secretariat)."));
        if (string.IsNullOrWhiteSpace(purpose)) return (null, new ProjectProblem(400, "Purpose required", "Say what the contribution is for (e.g. environmental education at schools)."));

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Locked, then read: a verification committed meanwhile is seen, and two declarations queue.
        var locked = await db.MonitoringPeriods.FromSql($"SELECT * FROM monitoring_periods WHERE id = {periodId} FOR UPDATE").AsNoTracking().SingleAsync(ct);
        if (locked.State is not (PeriodStates.Submitted or PeriodStates.UnderReview or PeriodStates.Rejected) || locked.Reductions is not > 0)
            return (null, new ProjectProblem(409, "Nothing to contribute", locked.State == PeriodStates.Verified
                ? "The period is verified: its reductions are credits; retire them as an offset instead."
                : $"The period is {locked.State} with reductions {locked.Reductions?.ToString(CultureInfo.InvariantCulture) ?? "not yet calculated"}: only submitted, under-review or rejected reductions above zero can be declared."));
        if (await db.MonitoringPeriods.AnyAsync(m => m.ProjectId == project.Id && m.Number == locked.Number && m.State == PeriodStates.Verified, ct))
            return (null, new ProjectProblem(409, "Period verified", $"Period {locked.Number} has a verified version: its reductions are credits."));
        if (await db.Contributions.AnyAsync(c => c.PeriodId == periodId, ct))
            return (null, new ProjectProblem(409, "Already declared", "These reductions are declared as a contribution already."));

        var now = clock.UtcNowForDatabase();
        var contribution = new Contribution { Id = Guid.CreateVersion7(), ProjectId = project.Id, PeriodId = periodId, Reductions = locked.Reductions.Value, Purpose = purpose.Trim(), At = now, ByUserId = actor.UserId };
        db.Contributions.Add(contribution);
        AuditLog.Record(db, actor, project.HostCityId, "contribution.declared", "contribution", contribution.Id.ToString(),
            new { project.Code, locked.Number, locked.Version, locked.State, contribution.Reductions, contribution.Purpose }, now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return (contribution, null);
    }

    /// <summary>A request to retire a monitoring period's reductions directly: always refused, with the reason.</summary>
    public async Task<ProjectProblem> RetirePeriodAsync(Guid periodId, CancellationToken ct)
    {
        var period = await db.MonitoringPeriods.AsNoTracking().FirstOrDefaultAsync(m => m.Id == periodId, ct);
        if (period is null) return new ProjectProblem(404, "Period not found", $"There is no monitoring period {periodId}.");
        return period.State == PeriodStates.Verified
            ? new ProjectProblem(409, "Retire credits, not periods", $"The verified reductions of period {period.Number} are {period.Credits ?? 0} credits; retire them from the account that holds them.")
            : new ProjectProblem(409, "Not an offset", $"The period is {period.State}: {UnverifiedIsNotAnOffset}.");
    }

    /// <summary>A request to retire a contribution: always refused, with the reason.</summary>
    public async Task<ProjectProblem> RetireContributionAsync(Guid contributionId, CancellationToken ct) =>
        await db.Contributions.AnyAsync(c => c.Id == contributionId, ct)
            ? new ProjectProblem(409, "Not an offset", $"Contribution {contributionId}: {UnverifiedIsNotAnOffset}.")
            : new ProjectProblem(404, "Contribution not found", $"There is no contribution {contributionId}.");

    public async Task<AccountBalances?> BalancesAsync(Guid accountId, CancellationToken ct)
    {
        var a = await db.CreditAccounts.AsNoTracking().FirstOrDefaultAsync(x => x.Id == accountId, ct);
        if (a is null) return null;
        var rows = await (from c in db.Credits
                          join p in db.Projects on c.ProjectId equals p.Id
                          where c.AccountId == accountId
                          group c by new { c.ProjectId, p.Code, c.Vintage } into g
                          orderby g.Key.Code, g.Key.Vintage
                          select new CreditBalance(g.Key.ProjectId, g.Key.Code, g.Key.Vintage, g.Sum(c => c.State == CreditStates.Issued ? 1L : 0L),
                              g.Sum(c => c.State == CreditStates.Retired ? 1L : 0L), g.Sum(c => c.State == CreditStates.Cancelled ? 1L : 0L))).ToListAsync(ct);
        static CreditBalance Sum(IEnumerable<CreditBalance> rs, Guid? id, string? code, int? vintage) =>
            new(id, code, vintage, rs.Sum(r => r.Available), rs.Sum(r => r.Retired), rs.Sum(r => r.Cancelled));
        return new AccountBalances(a.Id, a.Kind, a.CityId, a.ProjectId, a.Name, Sum(rows, null, null, null),
            rows.GroupBy(r => (r.ProjectId, r.ProjectCode)).Select(g => Sum(g, g.Key.ProjectId, g.Key.ProjectCode, null)).ToList(),
            rows.GroupBy(r => r.Vintage).OrderBy(g => g.Key).Select(g => Sum(g, null, null, g.Key)).ToList(), rows);
    }

    /// <summary>A city's accounts: its own and those of the projects it hosts.</summary>
    public async Task<IReadOnlyList<AccountBalances>> CityAccountsAsync(string cityId, CancellationToken ct)
    {
        var ids = await db.CreditAccounts.AsNoTracking().Where(a => a.CityId == cityId).OrderBy(a => a.Kind).ThenBy(a => a.Name).Select(a => a.Id).ToListAsync(ct);
        var result = new List<AccountBalances>();
        foreach (var id in ids) result.Add((await BalancesAsync(id, ct))!);
        return result;
    }

    /// <summary>A project's credits per vintage across all accounts (issued ever = available + retired + cancelled).</summary>
    public async Task<IReadOnlyList<CreditBalance>> ProjectBalancesAsync(Guid projectId, CancellationToken ct) =>
        await (from c in db.Credits
               join p in db.Projects on c.ProjectId equals p.Id
               where c.ProjectId == projectId
               group c by new { c.ProjectId, p.Code, c.Vintage } into g
               orderby g.Key.Vintage
               select new CreditBalance(g.Key.ProjectId, g.Key.Code, g.Key.Vintage, g.Sum(c => c.State == CreditStates.Issued ? 1L : 0L),
                   g.Sum(c => c.State == CreditStates.Retired ? 1L : 0L), g.Sum(c => c.State == CreditStates.Cancelled ? 1L : 0L))).ToListAsync(ct);

    /// <summary>The registry's movements, oldest first, optionally of one project or touching one account.</summary>
    public async Task<IReadOnlyList<TransactionView>> TransactionsAsync(Guid? projectId, Guid? accountId, CancellationToken ct)
    {
        var query = db.CreditTransactions.AsNoTracking();
        if (projectId is { } p) query = query.Where(t => t.ProjectId == p);
        if (accountId is { } a) query = query.Where(t => t.FromAccountId == a || t.ToAccountId == a);
        return await ViewsAsync(await query.OrderBy(t => t.At).ThenBy(t => t.Id).ToListAsync(ct), ct);
    }

    public async Task<TransactionView> DescribeAsync(CreditTransaction transaction, CancellationToken ct) => (await ViewsAsync([transaction], ct))[0];

    /// <summary>The public lookup of one serial number; null when it names no credit.</summary>
    public async Task<CreditLookup?> LookupAsync(string serialNumber, CancellationToken ct)
    {
        if (!TryParseSerialNumber(serialNumber, out var parts)) return null;
        var row = await (from c in db.Credits
                         join p in db.Projects on c.ProjectId equals p.Id
                         join a in db.CreditAccounts on c.AccountId equals a.Id
                         join city in db.Cities on a.CityId equals city.Id
                         where p.Code == parts.ProjectCode && c.Serial == parts.Serial && c.Vintage == parts.Vintage && c.PeriodNumber == parts.PeriodNumber
                         select new { c, p.Title, p.HostCityId, a.Kind, CityId = city.Id, CityName = city.Name }).FirstOrDefaultAsync(ct);
        if (row is null) return null;
        var retirement = row.c.RetirementId is { } rid ? await RetirementViewAsync(await db.Retirements.AsNoTracking().SingleAsync(r => r.Id == rid, ct), ct) : null;
        return new CreditLookup(parts.ToString(), row.c.ProjectId, parts.ProjectCode, row.Title, row.HostCityId, row.c.Vintage, row.c.PeriodNumber, row.c.PeriodId,
            row.c.State, row.CityId, row.CityName, row.Kind, retirement);
    }

    /// <summary>A retirement by its verification code (letter case, spaces and hyphens ignored); null when unknown.</summary>
    public async Task<RetirementView?> RetirementAsync(string verificationCode, CancellationToken ct)
    {
        var code = new string((verificationCode ?? "").Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
        var retirement = await db.Retirements.AsNoTracking().FirstOrDefaultAsync(r => r.VerificationCode == code, ct);
        return retirement is null ? null : await RetirementViewAsync(retirement, ct);
    }

    public async Task<IReadOnlyList<Contribution>> ContributionsAsync(Guid projectId, CancellationToken ct) =>
        await db.Contributions.AsNoTracking().Where(c => c.ProjectId == projectId).OrderBy(c => c.At).ToListAsync(ct);

    private async Task<RetirementView> RetirementViewAsync(Retirement r, CancellationToken ct)
    {
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == r.ProjectId, ct);
        var city = await db.CreditAccounts.Where(a => a.Id == r.AccountId).Select(a => a.CityId).SingleAsync(ct);
        var moved = await db.CreditTransactions.AsNoTracking().SingleAsync(t => t.RetirementId == r.Id && t.Kind == "retire", ct);
        return new RetirementView(r.VerificationCode, r.ProjectId, project.Code, project.Title, r.Quantity, r.Beneficiary, r.Purpose, r.At, city,
            (await ViewsAsync([moved], ct))[0].Serials);
    }

    /// <summary>Checks the account, the caller's right to move its credits, the project and the quantity.</summary>
    private async Task<(CreditAccount? Account, Project? Project, ProjectProblem? Problem)> PrepareAsync(Guid accountId, Guid projectId, long quantity,
        SerialRange? serials, Actor actor, CancellationToken ct)
    {
        var account = await db.CreditAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == accountId, ct);
        if (account is null) return (null, null, new ProjectProblem(404, "Account not found", $"There is no account {accountId}."));
        if (!(actor.Role == Roles.Secretariat || (actor.Role == Roles.Reporter && actor.CityId == account.CityId)))
            return (null, null, new ProjectProblem(403, "Not your account", $"Credits in {account.Name} are moved by reporters of {account.CityId} (or the secretariat)."));
        var project = await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == projectId, ct);
        if (project is null) return (null, null, new ProjectProblem(404, "Project not found", $"There is no project {projectId}."));
        if (quantity < 1) return (null, null, new ProjectProblem(400, "Invalid quantity", "The quantity must be a whole number of credits, at least 1."));
        if (serials is not null && (serials.First < 1 || serials.Last < serials.First || serials.Count != quantity))
            return (null, null, new ProjectProblem(400, "Invalid serial range", $"Serials {serials.First}–{serials.Last} must be ascending, from 1, and number exactly {quantity}."));
        return (account, project, null);
    }

    /// <summary>The one statement that moves credits, then the transaction record, the audit entry and (for a
    /// retirement, inserted first because credits reference it) the retirement, all committed together.</summary>
    private async Task<(CreditTransaction? Transaction, ProjectProblem? Problem)> MoveAsync(CreditAccount from, Project project, int? vintage, long quantity,
        SerialRange? serials, string set, Guid setValue, Actor actor, CancellationToken ct, Func<IReadOnlyList<long>, Guid, DateTimeOffset, CreditTransaction> record,
        string action, Retirement? retirement)
    {
        var now = retirement?.At ?? clock.UtcNowForDatabase();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (retirement is not null)
        {
            db.Retirements.Add(retirement);
            await db.SaveChangesAsync(ct);
        }
        var sql = FormattableStringFactory.Create($$"""
            WITH picked AS MATERIALIZED (
                SELECT project_id, serial FROM credits
                 WHERE account_id = {0} AND project_id = {1} AND state = 'issued'
                   AND ({2}::integer IS NULL OR vintage = {2}::integer)
                   AND ({3}::bigint IS NULL OR serial BETWEEN {3}::bigint AND {4}::bigint)
                 ORDER BY serial LIMIT {5} FOR UPDATE {{(serials is null ? "SKIP LOCKED" : "")}})
            UPDATE credits c SET {{set}}
              FROM picked p
             WHERE c.project_id = p.project_id AND c.serial = p.serial AND c.account_id = {0} AND c.state = 'issued'
            RETURNING c.serial AS "Value"
            """, from.Id, project.Id, vintage, serials?.First, serials?.Last, quantity, setValue);
        var moved = await db.Database.SqlQuery<long>(sql).ToListAsync(ct);
        if (moved.Count < quantity)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return (null, await ShortfallAsync(from, project, vintage, quantity, serials, moved.Count, ct));
        }
        var movement = record(moved, Guid.CreateVersion7(), now);
        db.CreditTransactions.Add(movement);
        AuditLog.Record(db, actor, from.CityId, action, "credit_transaction", movement.Id.ToString(), new
        {
            project.Code, movement.Kind, movement.FromAccountId, movement.ToAccountId, vintage, quantity, Ranges = SerialRange.Fold(moved),
            retirement?.Beneficiary, retirement?.Purpose, retirement?.VerificationCode, movement.Note,
        }, now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return (movement, null);
    }

    /// <summary>Why a movement took fewer credits than asked, with how many are available now.</summary>
    private async Task<ProjectProblem> ShortfallAsync(CreditAccount from, Project project, int? vintage, long quantity, SerialRange? serials, int taken, CancellationToken ct)
    {
        var of = $"{project.Code}{(vintage is null ? "" : $" vintage {vintage}")}";
        if (serials is not null)
        {
            var states = await db.Credits.Where(c => c.ProjectId == project.Id && c.Serial >= serials.First && c.Serial <= serials.Last)
                .GroupBy(c => new { c.State, Here = c.AccountId == from.Id }).Select(g => new { g.Key.State, g.Key.Here, Count = g.LongCount() }).ToListAsync(ct);
            var parts = states.Where(s => !(s.Here && s.State == CreditStates.Issued)).Select(s => $"{s.Count} {(s.State == CreditStates.Issued ? "in another account" : s.State)}").ToList();
            var unknown = serials.Count - states.Sum(s => s.Count);
            if (unknown > 0) parts.Add($"{unknown} not issued");
            var available = states.Where(s => s.Here && s.State == CreditStates.Issued).Sum(s => s.Count);
            return new ProjectProblem(409, "Credits not available", $"Of serials {serials.First}–{serials.Last} of {of}, only {available} are available in {from.Name}: " +
                $"{(parts.Count == 0 ? "the others are being moved by a request in progress" : string.Join(", ", parts))}. Nothing was moved.");
        }
        var count = await db.Credits.LongCountAsync(c => c.AccountId == from.Id && c.ProjectId == project.Id && c.State == CreditStates.Issued && (vintage == null || c.Vintage == vintage), ct);
        return new ProjectProblem(409, "Not enough credits", count >= quantity
            ? $"{quantity} credits of {of} were asked; {count} are available in {from.Name}, but only {taken} were free: the others are being moved by a request in progress. Nothing was moved; try again."
            : $"{quantity} credits of {of} were asked; only {count} are available in {from.Name} (retired and cancelled credits never move). Nothing was moved.");
    }

    private static string RangesJson(IReadOnlyList<long> serials) => JsonSerializer.Serialize(SerialRange.Fold(serials), Json);

    /// <summary>Transactions with their ranges cut at issuance blocks (one vintage and period each) and shown as serial numbers.</summary>
    private async Task<IReadOnlyList<TransactionView>> ViewsAsync(IReadOnlyList<CreditTransaction> transactions, CancellationToken ct)
    {
        var projectIds = transactions.Select(t => t.ProjectId).Distinct().ToList();
        var codes = await db.Projects.Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Code, ct);
        var blocks = (await db.Credits.Where(c => projectIds.Contains(c.ProjectId))
                .GroupBy(c => new { c.ProjectId, c.IssuanceId, c.Vintage, c.PeriodNumber })
                .Select(g => new { g.Key.ProjectId, g.Key.Vintage, g.Key.PeriodNumber, First = g.Min(c => c.Serial), Last = g.Max(c => c.Serial) }).ToListAsync(ct))
            .ToLookup(b => b.ProjectId);
        return transactions.Select(t =>
        {
            var code = codes[t.ProjectId];
            var ranges = JsonSerializer.Deserialize<List<SerialRange>>(t.Ranges, Json) ?? [];
            var shown = (from r in ranges
                         from b in blocks[t.ProjectId].OrderBy(b => b.First)
                         let first = Math.Max(r.First, b.First)
                         let last = Math.Min(r.Last, b.Last)
                         where first <= last
                         select new SerialRangeView(SerialNumber(code, b.Vintage, b.PeriodNumber, first), SerialNumber(code, b.Vintage, b.PeriodNumber, last), last - first + 1)).ToList();
            return new TransactionView(t.Id, t.Kind, t.ProjectId, code, t.FromAccountId, t.ToAccountId, t.Quantity, shown, t.PeriodId, t.RetirementId, t.At, t.ByUserId, t.Note);
        }).ToList();
    }

    [GeneratedRegex("^(?<code>[A-Z0-9][A-Z0-9-]{1,38}[A-Z0-9])-(?<vintage>[0-9]{4})-P(?<period>[0-9]{2,4})-(?<serial>[0-9]{6,18})$")]
    private static partial Regex SerialPattern();
}
