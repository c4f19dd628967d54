using GhgReporting.Api.Apis;
using GhgReporting.Api.Hosting;
using GhgReporting.Data.Postgres;
using GhgReporting.Api.Auth;
using GhgReporting.Api.Web;
using Hangfire;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
LocalPostgres? localDatabase;
try
{
    localDatabase = await DatabaseBootstrap.EnsureConnectionAsync(builder.Configuration, Console.WriteLine);
}
catch (PostgresNotAvailableException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

builder.AddApplicationServices();

var app = builder.Build();
app.UseExceptionHandler();
// Pages show the not-found page for an error status with no body; the API keeps its ProblemDetails (its own
// status-code handler, inside) and the dashboard its own answers: the page handler is turned off for both.
app.UseStatusCodePagesWithReExecute("/not-found");
app.Use((context, next) =>
{
    if (IsApiOrDashboard(context.Request.Path) && context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages)
        pages.Enabled = false;
    return next(context);
});
app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapOpenApi();
app.MapScalarApiReference();
app.MapHealthEndpoints();
app.MapAuthApi();
app.MapUsersApi();
app.MapCitiesApi();
app.MapActivityDataApi();
app.MapSubmissionsApi();
app.MapInventoriesApi();
app.MapProjectsApi();
app.MapMonitoringApi();
app.MapCreditsApi();
app.MapReportsApi();
app.UseHangfireDashboard("/hangfire", new DashboardOptions { Authorization = [new SecretariatDashboardAuthorization()], DisplayStorageConnectionString = false });
app.UseWebPages();

app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app, localDatabase));
app.Lifetime.ApplicationStopped.Register(() => localDatabase?.StopAsync().GetAwaiter().GetResult());
try
{
    await app.RunAsync();
}
catch (DatabaseUnavailableException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
return 0;

static bool IsApiOrDashboard(PathString path) => path.StartsWithSegments("/api") || path.StartsWithSegments("/hangfire");

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
