namespace GhgReporting.Data.Entities;

/// <summary>One write, as the audit log keeps it: who, when, on whose behalf, what and what changed.
/// Append-only: a database trigger refuses updates and deletes.</summary>
public sealed class AuditEntry
{
    public long Id { get; init; }

    public DateTimeOffset At { get; init; }

    public string? UserId { get; init; }

    public required string UserName { get; init; }

    public string? Role { get; init; }

    /// <summary>The city whose data was written.</summary>
    public string? CityId { get; init; }

    /// <summary>True when the secretariat acted for the city (proxy).</summary>
    public bool ByProxy { get; init; }

    public required string Action { get; init; }

    public required string EntityType { get; init; }

    public required string EntityId { get; init; }

    /// <summary>What changed (jsonb).</summary>
    public required string Details { get; init; }
}

/// <summary>A factor catalog the service has used, stored whole so an inventory pinned to it can be
/// recalculated after the shipped factors change.</summary>
public sealed class FactorCatalogVersion
{
    public required string ContentHash { get; init; }

    public required string Name { get; init; }

    public required string[] DatasetVersions { get; init; }

    /// <summary>The catalog's files, relative path → text (jsonb).</summary>
    public required string Files { get; init; }

    public DateTimeOffset RegisteredAt { get; init; }
}
