using GhgReporting.Calc.Inventory;
using GhgReporting.Calc.Methodologies;
using GhgReporting.Data.Entities;

namespace GhgReporting.Jobs.Reports;

/// <summary>A parameter fixed ex ante at registration, as the project stores it.</summary>
public sealed record ExAnteParameter(string Name, string? Index, decimal Value, string Unit, string Source);

/// <summary>An evidence file as a report lists it (never its content).</summary>
public sealed record EvidenceSummary(string FileName, string ContentType, string Sha256, long Length, DateTimeOffset UploadedAt);

/// <summary>A verifier's comment as a report shows it.</summary>
public sealed record CommentSummary(string? Parameter, string Comment, DateTimeOffset At, string By);

/// <summary>
/// What a monitoring report shows, loaded by <see cref="ReportJobs"/>: the project and its methodology, one
/// version of one monitoring period with its monitored parameters, evidence, calculation trace and review.
/// A draft report (<see cref="Final"/> false) is made when the period is submitted and carries DRAFT on every
/// page; the final report is made when the period is verified.
/// </summary>
/// <param name="Methodology">The methodology implementation the project pins (id and version match the project).</param>
/// <param name="Steps">The stored calculation trace of this period version (never recomputed for the report).</param>
/// <param name="SubmittedBy">E-mail of the reporter who submitted; null if not submitted.</param>
/// <param name="ReviewedBy">E-mail of the verifier who verified or rejected; null before review.</param>
/// <param name="CreditsIssued">Credits issued from this period version (0 before verification).</param>
/// <param name="Superseded">The earlier version this one corrects (its number), if any.</param>
public sealed record MonitoringReportModel(
    Project Project,
    string HostCityName,
    string PartnerCityName,
    IMethodology Methodology,
    MonitoringPeriod Period,
    IReadOnlyList<MonitoredParameter> Parameters,
    IReadOnlyList<ExAnteParameter> ExAnte,
    IReadOnlyList<TraceStep> Steps,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<EvidenceSummary> Evidence,
    IReadOnlyList<CommentSummary> Comments,
    string? SubmittedBy,
    string? ReviewedBy,
    long CreditsIssued,
    int? Superseded,
    bool Final);
