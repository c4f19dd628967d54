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
    public Task<StoredReport?> FindAsync(string kind, string subjectKey, CancellationToken ct) =>
        db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Kind == kind && r.SubjectKey == subjectKey, ct);

    /// <summary>Stores the report unless one of the same kind and subject exists; returns the stored one
    /// (true when this call stored it).</summary>
    public async Task<(StoredReport Report, bool Stored)> SaveAsync(string kind, string subjectKey, string? cityId, Guid? projectId, bool isPublic,
        string fileName, byte[] content, string? jobId, string sources, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        var inserted = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO reports (id, kind, subject_key, city_id, project_id, is_public, file_name, sha256, length, content, job_id, sources, created_at)
            VALUES ({id}, {kind}, {subjectKey}, {cityId}, {projectId}, {isPublic}, {fileName}, {sha}, {content.LongLength}, {content}, {jobId}, CAST({sources} AS jsonb), {clock.UtcNowForDatabase()})
            ON CONFLICT (kind, subject_key) DO NOTHING
            """, ct);
        var report = await FindAsync(kind, subjectKey, ct) ?? throw new InvalidOperationException($"Report {kind} {subjectKey} was neither stored nor found.");
        return (report, inserted == 1);
    }
}
