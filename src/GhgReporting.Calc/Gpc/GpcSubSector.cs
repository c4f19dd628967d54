namespace GhgReporting.Calc.Gpc;

/// <summary>A GPC sub-sector, such as I.1 Residential buildings.</summary>
/// <param name="Number">The GPC number: sector numeral and sub-sector digit, e.g. "I.1".</param>
/// <param name="Sector">The sector the sub-sector belongs to.</param>
/// <param name="Name">The GPC name, e.g. "Residential buildings".</param>
public sealed record GpcSubSector(string Number, GpcSector Sector, string Name);
