using System.Reflection;

namespace GhgReporting.Data.Tests;

/// <summary>DESIGN.md: dependencies point one way, Api → Jobs → Data → Calc. Data must not know HTTP, PDF or jobs.</summary>
public class DependencyDirectionTests
{
    [Fact]
    public void DataAssembly_ReferencesNeitherJobsNorApiNorHttp()
    {
        var references = Assembly.Load("GhgReporting.Data").GetReferencedAssemblies().Select(a => a.Name!).ToList();

        // The Identity stores and the data-protection key store are EF Core schema, not HTTP: they may be
        // referenced. Anything that serves or routes requests may not.
        references.Should().NotContain(n => n.StartsWith("GhgReporting.Jobs") || n.StartsWith("GhgReporting.Api") || n.StartsWith("Hangfire")
                                            || n.StartsWith("Microsoft.AspNetCore.Http") || n.StartsWith("Microsoft.AspNetCore.Mvc")
                                            || n.StartsWith("Microsoft.AspNetCore.Routing") || n.StartsWith("Microsoft.AspNetCore.Hosting")
                                            || n.StartsWith("Microsoft.AspNetCore.Server") || n.StartsWith("SkiaSharp") || n.StartsWith("ScottPlot"));
        references.Should().Contain("GhgReporting.Calc");
    }
}
