using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace GhgReporting.Data;

/// <summary>Used only when migrations are scaffolded (tools/add-migration); never connects.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<GhgDbContext>
{
    public GhgDbContext CreateDbContext(string[] args) =>
        new(GhgDatabase.Configure(new DbContextOptionsBuilder<GhgDbContext>(), "Host=localhost;Database=design_time").Options);
}
