using GhgReporting.Api.Apis;
using GhgReporting.Api.Auth;
using GhgReporting.Api.Web;
using GhgReporting.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace GhgReporting.Api.Pages.Account;

/// <summary>Sign-in with e-mail and password (the application cookie); the same lockout and rate limit as the API's login.</summary>
[EnableRateLimiting(AuthApi.LoginRateLimit)]
public sealed class SignInModel(SignInManager<AppUser> signIn, IStringLocalizer<CommonText> text) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password))
        {
            Error = text["SignInMissing"];
            return Page();
        }
        signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        var result = await signIn.PasswordSignInAsync(Email.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            Error = text["SignInLockedOut"];
            return Page();
        }
        if (!result.Succeeded)
        {
            Error = text["SignInFailed"];
            return Page();
        }
        if (!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl)) return LocalRedirect(ReturnUrl);
        // The cookie is read on the next request: find the landing page from the user's roles now.
        var user = await signIn.UserManager.FindByEmailAsync(Email.Trim());
        var principal = await signIn.CreateUserPrincipalAsync(user!);
        return LocalRedirect(IndexModel.Landing(new Caller(principal)) ?? "/");
    }
}
