using GhgReporting.Calc.Factors;
using GhgReporting.Calc.Inventory;

namespace GhgReporting.Data.Inventories;

/// <summary>What an inventory version keeps besides its GPC table: every line with its trace, the GWP
/// values and catalog it used, and the totals. Stored as jsonb; every number is an exact decimal.</summary>
public sealed record InventoryDocument(
    string CityId,
    int Year,
    string GwpSet,
    bool Ch4ByOrigin,
    IReadOnlyList<GwpValueUsed> GwpValues,
    CatalogUsed Catalog,
    IReadOnlyList<InventoryLineDocument> Lines,
    IReadOnlyList<TotalDocument> Totals,
    IReadOnlyList<string> Warnings)
{
    public static InventoryDocument From(InventoryResult result) => new(
        result.CityId,
        result.Year,
        result.Gwp.Set,
        result.Gwp.Ch4ByOrigin,
        result.GwpValues.Select(v => new GwpValueUsed(v.Set, v.GasKey, v.Value, v.Source, v.SourceRef)).ToList(),
        new CatalogUsed(result.Catalog.CatalogName, result.Catalog.ContentHash, result.Catalog.DatasetVersions, result.Catalog.CityFactorsHash),
        result.Lines.Select((l, i) => new InventoryLineDocument(
            i + 1, l.GpcReference, l.ActivityType, l.Method, Submissions.SubmissionUpload.QualityText(l.Quality), l.RecordCount, l.Amount.Value, l.Amount.Unit.Symbol,
            l.Gases.Select(g => new GasDocument(g.Gas.ToString(), g.Tonnes, g.Gwp, g.GwpSource, g.Co2e)).ToList(),
            l.Co2e, l.BiogenicCo2, l.Trace.Method, l.Trace.Equation, l.Trace.Steps, l.Warnings)).ToList(),
        [Total(result.Basic), Total(result.BasicPlus), Total(result.Territorial)],
        result.Warnings);

    private static TotalDocument Total(EmissionTotals t) =>
        new(t.Name, t.Tonnes.GetValueOrDefault(Gas.CO2), t.Tonnes.GetValueOrDefault(Gas.CH4), t.Tonnes.GetValueOrDefault(Gas.N2O), t.Co2e, t.BiogenicCo2);
}

public sealed record GwpValueUsed(string Set, string Gas, decimal Value, string Source, string? SourceRef);

public sealed record CatalogUsed(string Name, string ContentHash, IReadOnlyList<string> DatasetVersions, string? CityFactorsHash);

/// <summary>One line: the records of one activity type under one GPC reference, what they emit and how
/// (the trace steps name every value, unit, factor id and citation).</summary>
public sealed record InventoryLineDocument(
    int Line,
    string GpcReference,
    string ActivityType,
    string Method,
    string DataQuality,
    long RecordCount,
    decimal Amount,
    string Unit,
    IReadOnlyList<GasDocument> Gases,
    decimal Co2e,
    decimal BiogenicCo2,
    string TraceMethod,
    string Equation,
    IReadOnlyList<TraceStep> Steps,
    IReadOnlyList<string> Warnings);

public sealed record GasDocument(string Gas, decimal Tonnes, decimal Gwp, string? GwpSource, decimal Co2e);

/// <summary>A total (BASIC, BASIC+, territorial): tonnes per gas, CO2e and biogenic CO2 reported apart.</summary>
public sealed record TotalDocument(string Name, decimal Co2, decimal Ch4, decimal N2o, decimal Co2e, decimal BiogenicCo2);
