using System.Security.Cryptography;
using GhgReporting.Data.Entities;
using GhgReporting.Data.Reports;
using GhgReporting.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GhgReporting.Data.Tests.Reports;

/// <summary>Jobs run at least once: storing the same report twice keeps one, and a stored report never changes.</summary>
public sealed class ReportStoreTests
{
    private static GhgDbContext Context(string connectionString) =>
        new(GhgDatabase.Configure(new DbContextOptionsBuilder<GhgDbContext>(), connectionString).Options);

    [Fact]
    public async Task SaveAsync_SameKindAndSubjectTwice_StoresOneReportWithItsHash()
    {
        var cs = await MigratedDatabase.CreateAsync(nameof(ReportStoreTests));
        byte[] first = [1, 2, 3, 4];
        byte[] second = [9, 9, 9];
        await using var db = Context(cs);
        var store = new ReportStore(db, TimeProvider.System);

        var (stored, isNew) = await store.SaveAsync(ReportKinds.InventoryReport, "inventory:abc", "hai-phong", null, false, "r.pdf", first, "job-1", "{}", CancellationToken.None);
        var (again, isNewAgain) = await store.SaveAsync(ReportKinds.InventoryReport, "inventory:abc", "hai-phong", null, false, "r.pdf", second, "job-2", "{}", CancellationToken.None);

        isNew.Should().BeTrue();
        isNewAgain.Should().BeFalse();
        again.Id.Should().Be(stored.Id);
        again.Content.Should().Equal(first);
        again.Sha256.Should().Be(Convert.ToHexStringLower(SHA256.HashData(first)));
        again.JobId.Should().Be("job-1");
        (await db.Reports.CountAsync()).Should().Be(1);
    }

    [Fact]
    public async Task StoredReport_UpdateOrDelete_RefusedByTheDatabase()
    {
        var cs = await MigratedDatabase.CreateAsync(nameof(ReportStoreTests));
        await using (var db = Context(cs))
            await new ReportStore(db, TimeProvider.System).SaveAsync(ReportKinds.PlatformReport, "platform:q3", null, null, true, "p.pdf", [1], null, "{}", CancellationToken.None);

        await using var connection = new NpgsqlConnection(cs);
        await connection.OpenAsync();
        foreach (var sql in new[] { "UPDATE reports SET content = '\\x00'", "DELETE FROM reports" })
        {
            var act = async () => { await using var command = new NpgsqlCommand(sql, connection); await command.ExecuteNonQueryAsync(); };
            (await act.Should().ThrowAsync<PostgresException>()).Which.SqlState.Should().Be("23000");
        }
    }
}
