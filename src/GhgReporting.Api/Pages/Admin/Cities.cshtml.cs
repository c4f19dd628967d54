using GhgReporting.Api.Requests;
using System.Globalization;
using GhgReporting.Api.Apis;
using GhgReporting.Api.Auth;
using GhgReporting.Api.Web;
using GhgReporting.Api.Web.Admin;
using GhgReporting.Data;
using GhgReporting.Data.Audit;
using GhgReporting.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;
using CityEntity = GhgReporting.Data.Entities.City;

namespace GhgReporting.Api.Pages.Admin;

/// <summary>
/// Cities and their partner links: the list, a form to add a city and a form to link two cities. The same rules
/// and audit entries as POST /api/cities and POST /api/cities/{id}/partners (Apis/CitiesApi.cs).
/// </summary>
public sealed class CitiesModel(GhgDbContext db, TimeProvider clock, IStringLocalizer<AdminText> text) : AdminPageModel
{
    public sealed class CityForm
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        public string? Country { get; set; }
        public string? SubRegion { get; set; }
        public string? Climate { get; set; }
        public string? Population { get; set; }
        public string? PopulationYear { get; set; }
        public string? PopulationSource { get; set; }
    }

    public sealed class PartnershipForm
    {
        public string? CityId { get; set; }
        public string? PartnerCityId { get; set; }
        public string? Description { get; set; }
    }

    public sealed record PartnerRow(string Id, string Name, string Description);

    public sealed record CityRow(string Id, string Name, string Country, long? Population, int? PopulationYear, bool IsIllustrative, IReadOnlyList<PartnerRow> Partners);

    [BindProperty]
    public CityForm City { get; set; } = new();

    [BindProperty]
    public PartnershipForm Partnership { get; set; } = new();

    public IReadOnlyList<CityRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCityAsync(CancellationToken ct)
    {
        var id = City.Id?.Trim() ?? "";
        var name = City.Name?.Trim() ?? "";
        var country = City.Country?.Trim().ToUpperInvariant() ?? "";
        if (!CityRules.Slug().IsMatch(id)) Problem("City.Id", text["CityIdInvalid"]);
        if (name.Length == 0) Problem("City.Name", text["CityNameMissing"]);
        if (!CityRules.Country().IsMatch(country)) Problem("City.Country", text["CountryInvalid"]);
        long? population = null;
        if (!string.IsNullOrWhiteSpace(City.Population))
        {
            if (long.TryParse(City.Population.Trim(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var p) && p >= 0) population = p;
            else Problem("City.Population", text["PopulationInvalid"]);
        }
        int? populationYear = null;
        if (!string.IsNullOrWhiteSpace(City.PopulationYear))
        {
            if (int.TryParse(City.PopulationYear.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y)) populationYear = y;
            else Problem("City.PopulationYear", text["PopulationYearInvalid"]);
        }
        if (!HasProblems && await db.Cities.AnyAsync(c => c.Id == id, ct)) Problem("City.Id", text["CityExists", id]);
        if (HasProblems) return await PageAsync(ct);

        var request = new CreateCityRequest(id, name, country, Blank(City.SubRegion), Blank(City.Climate), population, populationYear, Blank(City.PopulationSource));
        var now = clock.UtcNowForDatabase();
        var city = new CityEntity
        {
            Id = id, Name = name, Country = country, SubRegion = request.SubRegion, Climate = request.Climate,
            Population = population, PopulationYear = populationYear, PopulationSource = request.PopulationSource, CreatedAt = now,
        };
        db.Cities.Add(city);
        AuditLog.Record(db, new Caller(User).ToActor(), city.Id, "city.created", "city", city.Id, request, now);
        if (!await SavedAsync(ct))
        {
            Problem("City.Id", text["CityExists", id]);
            return await PageAsync(ct);
        }
        return Done(text["CityAdded", name, id], "/admin/cities");
    }

    public async Task<IActionResult> OnPostPartnershipAsync(CancellationToken ct)
    {
        var cityId = Partnership.CityId?.Trim() ?? "";
        var partnerId = Partnership.PartnerCityId?.Trim() ?? "";
        if (cityId.Length == 0) Problem("Partnership.CityId", text["PartnershipCityMissing"]);
        if (partnerId.Length == 0) Problem("Partnership.PartnerCityId", text["PartnershipPartnerMissing"]);
        if (HasProblems) return await PageAsync(ct);
        var pair = new[] { cityId, partnerId }.Order(StringComparer.Ordinal).ToArray();
        if (pair[0] == pair[1]) Problem("Partnership.PartnerCityId", text["PartnershipSameCity"]);
        var found = await db.Cities.Where(c => pair.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        if (!found.ContainsKey(cityId)) Problem("Partnership.CityId", text["NoSuchCity", cityId]);
        if (!found.ContainsKey(partnerId)) Problem("Partnership.PartnerCityId", text["NoSuchCity", partnerId]);
        if (!HasProblems && await db.Partnerships.AnyAsync(p => p.CityId == pair[0] && p.PartnerCityId == pair[1], ct))
            Problem("Partnership.PartnerCityId", text["AlreadyPartners", cityId, partnerId]);
        if (HasProblems) return await PageAsync(ct);

        var request = new CreatePartnershipRequest(partnerId, Partnership.Description?.Trim() ?? "");
        var now = clock.UtcNowForDatabase();
        db.Partnerships.Add(new CityPartnership { CityId = pair[0], PartnerCityId = pair[1], Description = request.Description, CreatedAt = now });
        AuditLog.Record(db, new Caller(User).ToActor(), cityId, "partnership.created", "city_partnership", $"{pair[0]}+{pair[1]}", request, now);
        if (!await SavedAsync(ct))
        {
            Problem("Partnership.PartnerCityId", text["AlreadyPartners", cityId, partnerId]);
            return await PageAsync(ct);
        }
        return Done(text["PartnershipAdded", found[cityId], found[partnerId]], "/admin/cities");
    }

    /// <summary>Saves; false when a unique key refused the row (someone added the same city or link a moment before).</summary>
    private async Task<bool> SavedAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private async Task<IActionResult> PageAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var cities = await db.Cities.AsNoTracking().OrderBy(c => c.Name).ThenBy(c => c.Id).ToListAsync(ct);
        var links = await db.Partnerships.AsNoTracking().ToListAsync(ct);
        var names = cities.ToDictionary(c => c.Id, c => c.Name);
        Rows = cities.Select(c => new CityRow(c.Id, c.Name, c.Country.Trim(), c.Population, c.PopulationYear, c.IsIllustrative,
            links.Where(l => l.CityId == c.Id || l.PartnerCityId == c.Id)
                .Select(l => l.CityId == c.Id ? (Id: l.PartnerCityId, l.Description) : (Id: l.CityId, l.Description))
                .Select(p => new PartnerRow(p.Id, names.GetValueOrDefault(p.Id, p.Id), p.Description))
                .OrderBy(p => p.Name).ToList())).ToList();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
