using System.Reflection;

namespace GhgReporting.Jobs.Tests;

/// <summary>DESIGN.md: dependencies point one way, Api → Jobs → Data → Calc. Jobs must not know HTTP.</summary>
public class DependencyDirectionTests
{
    [Fact]
    public void JobsAssembly_ReferencesNeitherApiNorAspNetCore()
    {
        var references = Assembly.Load("GhgReporting.Jobs").GetReferencedAssemblies().Select(a => a.Name!).ToList();

        references.Should().NotContain(n => n.StartsWith("GhgReporting.Api") || n.StartsWith("Microsoft.AspNetCore"));
    }
}
