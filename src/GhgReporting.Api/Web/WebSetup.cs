using System.Globalization;
using GhgReporting.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;

namespace GhgReporting.Api.Web;

/// <summary>
/// The web pages (Razor Pages under Pages/, served with the API, the same accounts and isolation): the cookie
/// sign-in, one folder per role, text from resource files (Resources/Web/*.resx, one per area: a translation is a
/// new <c>.{culture}.resx</c> next to each and the culture in <c>Web:Cultures</c>), static files from wwwroot with
/// no CDN.
/// </summary>
public static class WebSetup
{
    public const string ReporterPages = "page-reporter";
    public const string VerifierPages = "page-verifier";
    public const string SecretariatPages = "page-secretariat";

    public static IServiceCollection AddWebPages(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        // Names such as Hải Phòng or Huế go out as letters, not as character references: readable source, smaller pages.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddRazorPages(o =>
            {
                o.Conventions.AuthorizeFolder("/City", ReporterPages);
                o.Conventions.AuthorizeFolder("/Verify", VerifierPages);
                o.Conventions.AuthorizeFolder("/Admin", SecretariatPages);
            })
            .AddViewLocalization();
        // Pages sign in with the application cookie: their policies challenge with it (a redirect to the sign-in
        // page), while the API keeps answering 401/403 (below).
        services.AddAuthorizationBuilder()
            .AddPolicy(ReporterPages, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireRole(Roles.Reporter, Roles.Secretariat))
            .AddPolicy(VerifierPages, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireRole(Roles.Verifier, Roles.Secretariat))
            .AddPolicy(SecretariatPages, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireRole(Roles.Secretariat));
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/sign-in";
            o.LogoutPath = "/account/sign-out";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = "ghg.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.Events.OnRedirectToLogin = c => ApiOr(c.Request, c.Response, StatusCodes.Status401Unauthorized, c.RedirectUri);
            o.Events.OnRedirectToAccessDenied = c => ApiOr(c.Request, c.Response, StatusCodes.Status403Forbidden, c.RedirectUri);
        });
        // Forms carry uploads up to the service's upload limit (the page refuses what is over its own, smaller one
        // with a message; the form reader must not refuse first with a bare 400).
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o =>
            o.MultipartBodyLengthLimit = configuration.GetValue("Uploads:MaxBytes", new GhgReporting.Api.Apis.UploadOptions().MaxBytes));
        var cultures = (configuration["Web:Cultures"] ?? "en").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => new CultureInfo(c)).ToList();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(cultures[0]);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
        });
        return services;
    }

    public static WebApplication UseWebPages(this WebApplication app)
    {
        app.UseRequestLocalization();
        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();
        return app;
    }

    /// <summary>A page request refused by a rate limit: a short page in the reader's language, not an API problem.</summary>
    public static async Task TooManyRequestsPageAsync(HttpContext context, CancellationToken ct)
    {
        var text = context.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<CommonText>>();
        context.Response.ContentType = "text/html; charset=utf-8";
        var message = System.Net.WebUtility.HtmlEncode(text["TooManyRequests"]);
        await context.Response.WriteAsync($"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{message}</title></head><body><p>{message}</p><p><a href=\"javascript:history.back()\">←</a></p></body></html>", ct);
    }

    private static Task ApiOr(HttpRequest request, HttpResponse response, int status, string redirectUri)
    {
        if (request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/hangfire"))
            response.StatusCode = status;
        else
            response.Redirect(redirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>Marker types naming the resource files of the pages' text (Resources/Web/{name}.resx).</summary>
public sealed class CommonText;

/// <summary>Text of the reporter's pages (Pages/City).</summary>
public sealed class CityText;

/// <summary>Text of the verifier's pages (Pages/Verify).</summary>
public sealed class VerifyText;

/// <summary>Text of the secretariat's pages (Pages/Admin).</summary>
public sealed class AdminText;

/// <summary>Text of the public pages (Pages/Public).</summary>
public sealed class PublicText;
