using System.Text;
using GhgReporting.Calc.Factors;
using GhgReporting.Calc.Methodologies;
using GhgReporting.Data.Entities;
using GhgReporting.Jobs.Reports;

namespace GhgReporting.Benchmarks.Reports;

/// <summary>
/// The benchmark's monitoring report: the example platform's rooftop PV project in Surabaya, a verified period
/// with three four-monthly meter readings (1,900 MWh in all) (EF_RE 0.533 t/MWh, JCM Indonesia Jamali grid Case 2), the calculation run
/// by the real methodology on the shipped catalog. Three pages with two charts (monitored values; reference,
/// project emissions and reductions).
/// </summary>
public static class MonitoringReportSample
{
    public static MonitoringReportModel Model()
    {
        var catalog = CatalogLoader.LoadDefault();
        var methodology = MethodologyRegistry.Get("GHG-RE-SOLARPV", "1.0");
        var project = new Project
        {
            Id = Guid.NewGuid(), Code = "SUB-PV-01", Title = "Rooftop solar PV on Pasar Genteng market", HostCityId = "surabaya", PartnerCityId = "kitakyushu",
            Sector = "Renewable energy", MethodologyId = methodology.Id, MethodologyVersion = methodology.Version, ExAnteParameters = "[]",
            CreditingStart = new DateOnly(2022, 1, 1), CreditingEnd = new DateOnly(2030, 12, 31), Stage = ProjectStages.Operating,
            FundingScheme = "JCM model project", CoBenefits = "Lower electricity bills for the market's traders.",
            Outcomes = "12 municipal technicians trained in PV maintenance.", IsIllustrative = true, CreatedByUserId = "secretariat",
        };
        decimal[] mwh = [640m, 700m, 560m];
        var exPost = mwh.Select((v, i) => new MonitoredParameter
        {
            Name = "EG", Index = $"2023-{4 * (i + 1):00}", Value = v, Unit = "MWh", MonitoringOption = "C",
            Source = "Inverter energy meter log", MeasurementMethod = "AC meter, read every 4 months",
        }).ToList();
        List<ExAnteParameter> exAnte = [new("EF_RE", null, 0.533m, "t/MWh", "JCM Indonesia Jamali grid, Case 2 (catalog grid.id_jamali.jcm.case2.co2)")];
        var result = methodology.Calculate(new MethodologyInput(new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31),
            exAnte.Select(p => new ParameterValue(p.Name, p.Value, p.Unit, p.Index)).ToList(),
            exPost.Select(p => new ParameterValue(p.Name, p.Value, p.Unit, p.Index)).ToList()), catalog);
        var reviewedAt = new DateTimeOffset(2024, 2, 14, 9, 30, 0, TimeSpan.Zero);
        var period = new MonitoringPeriod
        {
            Id = Guid.NewGuid(), ProjectId = project.Id, Number = 1, Version = 1, PeriodStart = new DateOnly(2023, 1, 1), PeriodEnd = new DateOnly(2023, 12, 31),
            State = PeriodStates.Verified, ReferenceEmissions = result.ReferenceEmissions, ProjectEmissions = result.ProjectEmissions, Leakage = result.Leakage,
            Reductions = result.Reductions, Credits = result.Credits, CreatedByUserId = "reporter",
            SubmittedAt = new DateTimeOffset(2024, 1, 20, 3, 15, 0, TimeSpan.Zero), SubmittedByUserId = "reporter",
            ReviewedAt = reviewedAt, ReviewedByUserId = "verifier", ReviewSummary = "Meter readings match the invoices.",
        };
        EvidenceSummary[] evidence =
        [
            new("meter-log-2023.csv", "text/csv", new string('a', 64), 48_213, reviewedAt.AddDays(-30)),
        ];
        CommentSummary[] comments = [];
        return new MonitoringReportModel(project, "Surabaya", "Kitakyushu", methodology, period, exPost, exAnte, result.Steps, result.Warnings, evidence, comments,
            "Surabaya reporter (demo)", "Kitakyushu verifier (demo)", result.Credits, null, Final: true);
    }

    /// <summary>Pages of a PDF made by SkiaSharp: its page objects (<c>/Type /Page</c>, not <c>/Pages</c>).</summary>
    public static int PageCount(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var count = 0;
        for (var i = text.IndexOf("/Type /Page", StringComparison.Ordinal); i >= 0; i = text.IndexOf("/Type /Page", i + 1, StringComparison.Ordinal))
            if (i + 11 >= text.Length || text[i + 11] != 's') count++;
        return count;
    }
}
