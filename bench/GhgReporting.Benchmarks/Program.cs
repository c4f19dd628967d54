using BenchmarkDotNet.Running;
using GhgReporting.Benchmarks.SqlCompare;

// bench [BenchmarkDotNet arguments, e.g. --filter '*' --job short]  |  sql-compare --rows N --connection "..."
// | upload-profile FILE.csv [YEAR] [REPEATS] | report-throughput --connection CS --worker DLL [--reports N] [--processes P]
return args switch
{
    ["bench", .. var rest] => RunBenchmarks(rest),
    ["sql-compare", .. var rest] => RunSqlCompare(rest),
    ["upload-profile", var file, .. var rest] => await GhgReporting.Benchmarks.UploadProfile.UploadProfileCommand.RunAsync([file, .. rest]),
    ["report-sample", var path] => WriteReportSample(path),
    ["report-throughput", .. var rest] => await GhgReporting.Benchmarks.Reports.ReportThroughputCommand.RunAsync(rest),
    _ => Usage(),
};

static int RunBenchmarks(string[] args)
{
    var summaries = BenchmarkSwitcher.FromAssembly(typeof(SqlCompareCommand).Assembly).Run(args);
    return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
}

static int WriteReportSample(string path)
{
    var pdf = GhgReporting.Jobs.Pdf.PdfDocumentBuilder.Render(new GhgReporting.Jobs.Reports.MonitoringReport(GhgReporting.Benchmarks.Reports.MonitoringReportSample.Model()));
    File.WriteAllBytes(path, pdf);
    Console.WriteLine($"monitoring report sample: {GhgReporting.Benchmarks.Reports.MonitoringReportSample.PageCount(pdf)} pages, {pdf.Length:N0} bytes -> {path}");
    return 0;
}

static int RunSqlCompare(string[] args)
{
    try
    {
        return SqlCompareCommand.Run(args);
    }
    catch (ArgumentException e)
    {
        Console.Error.WriteLine(e.Message);
        return 2;
    }
}

static int Usage()
{
    Console.Error.WriteLine("usage: GhgReporting.Benchmarks bench [BenchmarkDotNet options, e.g. --filter '*' --job short]");
    Console.Error.WriteLine("       GhgReporting.Benchmarks " + SqlCompareOptions.Usage["usage: ".Length..]);
    return 2;
}
