using System.Globalization;
using System.Text;
using System.Text.Json;
using GhgReporting.Api.Auth;
using GhgReporting.Calc.Inventory;
using GhgReporting.Data;
using GhgReporting.Data.Entities;
using GhgReporting.Data.Inventories;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GhgReporting.Api.Apis;

/// <summary>
/// City inventories: calculate a version from the current submissions, read it as the GPC table with
/// BASIC and BASIC+ totals, follow any figure to its trace and records, publish (freeze) it, export it,
/// and see the city's year-over-year series. Unpublished versions are visible only to the city's users and
/// the secretariat; everyone else gets 404 for them.
/// </summary>
public static class InventoriesApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void MapInventoriesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cities/{cityId}/inventories").WithTags("Inventories");
        group.MapGet("/", List).WithSummary("The city's inventory versions you may read.");
        group.MapGet("/series", Series).WithSummary("Year-over-year totals: for each year the latest version you may read (published only for the public).");
        group.MapPost("/{year:int}/calculate", Calculate)
            .WithSummary("Calculate the inventory for a year from the current submissions (GWP set default AR5, the latest factor catalog unless catalogHash is given). Same inputs return the existing version.");
        group.MapGet("/{year:int}", Latest).WithSummary("The latest version of the year you may read, as the GPC table with totals.");
        group.MapGet("/{year:int}/versions/{version:int}", Get).WithSummary("One version as the GPC table with totals.");
        group.MapGet("/{year:int}/versions/{version:int}/lines/{line:int}", Trace).WithSummary("The trace of one line: every step with value, unit, factor and citation.");
        group.MapGet("/{year:int}/versions/{version:int}/lines/{line:int}/records", LineRecords).WithSummary("The stored activity records behind one line (?offset=&limit=).");
        group.MapPost("/{year:int}/versions/{version:int}/publish", Publish).WithSummary("Publish (freeze) a version; it can then be read by everyone and never changes.");
        group.MapGet("/{year:int}/versions/{version:int}/export.csv", ExportCsv).Produces(200, contentType: "text/csv").WithSummary("The GPC table and totals as CSV.");
        group.MapGet("/{year:int}/versions/{version:int}/export.json", ExportJson).WithSummary("Everything about the version as JSON, traces included.");
    }

    private static IQueryable<InventoryVersion> Visible(GhgDbContext db, Caller caller, string cityId)
    {
        var query = db.InventoryVersions.AsNoTracking().Where(v => v.CityId == cityId);
        return caller.CanReadUnpublished(cityId) ? query : query.Where(v => v.PublishedAt != null);
    }

    private static ProblemHttpResult NotVisible(string cityId, int year, int? version = null) =>
        Problems.NotFound($"City '{cityId}' has no {(version is null ? "" : $"version {version} of its ")}inventory for {year} that you may read.");

    private static async Task<Ok<List<InventoryVersionSummary>>> List(string cityId, Caller caller, GhgDbContext db, CancellationToken ct)
    {
        var versions = await Visible(db, caller, cityId).OrderBy(v => v.Year).ThenBy(v => v.Version).ToListAsync(ct);
        return TypedResults.Ok(versions.Select(InventoryVersionSummary.From).ToList());
    }

    private static async Task<Results<Created<InventoryVersionSummary>, Ok<InventoryVersionSummary>, ProblemHttpResult>> Calculate(
        string cityId, int year, CalculateRequest? request, Caller caller, InventoryService inventories, CancellationToken ct)
    {
        if (!caller.CanWriteActivityData(cityId)) return Problems.CannotWrite(caller, cityId);
        var keys = new List<NotationKeyDeclaration>();
        foreach (var k in request?.NotationKeys ?? [])
        {
            if (!Enum.TryParse<NotationKey>(k.Key, ignoreCase: true, out var key) || !Enum.IsDefined(key))
                return Problems.BadRequest($"notation key '{k.Key}' for {k.GpcReference} is not one of NO, NE, IE, C.", "Invalid notation key");
            keys.Add(new NotationKeyDeclaration(k.GpcReference, key, k.Explanation));
        }
        var (version, existing, problem) = await inventories.CalculateAsync(
            new CalculateInventory(cityId, year, request?.GwpSet ?? "AR5", request?.Ch4ByOrigin ?? false, request?.CatalogHash, keys), caller.ToActor(), ct);
        if (problem is not null)
            return Problems.Of(problem.Status, problem.Title, problem.Detail, problem.Problems is null ? null : new Dictionary<string, object?> { ["problems"] = problem.Problems });
        var summary = InventoryVersionSummary.From(version!);
        return existing ? TypedResults.Ok(summary) : TypedResults.Created($"/api/cities/{cityId}/inventories/{year}/versions/{version!.Version}", summary);
    }

    private static async Task<Results<Ok<InventoryResponse>, ProblemHttpResult>> Latest(string cityId, int year, Caller caller, GhgDbContext db, CancellationToken ct)
    {
        var version = await Visible(db, caller, cityId).Where(v => v.Year == year).OrderByDescending(v => v.Version).FirstOrDefaultAsync(ct);
        return version is null ? NotVisible(cityId, year) : TypedResults.Ok(await ResponseAsync(version, db, ct));
    }

    private static async Task<Results<Ok<InventoryResponse>, ProblemHttpResult>> Get(string cityId, int year, int version, Caller caller, GhgDbContext db, CancellationToken ct)
    {
        var found = await Find(db, caller, cityId, year, version, ct);
        return found is null ? NotVisible(cityId, year, version) : TypedResults.Ok(await ResponseAsync(found, db, ct));
    }

    private static Task<InventoryVersion?> Find(GhgDbContext db, Caller caller, string cityId, int year, int version, CancellationToken ct) =>
        Visible(db, caller, cityId).FirstOrDefaultAsync(v => v.Year == year && v.Version == version, ct);

    private static async Task<InventoryResponse> ResponseAsync(InventoryVersion v, GhgDbContext db, CancellationToken ct)
    {
        var document = JsonSerializer.Deserialize<InventoryDocument>(v.Document, Json)!;
        var table = await TableAsync(db, v.Id, ct);
        var baseUrl = $"/api/cities/{v.CityId}/inventories/{v.Year}/versions/{v.Version}";
        return new InventoryResponse(InventoryVersionSummary.From(v), document.Totals, table, document.GwpValues, document.Warnings,
            document.Lines.Select(l => new LineSummary(l.Line, l.GpcReference, l.ActivityType, l.Amount, l.Unit, l.RecordCount, l.Co2e, $"{baseUrl}/lines/{l.Line}")).ToList());
    }

    private static async Task<List<GpcRow>> TableAsync(GhgDbContext db, Guid versionId, CancellationToken ct) =>
        (await db.InventoryFigures.AsNoTracking().Where(f => f.VersionId == versionId).OrderBy(f => f.Position).ToListAsync(ct)).Select(GpcRow.From).ToList();

    private static async Task<Results<Ok<LineTraceResponse>, ProblemHttpResult>> Trace(string cityId, int year, int version, int line, Caller caller, GhgDbContext db, CancellationToken ct)
    {
        var found = await Find(db, caller, cityId, year, version, ct);
        if (found is null) return NotVisible(cityId, year, version);
        var document = JsonSerializer.Deserialize<InventoryDocument>(found.Document, Json)!;
        var item = document.Lines.FirstOrDefault(l => l.Line == line);
        if (item is null) return Problems.NotFound($"Version {version} of {cityId} {year} has lines 1 to {document.Lines.Count}, not {line}.");
        return TypedResults.Ok(new LineTraceResponse(InventoryVersionSummary.From(found), item,
            $"/api/cities/{cityId}/inventories/{year}/versions/{version}/lines/{line}/records"));
    }

    private static async Task<Results<Ok<RecordPage>, ProblemHttpResult>> LineRecords(
        string cityId, int year, int version, int line, int? offset, int? limit, Caller caller, GhgDbContext db, CancellationToken ct)
    {
        var found = await Find(db, caller, cityId, year, version, ct);
        if (found is null) return NotVisible(cityId, year, version);
        var item = JsonSerializer.Deserialize<InventoryDocument>(found.Document, Json)!.Lines.FirstOrDefault(l => l.Line == line);
        if (item is null) return Problems.NotFound($"Version {version} of {cityId} {year} has no line {line}.");
        // A line groups the records of one GPC reference and activity type; uploads store both in the
        // engine's normal form, so equality finds them.
        var skip = Math.Max(0, offset ?? 0);
        var take = Math.Clamp(limit ?? 100, 1, 1000);
        var query = db.ActivityRecords.AsNoTracking()
            .Where(r => found.SubmissionIds.Contains(r.SubmissionId) && r.GpcReference == item.GpcReference && r.ActivityType == item.ActivityType);
        var total = await query.LongCountAsync(ct);
        var page = await query.OrderBy(r => r.SubmissionId).ThenBy(r => r.RowNumber).Skip(skip).Take(take)
            .Select(r => new RecordResponse(r.RowNumber, r.GpcReference, r.ActivityType, r.Amount, r.Unit, r.PeriodStart, r.PeriodEnd, r.DataQuality, r.Source))
            .ToListAsync(ct);
        return TypedResults.Ok(new RecordPage(total, skip, take, page));
    }

    private static async Task<Results<Ok<InventoryVersionSummary>, ProblemHttpResult>> Publish(
        string cityId, int year, int version, Caller caller, InventoryService inventories, GhgDbContext db, CancellationToken ct)
    {
        if (!caller.CanWriteActivityData(cityId))
        {
            // Someone who may not even see the draft is told it does not exist.
            var visible = await Find(db, caller, cityId, year, version, ct);
            return visible is null && caller.IsSignedIn && !caller.CanReadUnpublished(cityId) ? NotVisible(cityId, year, version) : Problems.CannotWrite(caller, cityId);
        }
        var (published, problem) = await inventories.PublishAsync(cityId, year, version, caller.ToActor(), ct);
        return problem is not null ? Problems.Of(problem.Status, problem.Title, problem.Detail) : TypedResults.Ok(InventoryVersionSummary.From(published!));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportCsv(string cityId, int year, int version, Caller caller, GhgDbContext db, CancellationToken ct)
    {
        var found = await Find(db, caller, cityId, year, version, ct);
        if (found is null) return NotVisible(cityId, year, version);
        var table = await TableAsync(db, found.Id, ct);
        var document = JsonSerializer.Deserialize<InventoryDocument>(found.Document, Json)!;
        var csv = new StringBuilder();
        csv.AppendLine("gpc_reference,sector,sub_sector,scope,co2_t,ch4_t,n2o_t,co2e_t,biogenic_co2_t,notation_key,notation_explanation,data_quality,in_basic,in_basic_plus");
        foreach (var r in table)
            csv.AppendLine(string.Join(",", Cell(r.GpcReference), Cell(r.Sector), Cell(r.SubSector), r.Scope.ToString(CultureInfo.InvariantCulture),
                Number(r.Co2), Number(r.Ch4), Number(r.N2o), Number(r.Co2e), Number(r.BiogenicCo2), Cell(r.NotationKey), Cell(r.NotationExplanation),
                Cell(r.DataQuality), r.InBasic ? "yes" : "no", r.InBasicPlus ? "yes" : "no"));
        foreach (var t in document.Totals)
            csv.AppendLine(string.Join(",", Cell(t.Name), "total", "", "", Number(t.Co2), Number(t.Ch4), Number(t.N2o), Number(t.Co2e), Number(t.BiogenicCo2), "", "", "", "", ""));
        return TypedResults.File(new UTF8Encoding(false).GetBytes(csv.ToString()), "text/csv; charset=utf-8",
            $"{cityId}-{year}-v{version}-{(found.PublishedAt is null ? "draft" : "published")}.csv");
    }

    private static async Task<Results<Ok<InventoryExport>, ProblemHttpResult>> ExportJson(string cityId, int year, int version, Caller caller, GhgDbContext db, CancellationToken ct)
    {
        var found = await Find(db, caller, cityId, year, version, ct);
        if (found is null) return NotVisible(cityId, year, version);
        var keys = JsonSerializer.Deserialize<List<NotationKeyRequest>>(found.NotationKeys, Json)!;
        return TypedResults.Ok(new InventoryExport(InventoryVersionSummary.From(found), await TableAsync(db, found.Id, ct),
            JsonSerializer.Deserialize<InventoryDocument>(found.Document, Json)!, keys));
    }

    private static async Task<Results<Ok<SeriesResponse>, ProblemHttpResult>> Series(string cityId, Caller caller, GhgDbContext db, CancellationToken ct)
    {
        if (!await db.Cities.AnyAsync(c => c.Id == cityId, ct)) return Problems.NotFound($"There is no city '{cityId}'.");
        var versions = await Visible(db, caller, cityId).ToListAsync(ct);
        var latest = versions.GroupBy(v => v.Year).Select(g => g.MaxBy(v => v.Version)!).OrderBy(v => v.Year).ToList();
        var ids = latest.Select(v => v.Id).ToList();
        var sectors = await db.InventoryFigures.AsNoTracking().Where(f => ids.Contains(f.VersionId) && f.InBasic)
            .GroupBy(f => new { f.VersionId, f.Sector }).Select(g => new { g.Key.VersionId, g.Key.Sector, Co2e = g.Sum(f => f.Co2e) }).ToListAsync(ct);
        var points = latest.Select(v => new SeriesPoint(v.Year, v.Version, v.PublishedAt is null ? "draft" : "published", v.BasicCo2e, v.BasicPlusCo2e, v.TerritorialCo2e,
            sectors.Where(s => s.VersionId == v.Id).ToDictionary(s => s.Sector, s => s.Co2e))).ToList();
        return TypedResults.Ok(new SeriesResponse(cityId, caller.CanReadUnpublished(cityId) ? "latest version of each year" : "latest published version of each year", points));
    }

    private static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    /// <summary>A text cell: quoted when needed, and never read by a spreadsheet as a formula (text typed by
    /// users, such as a notation key's explanation, could start with = or +).</summary>
    private static string Cell(string? text)
    {
        if (text is null) return "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r') text = "'" + text;
        return text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
    }
}
