using GhgReporting.Api.Apis;
using GhgReporting.Data;
using GhgReporting.Data.Catalogs;
using GhgReporting.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GhgReporting.Api.Hosting;

/// <summary>The configured database cannot be reached; the message is one sentence saying what to check.</summary>
public sealed class DatabaseUnavailableException(string message, Exception inner) : Exception(message, inner);

/// <summary>Seeding choices (configuration section "Seed") and the first secretariat account
/// (section "Secretariat").</summary>
public sealed class SeedOptions
{
    /// <summary>Seed the illustrative example platform (8 cities, demo accounts, a few years of data).</summary>
    public bool ExamplePlatform { get; set; }
}

/// <summary>
/// Runs before the service takes requests: applies migrations, ensures the roles, stores the shipped factor
/// catalog, creates the first secretariat account from configuration, and seeds the example platform when
/// asked. Every step is idempotent, so several processes may start at once against one database.
/// </summary>
public sealed class DatabaseInitializer(IServiceProvider services, IOptions<SeedOptions> seed, IConfiguration configuration, TimeProvider clock,
    ILogger<DatabaseInitializer> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<GhgDbContext>();
        try
        {
            await db.Database.MigrateAsync(ct);
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            var target = new Npgsql.NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
            throw new DatabaseUnavailableException(
                $"The database at {target.Host}:{target.Port}/{target.Database} cannot be reached ({e.Message.TrimEnd('.')}): check ConnectionStrings__Ghg, or leave it unset to let the service start its own PostgreSQL.", e);
        }

        var roles = sp.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));

        await sp.GetRequiredService<CatalogRegistry>().RegisterShippedAsync(db, clock.UtcNowForDatabase(), ct);
        await EnsureFirstSecretariatAsync(sp, ct);
        if (seed.Value.ExamplePlatform) await ActivatorUtilities.CreateInstance<ExampleSeeder>(sp).SeedAsync(ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    private async Task EnsureFirstSecretariatAsync(IServiceProvider sp, CancellationToken ct)
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        if ((await users.GetUsersInRoleAsync(Roles.Secretariat)).Count > 0) return;
        var email = configuration["Secretariat:Email"];
        var password = configuration["Secretariat:Password"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password))
        {
            if (!seed.Value.ExamplePlatform)
                log.LogWarning("There is no secretariat account: set Secretariat__Email and Secretariat__Password to create the first one.");
            return;
        }
        var result = await UserAccounts.CreateAsync(users, email, configuration["Secretariat:DisplayName"] ?? "Platform secretariat", Roles.Secretariat, null, password);
        if (!result.Succeeded)
            throw new InvalidOperationException($"The first secretariat account ({email}) could not be created: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        log.LogInformation("Created the first secretariat account {Email}.", email);
        await Task.CompletedTask.WaitAsync(ct);
    }
}
