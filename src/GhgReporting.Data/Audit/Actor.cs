using System.Text.Json;
using GhgReporting.Data.Entities;

namespace GhgReporting.Data.Audit;

/// <summary>Who is writing: the signed-in user, their role and their city (null for the secretariat).</summary>
public sealed record Actor(string UserId, string UserName, string Role, string? CityId)
{
    /// <summary>True when this actor writes a city's data without belonging to it: the secretariat acting
    /// for the city. The audit log records it as a proxy action.</summary>
    public bool IsProxyFor(string cityId) => Role == Roles.Secretariat && CityId != cityId;
}

/// <summary>Adds audit entries to the same unit of work as the change they describe, so that a change and
/// its entry are stored together or not at all.</summary>
public static class AuditLog
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Record(GhgDbContext db, Actor actor, string? cityId, string action, string entityType, string entityId, object details, DateTimeOffset at) =>
        db.AuditLog.Add(new AuditEntry
        {
            At = at,
            UserId = actor.UserId,
            UserName = actor.UserName,
            Role = actor.Role,
            CityId = cityId,
            ByProxy = cityId is not null && actor.IsProxyFor(cityId),
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Details = JsonSerializer.Serialize(details, Json),
        });
}
