using GhgReporting.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design.Internal;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;

if (args.Length is < 1 or > 2)
{
    Console.Error.WriteLine("usage: dotnet run --project tools/GhgReporting.AddMigration -- <MigrationName> [path/to/src/GhgReporting.Data]");
    return 2;
}

var name = args[0];
var projectDir = Path.GetFullPath(args.Length > 1 ? args[1] : Path.Combine("src", "GhgReporting.Data"));
if (!File.Exists(Path.Combine(projectDir, "GhgReporting.Data.csproj")))
{
    Console.Error.WriteLine($"{projectDir} is not the GhgReporting.Data project folder; run from the repository root or pass the folder.");
    return 2;
}

var assembly = typeof(GhgDbContext).Assembly;
var reporter = new OperationReporter(handler: null);
// The options never connect: scaffolding compares the model with the last migration's snapshot.
await using var db = new GhgDbContext(GhgDatabase.Configure(new DbContextOptionsBuilder<GhgDbContext>(), "Host=localhost;Database=design_time").Options);
var services = new DesignTimeServicesBuilder(assembly, assembly, reporter, []).Build(db);
var scaffolder = services.GetRequiredService<IMigrationsScaffolder>();
var migration = scaffolder.ScaffoldMigration(name, "GhgReporting.Data", "Migrations", "C#");
var files = scaffolder.Save(projectDir, migration, Path.Combine(projectDir, "Migrations"));
Console.WriteLine($"Wrote {files.MigrationFile}, {files.MetadataFile} and {files.SnapshotFile}.");
return 0;
