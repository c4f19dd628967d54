using GhgReporting.Data.Audit;
using GhgReporting.Data.Credits;
using GhgReporting.Data.Entities;
using GhgReporting.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GhgReporting.Data.Tests.Credits;

/// <summary>
/// A fresh migrated database owned by one test, with a host city (Surabaya), its partner (Kitakyushu), a buyer
/// city (Yokohama) and one joint project, plus the actors who act in the registry. Periods are written straight
/// into the database as verified (the monitoring workflow has its own tests) and their credits issued through
/// <see cref="CreditRegistry.IssueForVerifiedPeriodAsync"/>, as verification does. One data source (one pool)
/// serves every context the test opens.
/// </summary>
internal sealed class CreditDatabase : IAsyncDisposable
{
    public const string Host = "surabaya", Partner = "kitakyushu", Buyer = "yokohama";

    public static readonly Actor HostReporter = new("user-reporter-surabaya", "Surabaya reporter", Roles.Reporter, Host);
    public static readonly Actor HostVerifier = new("user-verifier-surabaya", "Surabaya verifier", Roles.Verifier, Host);
    public static readonly Actor PartnerVerifier = new("user-verifier-kitakyushu", "Kitakyushu verifier", Roles.Verifier, Partner);
    public static readonly Actor BuyerReporter = new("user-reporter-yokohama", "Yokohama reporter", Roles.Reporter, Buyer);
    public static readonly Actor Secretariat = new("user-secretariat", "Secretariat", Roles.Secretariat, null);

    private readonly NpgsqlDataSource _dataSource;

    private CreditDatabase(string connectionString) => _dataSource = NpgsqlDataSource.Create(connectionString);

    public Project Project { get; private set; } = null!;

    public static async Task<CreditDatabase> CreateAsync(string prefix, string code = "SUB-PV-01")
    {
        var database = new CreditDatabase(await MigratedDatabase.CreateAsync(prefix));
        await using var db = database.NewContext();
        foreach (var (id, name, country) in new[] { (Host, "Surabaya", "ID"), (Partner, "Kitakyushu", "JP"), (Buyer, "Yokohama", "JP") })
            db.Cities.Add(new City { Id = id, Name = name, Country = country, CreatedAt = DateTimeOffset.UtcNow });
        database.Project = new Project
        {
            Id = Guid.CreateVersion7(), Code = code, HostCityId = Host, PartnerCityId = Partner, Title = "Rooftop PV on municipal markets", Sector = "Renewable energy",
            MethodologyId = "GHG-RE-SOLARPV", MethodologyVersion = "1.0", ExAnteParameters = "[]", CreditingStart = new DateOnly(2024, 1, 1),
            CreditingEnd = new DateOnly(2030, 12, 31), Stage = ProjectStages.Operating, CreatedAt = DateTimeOffset.UtcNow, CreatedByUserId = Secretariat.UserId,
        };
        db.Projects.Add(database.Project);
        await db.SaveChangesAsync();
        return database;
    }

    public GhgDbContext NewContext() => new(GhgDatabase.Configure(new DbContextOptionsBuilder<GhgDbContext>(), _dataSource).Options);

    public CreditRegistry Registry(GhgDbContext db) => new(db, TimeProvider.System);

    /// <summary>A period in the given state, with reductions and credits as a submission would have calculated them.</summary>
    public async Task<MonitoringPeriod> AddPeriodAsync(int number, int year, string state, decimal reductions)
    {
        await using var db = NewContext();
        var period = new MonitoringPeriod
        {
            Id = Guid.CreateVersion7(), ProjectId = Project.Id, Number = number, Version = 1, PeriodStart = new DateOnly(year, 1, 1), PeriodEnd = new DateOnly(year, 12, 31),
            State = state, ReferenceEmissions = reductions, ProjectEmissions = 0m, Leakage = 0m, Reductions = reductions,
            Credits = reductions > 0 ? (long)decimal.Floor(reductions) : 0, CreatedAt = DateTimeOffset.UtcNow, CreatedByUserId = HostReporter.UserId,
        };
        db.MonitoringPeriods.Add(period);
        await db.SaveChangesAsync();
        return period;
    }

    /// <summary>A verified period whose credits (floor of the reductions) are issued into the project's account.</summary>
    public async Task<MonitoringPeriod> AddVerifiedPeriodAsync(int number, int year, decimal reductions)
    {
        var period = await AddPeriodAsync(number, year, PeriodStates.Verified, reductions);
        await using var db = NewContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var (_, problem) = await Registry(db).IssueForVerifiedPeriodAsync(Project, period.Id, PartnerVerifier, CancellationToken.None);
        problem.Should().BeNull();
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return period;
    }

    public async Task<CreditAccount> ProjectAccountAsync()
    {
        await using var db = NewContext();
        return await Registry(db).ProjectAccountAsync(Project, CancellationToken.None);
    }

    /// <summary>Runs one statement on its own connection; returns the number of rows it changed.</summary>
    public async Task<int> ExecuteAsync(string sql, params object[] parameters)
    {
        await using var command = _dataSource.CreateCommand(sql);
        foreach (var p in parameters) command.Parameters.Add(new NpgsqlParameter { Value = p });
        return await command.ExecuteNonQueryAsync();
    }

    public async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var command = _dataSource.CreateCommand(sql);
        foreach (var p in parameters) command.Parameters.Add(new NpgsqlParameter { Value = p });
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
