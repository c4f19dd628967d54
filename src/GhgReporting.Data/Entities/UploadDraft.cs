namespace GhgReporting.Data.Entities;

/// <summary>
/// An uploaded file waiting for its uploader's confirmation (the web pages' preview): kept whole so that
/// confirming does not need the file sent again over a slow line. Nothing in it counts: it is not a
/// submission, and confirming runs the normal upload (same validation, same duplicate detection) on these
/// bytes. Deleted when confirmed or cancelled; a draft older than <see cref="Lifetime"/> is ignored and
/// removed with the next upload.
/// </summary>
public sealed class UploadDraft
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    public Guid Id { get; init; }

    public required string CityId { get; init; }

    public int Year { get; init; }

    /// <summary>The uploader: only they see, confirm or cancel the draft.</summary>
    public required string UserId { get; init; }

    public string? FileName { get; init; }

    /// <summary>csv or xlsx.</summary>
    public required string Format { get; init; }

    public required byte[] Content { get; init; }

    /// <summary>SHA-256 of <see cref="Content"/> (lowercase hex).</summary>
    public required string Sha256 { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
