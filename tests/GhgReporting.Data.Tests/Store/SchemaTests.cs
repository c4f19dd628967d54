using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace GhgReporting.Data.Tests.Store;

public sealed class SchemaTests
{
    [Fact]
    public async Task Model_AgainstCheckedInMigrations_HasNoPendingChanges()
    {
        await using var database = await StoreDatabase.CreateAsync(nameof(SchemaTests));
        await using var db = database.NewContext();

        db.Database.HasPendingModelChanges().Should().BeFalse("a model change needs a migration (dotnet ef migrations add)");
        (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty("the test database is migrated to the last checked-in migration");
    }

    [Fact]
    public async Task Model_EveryDecimalProperty_MapsToUnconstrainedNumeric()
    {
        await using var database = await StoreDatabase.CreateAsync(nameof(SchemaTests));
        await using var db = database.NewContext();
        var model = db.GetService<IDesignTimeModel>().Model;

        var decimals = model.GetEntityTypes().SelectMany(e => e.GetProperties())
            .Where(p => (Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType) == typeof(decimal))
            .ToList();

        decimals.Should().NotBeEmpty();
        decimals.Should().Contain(p => p.DeclaringType.ClrType.Name == "InventoryFigure" && p.Name == "Co2",
            "nullable decimals are amounts too");
        foreach (var property in decimals)
            property.GetColumnType().Should().Be("numeric", $"{property.DeclaringType.DisplayName()}.{property.Name} is an amount");
    }

    [Fact]
    public async Task Model_NoProperty_IsFloatingPoint()
    {
        await using var database = await StoreDatabase.CreateAsync(nameof(SchemaTests));
        await using var db = database.NewContext();
        var model = db.GetService<IDesignTimeModel>().Model;
        Type[] floating = [typeof(float), typeof(double), typeof(Half)];
        string[] floatingColumns = ["real", "double precision", "float4", "float8"];

        var offenders = model.GetEntityTypes().SelectMany(e => e.GetProperties())
            .Where(p => floating.Contains(Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType)
                        || floatingColumns.Contains(p.GetColumnType(), StringComparer.OrdinalIgnoreCase))
            .Select(p => $"{p.DeclaringType.DisplayName()}.{p.Name}");

        offenders.Should().BeEmpty();
    }

    [Fact]
    public async Task Database_MigratedColumns_HaveNoFloatingPointType()
    {
        await using var database = await StoreDatabase.CreateAsync(nameof(SchemaTests));

        var count = await database.ScalarAsync<long>("""
            SELECT count(*) FROM information_schema.columns
            WHERE table_schema = 'public' AND data_type IN ('real', 'double precision')
            """);

        count.Should().Be(0);
    }

    [Theory]
    [InlineData("activity_records_append_only", "activity_records")]
    [InlineData("activity_records_submission_exists", "activity_records")]
    [InlineData("audit_log_append_only", "audit_log")]
    [InlineData("inventory_figures_append_only", "inventory_figures")]
    [InlineData("factor_catalogs_append_only", "factor_catalogs")]
    [InlineData("submissions_guard", "submissions")]
    [InlineData("inventory_versions_guard", "inventory_versions")]
    public async Task Migration_GuardTrigger_ExistsEnabledOnItsTable(string trigger, string table)
    {
        await using var database = await StoreDatabase.CreateAsync(nameof(SchemaTests));

        var found = await database.ScalarAsync<long>("""
            SELECT count(*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
            WHERE t.tgname = $1 AND c.relname = $2 AND NOT t.tgisinternal AND t.tgenabled = 'O'
            """, trigger, table);

        found.Should().Be(1, $"trigger {trigger} guards {table}");
    }
}
