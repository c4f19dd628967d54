using System.Threading.RateLimiting;
using GhgReporting.Api.Apis;
using GhgReporting.Api.Auth;
using GhgReporting.Api.Submissions;
using GhgReporting.Api.Web;
using GhgReporting.Data;
using GhgReporting.Data.Catalogs;
using GhgReporting.Data.Entities;
using GhgReporting.Data.Credits;
using GhgReporting.Data.Inventories;
using GhgReporting.Data.Projects;
using GhgReporting.Data.Submissions;
using GhgReporting.Jobs.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Npgsql;

namespace GhgReporting.Api.Hosting;

/// <summary>Everything the service registers, in one place.</summary>
public static class ServiceRegistration
{
    public static WebApplicationBuilder AddApplicationServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => NpgsqlDataSource.Create(configuration.GetConnectionString(DatabaseBootstrap.ConnectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{DatabaseBootstrap.ConnectionName} is not set.")));
        services.AddDbContext<GhgDbContext>((sp, options) => GhgDatabase.Configure(options, sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton(_ => CatalogRegistry.LoadShipped());
        services.AddScoped<SubmissionStore>();
        services.AddScoped<SubmissionUploader>();
        services.AddScoped<InventoryService>();
        services.AddScoped<ProjectService>();
        services.AddScoped<MonitoringService>();
        services.AddScoped<CreditRegistry>();
        services.AddScoped<ExampleProjectsSeeder>();
        // Background jobs share the database; this process also works on them unless Jobs:RunServer is false.
        services.AddGhgJobs(runServer: configuration.GetValue("Jobs:RunServer", true));
        services.AddScoped<ReportQueue>();
        services.AddSingleton<RecentlyQueued>();
        services.AddHttpContextAccessor();
        services.AddScoped(sp => new Caller(sp.GetRequiredService<IHttpContextAccessor>().HttpContext?.User ?? new System.Security.Claims.ClaimsPrincipal()));
        services.Configure<UploadOptions>(configuration.GetSection("Uploads"));
        services.Configure<SeedOptions>(configuration.GetSection("Seed"));
        services.AddHostedService<DatabaseInitializer>();
        // Tokens and cookies issued by one API process must be readable by every other: keys live in the database.
        services.AddDataProtection().SetApplicationName("GhgReporting").PersistKeysToDbContext<GhgDbContext>();

        services.AddIdentityApiEndpoints<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 12;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<GhgDbContext>()
            .AddClaimsPrincipalFactory<GhgClaimsFactory>();
        services.AddAuthorizationBuilder().AddGhgPolicies();

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            var loginPerMinute = configuration.GetValue("RateLimits:LoginPermitsPerMinute", 10);
            var uploadsPerMinute = configuration.GetValue("Uploads:PermitsPerMinute", 30);
            o.AddPolicy(AuthApi.LoginRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = loginPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.AddPolicy(SubmissionsApi.UploadRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                new Caller(http.User).UserId ?? http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = uploadsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = async (context, ct) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
                    context.HttpContext.Response.Headers.RetryAfter = ((int)retry.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (context.HttpContext.Request.Path.StartsWithSegments("/api"))
                    await Problems.Of(StatusCodes.Status429TooManyRequests, "Too many requests",
                            "Too many requests in a short time; wait a minute and try again.")
                        .ExecuteAsync(context.HttpContext);
                else
                    await Web.WebSetup.TooManyRequestsPageAsync(context.HttpContext, ct);
            };
        });

        services.AddWebPages(configuration);
        services.AddProblemDetails();
        services.AddOpenApi();
        services.AddHealthChecks().AddDbContextCheck<GhgDbContext>("database", tags: ["ready"]);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = configuration.GetValue("Uploads:MaxBytes", new UploadOptions().MaxBytes));
        return builder;
    }
}
