using System.Diagnostics;
using GhgReporting.Api.Submissions;
using GhgReporting.Api.Uploads;
using GhgReporting.Calc.Factors;

namespace GhgReporting.Benchmarks.UploadProfile;

/// <summary>
/// Where an upload's time goes, without HTTP or the database: reading a CSV file with the upload parser
/// alone, then parsing plus row validation. Usage: upload-profile FILE.csv [YEAR] [repeats].
/// </summary>
public static class UploadProfileCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var file = args[0];
        var year = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2023;
        var repeats = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3;
        var catalog = CatalogLoader.LoadDefault();
        for (var i = 0; i < repeats; i++)
        {
            var watch = Stopwatch.StartNew();
            long rows = 0;
            await using (var stream = File.OpenRead(file))
                await foreach (var _ in new CsvActivityRowSource(stream).ReadAsync()) rows++;
            var parse = watch.Elapsed.TotalSeconds;

            watch.Restart();
            long valid = 0;
            var errors = new UploadErrorList();
            var validator = new RowValidator(catalog, new CityContext("bench", "VN", null, "tropical-wet"), year, errors);
            await using (var stream = File.OpenRead(file))
                await foreach (var raw in new CsvActivityRowSource(stream).ReadAsync())
                    if (validator.Validate(raw) is not null) valid++;
            var both = watch.Elapsed.TotalSeconds;
            Console.WriteLine($"run {i + 1}: {rows:N0} rows; parse {parse:F3} s ({rows / parse:N0}/s); parse+validate {both:F3} s ({valid / both:N0}/s); errors {errors.Count}");
        }
        // The parts on rows already in memory: the engine's per-record validation alone, then the validator.
        var raws = new List<RawActivityRow>();
        await using (var stream = File.OpenRead(file))
            await foreach (var raw in new CsvActivityRowSource(stream).ReadAsync()) raws.Add(raw);
        var records = raws.Select(r => new GhgReporting.Calc.Inventory.ActivityRecord(r.GpcReference, r.ActivityType,
            decimal.Parse(r.Amount, System.Globalization.CultureInfo.InvariantCulture), r.Unit, DateOnly.Parse(r.PeriodStart, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(r.PeriodEnd, System.Globalization.CultureInfo.InvariantCulture), GhgReporting.Calc.Inventory.DataQuality.High, r.Source)).ToList();
        for (var i = 0; i < repeats; i++)
        {
            var watch = Stopwatch.StartNew();
            var engine = new GhgReporting.Calc.Inventory.InventoryAccumulator(catalog, new CityContext("bench", "VN", null, "tropical-wet"), year,
                new GhgReporting.Calc.Inventory.InventoryOptions { KeepRecordIds = false });
            foreach (var r in records) engine.Add(r);
            var engineTime = watch.Elapsed.TotalSeconds;
            watch.Restart();
            var validator = new RowValidator(catalog, new CityContext("bench", "VN", null, "tropical-wet"), year, new UploadErrorList());
            foreach (var r in raws) validator.Validate(r);
            Console.WriteLine($"in memory: engine.Add {engineTime:F3} s; RowValidator.Validate {watch.Elapsed.TotalSeconds:F3} s");
        }
        return 0;
    }
}
