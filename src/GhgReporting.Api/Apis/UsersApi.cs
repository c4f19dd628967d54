using GhgReporting.Api.Auth;
using GhgReporting.Data;
using GhgReporting.Data.Audit;
using GhgReporting.Data.Entities;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GhgReporting.Api.Apis;

public sealed record UserResponse(string Id, string Email, string DisplayName, string Role, string? CityId, bool LockedOut);

public sealed record CreateUserRequest(string Email, string DisplayName, string Role, string? CityId, string Password);

public sealed record AuditEntryResponse(long Id, DateTimeOffset At, string UserName, string? Role, string? CityId, bool ByProxy,
    string Action, string EntityType, string EntityId, string Details);

/// <summary>Accounts (the secretariat creates them; each belongs to one city, or to the secretariat) and
/// the audit log.</summary>
public static class UsersApi
{
    public static void MapUsersApi(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/users").WithTags("Accounts").RequireAuthorization(Policies.Secretariat);
        users.MapGet("/", List).WithSummary("All accounts (secretariat).");
        users.MapPost("/", Create).WithSummary("Create an account for a city's reporter or verifier, or for the secretariat (secretariat).");
        app.MapGet("/api/audit", Audit).RequireAuthorization().WithTags("Accounts")
            .WithSummary("The audit log: the secretariat sees all; a city's users see their city's entries.");
    }

    private static async Task<Ok<List<UserResponse>>> List(GhgDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.UtcNowForDatabase();
        var rows = await (from u in db.Users
                          join ur in db.UserRoles on u.Id equals ur.UserId into urs
                          from ur in urs.DefaultIfEmpty()
                          join r in db.Roles on ur.RoleId equals r.Id into rs
                          from r in rs.DefaultIfEmpty()
                          orderby u.Email
                          select new { u.Id, u.Email, u.DisplayName, Role = r.Name, u.CityId, u.LockoutEnd }).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(u => new UserResponse(u.Id, u.Email ?? "", u.DisplayName, u.Role ?? "", u.CityId, u.LockoutEnd > now)).ToList());
    }

    private static async Task<Results<Created<UserResponse>, ProblemHttpResult>> Create(
        CreateUserRequest request, Caller caller, UserManager<AppUser> users, GhgDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (!Roles.All.Contains(request.Role))
            return Problems.BadRequest($"role '{request.Role}' must be one of {string.Join(", ", Roles.All)}.", "Invalid account");
        if (request.Role == Roles.Secretariat ? request.CityId is not null : request.CityId is null)
            return Problems.BadRequest(request.Role == Roles.Secretariat
                ? "A secretariat account belongs to no city; leave cityId empty."
                : $"A {request.Role} belongs to one city; give its cityId.", "Invalid account");
        if (request.CityId is not null && !await db.Cities.AnyAsync(c => c.Id == request.CityId, ct))
            return Problems.NotFound($"There is no city '{request.CityId}'.");

        // The account, its role and the audit entry are stored together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await UserAccounts.CreateAsync(users, request.Email, request.DisplayName, request.Role, request.CityId, request.Password);
        if (!result.Succeeded)
            return result.Errors.Any(e => e.Code is "DuplicateUserName" or "DuplicateEmail")
                ? Problems.Conflict("Account exists", $"An account for {request.Email} exists already.")
                : Problems.BadRequest(string.Join(" ", result.Errors.Select(e => e.Description)), "Invalid account");
        var user = (await users.FindByEmailAsync(request.Email))!;
        AuditLog.Record(db, caller.ToActor(), request.CityId, "user.created", "user", user.Id,
            new { request.Email, request.DisplayName, request.Role, request.CityId }, clock.UtcNowForDatabase());
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Created($"/api/users/{user.Id}", new UserResponse(user.Id, user.Email!, user.DisplayName, request.Role, user.CityId, false));
    }

    private static async Task<Ok<List<AuditEntryResponse>>> Audit(Caller caller, GhgDbContext db, string? cityId, int? limit, CancellationToken ct)
    {
        var query = db.AuditLog.AsNoTracking();
        if (!caller.IsSecretariat) query = query.Where(a => a.CityId == caller.CityId);
        else if (cityId is not null) query = query.Where(a => a.CityId == cityId);
        var rows = await query.OrderByDescending(a => a.Id).Take(Math.Clamp(limit ?? 100, 1, 1000))
            .Select(a => new AuditEntryResponse(a.Id, a.At, a.UserName, a.Role, a.CityId, a.ByProxy, a.Action, a.EntityType, a.EntityId, a.Details))
            .ToListAsync(ct);
        return TypedResults.Ok(rows);
    }
}

/// <summary>Creates accounts the same way for the API, the seed and the first secretariat account.</summary>
public static class UserAccounts
{
    public static async Task<IdentityResult> CreateAsync(UserManager<AppUser> users, string email, string displayName, string role, string? cityId, string password)
    {
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, CityId = cityId, LockoutEnabled = true };
        var created = await users.CreateAsync(user, password);
        return created.Succeeded ? await users.AddToRoleAsync(user, role) : created;
    }
}
