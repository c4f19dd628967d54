using GhgReporting.Api.Auth;
using GhgReporting.Data;
using GhgReporting.Data.Credits;
using GhgReporting.Data.Entities;
using GhgReporting.Data.Projects;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GhgReporting.Api.Apis;

/// <summary>Credits to move: a quantity (the lowest serials available are taken) or an explicit serial range
/// (firstSerial…lastSerial of the project, quantity then optional), of one vintage or any.</summary>
public sealed record TransferRequest(string ToCityId, Guid ProjectId, int? Vintage, long? Quantity, long? FirstSerial = null, long? LastSerial = null);

public sealed record RetireRequest(Guid ProjectId, int? Vintage, long? Quantity, string? Beneficiary, string? Purpose, long? FirstSerial = null, long? LastSerial = null);

public sealed record CancelRequest(Guid ProjectId, long? Quantity, string? Reason, long? FirstSerial = null, long? LastSerial = null);

public sealed record ContributionRequest(string? Purpose);

/// <summary>A declared contribution. <see cref="SupersededByVerification"/>: the period was verified later, so these
/// reductions now exist as credits and must not be counted again as a contribution.</summary>
public sealed record ContributionResponse(Guid Id, Guid ProjectId, Guid PeriodId, decimal Reductions, string Purpose, DateTimeOffset At, bool SupersededByVerification, string Note)
{
    public static ContributionResponse From(Contribution c, bool superseded = false) => new(c.Id, c.ProjectId, c.PeriodId, c.Reductions, c.Purpose, c.At, superseded,
        superseded
            ? "Declared as a contribution before the period was verified; the verified reductions are now credits, so do not count this contribution as well."
            : "Unverified reductions declared as a contribution: not credits, never an offset.");
}

/// <summary>
/// The credit registry over HTTP. Accounts are read by their city's users and the secretariat (others are
/// told they do not exist, 404); their credits are moved by the city's reporters or the secretariat (others
/// get 403); cancellation is the secretariat's. Serial numbers, retirements (by verification code) and a
/// project's credit totals are public: they are what an offset certificate's reader checks.
/// Unverified reductions are declared as contributions and never retired: the two retirement routes for a
/// period and a contribution exist to say so (always 409, with the reason).
/// </summary>
public static class CreditsApi
{
    public static void MapCreditsApi(this IEndpointRouteBuilder app)
    {
        var accounts = app.MapGroup("/api/accounts/{accountId:guid}").WithTags("Credits");
        accounts.MapGet("/balances", Balances).WithSummary("An account's credits: available, retired, cancelled; per project and vintage.");
        accounts.MapGet("/transactions", AccountTransactions).WithSummary("The movements into and out of an account.");
        accounts.MapPost("/transfers", Transfer).RequireAuthorization().WithSummary("Transfer credits to another city's account.");
        accounts.MapPost("/retirements", Retire).RequireAuthorization().WithSummary("Retire credits for a named beneficiary and purpose.");
        accounts.MapPost("/cancellations", Cancel).RequireAuthorization(Policies.Secretariat).WithSummary("Cancel credits (secretariat; recorded, never deleted).");

        app.MapGet("/api/cities/{cityId}/accounts", CityAccounts).WithTags("Credits").WithSummary("A city's accounts with their balances.");
        app.MapGet("/api/projects/{projectId:guid}/credits", ProjectCredits).WithTags("Credits").WithSummary("A project's credits per vintage (public).");
        app.MapGet("/api/projects/{projectId:guid}/contributions", Contributions).WithTags("Credits").WithSummary("Unverified reductions declared as contributions (public).");
        app.MapPost("/api/periods/{periodId:guid}/contributions", Declare).RequireAuthorization().WithTags("Credits")
            .WithSummary("Declare a period's unverified reductions as a contribution (environmental education).");
        app.MapPost("/api/periods/{periodId:guid}/retirements", RetirePeriod).RequireAuthorization().WithTags("Credits")
            .WithSummary("Always refused: a period's reductions are retired as credits, and unverified ones never.");
        app.MapPost("/api/contributions/{contributionId:guid}/retirements", RetireContribution).RequireAuthorization().WithTags("Credits")
            .WithSummary("Always refused: a contribution is not an offset.");
        app.MapGet("/api/credits/{serialNumber}", Lookup).WithTags("Credits").WithSummary("Look up one serial number, e.g. SUB-PV-01-2024-P01-000123 (public).");
        app.MapGet("/api/retirements/{verificationCode}", Certificate).WithTags("Credits").WithSummary("Check a retirement by its verification code (public).");
        app.MapGet("/api/credit-transactions", Transactions).RequireAuthorization(Policies.Secretariat).WithTags("Credits")
            .WithSummary("Every issuance, transfer, retirement and cancellation (secretariat; ?projectId=).");
    }

    private static async Task<Results<Ok<AccountBalances>, ProblemHttpResult>> Balances(Guid accountId, Caller caller, CreditRegistry registry, CancellationToken ct)
    {
        var balances = await registry.BalancesAsync(accountId, ct);
        return balances is null || !caller.CanReadUnpublished(balances.CityId) ? NoAccount(accountId) : TypedResults.Ok(balances);
    }

    private static async Task<Results<Ok<IReadOnlyList<TransactionView>>, ProblemHttpResult>> AccountTransactions(Guid accountId, Caller caller,
        CreditRegistry registry, GhgDbContext db, CancellationToken ct)
    {
        var cityId = await db.CreditAccounts.Where(a => a.Id == accountId).Select(a => a.CityId).FirstOrDefaultAsync(ct);
        return cityId is null || !caller.CanReadUnpublished(cityId) ? NoAccount(accountId) : TypedResults.Ok(await registry.TransactionsAsync(null, accountId, ct));
    }

    private static async Task<Results<Ok<TransactionView>, ProblemHttpResult>> Transfer(Guid accountId, TransferRequest request, Caller caller,
        CreditRegistry registry, CancellationToken ct)
    {
        if (Selection(request.Quantity, request.FirstSerial, request.LastSerial, out var quantity, out var serials) is { } invalid) return invalid;
        var (moved, problem) = await registry.TransferAsync(accountId, request.ToCityId ?? "", request.ProjectId, request.Vintage, quantity, serials, caller.ToActor(), ct);
        return problem is not null ? ProjectProblems.ToHttp(problem) : TypedResults.Ok(await registry.DescribeAsync(moved!, ct));
    }

    private static async Task<Results<Created<RetirementView>, ProblemHttpResult>> Retire(Guid accountId, RetireRequest request, Caller caller,
        CreditRegistry registry, ReportQueue reports, CancellationToken ct)
    {
        if (Selection(request.Quantity, request.FirstSerial, request.LastSerial, out var quantity, out var serials) is { } invalid) return invalid;
        var (retirement, problem) = await registry.RetireAsync(accountId, request.ProjectId, request.Vintage, quantity, serials,
            request.Beneficiary ?? "", request.Purpose ?? "", caller.ToActor(), ct);
        if (problem is not null) return ProjectProblems.ToHttp(problem);
        // The retirement is committed; its certificate is rendered in the background.
        reports.RetirementCertificate(retirement!.Id, retirement.VerificationCode);
        return TypedResults.Created($"/api/retirements/{retirement!.VerificationCode}", await registry.RetirementAsync(retirement.VerificationCode, ct));
    }

    private static async Task<Results<Ok<TransactionView>, ProblemHttpResult>> Cancel(Guid accountId, CancelRequest request, Caller caller,
        CreditRegistry registry, CancellationToken ct)
    {
        if (Selection(request.Quantity, request.FirstSerial, request.LastSerial, out var quantity, out var serials) is { } invalid) return invalid;
        var (moved, problem) = await registry.CancelAsync(accountId, request.ProjectId, quantity, serials, request.Reason ?? "", caller.ToActor(), ct);
        return problem is not null ? ProjectProblems.ToHttp(problem) : TypedResults.Ok(await registry.DescribeAsync(moved!, ct));
    }

    private static async Task<Results<Ok<IReadOnlyList<AccountBalances>>, ProblemHttpResult>> CityAccounts(string cityId, Caller caller,
        CreditRegistry registry, GhgDbContext db, CancellationToken ct)
    {
        if (!caller.CanReadUnpublished(cityId) || !await db.Cities.AnyAsync(c => c.Id == cityId, ct))
            return Problems.NotFound($"There is no city '{cityId}' whose accounts you may read.");
        return TypedResults.Ok(await registry.CityAccountsAsync(cityId, ct));
    }

    private static async Task<Results<Ok<IReadOnlyList<CreditBalance>>, ProblemHttpResult>> ProjectCredits(Guid projectId, CreditRegistry registry,
        GhgDbContext db, CancellationToken ct) =>
        await db.Projects.AnyAsync(p => p.Id == projectId, ct)
            ? TypedResults.Ok(await registry.ProjectBalancesAsync(projectId, ct))
            : Problems.NotFound($"There is no project {projectId}.");

    private static async Task<Results<Ok<List<ContributionResponse>>, ProblemHttpResult>> Contributions(Guid projectId, CreditRegistry registry,
        GhgDbContext db, CancellationToken ct) =>
        await db.Projects.AnyAsync(p => p.Id == projectId, ct)
            ? TypedResults.Ok(await ContributionViewsAsync(projectId, registry, db, ct))
            : Problems.NotFound($"There is no project {projectId}.");

    private static async Task<List<ContributionResponse>> ContributionViewsAsync(Guid projectId, CreditRegistry registry, GhgDbContext db, CancellationToken ct)
    {
        var periods = await db.MonitoringPeriods.AsNoTracking().Where(m => m.ProjectId == projectId).Select(m => new { m.Id, m.Number, m.State }).ToListAsync(ct);
        var verifiedNumbers = periods.Where(m => m.State == PeriodStates.Verified).Select(m => m.Number).ToHashSet();
        var numberOf = periods.ToDictionary(m => m.Id, m => m.Number);
        return (await registry.ContributionsAsync(projectId, ct))
            .Select(c => ContributionResponse.From(c, verifiedNumbers.Contains(numberOf[c.PeriodId]))).ToList();
    }

    private static async Task<Results<Created<ContributionResponse>, ProblemHttpResult>> Declare(Guid periodId, ContributionRequest request, Caller caller,
        CreditRegistry registry, GhgDbContext db, CancellationToken ct)
    {
        if (!await PeriodVisibleAsync(db, caller, periodId, ct)) return NoPeriod(periodId);
        var (contribution, problem) = await registry.DeclareContributionAsync(periodId, request.Purpose ?? "", caller.ToActor(), ct);
        return problem is not null ? ProjectProblems.ToHttp(problem)
            : TypedResults.Created($"/api/projects/{contribution!.ProjectId}/contributions", ContributionResponse.From(contribution));
    }

    private static async Task<ProblemHttpResult> RetirePeriod(Guid periodId, Caller caller, CreditRegistry registry, GhgDbContext db, CancellationToken ct) =>
        await PeriodVisibleAsync(db, caller, periodId, ct) ? ProjectProblems.ToHttp(await registry.RetirePeriodAsync(periodId, ct)) : NoPeriod(periodId);

    private static async Task<ProblemHttpResult> RetireContribution(Guid contributionId, CreditRegistry registry, CancellationToken ct) =>
        ProjectProblems.ToHttp(await registry.RetireContributionAsync(contributionId, ct));

    private static async Task<Results<Ok<CreditLookup>, ProblemHttpResult>> Lookup(string serialNumber, CreditRegistry registry, CancellationToken ct) =>
        await registry.LookupAsync(serialNumber, ct) is { } found
            ? TypedResults.Ok(found)
            : Problems.NotFound(CreditRegistry.TryParseSerialNumber(serialNumber, out _)
                ? $"No credit has the serial number {serialNumber}."
                : $"'{serialNumber}' is not a serial number: they read PROJECTCODE-VINTAGE-Pnn-nnnnnn, e.g. SUB-PV-01-2024-P01-000123.");

    private static async Task<Results<Ok<RetirementView>, ProblemHttpResult>> Certificate(string verificationCode, CreditRegistry registry, CancellationToken ct) =>
        await registry.RetirementAsync(verificationCode, ct) is { } found ? TypedResults.Ok(found) : Problems.NotFound($"No retirement has the verification code {verificationCode}.");

    private static async Task<Ok<IReadOnlyList<TransactionView>>> Transactions(Guid? projectId, CreditRegistry registry, CancellationToken ct) =>
        TypedResults.Ok(await registry.TransactionsAsync(projectId, null, ct));

    /// <summary>A quantity, a serial range, or both when they agree.</summary>
    private static ProblemHttpResult? Selection(long? quantity, long? first, long? last, out long resolved, out SerialRange? serials)
    {
        serials = null;
        resolved = quantity ?? 0;
        if (first is null != last is null) return Problems.BadRequest("Give both firstSerial and lastSerial, or neither.", "Invalid serial range");
        if (first is { } f && last is { } l)
        {
            serials = new SerialRange(f, l);
            resolved = quantity ?? Math.Max(0, serials.Count);
        }
        return quantity is null && serials is null ? Problems.BadRequest("Give the quantity of credits (or a serial range).", "Quantity required") : null;
    }

    /// <summary>Monitoring data are read by the project's two cities and the secretariat, and by everyone once verified (as MonitoringApi).</summary>
    private static async Task<bool> PeriodVisibleAsync(GhgDbContext db, Caller caller, Guid periodId, CancellationToken ct)
    {
        var row = await (from m in db.MonitoringPeriods
                         join p in db.Projects on m.ProjectId equals p.Id
                         where m.Id == periodId
                         select new { m.State, p.HostCityId, p.PartnerCityId }).FirstOrDefaultAsync(ct);
        return row is not null && (row.State == PeriodStates.Verified || caller.IsSecretariat || caller.CityId == row.HostCityId || caller.CityId == row.PartnerCityId);
    }

    private static ProblemHttpResult NoAccount(Guid accountId) => Problems.NotFound($"There is no account {accountId} that you may read.");

    private static ProblemHttpResult NoPeriod(Guid periodId) => Problems.NotFound($"There is no monitoring period {periodId} that you may read.");
}
