using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using GhgReporting.Calc.Gpc;
using GhgReporting.Calc.Text;
using GhgReporting.Calc.Units;

namespace GhgReporting.Calc.Factors;

/// <summary>
/// Loads the catalog from a folder holding <c>manifest.json</c> and the CSV files it lists (the
/// format is described in <c>emission-factors/README.md</c>). Every problem of every file is
/// collected and reported at once with file, line and column.
/// </summary>
public static class CatalogLoader
{
    internal static readonly string[] FactorColumns =
        ["factor_id", "parameter", "activity", "variant", "gpc", "gas", "value", "unit", "region", "climate", "valid_from", "valid_to", "source", "source_ref", "notes"];

    internal static readonly string[] ActivityTypeColumns =
        ["activity_type", "method", "gases", "dimensions", "gpc", "biogenic_co2", "ch4_origin", "description", "source"];

    internal static readonly string[] GwpColumns = ["gwp_set", "gas", "value", "source", "source_ref", "notes"];

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    /// <summary>The catalog shipped next to the running program (copied from <c>emission-factors/</c> at build).</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "emission-factors");

    /// <summary>Loads the catalog shipped with the program.</summary>
    public static FactorCatalog LoadDefault() => LoadFromDirectory(DefaultDirectory);

    /// <exception cref="CatalogFormatException">Any file breaks the format; all problems are listed.</exception>
    public static FactorCatalog LoadFromDirectory(string directory)
    {
        var manifestPath = Path.Combine(directory, "manifest.json");
        if (!File.Exists(manifestPath))
            throw new CatalogFormatException([$"{manifestPath}: not found; the catalog folder must hold manifest.json."]);

        var manifestBytes = File.ReadAllBytes(manifestPath);
        var manifest = JsonSerializer.Deserialize<Manifest>(manifestBytes, JsonOptions)
                       ?? throw new CatalogFormatException([$"{manifestPath}: empty manifest."]);
        var problems = new List<string>();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Normalise(manifestBytes));

        var factors = new List<Factor>();
        var activityTypes = new Dictionary<string, ActivityTypeDefinition>(StringComparer.Ordinal);
        var gwpValues = new List<GwpValue>();
        var datasets = new List<DatasetInfo>();

        foreach (var d in manifest.Datasets ?? [])
        {
            var info = new DatasetInfo(d.Id ?? "", d.Version ?? "", d.Kind ?? "", d.File ?? "", d.Title ?? "", d.Publisher, d.Document);
            if (string.IsNullOrWhiteSpace(info.Id) || string.IsNullOrWhiteSpace(info.Version) || string.IsNullOrWhiteSpace(info.File))
            {
                problems.Add($"manifest.json: dataset '{info.Id}': id, version and file are required.");
                continue;
            }
            datasets.Add(info);
            var path = Path.Combine(directory, info.File);
            if (!File.Exists(path))
            {
                problems.Add($"manifest.json: dataset {info.Id}: file {info.File} not found.");
                continue;
            }
            var bytes = File.ReadAllBytes(path);
            hash.AppendData(Encoding.UTF8.GetBytes($"\0{info.File}\0"));
            hash.AppendData(Normalise(bytes));
            var text = Encoding.UTF8.GetString(Normalise(bytes));
            switch (info.Kind)
            {
                case "factors": factors.AddRange(ReadFactors(new StringReader(text), info, problems)); break;
                case "activity-types":
                    foreach (var a in ReadActivityTypes(new StringReader(text), info, problems))
                        if (!activityTypes.TryAdd(a.Name, a)) problems.Add($"{info.File}: activity type {a.Name} is defined twice.");
                    break;
                case "gwp": gwpValues.AddRange(ReadGwp(new StringReader(text), info, problems)); break;
                default: problems.Add($"manifest.json: dataset {info.Id}: kind '{info.Kind}' is not one of factors, activity-types, gwp."); break;
            }
        }

        CheckCrossReferences(factors, activityTypes, problems);
        if (problems.Count > 0) throw new CatalogFormatException(problems);
        CatalogValidation.ThrowIfOverlapping(factors);

        var gwpSets = gwpValues.GroupBy(g => g.Set, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => new GwpSet(g.Key, g), StringComparer.OrdinalIgnoreCase);
        return new FactorCatalog(manifest.Catalog ?? "catalog", Convert.ToHexStringLower(hash.GetHashAndReset()),
            datasets, factors, activityTypes, gwpSets);
    }

    /// <summary>Reads factor rows (the same columns as the catalog's factor files), e.g. a city's own
    /// factors uploaded as CSV.</summary>
    /// <exception cref="CatalogFormatException">Any row is wrong; all problems are listed.</exception>
    public static IReadOnlyList<Factor> ReadFactors(TextReader reader, string fileName, string datasetId, string datasetVersion)
    {
        var problems = new List<string>();
        var info = new DatasetInfo(datasetId, datasetVersion, "factors", fileName, datasetId, null, null);
        var rows = ReadFactors(reader, info, problems).ToList();
        if (problems.Count > 0) throw new CatalogFormatException(problems);
        return rows;
    }

    private static IEnumerable<Factor> ReadFactors(TextReader reader, DatasetInfo info, List<string> problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (line, row) in ReadTable(reader, info.File, FactorColumns, problems))
        {
            var rowProblems = new List<string>();
            string Where(string column) => $"{info.File}:{line}: column {column}";
            var id = row["factor_id"];
            if (id.Length == 0) rowProblems.Add($"{Where("factor_id")}: empty.");
            else if (!seen.Add(id)) rowProblems.Add($"{Where("factor_id")}: '{id}' appears twice.");
            if (row["activity"].Length == 0) rowProblems.Add($"{Where("activity")}: empty.");
            if (!decimal.TryParse(row["value"], NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value))
                rowProblems.Add($"{Where("value")}: '{row["value"]}' is not a number (use '.' as decimal point, no thousands separators).");
            var unit = UnitParser.Parse(row["unit"]);
            if (!unit.Success) rowProblems.Add($"{Where("unit")}: {unit.Error}");
            Gas? gas = null;
            if (row["gas"].Length > 0)
            {
                if (GasSymbols.TryParse(row["gas"], out var g)) gas = g;
                else rowProblems.Add($"{Where("gas")}: unknown gas '{row["gas"]}'. Known: {string.Join(", ", GasSymbols.Known)}.");
            }
            var from = ParseYear(row["valid_from"], Where("valid_from"), rowProblems);
            var to = ParseYear(row["valid_to"], Where("valid_to"), rowProblems);
            if (row["region"].Length == 0) rowProblems.Add($"{Where("region")}: empty; use * for an IPCC default.");
            if (rowProblems.Count > 0)
            {
                problems.AddRange(rowProblems);
                continue;
            }

            var factor = new Factor(
                id, row["parameter"], row["activity"].ToLowerInvariant(), NullIfEmpty(row["variant"])?.ToLowerInvariant(),
                row["gpc"].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                gas, Quantity.Of(value, unit.Value!), row["region"], NullIfEmpty(row["climate"]), from, to,
                row["source"], NullIfEmpty(row["source_ref"]), NullIfEmpty(row["notes"]), info.Id, info.Version);
            var checks = CatalogValidation.CheckRow(factor, $"{info.File}:{line}").ToList();
            if (checks.Count > 0) problems.AddRange(checks);
            else yield return factor;
        }
    }

    private static IEnumerable<ActivityTypeDefinition> ReadActivityTypes(TextReader reader, DatasetInfo info, List<string> problems)
    {
        foreach (var (line, row) in ReadTable(reader, info.File, ActivityTypeColumns, problems))
        {
            var where = $"{info.File}:{line}";
            var rowProblems = new List<string>();
            var name = row["activity_type"].ToLowerInvariant();
            if (!name.Contains(':') || name.Contains(ActivityKey.VariantSeparator))
                rowProblems.Add($"{where}: column activity_type: '{name}' must look like category:name, without '@'.");
            if (!InventoryMethods.Known.Contains(row["method"]))
                rowProblems.Add($"{where}: column method: unknown method '{row["method"]}'. Known: {string.Join(", ", InventoryMethods.Known)}.");
            var gases = new List<Gas>();
            foreach (var symbol in SplitList(row["gases"]))
            {
                if (GasSymbols.TryParse(symbol, out var g)) gases.Add(g);
                else rowProblems.Add($"{where}: column gases: unknown gas '{symbol}'.");
            }
            var dims = new List<Dimension>();
            foreach (var word in SplitList(row["dimensions"]))
            {
                if (DimensionNames.TryGetValue(word, out var dim)) dims.Add(dim);
                else rowProblems.Add($"{where}: column dimensions: unknown dimension '{word}'. Known: {string.Join(", ", DimensionNames.Keys)}.");
            }
            var patterns = SplitList(row["gpc"]).ToList();
            if (patterns.Count == 0 && row["method"] != InventoryMethods.ProjectBaseline) rowProblems.Add($"{where}: column gpc: list the GPC references this activity may be reported under.");
            foreach (var p in patterns.Where(p => !GpcStructure.Categories.Any(c => GpcStructure.Matches(p, c.Reference))))
                rowProblems.Add($"{where}: column gpc: pattern '{p}' matches no GPC reference.");
            if (!bool.TryParse(row["biogenic_co2"], out var biogenic))
                rowProblems.Add($"{where}: column biogenic_co2: '{row["biogenic_co2"]}' is not true or false.");
            CarbonOrigin origin = CarbonOrigin.Fossil;
            if (row["ch4_origin"] == "non-fossil") origin = CarbonOrigin.NonFossil;
            else if (row["ch4_origin"] != "fossil") rowProblems.Add($"{where}: column ch4_origin: '{row["ch4_origin"]}' is not fossil or non-fossil.");
            if (string.IsNullOrWhiteSpace(row["source"])) rowProblems.Add($"{where}: column source: cite the equation the method follows.");

            if (rowProblems.Count > 0) problems.AddRange(rowProblems);
            else yield return new ActivityTypeDefinition(name, row["method"], gases, dims, patterns, biogenic, origin,
                row["description"], row["source"], info.Id, info.Version);
        }
    }

    private static IEnumerable<GwpValue> ReadGwp(TextReader reader, DatasetInfo info, List<string> problems)
    {
        foreach (var (line, row) in ReadTable(reader, info.File, GwpColumns, problems))
        {
            var where = $"{info.File}:{line}";
            if (!decimal.TryParse(row["value"], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value <= 0)
                problems.Add($"{where}: column value: '{row["value"]}' is not a positive number.");
            else if (string.IsNullOrWhiteSpace(row["source"]))
                problems.Add($"{where}: column source: every GWP needs its citation.");
            else
                yield return new GwpValue(row["gwp_set"], row["gas"], value, row["source"], NullIfEmpty(row["source_ref"]), NullIfEmpty(row["notes"]));
        }
    }

    private static IEnumerable<(int Line, Dictionary<string, string> Row)> ReadTable(TextReader reader, string file, string[] columns, List<string> problems)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = true, TrimOptions = TrimOptions.Trim };
        using var csv = new CsvReader(reader, config);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is null)
        {
            problems.Add($"{file}: empty file; expected the header {string.Join(",", columns)}.");
            yield break;
        }
        if (!csv.HeaderRecord.SequenceEqual(columns))
        {
            problems.Add($"{file}:1: header is '{string.Join(",", csv.HeaderRecord)}'; expected '{string.Join(",", columns)}'.");
            yield break;
        }
        while (csv.Read())
        {
            if (csv.Parser.Record is { } record && record.All(string.IsNullOrWhiteSpace)) continue;
            if (csv.Parser.Count != columns.Length)
            {
                problems.Add($"{file}:{csv.Parser.RawRow}: {csv.Parser.Count} fields; expected {columns.Length}.");
                continue;
            }
            yield return (csv.Parser.RawRow, columns.ToDictionary(c => c, c => csv.GetField(c) ?? ""));
        }
    }

    private static void CheckCrossReferences(List<Factor> factors, Dictionary<string, ActivityTypeDefinition> types, List<string> problems)
    {
        if (types.Count == 0) return;
        foreach (var f in factors.Where(f => !types.Keys.Any(f.AppliesToActivity)))
            problems.Add($"factor {f.Id} ({f.DatasetId}): activity '{f.Activity}' matches no activity type in activity-types.");
    }

    private static readonly Dictionary<string, Dimension> DimensionNames = new(StringComparer.Ordinal)
    {
        ["energy"] = Dimension.Energy, ["mass"] = Dimension.Mass, ["volume"] = Dimension.Volume,
        ["count"] = Dimension.Count, ["distance"] = Dimension.Distance,
    };

    private static int? ParseYear(string text, string where, List<string> problems)
    {
        if (text.Length == 0) return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2200) return year;
        problems.Add($"{where}: '{text}' is not a year.");
        return null;
    }

    private static IEnumerable<string> SplitList(string text) => text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    /// <summary>Strips a UTF-8 byte-order mark and turns CRLF into LF, so that the hash depends on the
    /// content, not on the editor or the Git checkout setting.</summary>
    private static byte[] Normalise(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        return Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n"));
    }

    private sealed class Manifest
    {
        public string? Catalog { get; set; }
        public List<ManifestDataset>? Datasets { get; set; }
    }

    private sealed class ManifestDataset
    {
        public string? Id { get; set; }
        public string? Version { get; set; }
        public string? Kind { get; set; }
        public string? File { get; set; }
        public string? Title { get; set; }
        public string? Publisher { get; set; }
        public string? Document { get; set; }
    }
}
