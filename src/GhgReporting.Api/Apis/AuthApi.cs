using System.Security.Claims;
using GhgReporting.Api.Auth;
using GhgReporting.Data.Entities;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace GhgReporting.Api.Apis;

public sealed record LoginRequest(string Email, string Password);

public sealed record RefreshRequest(string RefreshToken);

public sealed record MeResponse(string UserId, string Email, string DisplayName, string Role, string? CityId);

/// <summary>Sign-in for scripts (bearer tokens) and for the web pages (a cookie, <c>?useCookies=true</c>).
/// There is no self-registration: the secretariat creates accounts.</summary>
public static class AuthApi
{
    public const string LoginRateLimit = "login";

    public static RouteGroupBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Accounts");
        group.MapPost("/login", Login).RequireRateLimiting(LoginRateLimit)
            .Produces<AccessTokenResponse>().WithSummary("Sign in; returns a bearer token, or sets a cookie with ?useCookies=true.");
        group.MapPost("/refresh", Refresh).RequireRateLimiting(LoginRateLimit)
            .Produces<AccessTokenResponse>().WithSummary("Exchange a refresh token for a new bearer token.");
        group.MapPost("/logout", Logout).RequireAuthorization().WithSummary("End the cookie session.");
        app.MapGet("/api/me", Me).RequireAuthorization().WithTags("Accounts").WithSummary("The signed-in user, their role and city.");
        return group;
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> Login(LoginRequest request, bool? useCookies, SignInManager<AppUser> signIn)
    {
        signIn.AuthenticationScheme = useCookies == true ? IdentityConstants.ApplicationScheme : IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(request.Email, request.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return TypedResults.Empty; // the sign-in handler has written the token or the cookie
        if (result.IsLockedOut)
            return Problems.Of(StatusCodes.Status403Forbidden, "Account locked",
                "Too many failed sign-ins: the account is locked for 15 minutes. Ask the secretariat if you have forgotten the password.");
        return Problems.Unauthorized("The e-mail address or the password is wrong.");
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult, SignInHttpResult>> Refresh(
        RefreshRequest request, SignInManager<AppUser> signIn, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock)
    {
        var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
            return Problems.Unauthorized("The refresh token is invalid or has expired; sign in again.");
        var principal = await signIn.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static async Task<NoContent> Logout(SignInManager<AppUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> Me(ClaimsPrincipal principal, UserManager<AppUser> users)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null) return Problems.Unauthorized("The account no longer exists.");
        var caller = new Caller(principal);
        return TypedResults.Ok(new MeResponse(user.Id, user.Email ?? "", user.DisplayName, caller.Role, user.CityId));
    }
}
