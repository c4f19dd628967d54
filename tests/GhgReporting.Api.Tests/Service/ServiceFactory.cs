using System.Net.Http.Headers;
using System.Net.Http.Json;
using GhgReporting.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GhgReporting.Api.Tests.Service;

/// <summary>
/// The whole service in-process against a real PostgreSQL database of its own (a fresh copy of the migrated
/// template). The first secretariat account comes from configuration, as against any configured database.
/// Subclass or set <see cref="Settings"/> before first use to change configuration.
/// </summary>
public class ServiceFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string SecretariatEmail = "secretariat@test.example";
    public const string Password = "Test-Password-2026";

    public string ConnectionString { get; private set; } = "";

    /// <summary>Extra configuration (key → value), applied over the defaults below.</summary>
    public Dictionary<string, string?> Settings { get; } = new()
    {
        // Tests sign in often from one address; the login limit has its own test with a low value.
        ["RateLimits:LoginPermitsPerMinute"] = "10000",
        ["Uploads:PermitsPerMinute"] = "10000",
        // Jobs are enqueued into the test's database but not worked on, except in the report tests that turn this on.
        ["Jobs:RunServer"] = "false",
    };

    public virtual async Task InitializeAsync() => ConnectionString = await MigratedDatabase.CreateAsync(GetType().Name);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Ghg", ConnectionString);
        builder.UseSetting("Secretariat:Email", SecretariatEmail);
        builder.UseSetting("Secretariat:Password", Password);
        builder.UseSetting("Seed:ExamplePlatform", "false");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    public new Task DisposeAsync() => base.DisposeAsync().AsTask();

    /// <summary>A client signed in with a bearer token.</summary>
    public async Task<HttpClient> SignInAsync(string email, string password = Password)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    public Task<HttpClient> SecretariatAsync() => SignInAsync(SecretariatEmail);

    /// <summary>Registers a city (as the secretariat) and a reporter and verifier for it; returns their e-mails.</summary>
    public async Task<(string Reporter, string Verifier)> AddCityAsync(string id, string country, string name, string? climate = "tropical-wet", string? subRegion = null)
    {
        using var secretariat = await SecretariatAsync();
        (await secretariat.PostAsJsonAsync("/api/cities", new { id, name, country, climate, subRegion, population = 1_000_000 })).EnsureSuccessStatusCode();
        var reporter = $"reporter.{id}@test.example";
        var verifier = $"verifier.{id}@test.example";
        (await secretariat.PostAsJsonAsync("/api/users", new { email = reporter, displayName = $"{name} reporter", role = "reporter", cityId = id, password = Password })).EnsureSuccessStatusCode();
        (await secretariat.PostAsJsonAsync("/api/users", new { email = verifier, displayName = $"{name} verifier", role = "verifier", cityId = id, password = Password })).EnsureSuccessStatusCode();
        return (reporter, verifier);
    }

    private sealed record TokenResponse(string AccessToken, string RefreshToken);
}
