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
        {
            var sha = Stopwatch.StartNew();
            using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
            var bytes = await File.ReadAllBytesAsync(file);
            sha.Restart();
            for (var o = 0; o < bytes.Length; o += 16384) hash.AppendData(bytes, o, Math.Min(16384, bytes.Length - o));
            hash.GetHashAndReset();
            Console.WriteLine($"sha-256 of {bytes.Length:N0} bytes: {sha.Elapsed.TotalSeconds:F3} s");
        }
        if (Environment.GetEnvironmentVariable("PROFILE_PG") is { } pg)
        {
            await using var conn = new Npgsql.NpgsqlConnection(pg);
            await conn.OpenAsync();
            await using (var cmd = new Npgsql.NpgsqlCommand("CREATE TEMP TABLE t (submission_id uuid, row_number int, gpc_reference text, activity_type text, amount numeric, unit text, period_start date, period_end date, data_quality text, source text)", conn))
                await cmd.ExecuteNonQueryAsync();
            var rows = new List<RawActivityRow>();
            await using (var stream = File.OpenRead(file))
                await foreach (var raw in new CsvActivityRowSource(stream).ReadAsync()) rows.Add(raw);
            var recs = rows.Select(r => new GhgReporting.Calc.Inventory.ActivityRecord(r.GpcReference, r.ActivityType,
                decimal.Parse(r.Amount, System.Globalization.CultureInfo.InvariantCulture), r.Unit, new DateOnly(2023, 1, 1), new DateOnly(2023, 1, 31),
                GhgReporting.Calc.Inventory.DataQuality.High, r.Source)).ToList();
            for (var k = 0; k < 3; k++)
            {
                var id = Guid.NewGuid();
                var p0 = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
                var w = Stopwatch.StartNew();
                await using (var importer = await conn.BeginBinaryImportAsync("COPY t FROM STDIN (FORMAT BINARY)"))
                {
                    var n = 0;
                    foreach (var r in recs)
                    {
                        importer.StartRow();
                        importer.Write(id, NpgsqlTypes.NpgsqlDbType.Uuid);
                        importer.Write(++n, NpgsqlTypes.NpgsqlDbType.Integer);
                        importer.Write(r.GpcReference, NpgsqlTypes.NpgsqlDbType.Text);
                        importer.Write(r.ActivityType, NpgsqlTypes.NpgsqlDbType.Text);
                        importer.Write(r.Amount, NpgsqlTypes.NpgsqlDbType.Numeric);
                        importer.Write(r.Unit, NpgsqlTypes.NpgsqlDbType.Text);
                        importer.Write(r.PeriodStart, NpgsqlTypes.NpgsqlDbType.Date);
                        importer.Write(r.PeriodEnd, NpgsqlTypes.NpgsqlDbType.Date);
                        importer.Write("high", NpgsqlTypes.NpgsqlDbType.Text);
                        importer.Write(r.Source, NpgsqlTypes.NpgsqlDbType.Text);
                    }
                    await importer.CompleteAsync();
                }
                var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - p0;
                var binaryWall = w.Elapsed;
                var p1 = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
                var w1 = Stopwatch.StartNew();
                await using (var text = await conn.BeginTextImportAsync("COPY t FROM STDIN"))
                {
                    var n = 0;
                    var ids = id.ToString();
                    foreach (var r in recs)
                    {
                        text.Write(ids); text.Write('\t');
                        text.Write(++n); text.Write('\t');
                        text.Write(r.GpcReference); text.Write('\t');
                        text.Write(r.ActivityType); text.Write('\t');
                        text.Write(r.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture)); text.Write('\t');
                        text.Write(r.Unit); text.Write('\t');
                        text.Write(r.PeriodStart.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)); text.Write('\t');
                        text.Write(r.PeriodEnd.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)); text.Write('\t');
                        text.Write("high"); text.Write('\t');
                        text.Write(r.Source); text.Write('\n');
                    }
                }
                var cpuText = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - p1;
                Console.WriteLine($"npgsql text COPY: {w1.Elapsed.TotalSeconds:F3} s wall, {cpuText.TotalSeconds:F3} s client CPU");
                Console.WriteLine($"npgsql binary COPY of {recs.Count:N0} rows: {binaryWall.TotalSeconds:F3} s wall, {cpu.TotalSeconds:F3} s client CPU");
            }
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
