using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace GhgReporting.Api.Tests.Web;

/// <summary>
/// The pages' text lives in resource files (src/GhgReporting.Api/Resources/Web/*.resx) so that a translation is a
/// new file: every key a page asks for exists in the English file of its area (or the common one), and no value is
/// empty. A missing key would otherwise show the key itself to the reader.
/// </summary>
public sealed partial class ResourceTextTests
{
    private static readonly string Api = Path.Combine(RepositoryRoot(), "src", "GhgReporting.Api");

    private static readonly Dictionary<string, string> AreaFiles = new()
    {
        ["City"] = "CityText", ["Verify"] = "VerifyText", ["Admin"] = "AdminText", ["Public"] = "PublicText",
    };

    [Fact]
    public void EveryKeyThePagesUse_IsInTheirResourceFile()
    {
        var common = Keys("CommonText");
        var missing = new List<string>();
        // The pages and the page helpers under Web/ (Web/Admin is the Admin area's, and so on).
        foreach (var (root, file) in new[] { "Pages", "Web" }.SelectMany(root => Directory.EnumerateFiles(Path.Combine(Api, root), "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal)).Select(f => (root, f))))
        {
            var relative = Path.GetRelativePath(Path.Combine(Api, root), file);
            var area = relative.Split(Path.DirectorySeparatorChar)[0];
            var areaKeys = AreaFiles.TryGetValue(area, out var name) && File.Exists(ResourcePath(name)) ? Keys(name) : [];
            var text = File.ReadAllText(file);
            foreach (Match m in CommonUse().Matches(text))
                if (!common.Contains(m.Groups[1].Value)) missing.Add($"{relative}: C[\"{m.Groups[1].Value}\"] is not in CommonText.resx");
            foreach (Match m in AreaUse().Matches(text))
                if (!areaKeys.Contains(m.Groups[1].Value) && !common.Contains(m.Groups[1].Value))
                    missing.Add($"{relative}: T[\"{m.Groups[1].Value}\"] is in neither {name ?? "(no area file)"}.resx nor CommonText.resx");
        }
        missing.Should().BeEmpty();
    }

    [Fact]
    public void EveryResourceFile_HasAValueForEachKey()
    {
        var files = Directory.EnumerateFiles(Path.Combine(Api, "Resources", "Web"), "*.resx").ToList();
        files.Should().Contain(f => Path.GetFileName(f) == "CommonText.resx");
        foreach (var file in files)
        {
            var data = XDocument.Load(file).Root!.Elements("data").ToList();
            data.Should().NotBeEmpty(file);
            data.Select(d => (string?)d.Attribute("name")).Should().OnlyHaveUniqueItems(file);
            data.Where(d => string.IsNullOrWhiteSpace((string?)d.Element("value"))).Select(d => (string?)d.Attribute("name"))
                .Should().BeEmpty($"{Path.GetFileName(file)} has keys without text");
        }
    }

    private static HashSet<string> Keys(string name) =>
        XDocument.Load(ResourcePath(name)).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();

    private static string ResourcePath(string name) => Path.Combine(Api, "Resources", "Web", name + ".resx");

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "GhgReporting.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("GhgReporting.sln not found above the test folder.");
    }

    [GeneratedRegex("""\bC\["([A-Za-z0-9_.]+)"[\],]""")]
    private static partial Regex CommonUse();

    [GeneratedRegex("""\b(?:T|text|Text)\["([A-Za-z0-9_.]+)"[\],]""")]
    private static partial Regex AreaUse();
}
