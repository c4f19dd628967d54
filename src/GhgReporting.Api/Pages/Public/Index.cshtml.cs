using GhgReporting.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GhgReporting.Api.Pages.Public;

/// <summary>A city with at least one published inventory: its latest published year (the latest published version
/// of it) and every year it has published.</summary>
public sealed record PublishedCity(string CityId, string Name, string Country, bool Illustrative, int LatestYear, int Version,
    decimal BasicCo2e, decimal BasicPlusCo2e, DateTimeOffset PublishedAt, IReadOnlyList<int> Years);

/// <summary>The cities with published inventories. Drafts are never counted, whoever reads.</summary>
public sealed class IndexModel(GhgDbContext db) : PageModel
{
    public IReadOnlyList<PublishedCity> Cities { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var versions = await db.InventoryVersions.AsNoTracking().Where(v => v.PublishedAt != null)
            .Select(v => new { v.CityId, v.Year, v.Version, v.BasicCo2e, v.BasicPlusCo2e, PublishedAt = v.PublishedAt!.Value }).ToListAsync(ct);
        var ids = versions.Select(v => v.CityId).Distinct().ToList();
        var cities = await db.Cities.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        Cities = versions.GroupBy(v => v.CityId)
            .Select(g =>
            {
                var latest = g.OrderByDescending(v => v.Year).ThenByDescending(v => v.Version).First();
                var city = cities[g.Key];
                return new PublishedCity(city.Id, city.Name, city.Country, city.IsIllustrative, latest.Year, latest.Version, latest.BasicCo2e, latest.BasicPlusCo2e,
                    latest.PublishedAt, g.Select(v => v.Year).Distinct().OrderDescending().ToList());
            })
            .OrderBy(c => c.Country, StringComparer.Ordinal).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
    }
}
