using System.Reflection;

namespace GhgReporting.Data.Tests;

/// <summary>DESIGN.md: dependencies point one way, Api → Jobs → Data → Calc. Data must not know HTTP, PDF or jobs.</summary>
public class DependencyDirectionTests
{
    [Fact]
    public void DataAssembly_ReferencesNeitherJobsNorApiNorAspNetCore()
    {
        var references = Assembly.Load("GhgReporting.Data").GetReferencedAssemblies().Select(a => a.Name!).ToList();

        references.Should().NotContain(n => n.StartsWith("GhgReporting.Jobs") || n.StartsWith("GhgReporting.Api") || n.StartsWith("Microsoft.AspNetCore") || n.StartsWith("Hangfire"));
    }
}
