using GhgReporting.Api.Console;
using GhgReporting.Api.Uploads;
using GhgReporting.Calc.Factors;
using GhgReporting.Calc.Inventory;

// Until the HTTP service exists (issue 3), the main job calculates an inventory from a CSV of activity
// records — by default the bundled, illustrative example of Hai Phong 2023 — and prints the GPC table.
var options = ExampleOptions.Parse(args);
var catalog = CatalogLoader.LoadDefault();
using var file = File.OpenText(options.File);
var reader = new ActivityCsvReader(file);
var records = reader.Read().ToList();
if (reader.Errors.Count > 0)
{
    Console.Error.WriteLine($"{options.File}: {reader.Errors.Count} problem(s); nothing was calculated:");
    foreach (var e in reader.Errors) Console.Error.WriteLine("  - " + e);
    return 1;
}

try
{
    var result = InventoryCalculator.Calculate(catalog, new InventoryRequest(options.City, options.Year, options.Gwp, records,
        [new NotationKeyDeclaration("I.7.1", NotationKey.NO, "No coal is mined or handled in the city (illustrative).")]));
    GpcTablePrinter.Print(result, Console.Out);
    return 0;
}
catch (Exception e) when (e is InventoryValidationException or InventoryCalculationException)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

internal sealed record ExampleOptions(string File, CityContext City, int Year, GwpChoice Gwp)
{
    public static ExampleOptions Parse(string[] args)
    {
        string Arg(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        var file = Arg("--file", Path.Combine(AppContext.BaseDirectory, "examples", "hai-phong-2023.csv"));
        var city = new CityContext(Arg("--city", "hai-phong"), Arg("--country", "VN"), args.Contains("--subregion") ? Arg("--subregion", "") : null, Arg("--climate", "tropical-wet"));
        return new ExampleOptions(file, city, int.Parse(Arg("--year", "2023"), System.Globalization.CultureInfo.InvariantCulture),
            new GwpChoice(Arg("--gwp", "AR5"), args.Contains("--ch4-by-origin")));
    }
}
