using GhgReporting.Api.Web;
using GhgReporting.Api.Web.Admin;
using GhgReporting.Data;
using GhgReporting.Data.Credits;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GhgReporting.Api.Pages.Admin;

/// <summary>
/// The credit registry as the secretariat reads it (GET /api/credit-transactions): every issuance, transfer,
/// retirement and cancellation, newest first, with the serial ranges and the accounts by name; totals per kind;
/// filters by kind and by project (GET, so a filtered list can be bookmarked).
/// </summary>
public sealed class RegistryModel(GhgDbContext db, CreditRegistry registry) : AdminPageModel
{
    /// <summary>Most movements listed on one page; the totals always count them all.</summary>
    public const int MaxRows = 500;

    public sealed record AccountName(string Name, string CityId, string CityName);

    public sealed record ProjectChoice(Guid Id, string Code, string Title);

    [BindProperty(SupportsGet = true, Name = "kind")]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "project")]
    public Guid? ProjectId { get; set; }

    public IReadOnlyList<TransactionView> Rows { get; private set; } = [];

    /// <summary>How many movements match the filters (more than <see cref="Rows"/> when cut at <see cref="MaxRows"/>).</summary>
    public int Matching { get; private set; }

    /// <summary>Credits moved per kind (issue, transfer, retire, cancel), for the chosen project or all.</summary>
    public IReadOnlyDictionary<string, long> Totals { get; private set; } = new Dictionary<string, long>();

    public IReadOnlyDictionary<Guid, AccountName> Accounts { get; private set; } = new Dictionary<Guid, AccountName>();

    public IReadOnlyList<ProjectChoice> Projects { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> Titles { get; private set; } = new Dictionary<Guid, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Kind is not null && !AdminWords.Kinds.Contains(Kind)) Kind = null;
        Projects = await db.Projects.AsNoTracking().OrderBy(p => p.Code).Select(p => new ProjectChoice(p.Id, p.Code, p.Title)).ToListAsync(ct);
        Titles = Projects.ToDictionary(p => p.Id, p => p.Title);

        var scope = db.CreditTransactions.AsNoTracking();
        if (ProjectId is { } project) scope = scope.Where(t => t.ProjectId == project);
        Totals = await scope.GroupBy(t => t.Kind).Select(g => new { g.Key, Quantity = g.Sum(t => t.Quantity) }).ToDictionaryAsync(g => g.Key, g => g.Quantity, ct);

        var all = await registry.TransactionsAsync(ProjectId, null, ct);
        var matching = all.Where(t => Kind is null || t.Kind == Kind).ToList();
        Matching = matching.Count;
        Rows = matching.OrderByDescending(t => t.At).ThenByDescending(t => t.Id).Take(MaxRows).ToList();

        var accountIds = Rows.SelectMany(t => new[] { t.FromAccountId, t.ToAccountId }).OfType<Guid>().Distinct().ToList();
        var cityNames = await db.Cities.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        Accounts = (await db.CreditAccounts.AsNoTracking().Where(a => accountIds.Contains(a.Id)).ToListAsync(ct))
            .ToDictionary(a => a.Id, a => new AccountName(a.Name, a.CityId, cityNames.GetValueOrDefault(a.CityId, a.CityId)));
    }

    public long Total(string kind) => Totals.GetValueOrDefault(kind);
}
