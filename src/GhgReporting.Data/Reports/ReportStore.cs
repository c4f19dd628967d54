using System.Security.Cryptography;
using GhgReporting.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace GhgReporting.Data.Reports;

/// <summary>
/// Stores rendered reports. A report is inserted whole, once per kind and subject: a job that runs again
/// (Hangfire runs jobs at least once) finds the report already there and stores nothing more, and a worker
/// that dies before the INSERT leaves nothing half-written behind.
/// </summary>
public sealed class ReportStore(GhgDbContext db, TimeProvider clock)
{
    public Task<StoredReport?> FindAsync(string kind, string subjectKey, CancellationToken ct) => db.Reports.OfSubjectAsync(kind, subjectKey, ct);

    /// <summary>Whether the report is stored, without reading its PDF.</summary>
    public Task<bool> ExistsAsync(string kind, string subjectKey, CancellationToken ct) => db.Reports.HasSubjectAsync(kind, subjectKey, ct);

    /// <summary>Stores the report unless one of the same kind and subject exists; returns the stored one
    /// (true when this call stored it).</summary>
    public async Task<(StoredReport Report, bool Stored)> SaveAsync(string kind, string subjectKey, string? cityId, Guid? projectId, bool isPublic,
        string fileName, byte[] content, string? jobId, string sources, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        var createdAt = clock.UtcNowForDatabase();
        var inserted = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO reports (id, kind, subject_key, city_id, project_id, is_public, file_name, sha256, length, content, job_id, sources, created_at)
            VALUES ({id}, {kind}, {subjectKey}, {cityId}, {projectId}, {isPublic}, {fileName}, {sha}, {content.LongLength}, {content}, {jobId}, CAST({sources} AS jsonb), {createdAt})
            ON CONFLICT (kind, subject_key) DO NOTHING
            """, ct);
        if (inserted == 1)
            return (new StoredReport
            {
                Id = id, Kind = kind, SubjectKey = subjectKey, CityId = cityId, ProjectId = projectId, IsPublic = isPublic, FileName = fileName,
                Sha256 = sha, Length = content.LongLength, Content = content, JobId = jobId, Sources = sources, CreatedAt = createdAt,
            }, true);
        // Another run stored it first: answer with that one.
        var report = await FindAsync(kind, subjectKey, ct) ?? throw new InvalidOperationException($"Report {kind} {subjectKey} was neither stored nor found.");
        return (report, false);
    }
}

/// <summary>Looking a report up by kind and subject (a unique index), for the store, the download endpoints and the pages.</summary>
public static class ReportQueries
{
    public static Task<StoredReport?> OfSubjectAsync(this IQueryable<StoredReport> reports, string kind, string subjectKey, CancellationToken ct) =>
        reports.AsNoTracking().FirstOrDefaultAsync(r => r.Kind == kind && r.SubjectKey == subjectKey, ct);

    /// <summary>Whether the report is stored (its PDF is not read).</summary>
    public static Task<bool> HasSubjectAsync(this IQueryable<StoredReport> reports, string kind, string subjectKey, CancellationToken ct) =>
        reports.AnyAsync(r => r.Kind == kind && r.SubjectKey == subjectKey, ct);
}
