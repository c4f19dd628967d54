using GhgReporting.Api.Web.CityPages;
using GhgReporting.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GhgReporting.Api.Pages.City;

/// <summary>The city's stored reports (inventory reports, monitoring reports of its projects, retirement certificates),
/// newest first, each with its SHA-256 and a download link.</summary>
public sealed class ReportsModel(GhgDbContext db) : CityPageModel(db)
{
    public IReadOnlyList<ReportRow> Reports { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string cityId, CancellationToken ct)
    {
        if (!await OpenCityAsync(cityId, ct)) return NotFound();
        Reports = await ReportRows.ForCity(Db, cityId).Take(500).ToListAsync(ct);
        return Page();
    }
}
