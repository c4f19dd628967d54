using System.Security.Cryptography;
using System.Text.Json;
using GhgReporting.Calc.Methodologies;
using GhgReporting.Data.Audit;
using GhgReporting.Data.Catalogs;
using GhgReporting.Data.Credits;
using GhgReporting.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace GhgReporting.Data.Projects;

/// <summary>
/// Monitoring periods: the host city's reporter drafts a period (parameters monitored ex post, evidence),
/// submits it (the methodology calculates reference and project emissions and reductions); the partner
/// city's verifier takes it under review and verifies it (credits are issued in the same transaction) or
/// rejects it with comments; a rejected period is changed and resubmitted; a verified one is corrected
/// only by a new version, verified again.
/// </summary>
public sealed class MonitoringService(GhgDbContext db, CatalogRegistry catalogs, CreditRegistry credits, TimeProvider clock)
{
    public const long MaxEvidenceBytes = 20L * 1024 * 1024;

    public async Task<(MonitoringPeriod? Period, ProjectProblem? Problem)> CreateAsync(Guid projectId, DateOnly start, DateOnly end, Actor actor, CancellationToken ct)
    {
        var project = await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == projectId, ct);
        if (project is null) return (null, NotFound(projectId));
        if (WriteRefusal(project, actor) is { } refused) return (null, refused);
        if (end < start) return (null, new ProjectProblem(400, "Invalid period", $"The period ends ({end:yyyy-MM-dd}) before it starts ({start:yyyy-MM-dd})."));
        if (start < project.CreditingStart || end > project.CreditingEnd)
            return (null, new ProjectProblem(400, "Outside the crediting period",
                $"The period {start:yyyy-MM-dd}…{end:yyyy-MM-dd} must lie within the crediting period {project.CreditingStart:yyyy-MM-dd}…{project.CreditingEnd:yyyy-MM-dd}."));
        var overlapping = await db.MonitoringPeriods.AsNoTracking()
            .AnyAsync(m => m.ProjectId == projectId && m.SupersededById == null && m.PeriodStart <= end && m.PeriodEnd >= start, ct);
        if (overlapping) return (null, new ProjectProblem(409, "Periods overlap", "Another monitoring period of this project covers part of these dates."));

        var number = (await db.MonitoringPeriods.Where(m => m.ProjectId == projectId).MaxAsync(m => (int?)m.Number, ct) ?? 0) + 1;
        var now = clock.UtcNowForDatabase();
        var period = new MonitoringPeriod
        {
            Id = Guid.CreateVersion7(), ProjectId = projectId, Number = number, Version = 1, PeriodStart = start, PeriodEnd = end,
            State = PeriodStates.Draft, CreatedAt = now, CreatedByUserId = actor.UserId,
        };
        db.MonitoringPeriods.Add(period);
        AuditLog.Record(db, actor, project.HostCityId, "period.created", "monitoring_period", period.Id.ToString(), new { project.Code, number, start, end }, now);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return (period, null);
    }

    /// <summary>Replaces the ex-post parameters of a draft or rejected period.</summary>
    public async Task<(MonitoringPeriod? Period, ProjectProblem? Problem)> SetParametersAsync(Guid periodId, IReadOnlyList<MonitoredValue> values, Actor actor, CancellationToken ct)
    {
        var (project, period, problem) = await EditableAsync(periodId, actor, ct);
        if (problem is not null) return (null, problem);
        var methodology = MethodologyRegistry.Get(project!.MethodologyId, project.MethodologyVersion);
        var problems = new List<string>();
        foreach (var v in values)
        {
            var key = ParameterText.Key(v.Name, v.Index);
            var p = methodology.Parameters.FirstOrDefault(x => x.Name == v.Name);
            if (p is null) problems.Add($"{key}: not a parameter of {methodology.Id} {methodology.Version}.");
            else if (p.Timing != ParameterTiming.ExPost) problems.Add($"{key}: is fixed ex ante at registration, not monitored.");
            if (v.MonitoringOption is not ("A" or "B" or "C")) problems.Add($"{key}: monitoring option '{v.MonitoringOption}' must be A (public data), B (invoices, transactions) or C (metered).");
            if (string.IsNullOrWhiteSpace(v.Source)) problems.Add($"{key}: give the source of the data.");
            if (string.IsNullOrWhiteSpace(v.MeasurementMethod)) problems.Add($"{key}: say how it was measured.");
        }
        foreach (var dup in values.GroupBy(v => ParameterText.Key(v.Name, v.Index)).Where(g => g.Count() > 1))
            problems.Add($"{dup.Key}: given {dup.Count()} times.");
        if (problems.Count > 0) return (null, new ProjectProblem(400, "Invalid parameters", "Nothing was changed.", problems));

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.MonitoredParameters.Where(m => m.PeriodId == periodId).ExecuteDeleteAsync(ct);
        db.MonitoredParameters.AddRange(values.Select(v => new MonitoredParameter
        {
            PeriodId = periodId, Name = v.Name, Index = v.Index, Value = v.Value, Unit = v.Unit, MonitoringOption = v.MonitoringOption,
            Source = v.Source.Trim(), MeasurementMethod = v.MeasurementMethod.Trim(),
        }));
        AuditLog.Record(db, actor, project.HostCityId, "period.parameters-set", "monitoring_period", periodId.ToString(), values, clock.UtcNowForDatabase());
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return (period, null);
    }

    public async Task<(EvidenceFile? File, ProjectProblem? Problem)> AddEvidenceAsync(Guid periodId, string fileName, string contentType, byte[] content, Actor actor, CancellationToken ct)
    {
        var (project, _, problem) = await EditableAsync(periodId, actor, ct);
        if (problem is not null) return (null, problem);
        if (content.Length == 0) return (null, new ProjectProblem(400, "Empty file", $"{fileName} is empty."));
        if (content.LongLength > MaxEvidenceBytes) return (null, new ProjectProblem(413, "File too large", $"{fileName} is larger than {MaxEvidenceBytes / (1024 * 1024)} MB."));
        var now = clock.UtcNowForDatabase();
        var file = new EvidenceFile
        {
            Id = Guid.CreateVersion7(), PeriodId = periodId, FileName = Path.GetFileName(fileName), ContentType = contentType,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)), Length = content.LongLength, Content = content, UploadedAt = now, UploadedByUserId = actor.UserId,
        };
        db.EvidenceFiles.Add(file);
        AuditLog.Record(db, actor, project!.HostCityId, "period.evidence-added", "monitoring_period", periodId.ToString(), new { file.Id, file.FileName, file.Sha256, file.Length }, now);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return (file, null);
    }

    /// <summary>Calculates with the methodology and submits the period for verification. A calculation that
    /// fails (a parameter missing, a unit of the wrong kind) is refused with every problem listed.</summary>
    public async Task<(MonitoringPeriod? Period, ProjectProblem? Problem)> SubmitAsync(Guid periodId, Actor actor, CancellationToken ct)
    {
        var (project, period, problem) = await EditableAsync(periodId, actor, ct);
        if (problem is not null) return (null, problem);
        var parameters = await db.MonitoredParameters.AsNoTracking().Where(m => m.PeriodId == periodId).ToListAsync(ct);
        var methodology = MethodologyRegistry.Get(project!.MethodologyId, project.MethodologyVersion);
        MethodologyResult result;
        try
        {
            result = methodology.Calculate(new MethodologyInput(period!.PeriodStart, period.PeriodEnd,
                ProjectService.ExAnteOf(project).Select(ParameterText.ToCalc).ToList(),
                parameters.Select(p => new ParameterValue(p.Name, p.Value, p.Unit, p.Index)).ToList()), catalogs.Latest);
        }
        catch (MethodologyInputException e)
        {
            return (null, new ProjectProblem(422, "The reductions cannot be calculated", "Nothing was submitted; fix the parameters listed.", e.Problems));
        }

        var tracked = await db.MonitoringPeriods.SingleAsync(m => m.Id == periodId, ct);
        var now = clock.UtcNowForDatabase();
        var resubmission = tracked.State == PeriodStates.Rejected;
        tracked.State = PeriodStates.Submitted;
        tracked.ReferenceEmissions = result.ReferenceEmissions;
        tracked.ProjectEmissions = result.ProjectEmissions;
        tracked.Leakage = result.Leakage;
        tracked.Reductions = result.Reductions;
        tracked.Credits = result.Credits;
        // The catalog the figures came from, so that a report can name the exact factor data behind them.
        tracked.Calculation = JsonSerializer.Serialize(new { result.MethodologyId, result.Version, CatalogName = catalogs.Latest.Name, CatalogHash = catalogs.Latest.ContentHash,
            result.Steps, result.Warnings }, ProjectService.Json);
        tracked.SubmittedAt = now;
        tracked.SubmittedByUserId = actor.UserId;
        AuditLog.Record(db, actor, project.HostCityId, resubmission ? "period.resubmitted" : "period.submitted", "monitoring_period", periodId.ToString(),
            new { result.ReferenceEmissions, result.ProjectEmissions, result.Leakage, result.Reductions, result.Credits }, now);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return (tracked, null);
    }

    public Task<(MonitoringPeriod? Period, ProjectProblem? Problem)> StartReviewAsync(Guid periodId, Actor verifier, CancellationToken ct) =>
        ReviewAsync(periodId, verifier, PeriodStates.Submitted, PeriodStates.UnderReview, "period.review-started", null, [], ct);

    /// <summary>Verifies the period and issues its credits (whole tonnes, rounded down once) in one transaction.</summary>
    public Task<(MonitoringPeriod? Period, ProjectProblem? Problem)> VerifyAsync(Guid periodId, Actor verifier, string? summary, CancellationToken ct) =>
        ReviewAsync(periodId, verifier, PeriodStates.UnderReview, PeriodStates.Verified, "period.verified", summary, [], ct);

    public Task<(MonitoringPeriod? Period, ProjectProblem? Problem)> RejectAsync(Guid periodId, Actor verifier, string? summary, IReadOnlyList<ReviewComment> comments, CancellationToken ct) =>
        comments.Count == 0 && string.IsNullOrWhiteSpace(summary)
            ? Task.FromResult<(MonitoringPeriod?, ProjectProblem?)>((null, new ProjectProblem(400, "Say why", "A rejection needs a comment: on each parameter that needs one, or on the period.")))
            : ReviewAsync(periodId, verifier, PeriodStates.UnderReview, PeriodStates.Rejected, "period.rejected", summary, comments, ct);

    /// <summary>Opens a correction of a verified period: a new draft version with the same dates and
    /// parameters, to be submitted and verified again.</summary>
    public async Task<(MonitoringPeriod? Period, ProjectProblem? Problem)> CorrectAsync(Guid periodId, Actor actor, CancellationToken ct)
    {
        var period = await db.MonitoringPeriods.AsNoTracking().FirstOrDefaultAsync(m => m.Id == periodId, ct);
        if (period is null) return (null, new ProjectProblem(404, "Period not found", $"There is no monitoring period {periodId}."));
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == period.ProjectId, ct);
        if (WriteRefusal(project, actor) is { } refused) return (null, refused);
        if (period.State != PeriodStates.Verified) return (null, new ProjectProblem(409, "Not verified", "Only a verified period is corrected by a new version; change this one and resubmit it instead."));
        if (await db.MonitoringPeriods.AnyAsync(m => m.SupersedesId == periodId, ct))
            return (null, new ProjectProblem(409, "Correction exists", "A correction of this version exists already; work on that one."));

        var now = clock.UtcNowForDatabase();
        var correction = new MonitoringPeriod
        {
            Id = Guid.CreateVersion7(), ProjectId = period.ProjectId, Number = period.Number, Version = period.Version + 1, SupersedesId = period.Id,
            PeriodStart = period.PeriodStart, PeriodEnd = period.PeriodEnd, State = PeriodStates.Draft, CreatedAt = now, CreatedByUserId = actor.UserId,
        };
        // The new version, its copied parameters and the audit entry are stored together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.MonitoringPeriods.Add(correction);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            return (null, new ProjectProblem(409, "Correction exists", "A correction of this version was opened at the same moment; work on that one."));
        }
        var parameters = await db.MonitoredParameters.AsNoTracking().Where(m => m.PeriodId == periodId).ToListAsync(ct);
        db.MonitoredParameters.AddRange(parameters.Select(p => new MonitoredParameter
        {
            PeriodId = correction.Id, Name = p.Name, Index = p.Index, Value = p.Value, Unit = p.Unit, MonitoringOption = p.MonitoringOption, Source = p.Source, MeasurementMethod = p.MeasurementMethod,
        }));
        AuditLog.Record(db, actor, project.HostCityId, "period.correction-opened", "monitoring_period", correction.Id.ToString(), new { Corrects = periodId, correction.Version }, now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return (correction, null);
    }

    private async Task<(MonitoringPeriod? Period, ProjectProblem? Problem)> ReviewAsync(Guid periodId, Actor verifier, string from, string to, string action,
        string? summary, IReadOnlyList<ReviewComment> comments, CancellationToken ct)
    {
        var period = await db.MonitoringPeriods.AsNoTracking().FirstOrDefaultAsync(m => m.Id == periodId, ct);
        if (period is null) return (null, new ProjectProblem(404, "Period not found", $"There is no monitoring period {periodId}."));
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == period.ProjectId, ct);
        if (verifier.Role != Roles.Verifier)
            return (null, new ProjectProblem(403, "Verifiers only", "Only a verifier of the project's partner city reviews its monitoring periods."));
        if (verifier.CityId == project.HostCityId)
            return (null, new ProjectProblem(403, "Own city", "Nobody verifies their own city's submission: the partner city's verifier does."));
        if (verifier.CityId != project.PartnerCityId)
            return (null, new ProjectProblem(403, "Not the partner city", $"Only verifiers of {project.PartnerCityId}, the project's partner city, review it."));
        if (period.SubmittedByUserId == verifier.UserId)
            return (null, new ProjectProblem(403, "Own submission", "Nobody verifies a submission they made."));

        var problems = new List<string>();
        if (comments.Count > 0)
        {
            var keys = (await db.MonitoredParameters.AsNoTracking().Where(m => m.PeriodId == periodId).Select(m => new { m.Name, m.Index }).ToListAsync(ct))
                .Select(k => ParameterText.Key(k.Name, k.Index)).ToHashSet();
            var exAnte = ProjectService.ExAnteOf(project).Select(v => ParameterText.Key(v.Name, v.Index));
            keys.UnionWith(exAnte);
            problems.AddRange(comments.Where(c => c.Parameter is not null && !keys.Contains(c.Parameter)).Select(c => $"'{c.Parameter}' is not a parameter of this period."));
            problems.AddRange(comments.Where(c => string.IsNullOrWhiteSpace(c.Comment)).Select(c => $"the comment on '{c.Parameter ?? "the period"}' is empty."));
        }
        if (problems.Count > 0) return (null, new ProjectProblem(400, "Invalid comments", "Nothing was changed.", problems));

        var now = clock.UtcNowForDatabase();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // One statement decides the transition, so two verifiers acting at once cannot both move it.
        var changed = await db.MonitoringPeriods.Where(m => m.Id == periodId && m.State == from)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.State, to).SetProperty(m => m.ReviewedAt, now)
                .SetProperty(m => m.ReviewedByUserId, verifier.UserId).SetProperty(m => m.ReviewSummary, summary), ct);
        if (changed == 0)
            return (null, new ProjectProblem(409, "Wrong state", $"The period is {period.State}; it must be {from} to become {to}."));
        db.VerificationComments.AddRange(comments.Select(c => new VerificationComment { PeriodId = periodId, Parameter = c.Parameter, Comment = c.Comment.Trim(), At = now, ByUserId = verifier.UserId }));
        if (to == PeriodStates.Verified)
        {
            var issue = await credits.IssueForVerifiedPeriodAsync(project, periodId, verifier, ct);
            if (issue.Problem is not null) return (null, issue.Problem);
            if (period.SupersedesId is { } old)
                await db.MonitoringPeriods.Where(m => m.Id == old).ExecuteUpdateAsync(u => u.SetProperty(m => m.SupersededById, periodId), ct);
        }
        AuditLog.Record(db, verifier, project.HostCityId, action, "monitoring_period", periodId.ToString(), new { summary, comments }, now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return (await db.MonitoringPeriods.AsNoTracking().SingleAsync(m => m.Id == periodId, ct), null);
    }

    private async Task<(Project? Project, MonitoringPeriod? Period, ProjectProblem? Problem)> EditableAsync(Guid periodId, Actor actor, CancellationToken ct)
    {
        var period = await db.MonitoringPeriods.AsNoTracking().FirstOrDefaultAsync(m => m.Id == periodId, ct);
        if (period is null) return (null, null, new ProjectProblem(404, "Period not found", $"There is no monitoring period {periodId}."));
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == period.ProjectId, ct);
        if (WriteRefusal(project, actor) is { } refused) return (null, null, refused);
        if (period.State is not (PeriodStates.Draft or PeriodStates.Rejected))
            return (null, null, new ProjectProblem(409, "Not editable", $"The period is {period.State}: only a draft or a rejected period can change{(period.State == PeriodStates.Verified ? "; open a correction instead" : "")}."));
        return (project, period, null);
    }

    /// <summary>Monitoring data are written by the host city's reporters, or by the secretariat for them.</summary>
    private static ProjectProblem? WriteRefusal(Project project, Actor actor) =>
        actor.Role == Roles.Secretariat || (actor.Role == Roles.Reporter && actor.CityId == project.HostCityId)
            ? null
            : new ProjectProblem(403, "Host city only", $"Monitoring data of {project.Code} are written by reporters of {project.HostCityId} (or the secretariat).");

    private static ProjectProblem NotFound(Guid projectId) => new(404, "Project not found", $"There is no project {projectId}.");
}
