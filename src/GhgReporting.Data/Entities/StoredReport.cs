namespace GhgReporting.Data.Entities;

/// <summary>Kinds of stored reports (issue 5).</summary>
public static class ReportKinds
{
    public const string MonitoringReport = "monitoring-report";
    public const string RetirementCertificate = "retirement-certificate";
    public const string InventoryReport = "inventory-report";
    public const string PlatformReport = "platform-report";
}

/// <summary>
/// A rendered report (PDF), stored whole with its SHA-256, the job that made it and the versions of data and
/// factor catalog it was made from. One report per kind and subject (a unique index): a job that runs twice
/// stores one report, and a report is only ever stored complete, in one INSERT.
/// </summary>
public sealed class StoredReport
{
    public Guid Id { get; init; }

    public required string Kind { get; init; }

    /// <summary>What the report is of, including what makes it distinct: "period:{id}:draft", "retirement:{id}",
    /// "inventory:{version id}", "platform:2026-07-01..2026-09-30".</summary>
    public required string SubjectKey { get; init; }

    /// <summary>The city whose data it shows (for isolation); null for the platform report.</summary>
    public string? CityId { get; init; }

    public Guid? ProjectId { get; init; }

    /// <summary>True when anyone may download it (verified monitoring report, retirement certificate,
    /// published inventory, platform report).</summary>
    public bool IsPublic { get; init; }

    public required string FileName { get; init; }

    public required string Sha256 { get; init; }

    public long Length { get; init; }

    public required byte[] Content { get; init; }

    public string? JobId { get; init; }

    /// <summary>The versions it was made from: data rows, factor catalog hash, methodology version (jsonb).</summary>
    public required string Sources { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
