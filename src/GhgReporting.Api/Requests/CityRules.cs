using System.Text.RegularExpressions;

namespace GhgReporting.Api.Requests;

/// <summary>The shape of a city's id and country code, for POST /api/cities and the secretariat's city form.</summary>
public static partial class CityRules
{
    /// <summary>A lowercase slug such as <c>hai-phong</c>: letters, digits, single hyphens.</summary>
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    public static partial Regex Slug();

    /// <summary>An ISO 3166-1 alpha-2 code such as VN.</summary>
    [GeneratedRegex("^[A-Z]{2}$")]
    public static partial Regex Country();
}
