using GhgReporting.Data;
using Microsoft.EntityFrameworkCore;

namespace GhgReporting.Api.Web.CityPages;

/// <summary>A stored report as a list shows it (without its content).</summary>
public sealed record ReportRow(Guid Id, string Kind, string SubjectKey, Guid? ProjectId, string FileName, long Length, string Sha256, bool IsPublic, DateTimeOffset CreatedAt)
{
    public string DownloadUrl => $"/api/reports/{Id}/pdf";
}

public static class ReportRows
{
    /// <summary>The city's stored reports, newest first. GET /api/reports lets a city's users and the secretariat read
    /// every report of the city (and the public only public ones); the reporter's pages are open to exactly those callers
    /// for this city, so the rule keeps every report of the city.</summary>
    public static IQueryable<ReportRow> ForCity(GhgDbContext db, string cityId) =>
        db.Reports.AsNoTracking().Where(r => r.CityId == cityId).OrderByDescending(r => r.CreatedAt)
            .Select(r => new ReportRow(r.Id, r.Kind, r.SubjectKey, r.ProjectId, r.FileName, r.Length, r.Sha256, r.IsPublic, r.CreatedAt));
}
