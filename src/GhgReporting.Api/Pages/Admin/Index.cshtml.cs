using GhgReporting.Api.Web.Admin;
using GhgReporting.Data;
using GhgReporting.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace GhgReporting.Api.Pages.Admin;

/// <summary>The secretariat's overview: what the platform holds, what waits for verifiers, and the way to each page.</summary>
public sealed class AdminIndexModel(GhgDbContext db) : AdminPageModel
{
    public int Cities { get; private set; }

    public int Users { get; private set; }

    public int Projects { get; private set; }

    /// <summary>Period versions submitted or under review: waiting for the partner city's verifier.</summary>
    public int PeriodsWaiting { get; private set; }

    public long CreditsIssued { get; private set; }

    public long CreditsRetired { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Cities = await db.Cities.CountAsync(ct);
        Users = await db.Users.CountAsync(ct);
        Projects = await db.Projects.CountAsync(ct);
        PeriodsWaiting = await db.MonitoringPeriods.CountAsync(m => m.State == PeriodStates.Submitted || m.State == PeriodStates.UnderReview, ct);
        var moved = await db.CreditTransactions.Where(t => t.Kind == TransactionKinds.Issue || t.Kind == TransactionKinds.Retire)
            .GroupBy(t => t.Kind).Select(g => new { Kind = g.Key, Quantity = g.Sum(t => t.Quantity) }).ToListAsync(ct);
        CreditsIssued = moved.FirstOrDefault(m => m.Kind == TransactionKinds.Issue)?.Quantity ?? 0;
        CreditsRetired = moved.FirstOrDefault(m => m.Kind == TransactionKinds.Retire)?.Quantity ?? 0;
    }
}
