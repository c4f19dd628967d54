using Microsoft.AspNetCore.Identity;

namespace GhgReporting.Data.Entities;

/// <summary>A person who signs in. Reporters and verifiers belong to one city; the secretariat to none.</summary>
public sealed class AppUser : IdentityUser
{
    public string? CityId { get; set; }

    public string DisplayName { get; set; } = "";
}

/// <summary>The three roles of DESIGN.md. Role names are stored as they are here.</summary>
public static class Roles
{
    public const string Reporter = "reporter";
    public const string Verifier = "verifier";
    public const string Secretariat = "secretariat";

    public static readonly IReadOnlyList<string> All = [Reporter, Verifier, Secretariat];
}
