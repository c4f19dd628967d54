using System.Diagnostics;
using System.Globalization;
using GhgReporting.Api.Hosting;
using GhgReporting.Data;
using GhgReporting.Data.Audit;
using GhgReporting.Data.Catalogs;
using GhgReporting.Data.Credits;
using GhgReporting.Data.Entities;
using GhgReporting.Data.Projects;
using GhgReporting.Jobs.Hosting;
using GhgReporting.Jobs.Reports;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace GhgReporting.Benchmarks.Reports;

/// <summary>
/// <c>report-throughput --connection CS --worker PATH/GhgReporting.Jobs.dll --reports N --processes P</c>: in a
/// database where the example platform is seeded, registers N solar PV projects with a 12-month monitoring period
/// each and submits them through the service's own classes, queues their N draft monitoring reports, starts P
/// worker processes and measures how many reports per minute they store: from the first job taken to the last
/// job done, by Hangfire's own state times. Prints one line; exits non-zero when a report is missing.
/// </summary>
public static class ReportThroughputCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        string? connection = null, worker = null;
        int reports = 200, processes = 2;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--connection": connection = args[i + 1]; break;
                case "--worker": worker = args[i + 1]; break;
                case "--reports": reports = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--processes": processes = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
            }
        }
        if (connection is null || worker is null || !File.Exists(worker))
        {
            Console.Error.WriteLine("usage: report-throughput --connection CS --worker PATH/GhgReporting.Jobs.dll [--reports N] [--processes P]");
            return 2;
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Ghg"] = connection }).Build());
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => NpgsqlDataSource.Create(connection));
        services.AddDbContext<GhgDbContext>((sp, o) => GhgDatabase.Configure(o, sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton(_ => CatalogRegistry.LoadShipped());
        services.AddScoped<ProjectService>().AddScoped<MonitoringService>().AddScoped<CreditRegistry>();
        services.AddGhgJobs(runServer: false);
        await using var provider = services.BuildServiceProvider();

        var run = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
        var periods = await SubmitPeriodsAsync(provider, reports, run);
        var client = provider.GetRequiredService<IBackgroundJobClient>();

        // The workers start first and are all registered with Hangfire before any job is queued, so that start-up
        // (JIT, schema check) is not counted and every process competes from the first job on.
        var since = await ScalarAsync<DateTime>(connection, "SELECT (now() AT TIME ZONE 'utc')");
        var started = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, processes).Select(_ => StartWorker(worker, connection)).ToList();
        try
        {
            while (await ScalarAsync<long>(connection, $"SELECT count(*) FROM hangfire.server WHERE lastheartbeat >= '{since:yyyy-MM-dd HH:mm:ss.ffffff}'") < processes)
            {
                if (started.Elapsed > TimeSpan.FromMinutes(2)) { Console.Error.WriteLine("the workers did not register within 2 minutes"); return 1; }
                await Task.Delay(100);
            }
            var jobIds = periods.Select(id => client.Enqueue<ReportJobs>(j => j.MonitoringReportAsync(id, false, null, CancellationToken.None))).ToList();
            while (await CountAsync(connection, "SELECT count(*) FROM hangfire.job WHERE id = ANY(@ids) AND statename IN ('Succeeded', 'Failed')", jobIds) < jobIds.Count)
            {
                if (started.Elapsed > TimeSpan.FromMinutes(20)) { Console.Error.WriteLine("the workers did not finish within 20 minutes"); return 1; }
                if (workers.Any(w => w.HasExited)) { Console.Error.WriteLine("a worker process exited"); return 1; }
                await Task.Delay(200);
            }
            // CPU the worker processes used in all (start-up included), to show where a report's time goes.
            var workerCpu = workers.Sum(w => w.TotalProcessorTime.TotalSeconds);
            return await ReportAsync(provider, connection, periods, jobIds, processes, reports, workerCpu);
        }
        finally
        {
            foreach (var w in workers) { if (!w.HasExited) w.Kill(entireProcessTree: true); w.WaitForExit(); }
        }
    }

    private static async Task<int> ReportAsync(ServiceProvider provider, string connection, List<Guid> periods, List<string> jobIds, int processes, int reports, double workerCpu)
    {
        var failed = await CountAsync(connection, "SELECT count(*) FROM hangfire.job WHERE id = ANY(@ids) AND statename = 'Failed'", jobIds);
        await using var db = provider.CreateScope().ServiceProvider.GetRequiredService<GhgDbContext>();
        var projectIds = await db.MonitoringPeriods.AsNoTracking().Where(m => periods.Contains(m.Id)).Select(m => m.ProjectId).ToListAsync();
        var stored = await db.Reports.AsNoTracking().Where(r => r.Kind == ReportKinds.MonitoringReport && r.ProjectId != null && projectIds.Contains(r.ProjectId.Value))
            .Select(r => r.Length).ToListAsync();
        var (first, last) = await SpanAsync(connection, jobIds);
        var seconds = (last - first).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{processes} worker process(es) × 2 workers: {stored.Count} reports in {seconds:0.00} s (first job taken → last job done) = {stored.Count / seconds * 60:N0} reports/minute; median size {Median(stored) / 1024.0:0.0} KB; failed jobs {failed}; worker processes' CPU {workerCpu:0.0} s incl. start-up ({workerCpu * 1000 / Math.Max(1, stored.Count):0.0} ms per report)"));
        return stored.Count == reports && failed == 0 ? 0 : 1;
    }

    /// <summary>N projects like the example SUB-PV-01 (EF_RE 0.533 t/MWh, JCM Jamali Case 2), each with 2023 monitored month by month.</summary>
    private static async Task<List<Guid>> SubmitPeriodsAsync(IServiceProvider provider, int count, string run)
    {
        using var scope = provider.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GhgDbContext>();
        async Task<Actor> ActorAsync(string email, string role)
        {
            var user = await db.Set<AppUser>().SingleOrDefaultAsync(u => u.Email == email)
                       ?? throw new InvalidOperationException($"{email} is missing: seed the example platform first (Seed__ExamplePlatform=true).");
            return new Actor(user.Id, email, role, user.CityId);
        }
        var secretariat = await ActorAsync(ExampleSeeder.SecretariatEmail, Roles.Secretariat);
        var reporter = await ActorAsync(ExampleSeeder.ReporterEmail("surabaya"), Roles.Reporter);
        var projects = scope.ServiceProvider.GetRequiredService<ProjectService>();
        var monitoring = scope.ServiceProvider.GetRequiredService<MonitoringService>();
        decimal[] monthly = [142.5m, 148.0m, 161.2m, 165.9m, 170.3m, 158.7m, 160.1m, 167.4m, 171.8m, 166.0m, 150.6m, 137.5m];
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var (project, problem) = await projects.RegisterAsync(new RegisterProject($"BENCH-{run}-{i:000}", "surabaya", "kitakyushu", $"Benchmark rooftop PV {i}", "Renewable energy",
                "GHG-RE-SOLARPV", "1.0", [new ExAnteValue("EF_RE", null, 0.533m, "t/MWh", "JCM Indonesia Jamali grid, Case 2 (catalog grid.id_jamali.jcm.case2.co2)")],
                new DateOnly(2022, 1, 1), new DateOnly(2030, 12, 31), ProjectStages.Operating, "Benchmark", "Benchmark co-benefits.", "Benchmark outcomes."), secretariat, default);
            if (project is null) throw new InvalidOperationException($"{problem!.Title}: {problem.Detail} {string.Join("; ", problem.Problems ?? [])}");
            var (period, p1) = await monitoring.CreateAsync(project.Id, new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31), reporter, default);
            if (period is null) throw new InvalidOperationException(p1!.Detail);
            var values = monthly.Select((v, m) => new MonitoredValue("EG", $"2023-{m + 1:00}", v, "MWh", "C", "Inverter meter log", "Revenue-grade AC meter, read monthly")).ToList();
            var (_, p2) = await monitoring.SetParametersAsync(period.Id, values, reporter, default);
            if (p2 is not null) throw new InvalidOperationException(p2.Detail);
            var (_, p3) = await monitoring.SubmitAsync(period.Id, reporter, default);
            if (p3 is not null) throw new InvalidOperationException(p3.Detail);
            ids.Add(period.Id);
        }
        return ids;
    }

    private static Process StartWorker(string dll, string connection)
    {
        var start = new ProcessStartInfo("dotnet", [dll]) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["ConnectionStrings__Ghg"] = connection;
        start.Environment["Jobs__WorkerCount"] = "2";
        start.Environment["Reports__SweepCron"] = "off";
        start.Environment["Reports__PlatformReport__Cron"] = "off";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("[worker] " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<T> ScalarAsync<T>(string connection, string sql)
    {
        await using var c = new NpgsqlConnection(connection);
        await c.OpenAsync();
        await using var command = new NpgsqlCommand(sql, c);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<long> CountAsync(string connection, string sql, List<string> jobIds)
    {
        await using var c = new NpgsqlConnection(connection);
        await c.OpenAsync();
        await using var command = new NpgsqlCommand(sql, c);
        command.Parameters.AddWithValue("ids", jobIds.Select(long.Parse).ToArray());
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>When the first of the jobs was taken by a worker and the last one finished, by Hangfire's state records.</summary>
    private static async Task<(DateTime First, DateTime Last)> SpanAsync(string connection, List<string> jobIds)
    {
        await using var c = new NpgsqlConnection(connection);
        await c.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT min(createdat) FILTER (WHERE name = 'Processing'), max(createdat) FILTER (WHERE name = 'Succeeded') FROM hangfire.state WHERE jobid = ANY(@ids)", c);
        command.Parameters.AddWithValue("ids", jobIds.Select(long.Parse).ToArray());
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetDateTime(0), reader.GetDateTime(1));
    }

    private static double Median(List<long> values)
    {
        if (values.Count == 0) return 0;
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2.0;
    }
}
