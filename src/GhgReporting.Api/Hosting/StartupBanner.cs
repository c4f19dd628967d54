using GhgReporting.Data.Postgres;
using GhgReporting.Data.Seed;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace GhgReporting.Api.Hosting;

/// <summary>Health endpoints and what the service prints when it is up.</summary>
public static class StartupBanner
{
    public static void MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        // Live: the process answers. Ready: it can also reach its database.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).WithTags("Health");
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).WithTags("Health");
    }

    public static void Print(WebApplication app, LocalPostgres? local)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var url = addresses.FirstOrDefault() ?? "(unknown address)";
        var seeded = app.Services.GetRequiredService<IOptions<SeedOptions>>().Value.ExamplePlatform;
        var text = new System.Text.StringBuilder()
            .AppendLine()
            .AppendLine($"GhgReporting is running at {url}")
            .AppendLine($"  Web pages:      {url}/   (sign in at {url}/account/sign-in; public data at {url}/public)")
            .AppendLine($"  API reference:  {url}/scalar   OpenAPI: {url}/openapi/v1.json   Health: {url}/health/ready")
            .AppendLine(local is null ? "  Database: the configured ConnectionStrings__Ghg" : $"  Database: local PostgreSQL on 127.0.0.1:{local.Port}, data in {local.DataDirectory}");
        if (seeded)
        {
            text.AppendLine($"  Example platform (ILLUSTRATIVE data). Demo accounts, password {ExampleSeeder.DemoPassword}:")
                .AppendLine($"    secretariat  {ExampleSeeder.SecretariatEmail}");
            foreach (var c in ExamplePlatform.Cities)
                text.AppendLine($"    {(c.IsJapanese ? "verifier" : "reporter"),-12} {(c.IsJapanese ? ExampleSeeder.VerifierEmail(c.Id) : ExampleSeeder.ReporterEmail(c.Id))}  ({c.Name})");
            text.AppendLine("    (every city also has reporter.<city>@example.org and verifier.<city>@example.org)");
        }
        Console.WriteLine(text.ToString());
    }
}
