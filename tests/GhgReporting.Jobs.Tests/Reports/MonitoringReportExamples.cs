using System.Globalization;
using System.Security.Cryptography;
using GhgReporting.Calc.Factors;
using GhgReporting.Calc.Methodologies;
using GhgReporting.Data.Entities;
using GhgReporting.Jobs.Reports;

namespace GhgReporting.Jobs.Tests.Reports;

/// <summary>
/// Monitoring report models built by hand, the way <see cref="ReportJobs"/> would load them, with the calculation
/// run by the real methodology against the default factor catalog (so Steps and Warnings are real). The expected
/// figures are worked out independently in the tests, not here.
/// </summary>
internal static class MonitoringReportExamples
{
    public const string VerifierEmail = "k.tanaka@city.kitakyushu.example";
    public const string ReporterEmail = "reporter@surabaya.example";
    /// <summary>The SHA-256 of the evidence file's content, as the upload stored it (lower-case hex).</summary>
    public static readonly string EvidenceSha256 = Convert.ToHexStringLower(SHA256.HashData("EG 2024: 140, 145, 150, ... MWh"u8));

    /// <summary>Verified at 2025-02-14 09:30 UTC.</summary>
    public static readonly DateTimeOffset ReviewedAt = new(2025, 2, 14, 9, 30, 0, TimeSpan.Zero);

    private static readonly Lazy<FactorCatalog> Catalog = new(CatalogLoader.LoadDefault);

    /// <summary>Monthly AC output of the Surabaya PV systems in 2024 (MWh); the twelve sum to 1,900 MWh.</summary>
    public static readonly decimal[] SurabayaMonthlyMwh = [140m, 145m, 150m, 160m, 170m, 175m, 170m, 165m, 160m, 155m, 150m, 160m];

    public static decimal CatalogValue(string factorId) => Catalog.Value.Factors.Single(f => f.Id == factorId).Value.Value;

    /// <summary>SUB-PV-01: rooftop PV in Surabaya, EF_RE from the JCM Jamali grid, Case 2; EG monitored per month.</summary>
    /// <param name="monthly">(index "yyyy-MM", MWh), in the order the reporter entered them.</param>
    /// <param name="method">The measurement method of every value.</param>
    public static MonitoringReportModel SurabayaPv(bool final, IReadOnlyList<(string Index, decimal Mwh)>? monthly = null, string method = "Meter read monthly")
    {
        monthly ??= SurabayaMonthlyMwh.Select((mwh, i) => ($"2024-{i + 1:00}", mwh)).ToList();
        var ef = CatalogValue("grid.id_jamali.jcm.case2.co2");
        var exPost = monthly.Select(m => new MonitoredParameter
        {
            Name = "EG", Index = m.Index, Value = m.Mwh, Unit = "MWh", MonitoringOption = "C",
            Source = "Inverter export meter", MeasurementMethod = method,
        }).ToList();
        var exAnte = new ExAnteParameter("EF_RE", null, ef, "t/MWh", "JCM Indonesia Jamali grid, Case 2 (grid.id_jamali.jcm.case2.co2)");
        var project = Project("SUB-PV-01", "Rooftop solar PV on public buildings in Surabaya", "surabaya", "kitakyushu", "GHG-RE-SOLARPV", "Renewable energy");
        return Model(project, "Surabaya", "Kitakyushu", exPost, [exAnte], new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), final);
    }

    /// <summary>HPG-CHILLER-01: one high-efficiency chiller in Hải Phòng, EF_elec the Viet Nam grid factor 2023.</summary>
    public static MonitoringReportModel HaiPhongChiller(decimal copProject, bool final)
    {
        var ef = CatalogValue("grid.vn.dcc.2023.co2");
        var exPost = new List<MonitoredParameter>
        {
            new()
            {
                Name = "EC_PJ", Index = "CH-1", Value = 1_200m, Unit = "MWh", MonitoringOption = "C",
                Source = "Certified power meter of chiller CH-1", MeasurementMethod = "Continuous metering, summed yearly",
            },
        };
        List<ExAnteParameter> exAnte =
        [
            new("COP_PJ", "CH-1", copProject, "1", "Manufacturer's specification"),
            new("COP_RE", "CH-1", 5.0m, "1", "Reference COP of the capacity class"),
            new("EF_elec", null, ef, "t/MWh", "Viet Nam DCC grid factor 2023 (grid.vn.dcc.2023.co2)"),
        ];
        var project = Project("HPG-CHILLER-01", "High-efficiency chillers at Hải Phòng's Việt Tiệp hospital", "haiphong", "kitakyushu", "GHG-EE-CHILLER", "Energy efficiency");
        project.CoBenefits = null; // none recorded
        project.Outcomes = "  ";
        return Model(project, "Hải Phòng", "Kitakyushu", exPost, exAnte, new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), final);
    }

    private static Project Project(string code, string title, string host, string partner, string methodologyId, string sector) => new()
    {
        Id = Guid.NewGuid(), Code = code, Title = title, HostCityId = host, PartnerCityId = partner, Sector = sector,
        MethodologyId = methodologyId, MethodologyVersion = "1.0", ExAnteParameters = "[]",
        CreditingStart = new DateOnly(2024, 1, 1), CreditingEnd = new DateOnly(2030, 12, 31), Stage = ProjectStages.Operating,
        FundingScheme = "JCM Model Project", CoBenefits = "Less diesel generator noise at the schools.", Outcomes = "Twelve technicians trained in PV maintenance.",
        IsIllustrative = true, CreatedByUserId = "secretariat",
    };

    private static MonitoringReportModel Model(Project project, string host, string partner, IReadOnlyList<MonitoredParameter> exPost,
        IReadOnlyList<ExAnteParameter> exAnte, DateOnly start, DateOnly end, bool final)
    {
        var methodology = MethodologyRegistry.Get(project.MethodologyId, project.MethodologyVersion);
        var result = methodology.Calculate(
            new MethodologyInput(start, end,
                exAnte.Select(p => new ParameterValue(p.Name, p.Value, p.Unit, p.Index)).ToList(),
                exPost.Select(p => new ParameterValue(p.Name, p.Value, p.Unit, p.Index)).ToList()),
            Catalog.Value);
        var period = new MonitoringPeriod
        {
            Id = Guid.NewGuid(), ProjectId = project.Id, Number = 1, Version = 2, PeriodStart = start, PeriodEnd = end,
            State = final ? PeriodStates.Verified : PeriodStates.Submitted,
            ReferenceEmissions = result.ReferenceEmissions, ProjectEmissions = result.ProjectEmissions, Leakage = result.Leakage,
            Reductions = result.Reductions, Credits = result.Credits, CreatedByUserId = "reporter",
            SubmittedAt = new DateTimeOffset(2025, 1, 20, 3, 15, 0, TimeSpan.Zero), SubmittedByUserId = "reporter",
            ReviewedAt = final ? ReviewedAt : null, ReviewedByUserId = final ? "verifier" : null,
            ReviewSummary = final ? "Meter readings match the invoices of the utility." : null,
        };
        EvidenceSummary[] evidence =
        [
            new("meter-log-2024.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", EvidenceSha256, 48_213,
                new DateTimeOffset(2025, 1, 18, 8, 0, 0, TimeSpan.Zero)),
        ];
        CommentSummary[] comments = final
            ? [new(exPost[0].Index is { } i ? $"{exPost[0].Name}[{i}]" : exPost[0].Name, "Checked against the meter photo.", ReviewedAt, VerifierEmail)]
            : [];
        return new MonitoringReportModel(project, host, partner, methodology, period, exPost, exAnte, result.Steps, result.Warnings, evidence, comments,
            ReporterEmail, final ? VerifierEmail : null, final ? result.Credits : 0, Superseded: 1, Final: final);
    }

    public static string Month(int offset) => new DateOnly(2021, 1, 1).AddMonths(offset).ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
