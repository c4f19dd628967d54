namespace GhgReporting.Data.Entities;

/// <summary>Project stages, as the platform's joint projects move through them.</summary>
public static class ProjectStages
{
    public const string FeasibilityStudy = "feasibility-study";
    public const string ModelProject = "model-project";
    public const string Operating = "operating";
    public const string Ended = "ended";

    public static readonly IReadOnlyList<string> All = [FeasibilityStudy, ModelProject, Operating, Ended];
}

/// <summary>
/// A joint city-to-city project: the host city runs it, the partner city's verifiers verify its reductions.
/// The methodology (id and version) and the parameters fixed ex ante are set at registration.
/// </summary>
public sealed class Project
{
    public Guid Id { get; init; }

    /// <summary>Short public code used in credit serial numbers, e.g. SUB-COMPOST-01.</summary>
    public required string Code { get; init; }

    public required string HostCityId { get; init; }

    public required string PartnerCityId { get; init; }

    public required string Title { get; set; }

    public required string Sector { get; set; }

    public required string MethodologyId { get; init; }

    public required string MethodologyVersion { get; init; }

    /// <summary>Parameters fixed ex ante: [{name, index, value, unit, source}] (jsonb; values exact).</summary>
    public required string ExAnteParameters { get; init; }

    public DateOnly CreditingStart { get; init; }

    public DateOnly CreditingEnd { get; init; }

    public required string Stage { get; set; }

    public string? FundingScheme { get; set; }

    /// <summary>Co-benefits in words (air quality, jobs, …).</summary>
    public string? CoBenefits { get; set; }

    /// <summary>Non-numeric outcomes (awareness raised, people trained, …).</summary>
    public string? Outcomes { get; set; }

    public bool IsIllustrative { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public required string CreatedByUserId { get; init; }
}

/// <summary>Monitoring period states (DESIGN.md flow 2).</summary>
public static class PeriodStates
{
    public const string Draft = "draft";
    public const string Submitted = "submitted";
    public const string UnderReview = "under-review";
    public const string Verified = "verified";
    public const string Rejected = "rejected";
}

/// <summary>
/// One version of a monitoring period of a project. The host city's reporter fills in the parameters
/// monitored ex post and evidence, submits; the partner city's verifier reviews and verifies or rejects;
/// a rejected version can be changed and resubmitted; a verified version is locked (a database trigger
/// refuses changes) and a correction is a new version that must be verified again.
/// </summary>
public sealed class MonitoringPeriod
{
    public Guid Id { get; init; }

    public Guid ProjectId { get; init; }

    /// <summary>The period's number within the project (1, 2, …).</summary>
    public int Number { get; init; }

    public int Version { get; init; }

    public Guid? SupersedesId { get; init; }

    public Guid? SupersededById { get; set; }

    public DateOnly PeriodStart { get; set; }

    public DateOnly PeriodEnd { get; set; }

    public required string State { get; set; }

    /// <summary>The calculation's result for the current parameters: tCO2e, unrounded; credits whole.</summary>
    public decimal? ReferenceEmissions { get; set; }

    public decimal? ProjectEmissions { get; set; }

    public decimal? Leakage { get; set; }

    public decimal? Reductions { get; set; }

    public long? Credits { get; set; }

    /// <summary>The calculation trace and warnings (jsonb).</summary>
    public string? Calculation { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public required string CreatedByUserId { get; init; }

    public DateTimeOffset? SubmittedAt { get; set; }

    public string? SubmittedByUserId { get; set; }

    public DateTimeOffset? ReviewedAt { get; set; }

    public string? ReviewedByUserId { get; set; }

    public string? ReviewSummary { get; set; }
}

/// <summary>One parameter monitored ex post in a period version, with how it was monitored.</summary>
public sealed class MonitoredParameter
{
    public long Id { get; init; }

    public Guid PeriodId { get; init; }

    public required string Name { get; init; }

    public string? Index { get; init; }

    public decimal Value { get; init; }

    public required string Unit { get; init; }

    /// <summary>A public data, B invoices/transactions, C metered.</summary>
    public required string MonitoringOption { get; init; }

    public required string Source { get; init; }

    public required string MeasurementMethod { get; init; }
}

/// <summary>An evidence file of a period version (invoice scan, meter log), stored with its SHA-256.</summary>
public sealed class EvidenceFile
{
    public Guid Id { get; init; }

    public Guid PeriodId { get; init; }

    public required string FileName { get; init; }

    public required string ContentType { get; init; }

    public required string Sha256 { get; init; }

    public long Length { get; init; }

    public required byte[] Content { get; init; }

    public DateTimeOffset UploadedAt { get; init; }

    public required string UploadedByUserId { get; init; }
}

/// <summary>A verifier's comment on a period version, on one parameter or on the whole period.</summary>
public sealed class VerificationComment
{
    public long Id { get; init; }

    public Guid PeriodId { get; init; }

    /// <summary>The parameter name (and index, "name[index]"), or null for the period as a whole.</summary>
    public string? Parameter { get; init; }

    public required string Comment { get; init; }

    public DateTimeOffset At { get; init; }

    public required string ByUserId { get; init; }
}
