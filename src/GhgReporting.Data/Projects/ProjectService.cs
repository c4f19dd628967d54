using System.Text.Json;
using System.Text.RegularExpressions;
using GhgReporting.Calc.Methodologies;
using GhgReporting.Data.Audit;
using GhgReporting.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace GhgReporting.Data.Projects;

/// <summary>Registers joint projects (the secretariat's job): the methodology must exist, the two cities must
/// be partners, and the parameters fixed ex ante must be the methodology's, in units of the right kind.</summary>
public sealed partial class ProjectService(GhgDbContext db, TimeProvider clock)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<(Project? Project, ProjectProblem? Problem)> RegisterAsync(RegisterProject r, Actor actor, CancellationToken ct)
    {
        var problems = new List<string>();
        if (!CodePattern().IsMatch(r.Code ?? "")) problems.Add($"code '{r.Code}' must be 3–40 capital letters, digits and hyphens, e.g. SUB-COMPOST-01 (it appears in credit serial numbers).");
        if (string.IsNullOrWhiteSpace(r.Title)) problems.Add("title is required.");
        if (!ProjectStages.All.Contains(r.Stage)) problems.Add($"stage '{r.Stage}' must be one of {string.Join(", ", ProjectStages.All)}.");
        if (r.CreditingEnd < r.CreditingStart) problems.Add("the crediting period ends before it starts.");
        if (r.HostCityId == r.PartnerCityId) problems.Add("the host city and the partner (verifying) city must differ.");
        if (!MethodologyRegistry.TryGet(r.MethodologyId, r.MethodologyVersion, out var methodology))
            problems.Add($"methodology {r.MethodologyId} version {r.MethodologyVersion} does not exist; known: {string.Join(", ", MethodologyRegistry.All.Select(m => $"{m.Id} {m.Version}"))}.");
        else
            problems.AddRange(CheckExAnte(methodology, r.ExAnte));
        if (problems.Count > 0) return (null, new ProjectProblem(400, "Invalid project", "The project was not registered.", problems));

        var pair = new[] { r.HostCityId, r.PartnerCityId }.Order(StringComparer.Ordinal).ToArray();
        var cities = await db.Cities.Where(c => c.Id == r.HostCityId || c.Id == r.PartnerCityId).Select(c => c.Id).ToListAsync(ct);
        var missing = new[] { r.HostCityId, r.PartnerCityId }.Except(cities).ToList();
        if (missing.Count > 0) return (null, new ProjectProblem(404, "City not found", $"There is no city '{string.Join("', '", missing)}'."));
        if (!await db.Partnerships.AnyAsync(p => p.CityId == pair[0] && p.PartnerCityId == pair[1], ct))
            return (null, new ProjectProblem(400, "Cities are not partners", $"{r.HostCityId} and {r.PartnerCityId} are not partner cities; link them first."));
        if (await db.Projects.AnyAsync(p => p.Code == r.Code, ct))
            return (null, new ProjectProblem(409, "Project code taken", $"A project with code {r.Code} exists already."));

        var now = clock.UtcNowForDatabase();
        var project = new Project
        {
            Id = Guid.CreateVersion7(), Code = r.Code!, HostCityId = r.HostCityId, PartnerCityId = r.PartnerCityId, Title = r.Title.Trim(), Sector = r.Sector,
            MethodologyId = methodology!.Id, MethodologyVersion = methodology.Version, ExAnteParameters = JsonSerializer.Serialize(r.ExAnte, Json),
            CreditingStart = r.CreditingStart, CreditingEnd = r.CreditingEnd, Stage = r.Stage, FundingScheme = r.FundingScheme,
            CoBenefits = r.CoBenefits, Outcomes = r.Outcomes, CreatedAt = now, CreatedByUserId = actor.UserId,
        };
        db.Projects.Add(project);
        AuditLog.Record(db, actor, r.HostCityId, "project.registered", "project", project.Id.ToString(), r, now);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return (project, null);
    }

    /// <summary>Changes the stage, funding scheme, co-benefits or outcomes (the methodology and the ex-ante
    /// parameters never change after registration).</summary>
    public async Task<(Project? Project, ProjectProblem? Problem)> UpdateAsync(Guid projectId, string? stage, string? fundingScheme, string? coBenefits, string? outcomes,
        Actor actor, CancellationToken ct)
    {
        var project = await db.Projects.FirstOrDefaultAsync(p => p.Id == projectId, ct);
        if (project is null) return (null, new ProjectProblem(404, "Project not found", $"There is no project {projectId}."));
        if (stage is not null && !ProjectStages.All.Contains(stage))
            return (null, new ProjectProblem(400, "Invalid stage", $"stage '{stage}' must be one of {string.Join(", ", ProjectStages.All)}."));
        var before = new { project.Stage, project.FundingScheme, project.CoBenefits, project.Outcomes };
        project.Stage = stage ?? project.Stage;
        project.FundingScheme = fundingScheme ?? project.FundingScheme;
        project.CoBenefits = coBenefits ?? project.CoBenefits;
        project.Outcomes = outcomes ?? project.Outcomes;
        AuditLog.Record(db, actor, project.HostCityId, "project.updated", "project", project.Id.ToString(),
            new { Before = before, After = new { project.Stage, project.FundingScheme, project.CoBenefits, project.Outcomes } }, clock.UtcNowForDatabase());
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return (project, null);
    }

    public static IReadOnlyList<ExAnteValue> ExAnteOf(Project project) =>
        JsonSerializer.Deserialize<List<ExAnteValue>>(project.ExAnteParameters, Json) ?? [];

    /// <summary>Checks names, timing and units of the ex-ante values against the methodology (the full
    /// check, with defaults and indices, is the methodology's own, run when a period is submitted).</summary>
    internal static IEnumerable<string> CheckExAnte(IMethodology methodology, IReadOnlyList<ExAnteValue> values)
    {
        foreach (var v in values)
        {
            var p = methodology.Parameters.FirstOrDefault(x => x.Name == v.Name);
            if (p is null) yield return $"{v.Name}: not a parameter of {methodology.Id} {methodology.Version}.";
            else if (p.Timing != ParameterTiming.ExAnte) yield return $"{v.Name}: is monitored ex post, not fixed ex ante.";
            if (string.IsNullOrWhiteSpace(v.Source)) yield return $"{ParameterText.Key(v.Name, v.Index)}: give the source of the value (a document, a specification).";
        }
    }

    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]{1,38}[A-Z0-9]$")]
    private static partial Regex CodePattern();
}
