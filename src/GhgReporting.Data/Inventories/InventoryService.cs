using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GhgReporting.Calc.Factors;
using GhgReporting.Calc.Gpc;
using GhgReporting.Calc.Inventory;
using GhgReporting.Data.Audit;
using GhgReporting.Data.Catalogs;
using GhgReporting.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GhgReporting.Data.Inventories;

/// <summary>What to calculate: a city's inventory for a year, under a GWP set and factor catalog
/// (null = the latest shipped), with the notation keys the city declares.</summary>
public sealed record CalculateInventory(
    string CityId,
    int Year,
    string GwpSet = "AR5",
    bool Ch4ByOrigin = false,
    string? CatalogHash = null,
    IReadOnlyList<NotationKeyDeclaration>? NotationKeys = null);

/// <summary>A refusal with the HTTP-like status, a title and the problems in plain words.</summary>
public sealed record InventoryProblem(int Status, string Title, string Detail, IReadOnlyList<string>? Problems = null);

/// <summary>
/// Calculates inventories from the city's current submissions and stores each as a version with its
/// inputs pinned; publishes (freezes) versions. The engine does the arithmetic; this class only feeds it
/// stored records and keeps what it returns.
/// </summary>
public sealed class InventoryService(GhgDbContext db, CatalogRegistry catalogs, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Calculates and stores a new version, or returns the existing version calculated from
    /// exactly the same inputs (<c>Existing</c> true).</summary>
    public async Task<(InventoryVersion? Version, bool Existing, InventoryProblem? Problem)> CalculateAsync(CalculateInventory request, Actor actor, CancellationToken ct)
    {
        var city = await db.Cities.AsNoTracking().FirstOrDefaultAsync(c => c.Id == request.CityId, ct);
        if (city is null) return (null, false, new InventoryProblem(404, "City not found", $"There is no city '{request.CityId}'."));
        var catalog = await catalogs.FindAsync(db, request.CatalogHash, ct);
        if (catalog is null)
            return (null, false, new InventoryProblem(404, "Factor catalog not found",
                $"No factor catalog with hash '{request.CatalogHash}' is stored; leave it out to use the latest ({catalogs.Latest.ContentHash})."));
        if (!catalog.GwpSets.ContainsKey(request.GwpSet))
            return (null, false, new InventoryProblem(400, "Unknown GWP set",
                $"GWP set '{request.GwpSet}' is not in catalog {catalog.Name}; choose one of {string.Join(", ", catalog.GwpSets.Keys.Order())}."));

        var submissions = await db.Submissions.AsNoTracking()
            .Where(s => s.CityId == request.CityId && s.Year == request.Year && s.SupersededById == null && s.ContentSha256 != null)
            .OrderBy(s => s.Id).Select(s => s.Id).ToArrayAsync(ct);
        if (submissions.Length == 0)
            return (null, false, new InventoryProblem(409, "No activity data",
                $"{city.Name} has no activity data for {request.Year}; upload a file first."));

        var keys = (request.NotationKeys ?? []).OrderBy(k => k.GpcReference, StringComparer.Ordinal).ToList();
        var inputsHash = InputsHash(catalog.ContentHash, request, submissions, keys);
        var existing = await db.InventoryVersions.AsNoTracking()
            .FirstOrDefaultAsync(v => v.CityId == request.CityId && v.Year == request.Year && v.InputsHash == inputsHash, ct);
        if (existing is not null) return (existing, true, null);

        var context = new CityContext(city.Id, city.Country.Trim(), city.SubRegion, city.Climate);
        var accumulator = new InventoryAccumulator(catalog, context, request.Year, new InventoryOptions { KeepRecordIds = false });
        await foreach (var record in ReadRecordsAsync(submissions, ct)) accumulator.Add(record);

        InventoryResult result;
        try
        {
            result = InventoryCalculator.Finish(accumulator, new GwpChoice(request.GwpSet, request.Ch4ByOrigin), keys);
        }
        catch (InventoryValidationException e)
        {
            return (null, false, new InventoryProblem(422, "Records do not fit this factor catalog",
                $"{e.TotalErrors} stored record(s) cannot be used with catalog {catalog.Name} ({catalog.ContentHash[..12]}).",
                e.Errors.Select(x => x.ToString()).ToList()));
        }
        catch (InventoryCalculationException e)
        {
            return (null, false, new InventoryProblem(422, "The inventory cannot be calculated",
                "Factors are missing or ambiguous, or a notation key is wrong; nothing was stored.", e.Problems));
        }

        var number = (await db.InventoryVersions.Where(v => v.CityId == request.CityId && v.Year == request.Year).MaxAsync(v => (int?)v.Version, ct) ?? 0) + 1;
        var now = clock.UtcNowForDatabase();
        var version = new InventoryVersion
        {
            Id = Guid.CreateVersion7(),
            CityId = city.Id,
            Year = request.Year,
            Version = number,
            GwpSet = result.Gwp.Set,
            Ch4ByOrigin = result.Gwp.Ch4ByOrigin,
            CatalogHash = catalog.ContentHash,
            CatalogName = catalog.Name,
            DatasetVersions = result.Catalog.DatasetVersions.ToArray(),
            SubmissionIds = submissions,
            InputsHash = inputsHash,
            RecordCount = accumulator.RecordsAdded,
            BasicCo2e = result.Basic.Co2e,
            BasicPlusCo2e = result.BasicPlus.Co2e,
            TerritorialCo2e = result.Territorial.Co2e,
            BiogenicCo2 = result.BasicPlus.BiogenicCo2,
            Document = JsonSerializer.Serialize(InventoryDocument.From(result), Json),
            NotationKeys = JsonSerializer.Serialize(keys.Select(k => new { k.GpcReference, Key = k.Key.ToString(), k.Explanation }), Json),
            CalculatedAt = now,
            CalculatedByUserId = actor.UserId,
        };
        db.InventoryVersions.Add(version);
        db.InventoryFigures.AddRange(Figures(version.Id, result));
        AuditLog.Record(db, actor, city.Id, "inventory.calculated", "inventory_version", version.Id.ToString(),
            new { version.Year, version.Version, version.GwpSet, version.CatalogHash, Submissions = submissions, version.BasicCo2e, version.BasicPlusCo2e }, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            return (null, false, new InventoryProblem(409, "Calculated at the same moment",
                $"Another calculation of {city.Name} {request.Year} was stored at the same moment; read the versions and try again if needed."));
        }
        db.ChangeTracker.Clear();
        return (version, false, null);
    }

    /// <summary>Publishes (freezes) a version. Publishing twice is refused; a published version never changes.</summary>
    public async Task<(InventoryVersion? Version, InventoryProblem? Problem)> PublishAsync(string cityId, int year, int versionNumber, Actor actor, CancellationToken ct)
    {
        var version = await db.InventoryVersions.AsNoTracking().FirstOrDefaultAsync(v => v.CityId == cityId && v.Year == year && v.Version == versionNumber, ct);
        if (version is null) return (null, new InventoryProblem(404, "Inventory version not found", $"{cityId} has no inventory version {versionNumber} for {year}."));
        InventoryProblem AlreadyPublished(DateTimeOffset? at) => new(409, "Already published",
            $"Version {versionNumber} of {cityId} {year} was published{(at is null ? "" : $" on {at:yyyy-MM-dd HH:mm} UTC")} and is frozen.");
        if (version.PublishedAt is { } published) return (null, AlreadyPublished(published));

        var now = clock.UtcNowForDatabase();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Publish only a draft, in one statement: of two concurrent publications exactly one changes the row.
        var changed = await db.InventoryVersions
            .Where(v => v.Id == version.Id && v.PublishedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(v => v.PublishedAt, now).SetProperty(v => v.PublishedByUserId, actor.UserId), ct);
        if (changed == 0) return (null, AlreadyPublished(null));
        AuditLog.Record(db, actor, cityId, "inventory.published", "inventory_version", version.Id.ToString(),
            new { version.Year, version.Version, version.BasicCo2e, version.BasicPlusCo2e, version.CatalogHash }, now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        version.PublishedAt = now;
        version.PublishedByUserId = actor.UserId;
        return (version, null);
    }

    /// <summary>Streams the stored records of the given submissions (no tracking, one round trip).</summary>
    public async IAsyncEnumerable<ActivityRecord> ReadRecordsAsync(Guid[] submissionIds, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await connection.OpenAsync(ct);
        try
        {
            await using var command = new NpgsqlCommand(
                "SELECT gpc_reference, activity_type, amount, unit, period_start, period_end, data_quality, row_number FROM activity_records WHERE submission_id = ANY(@ids)",
                connection);
            command.Parameters.AddWithValue("ids", submissionIds);
            await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);
            while (await reader.ReadAsync(ct))
            {
                yield return new ActivityRecord(
                    reader.GetString(0), reader.GetString(1), reader.GetDecimal(2), reader.GetString(3),
                    reader.GetFieldValue<DateOnly>(4), reader.GetFieldValue<DateOnly>(5), ParseQuality(reader.GetString(6)));
            }
        }
        finally
        {
            if (opened) await connection.CloseAsync();
        }
    }

    internal static DataQuality ParseQuality(string text) => text switch
    {
        "high" => DataQuality.High,
        "medium" => DataQuality.Medium,
        _ => DataQuality.Low,
    };

    private static IEnumerable<InventoryFigure> Figures(Guid versionId, InventoryResult result)
    {
        for (var i = 0; i < result.Categories.Count; i++)
        {
            var c = result.Categories[i];
            decimal? Gas(Gas gas) => c.HasData && c.EstimatedGases.Contains(gas) && c.NotationKey?.Key != NotationKey.C ? c.Tonnes.GetValueOrDefault(gas) : null;
            yield return new InventoryFigure
            {
                VersionId = versionId,
                GpcReference = c.Category.Reference,
                Position = i,
                Sector = GpcStructure.SectorName(c.Category.SubSector.Sector),
                SubSector = c.Category.SubSector.Name,
                Scope = (int)c.Category.Scope,
                Co2 = Gas(Calc.Factors.Gas.CO2),
                Ch4 = Gas(Calc.Factors.Gas.CH4),
                N2o = Gas(Calc.Factors.Gas.N2O),
                Co2e = c.Co2e,
                BiogenicCo2 = c.BiogenicCo2,
                NotationKey = c.NotationKey?.Key.ToString(),
                NotationExplanation = c.NotationKey?.Explanation,
                DataQuality = c.Quality is { } q ? Submissions.SubmissionUpload.QualityText(q) : null,
                InBasic = c.Category.InBasic,
                InBasicPlus = c.Category.InBasicPlus,
            };
        }
    }

    private static string InputsHash(string catalogHash, CalculateInventory request, Guid[] submissions, List<NotationKeyDeclaration> keys)
    {
        var text = new StringBuilder()
            .Append("catalog=").Append(catalogHash).Append('\n')
            .Append("gwp=").Append(request.GwpSet.ToUpperInvariant()).Append(request.Ch4ByOrigin ? "+origin" : "").Append('\n');
        foreach (var s in submissions) text.Append("submission=").Append(s).Append('\n');
        foreach (var k in keys) text.Append("key=").Append(k.GpcReference).Append('|').Append(k.Key).Append('|').Append(k.Explanation).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
