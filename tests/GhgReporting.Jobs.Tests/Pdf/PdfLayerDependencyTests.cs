using System.Reflection;
using GhgReporting.Jobs.Pdf;

namespace GhgReporting.Jobs.Tests.Pdf;

/// <summary>The PDF layer is pure layout: no type of it mentions the data or calculation projects.</summary>
public class PdfLayerDependencyTests
{
    private const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    [Fact]
    public void PdfTypes_Signatures_MentionNeitherDataNorCalc()
    {
        var pdfTypes = typeof(PdfDocumentBuilder).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("GhgReporting.Jobs.Pdf", StringComparison.Ordinal) == true)
            .ToList();

        var mentioned = pdfTypes.SelectMany(MentionedTypes).Select(t => t.Assembly.GetName().Name).Distinct().ToList();

        pdfTypes.Should().NotBeEmpty();
        mentioned.Should().NotContain(["GhgReporting.Data", "GhgReporting.Calc"]);
    }

    private static IEnumerable<Type> MentionedTypes(Type type)
    {
        yield return type.BaseType ?? typeof(object);
        foreach (var field in type.GetFields(Everything))
            yield return field.FieldType;
        foreach (var property in type.GetProperties(Everything))
            yield return property.PropertyType;
        foreach (var method in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
        {
            foreach (var parameter in method.GetParameters())
                yield return parameter.ParameterType;
            if (method is MethodInfo info)
                yield return info.ReturnType;
        }
    }
}
