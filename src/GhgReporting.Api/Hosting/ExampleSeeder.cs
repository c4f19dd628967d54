using System.Globalization;
using System.Text;
using GhgReporting.Api.Apis;
using GhgReporting.Api.Submissions;
using GhgReporting.Api.Uploads;
using GhgReporting.Calc.Inventory;
using GhgReporting.Data;
using GhgReporting.Data.Audit;
using GhgReporting.Data.Entities;
using GhgReporting.Data.Inventories;
using GhgReporting.Data.Seed;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GhgReporting.Api.Hosting;

/// <summary>
/// Seeds the illustrative example platform: the eight cities and their partner links, demo accounts, and a
/// few years of generated activity data per partner city, uploaded through the same path as a real upload
/// and calculated into inventories (all years published except the latest, left as a draft). Runs once:
/// if the example cities exist, it does nothing.
/// </summary>
public sealed class ExampleSeeder(GhgDbContext db, UserManager<AppUser> users, SubmissionUploader uploader, InventoryService inventories,
    ExampleProjectsSeeder projectsSeeder, TimeProvider clock, ILogger<ExampleSeeder> log)
{
    /// <summary>The password of every demo account. Printed at start-up; for the local example only.</summary>
    public const string DemoPassword = "Demo-Password-2026";

    public const string SecretariatEmail = "secretariat@example.org";

    public static string ReporterEmail(string cityId) => $"reporter.{cityId}@example.org";

    public static string VerifierEmail(string cityId) => $"verifier.{cityId}@example.org";

    public async Task SeedAsync(CancellationToken ct)
    {
        var ids = ExamplePlatform.Cities.Select(c => c.Id).ToList();
        if (await db.Cities.AnyAsync(c => ids.Contains(c.Id), ct)) return;
        var now = clock.UtcNowForDatabase();

        foreach (var c in ExamplePlatform.Cities)
            db.Cities.Add(new City
            {
                Id = c.Id, Name = c.Name, Country = c.Country, SubRegion = c.SubRegion, Climate = c.Climate, Population = c.Population,
                PopulationYear = c.PopulationYear, PopulationSource = c.PopulationSource, IsIllustrative = true, CreatedAt = now,
            });
        foreach (var p in ExamplePlatform.Partnerships)
        {
            var pair = new[] { p.JapaneseCityId, p.PartnerCityId }.Order(StringComparer.Ordinal).ToArray();
            db.Partnerships.Add(new CityPartnership { CityId = pair[0], PartnerCityId = pair[1], Description = p.Description, IsIllustrative = p.IsIllustrative, CreatedAt = now });
        }
        await db.SaveChangesAsync(ct);

        if (await users.FindByEmailAsync(SecretariatEmail) is null)
            await Create(SecretariatEmail, "Platform secretariat (demo)", Roles.Secretariat, null);
        foreach (var c in ExamplePlatform.Cities)
        {
            await Create(ReporterEmail(c.Id), $"{c.Name} reporter (demo)", Roles.Reporter, c.Id);
            await Create(VerifierEmail(c.Id), $"{c.Name} verifier (demo)", Roles.Verifier, c.Id);
        }

        foreach (var c in ExamplePlatform.Cities)
        {
            var city = await db.Cities.AsNoTracking().SingleAsync(x => x.Id == c.Id, ct);
            var reporter = await users.FindByEmailAsync(ReporterEmail(c.Id));
            var actor = new Actor(reporter!.Id, reporter.Email!, Roles.Reporter, c.Id);
            var years = ExamplePlatform.YearsFor(c.Id);
            foreach (var year in years)
            {
                var csv = ToCsv(ExamplePlatform.ActivityRecords(c.Id, year));
                await using var content = new HashingStream(new MemoryStream(csv), long.MaxValue);
                var result = await uploader.UploadAsync(new CsvActivityRowSource(content), content, city, year, null, $"{c.Id}-{year}-illustrative.csv",
                    $"{ExamplePlatform.IllustrativeMark}: generated example data, not official figures of {c.Name}.", actor, ct);
                if (result is not UploadResult.Stored and not UploadResult.Duplicate)
                    throw new InvalidOperationException($"Seeding {c.Id} {year} failed: {result}");

                var (version, _, problem) = await inventories.CalculateAsync(
                    new CalculateInventory(c.Id, year, NotationKeys: ExamplePlatform.NotationKeys(c.Id, year)), actor, ct);
                if (problem is not null)
                    throw new InvalidOperationException($"Seeding {c.Id} {year}: {problem.Title}: {problem.Detail} {string.Join("; ", problem.Problems ?? [])}");
                if (year != years[^1]) await inventories.PublishAsync(c.Id, year, version!.Version, actor, ct);
            }
        }
        await projectsSeeder.SeedAsync(ct);
        log.LogInformation("Seeded the illustrative example platform: {Cities} cities.", ExamplePlatform.Cities.Count);

        async Task Create(string email, string name, string role, string? cityId)
        {
            var result = await UserAccounts.CreateAsync(users, email, name, role, cityId, DemoPassword);
            if (!result.Succeeded) throw new InvalidOperationException($"Demo account {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }

    /// <summary>The records as an upload file, in the published layout.</summary>
    internal static byte[] ToCsv(IEnumerable<ActivityRecord> records)
    {
        var text = new StringBuilder(ActivityLayout.Header).Append('\n');
        foreach (var r in records)
            text.Append(r.GpcReference).Append(',').Append(r.ActivityType).Append(',').Append(r.Amount.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(r.Unit).Append(',').Append(r.PeriodStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',')
                .Append(r.PeriodEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',').Append(r.Quality.ToString().ToLowerInvariant()).Append(',')
                .Append('"').Append((r.Source ?? "").Replace("\"", "\"\"")).Append('"').Append('\n');
        return new UTF8Encoding(false).GetBytes(text.ToString());
    }
}
