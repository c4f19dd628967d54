using System.Diagnostics.CodeAnalysis;
using GhgReporting.Calc.Methodologies.Chiller;
using GhgReporting.Calc.Methodologies.Composting;
using GhgReporting.Calc.Methodologies.ElectricBus;
using GhgReporting.Calc.Methodologies.SolarPv;
using GhgReporting.Calc.Methodologies.WasteHeatRecovery;

namespace GhgReporting.Calc.Methodologies;

/// <summary>
/// Every methodology the engine implements, by id and version. A registered project pins both, so a
/// new version is added beside the old one, never in its place.
/// </summary>
public static class MethodologyRegistry
{
    /// <summary>All methodologies, ordered by id and version.</summary>
    public static IReadOnlyList<IMethodology> All { get; } =
        new IMethodology[]
        {
            new HighEfficiencyChiller(),
            new RooftopSolarPv(),
            new ElectricBusReplacement(),
            new OrganicWasteComposting(),
            new CementWasteHeatRecovery(),
        }
        .OrderBy(m => m.Id, StringComparer.Ordinal)
        .ThenBy(m => m.Version, StringComparer.Ordinal)
        .ToArray();

    /// <summary>The methodology with exactly this id and version (ordinal, case-sensitive).</summary>
    public static bool TryGet(string id, string version, [MaybeNullWhen(false)] out IMethodology methodology)
    {
        methodology = All.FirstOrDefault(m => m.Id == id && m.Version == version);
        return methodology is not null;
    }

    /// <summary>The methodology with exactly this id and version.</summary>
    /// <exception cref="KeyNotFoundException">None; the message lists the registered ids and versions.</exception>
    public static IMethodology Get(string id, string version) =>
        TryGet(id, version, out var methodology)
            ? methodology
            : throw new KeyNotFoundException(
                $"No methodology '{id}' version '{version}'. Registered: {string.Join(", ", All.Select(m => $"{m.Id} {m.Version}"))}.");
}
