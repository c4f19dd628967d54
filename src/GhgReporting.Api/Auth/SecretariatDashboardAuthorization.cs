using GhgReporting.Data.Entities;
using Hangfire.Dashboard;

namespace GhgReporting.Api.Auth;

/// <summary>The Hangfire dashboard is for the secretariat only (signed in with the cookie).</summary>
public sealed class SecretariatDashboardAuthorization : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(Roles.Secretariat);
}
