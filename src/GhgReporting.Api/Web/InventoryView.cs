using GhgReporting.Api.Auth;
using GhgReporting.Calc;
using GhgReporting.Data;
using GhgReporting.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace GhgReporting.Api.Web;

/// <summary>
/// One inventory version as the pages show it: the GPC table, totals, a chart by sector and a year-over-year chart
/// of the versions the reader may see (published ones only for the public). Rendered by Pages/Shared/_Inventory.
/// </summary>
public sealed record InventoryView(City City, InventoryVersion Version, IReadOnlyList<InventoryFigure> Table,
    IReadOnlyList<(int Year, int Version, bool Published, decimal BasicCo2e, decimal BasicPlusCo2e)> Series)
{
    public bool Published => Version.PublishedAt is not null;

    /// <summary>BASIC+ tCO2e by sector, sectors with nothing left out.</summary>
    public IReadOnlyList<(string Label, decimal Value)> BySector =>
        Table.Where(f => f.InBasicPlus).GroupBy(f => f.Sector).Select(g => (g.Key, g.Sum(f => f.Co2e))).Where(s => s.Item2 != 0).ToList();

    public static string Tonnes(decimal tonnes) => Rounding.FormatTonnes(tonnes);

    /// <summary>The latest version of <paramref name="year"/> the caller may read (or the given version); null when none.</summary>
    public static async Task<InventoryView?> LoadAsync(GhgDbContext db, Caller caller, string cityId, int year, int? version, CancellationToken ct)
    {
        var city = await db.Cities.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cityId, ct);
        if (city is null) return null;
        var unpublished = caller.CanReadUnpublished(cityId);
        var versions = await db.InventoryVersions.AsNoTracking().Where(v => v.CityId == cityId && (unpublished || v.PublishedAt != null)).ToListAsync(ct);
        var chosen = versions.Where(v => v.Year == year && (version is null || v.Version == version)).MaxBy(v => v.Version);
        if (chosen is null) return null;
        var table = await db.InventoryFigures.AsNoTracking().Where(f => f.VersionId == chosen.Id).OrderBy(f => f.Position).ToListAsync(ct);
        var series = versions.GroupBy(v => v.Year).Select(g => g.MaxBy(v => v.Version)!).OrderBy(v => v.Year)
            .Select(v => (v.Year, v.Version, v.PublishedAt != null, v.BasicCo2e, v.BasicPlusCo2e)).ToList();
        return new InventoryView(city, chosen, table, series);
    }
}
