using GhgReporting.Api.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GhgReporting.Api.Pages;

/// <summary>The front page: signed-in staff go straight to their role's page; everyone else sees the public links.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => Landing(new Caller(User)) is { } page ? LocalRedirect(page) : Page();

    /// <summary>Where a signed-in user starts: the reporter's city, the verifier's queue, the secretariat's overview.</summary>
    public static string? Landing(Caller caller) =>
        caller.IsSecretariat ? "/admin"
        : caller.IsVerifier ? "/verify"
        : caller.IsReporter && caller.CityId is { } city ? $"/city/{city}"
        : null;
}
