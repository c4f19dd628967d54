using System.Collections.Concurrent;
using System.Text.Json;
using GhgReporting.Calc.Factors;
using GhgReporting.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace GhgReporting.Data.Catalogs;

/// <summary>
/// The factor catalogs the service can calculate with: the one shipped with the program ("latest") and
/// every earlier one it has used, stored whole in the database so that an inventory pinned to an older
/// catalog can still be recalculated after the shipped factors change. Catalogs are content-addressed
/// (SHA-256), so caching a loaded one by its hash cannot serve a wrong one.
/// </summary>
public sealed class CatalogRegistry
{
    private readonly ConcurrentDictionary<string, FactorCatalog> _loaded = new(StringComparer.Ordinal);

    public CatalogRegistry(FactorCatalog shipped, string shippedDirectory)
    {
        Latest = shipped;
        ShippedDirectory = shippedDirectory;
        _loaded[shipped.ContentHash] = shipped;
    }

    /// <summary>The catalog shipped with this build; the default for new calculations and uploads.</summary>
    public FactorCatalog Latest { get; }

    public string ShippedDirectory { get; }

    public static CatalogRegistry LoadShipped() => new(CatalogLoader.LoadDefault(), CatalogLoader.DefaultDirectory);

    /// <summary>Stores the shipped catalog's files unless a catalog with the same hash is stored already.</summary>
    public async Task RegisterShippedAsync(GhgDbContext db, DateTimeOffset at, CancellationToken ct)
    {
        if (await db.FactorCatalogs.AnyAsync(c => c.ContentHash == Latest.ContentHash, ct)) return;
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["manifest.json"] = await File.ReadAllTextAsync(Path.Combine(ShippedDirectory, "manifest.json"), ct),
        };
        foreach (var dataset in Latest.Datasets)
            files[dataset.File] = await File.ReadAllTextAsync(Path.Combine(ShippedDirectory, dataset.File), ct);
        db.FactorCatalogs.Add(new FactorCatalogVersion
        {
            ContentHash = Latest.ContentHash,
            Name = Latest.Name,
            DatasetVersions = Latest.Stamp.DatasetVersions.ToArray(),
            Files = JsonSerializer.Serialize(files),
            RegisteredAt = at,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // Another process registered the same catalog at the same moment.
        }
        db.ChangeTracker.Clear();
    }

    /// <summary>The catalog with this content hash (or the latest when null); null when none is stored.</summary>
    public async Task<FactorCatalog?> FindAsync(GhgDbContext db, string? contentHash, CancellationToken ct)
    {
        if (contentHash is null) return Latest;
        if (_loaded.TryGetValue(contentHash, out var cached)) return cached;
        var stored = await db.FactorCatalogs.AsNoTracking().FirstOrDefaultAsync(c => c.ContentHash == contentHash, ct);
        if (stored is null) return null;

        var folder = Directory.CreateTempSubdirectory("ghg-catalog-");
        try
        {
            foreach (var (path, text) in JsonSerializer.Deserialize<Dictionary<string, string>>(stored.Files)!)
            {
                var full = Path.GetFullPath(Path.Combine(folder.FullName, path));
                if (!full.StartsWith(folder.FullName, StringComparison.Ordinal)) throw new InvalidDataException($"Stored catalog {contentHash} names a file outside its folder: {path}.");
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                await File.WriteAllTextAsync(full, text, ct);
            }
            var catalog = CatalogLoader.LoadFromDirectory(folder.FullName);
            if (catalog.ContentHash != contentHash)
                throw new InvalidDataException($"Stored catalog {contentHash} reloads with hash {catalog.ContentHash}; the stored files were altered.");
            return _loaded.GetOrAdd(contentHash, catalog);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The stored catalogs, newest first.</summary>
    public static Task<List<FactorCatalogVersion>> ListAsync(GhgDbContext db, CancellationToken ct) =>
        db.FactorCatalogs.AsNoTracking().OrderByDescending(c => c.RegisteredAt).ToListAsync(ct);
}
