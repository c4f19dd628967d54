using GhgReporting.Api.Uploads;
using GhgReporting.Calc.Units;
using GhgReporting.Data.Catalogs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GhgReporting.Api.Apis;

/// <summary>A record of a JSON upload (the body is an array of these).</summary>
public sealed record RawActivityJson(string GpcReference, string ActivityType, decimal Amount, string Unit, string PeriodStart, string PeriodEnd, string DataQuality, string? Source);

public sealed record ActivityTypeResponse(string Name, string Description, IReadOnlyList<string> GpcReferences, IReadOnlyList<string> Dimensions,
    IReadOnlyList<string> ExampleUnits, IReadOnlyList<string> Variants, string Source);

public sealed record LayoutResponse(IReadOnlyList<ColumnSpec> Columns, string CsvHeader, IReadOnlyList<string> Formats, string CatalogName, string CatalogHash,
    IReadOnlyList<ActivityTypeResponse> ActivityTypes);

/// <summary>The published upload layout and the templates a city officer starts from.</summary>
public static class ActivityDataApi
{
    public static void MapActivityDataApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/activity-data").WithTags("Activity data");
        group.MapGet("/layout", Layout).WithSummary("The columns of an upload (the same for CSV, XLSX and JSON) and the activity types the factor catalog accepts.");
        group.MapGet("/templates/{format}", Template).Produces(200, contentType: "text/csv")
            .WithSummary("A template to fill in: csv, xlsx or json.");
    }

    private static Ok<LayoutResponse> Layout(CatalogRegistry catalogs)
    {
        var catalog = catalogs.Latest;
        var types = catalog.ActivityTypes.Values
            .Where(t => t.Method != Calc.Factors.InventoryMethods.ProjectBaseline)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => new ActivityTypeResponse(t.Name, t.Description, t.GpcPatterns, t.Dimensions.Select(d => d.ToString()).ToList(),
                t.Dimensions.SelectMany(ExampleUnits).ToList(), catalog.VariantsOf(t.Name).Order(StringComparer.Ordinal).ToList(), t.Source))
            .ToList();
        return TypedResults.Ok(new LayoutResponse(ActivityLayout.Columns, ActivityLayout.Header, ["csv", "xlsx", "json"], catalog.Name, catalog.ContentHash, types));
    }

    private static IEnumerable<string> ExampleUnits(Dimension dimension)
    {
        if (dimension == Dimension.Energy) return ["MWh", "kWh", "GJ", "TJ"];
        if (dimension == Dimension.Mass) return ["t", "kg"];
        if (dimension == Dimension.Volume) return ["L", "kL", "m3"];
        if (dimension == Dimension.Count) return ["person"];
        if (dimension == Dimension.MassDistance) return ["t·km"];
        if (dimension == Dimension.Distance) return ["km"];
        return [];
    }

    private static Results<FileContentHttpResult, ProblemHttpResult> Template(string format) => format.ToLowerInvariant() switch
    {
        "csv" => TypedResults.File(UploadTemplates.Csv(), "text/csv; charset=utf-8", "activity-data-template.csv"),
        "xlsx" => TypedResults.File(UploadTemplates.Xlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "activity-data-template.xlsx"),
        "json" => TypedResults.File(UploadTemplates.Json(), "application/json", "activity-data-template.json"),
        _ => Problems.NotFound($"There is no '{format}' template; choose csv, xlsx or json."),
    };
}
