using System.Globalization;
using GhgReporting.Api.Auth;
using GhgReporting.Data;
using GhgReporting.Data.Entities;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

// Not "Web.City": a namespace named City would hide the City entity from the code next to it (InventoryView).
namespace GhgReporting.Api.Web.CityPages;

/// <summary>
/// The base of the reporter's pages (/city/{cityId}/…). The folder policy lets in reporters and the secretariat;
/// this decides per city, as the API does: a city's own reporters, or the secretariat acting for it (the services
/// record that as a proxy action). Anyone else is told the page does not exist (404), so that another city's
/// data do not even show that they exist.
/// </summary>
public abstract class CityPageModel(GhgDbContext db) : PageModel
{
    private Caller? _caller;

    protected GhgDbContext Db => db;

    public Caller Caller => _caller ??= new Caller(User);

    public City City { get; private set; } = null!;

    /// <summary>True when the secretariat is acting for the city (the pages say so).</summary>
    public bool ActingForCity => Caller.IsSecretariat && Caller.CityId != City.Id;

    /// <summary>Loads the city when the caller may work for it; false means answer 404.</summary>
    protected async Task<bool> OpenCityAsync(string cityId, CancellationToken ct)
    {
        if (!Caller.CanWriteActivityData(cityId)) return false;
        var city = await db.Cities.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cityId, ct);
        if (city is null) return false;
        City = city;
        ViewData["CityId"] = city.Id;
        ViewData["CityName"] = city.Name;
        ViewData["ActingForCity"] = ActingForCity;
        return true;
    }
}
