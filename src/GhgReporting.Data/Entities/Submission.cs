namespace GhgReporting.Data.Entities;

/// <summary>
/// One upload of activity data for a city and inventory year, stored whole. Immutable once stored (a
/// database trigger refuses changes): a correction is a new submission of the same series with the next
/// version, and the old one stays readable with <see cref="SupersededById"/> pointing at its successor.
/// </summary>
public sealed class Submission
{
    public Guid Id { get; init; }

    /// <summary>The id of the series' first version; all versions of one upload share it.</summary>
    public Guid SeriesId { get; init; }

    public int Version { get; init; }

    public required string CityId { get; init; }

    public int Year { get; init; }

    public Guid? SupersedesId { get; init; }

    /// <summary>The newer version that corrects this one; null while this one is current.</summary>
    public Guid? SupersededById { get; set; }

    /// <summary>SHA-256 of the uploaded bytes (lowercase hex); set when the upload completes.</summary>
    public string? ContentSha256 { get; set; }

    public required string Format { get; init; }

    public string? FileName { get; init; }

    public long RecordCount { get; set; }

    public string? Note { get; init; }

    /// <summary>Content hash of the factor catalog the rows were validated against.</summary>
    public required string CatalogHash { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public required string CreatedByUserId { get; init; }

    /// <summary>True when the secretariat submitted on the city's behalf.</summary>
    public bool ByProxy { get; init; }
}

/// <summary>One stored activity record (table activity_records), written by binary COPY.</summary>
public sealed class StoredActivityRecord
{
    public Guid SubmissionId { get; init; }

    /// <summary>The row number the uploader sees (spreadsheet row, or 1-based JSON index).</summary>
    public int RowNumber { get; init; }

    public required string GpcReference { get; init; }

    public required string ActivityType { get; init; }

    public decimal Amount { get; init; }

    public required string Unit { get; init; }

    public DateOnly PeriodStart { get; init; }

    public DateOnly PeriodEnd { get; init; }

    /// <summary>high, medium or low.</summary>
    public required string DataQuality { get; init; }

    public string? Source { get; init; }
}
