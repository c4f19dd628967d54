using System.Security.Claims;
using GhgReporting.Data.Audit;
using GhgReporting.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace GhgReporting.Api.Auth;

/// <summary>
/// Who is calling and what they may do with a city's data (DESIGN.md, "Who uses it"): a user reads and
/// writes only their own city's unpublished data; the secretariat reads every city and may write for a
/// city as its proxy; anyone may read what is published.
/// </summary>
public sealed class Caller(ClaimsPrincipal principal)
{
    public const string CityClaim = "ghg:city";

    public bool IsSignedIn => principal.Identity?.IsAuthenticated == true;

    public string? UserId => principal.FindFirstValue(ClaimTypes.NameIdentifier);

    public string UserName => principal.Identity?.Name ?? "anonymous";

    public string? CityId => principal.FindFirstValue(CityClaim);

    public bool IsSecretariat => principal.IsInRole(Roles.Secretariat);

    public bool IsReporter => principal.IsInRole(Roles.Reporter);

    public bool IsVerifier => principal.IsInRole(Roles.Verifier);

    public string Role => IsSecretariat ? Roles.Secretariat : IsReporter ? Roles.Reporter : IsVerifier ? Roles.Verifier : "public";

    /// <summary>May read the city's unpublished data (its own city, or the secretariat). Everyone else is
    /// told such data does not exist (404), so that its existence does not leak either.</summary>
    public bool CanReadUnpublished(string cityId) => IsSecretariat || (IsSignedIn && CityId == cityId);

    /// <summary>May write the city's activity data and inventories: the city's reporter, or the
    /// secretariat as proxy.</summary>
    public bool CanWriteActivityData(string cityId) => IsSecretariat || (IsReporter && CityId == cityId);

    public Actor ToActor() => new(UserId ?? throw new InvalidOperationException("Not signed in."), UserName, Role, CityId);
}

/// <summary>Adds the user's city to their claims, so that every request knows it without a query.</summary>
public sealed class GhgClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.CityId is not null) identity.AddClaim(new Claim(Caller.CityClaim, user.CityId));
        identity.AddClaim(new Claim("ghg:name", user.DisplayName));
        return identity;
    }
}
