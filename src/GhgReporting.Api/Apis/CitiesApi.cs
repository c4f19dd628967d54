using GhgReporting.Api.Auth;
using GhgReporting.Api.Requests;
using GhgReporting.Data;
using GhgReporting.Data.Audit;
using GhgReporting.Data.Entities;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GhgReporting.Api.Apis;

public sealed record PartnerResponse(string CityId, string Name, string Description, bool IsIllustrative);

public sealed record CityResponse(
    string Id, string Name, string Country, string? SubRegion, string? Climate,
    long? Population, int? PopulationYear, string? PopulationSource, bool IsIllustrative, IReadOnlyList<PartnerResponse> Partners);

public sealed record CreateCityRequest(string Id, string Name, string Country, string? SubRegion, string? Climate, long? Population, int? PopulationYear, string? PopulationSource);

public sealed record CreatePartnershipRequest(string PartnerCityId, string Description);

/// <summary>Cities and their partner links. Anyone may list them; the secretariat registers them.</summary>
public static class CitiesApi
{
    public static RouteGroupBuilder MapCitiesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cities").WithTags("Cities");
        group.MapGet("/", List).WithSummary("All cities with their partner cities.");
        group.MapGet("/{cityId}", Get).WithSummary("One city.");
        group.MapPost("/", Create).RequireAuthorization(Policies.Secretariat).WithSummary("Register a city (secretariat).");
        group.MapPost("/{cityId}/partners", AddPartner).RequireAuthorization(Policies.Secretariat).WithSummary("Link two cities as partners (secretariat).");
        return group;
    }

    private static async Task<Ok<List<CityResponse>>> List(GhgDbContext db, CancellationToken ct)
    {
        var cities = await db.Cities.AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct);
        var links = await db.Partnerships.AsNoTracking().ToListAsync(ct);
        return TypedResults.Ok(cities.Select(c => ToResponse(c, cities, links)).ToList());
    }

    private static async Task<Results<Ok<CityResponse>, ProblemHttpResult>> Get(string cityId, GhgDbContext db, CancellationToken ct)
    {
        var cities = await db.Cities.AsNoTracking().ToListAsync(ct);
        var city = cities.FirstOrDefault(c => c.Id == cityId);
        if (city is null) return Problems.NotFound($"There is no city '{cityId}'.");
        var links = await db.Partnerships.AsNoTracking().Where(p => p.CityId == cityId || p.PartnerCityId == cityId).ToListAsync(ct);
        return TypedResults.Ok(ToResponse(city, cities, links));
    }

    private static async Task<Results<Created<CityResponse>, ProblemHttpResult>> Create(
        CreateCityRequest request, Caller caller, GhgDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var problems = new List<string>();
        if (!CityRules.Slug().IsMatch(request.Id ?? "")) problems.Add($"id '{request.Id}' must be a lowercase slug such as 'hai-phong' (letters, digits, single hyphens).");
        if (string.IsNullOrWhiteSpace(request.Name)) problems.Add("name is required.");
        if (!CityRules.Country().IsMatch(request.Country ?? "")) problems.Add($"country '{request.Country}' must be an ISO 3166-1 alpha-2 code such as VN, ID, KH, MM, CN, JP.");
        if (request.Population is < 0) problems.Add("population cannot be negative.");
        if (problems.Count > 0) return Problems.BadRequest(string.Join(" ", problems), "Invalid city");
        if (await db.Cities.AnyAsync(c => c.Id == request.Id, ct)) return Problems.Conflict("City exists", $"City '{request.Id}' is already registered.");

        var now = clock.UtcNowForDatabase();
        var city = new City
        {
            Id = request.Id!, Name = request.Name.Trim(), Country = request.Country!, SubRegion = request.SubRegion, Climate = request.Climate,
            Population = request.Population, PopulationYear = request.PopulationYear, PopulationSource = request.PopulationSource, CreatedAt = now,
        };
        db.Cities.Add(city);
        AuditLog.Record(db, caller.ToActor(), city.Id, "city.created", "city", city.Id, request, now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/cities/{city.Id}", ToResponse(city, [city], []));
    }

    private static async Task<Results<Created<PartnerResponse>, ProblemHttpResult>> AddPartner(
        string cityId, CreatePartnershipRequest request, Caller caller, GhgDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var pair = new[] { cityId, request.PartnerCityId }.Order(StringComparer.Ordinal).ToArray();
        if (pair[0] == pair[1]) return Problems.BadRequest("A city cannot be its own partner.");
        var found = await db.Cities.Where(c => pair.Contains(c.Id)).ToListAsync(ct);
        var missing = pair.Except(found.Select(c => c.Id)).ToList();
        if (missing.Count > 0) return Problems.NotFound($"There is no city '{string.Join("', '", missing)}'.");
        if (await db.Partnerships.AnyAsync(p => p.CityId == pair[0] && p.PartnerCityId == pair[1], ct))
            return Problems.Conflict("Already partners", $"{pair[0]} and {pair[1]} are already partners.");
        var now = clock.UtcNowForDatabase();
        db.Partnerships.Add(new CityPartnership { CityId = pair[0], PartnerCityId = pair[1], Description = request.Description, CreatedAt = now });
        AuditLog.Record(db, caller.ToActor(), cityId, "partnership.created", "city_partnership", $"{pair[0]}+{pair[1]}", request, now);
        await db.SaveChangesAsync(ct);
        var partner = found.Single(c => c.Id == request.PartnerCityId);
        return TypedResults.Created($"/api/cities/{cityId}", new PartnerResponse(partner.Id, partner.Name, request.Description, false));
    }

    private static CityResponse ToResponse(City c, IReadOnlyList<City> cities, IReadOnlyList<CityPartnership> links) => new(
        c.Id, c.Name, c.Country.Trim(), c.SubRegion, c.Climate, c.Population, c.PopulationYear, c.PopulationSource, c.IsIllustrative,
        links.Where(l => l.CityId == c.Id || l.PartnerCityId == c.Id)
            .Select(l => l.CityId == c.Id ? l.PartnerCityId : l.CityId)
            .Zip(links.Where(l => l.CityId == c.Id || l.PartnerCityId == c.Id))
            .Select(p => new PartnerResponse(p.First, cities.FirstOrDefault(x => x.Id == p.First)?.Name ?? p.First, p.Second.Description, p.Second.IsIllustrative))
            .OrderBy(p => p.Name).ToList());


}
