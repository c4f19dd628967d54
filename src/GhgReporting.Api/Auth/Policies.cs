using GhgReporting.Data.Entities;
using Microsoft.AspNetCore.Authorization;

namespace GhgReporting.Api.Auth;

/// <summary>Role policies. City isolation is decided per request by <see cref="Caller"/>, because it
/// depends on the city in the route.</summary>
public static class Policies
{
    public const string Secretariat = "secretariat";

    public static AuthorizationBuilder AddGhgPolicies(this AuthorizationBuilder builder) =>
        builder.AddPolicy(Secretariat, p => p.RequireRole(Roles.Secretariat));
}
