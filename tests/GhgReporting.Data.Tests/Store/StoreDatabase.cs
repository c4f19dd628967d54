using System.Security.Cryptography;
using System.Text;
using GhgReporting.Calc.Inventory;
using GhgReporting.Data.Audit;
using GhgReporting.Data.Entities;
using GhgReporting.Data.Submissions;
using GhgReporting.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GhgReporting.Data.Tests.Store;

/// <summary>
/// A fresh migrated database owned by one test, with one data source (one connection pool) for every
/// context the test opens, so that tests do not leave a pool of idle connections per context behind on
/// the shared server.
/// </summary>
internal sealed class StoreDatabase : IAsyncDisposable
{
    /// <summary>Any 64-character lowercase hex string is accepted as a catalog hash by the store.</summary>
    public const string CatalogHash = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private readonly NpgsqlDataSource _dataSource;

    private StoreDatabase(string connectionString)
    {
        ConnectionString = connectionString;
        _dataSource = NpgsqlDataSource.Create(connectionString);
    }

    public string ConnectionString { get; }

    public static async Task<StoreDatabase> CreateAsync(string prefix) => new(await MigratedDatabase.CreateAsync(prefix));

    public GhgDbContext NewContext() =>
        new(GhgDatabase.Configure(new DbContextOptionsBuilder<GhgDbContext>(), _dataSource).Options);

    /// <summary>Inserts a city and a reporter of that city; returns the reporter as the actor.</summary>
    public async Task<Actor> AddCityAndReporterAsync(string cityId, string country = "VN", string? climate = "tropical-wet")
    {
        await using var db = NewContext();
        db.Cities.Add(new City { Id = cityId, Name = $"City {cityId}", Country = country, Climate = climate, CreatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        var user = new AppUser
        {
            UserName = $"reporter-{cityId}",
            NormalizedUserName = $"REPORTER-{cityId}".ToUpperInvariant(),
            Email = $"reporter@{cityId}.example",
            DisplayName = $"Reporter of {cityId}",
            CityId = cityId,
        };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return new Actor(user.Id, user.UserName, Roles.Reporter, cityId);
    }

    /// <summary>Runs one statement on its own connection; returns the number of rows it changed.</summary>
    public async Task<int> ExecuteAsync(string sql, params object[] parameters)
    {
        await using var command = _dataSource.CreateCommand(sql);
        foreach (var p in parameters) command.Parameters.Add(new NpgsqlParameter { Value = p });
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>Runs one query that returns a single value, on its own connection.</summary>
    public async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var command = _dataSource.CreateCommand(sql);
        foreach (var p in parameters) command.Parameters.Add(new NpgsqlParameter { Value = p });
        var value = await command.ExecuteScalarAsync();
        return (T)value!;
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}

/// <summary>Records, requests and uploads shared by the store tests.</summary>
internal static class Uploads
{
    public static ActivityRecord Electricity(decimal megawattHours, int year = 2022, string? source = "utility invoices") =>
        new("I.1.2", "electricity:grid", megawattHours, "MWh", new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), DataQuality.High, source);

    public static SubmissionRequest Request(string cityId, int year = 2022, Guid? supersedes = null) =>
        new(cityId, year, supersedes, "csv", "activity.csv", null, StoreDatabase.CatalogHash);

    /// <summary>The SHA-256 the API would compute over the uploaded bytes; here over a label naming the content.</summary>
    public static string Sha256(string content) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

    /// <summary>A complete upload: begin, write every record (row numbers from 2, as in a spreadsheet), complete.</summary>
    public static async Task<SubmissionOutcome> StoreAsync(GhgDbContext db, SubmissionRequest request, Actor actor, string contentSha256,
        IReadOnlyList<ActivityRecord> records)
    {
        var (upload, refused) = await new SubmissionStore(db, TimeProvider.System).BeginAsync(request, actor, CancellationToken.None);
        if (refused is not null) return refused;
        await using (upload)
        {
            for (var i = 0; i < records.Count; i++) await upload!.WriteAsync(i + 2, records[i], CancellationToken.None);
            return await upload!.CompleteAsync(contentSha256, CancellationToken.None);
        }
    }

    public static Submission StoredSubmission(this SubmissionOutcome outcome) =>
        outcome.Should().BeOfType<SubmissionOutcome.Stored>().Subject.Submission;
}
