namespace GhgReporting.Calc.Gpc;

/// <summary>
/// One row of the GPC reporting table: a sub-sector in one scope, under its GPC reference number.
/// Activity records are filed under these references.
/// </summary>
/// <param name="Reference">
/// The GPC reference number, e.g. "I.1.1". IPPU (IV.1, IV.2) and AFOLU (V.1–V.3) are not split
/// further, so there the reference equals the sub-sector number.
/// </param>
/// <param name="SubSector">The sub-sector the row belongs to.</param>
/// <param name="Scope">The scope of every emission reported under this reference.</param>
/// <param name="Description">What the row covers, in the GPC's words.</param>
/// <param name="InBasic">Whether the row counts towards the BASIC city-induced total.</param>
/// <param name="InBasicPlus">
/// Whether the row counts towards the BASIC+ total; true whenever <paramref name="InBasic"/> is.
/// </param>
public sealed record GpcCategory(
    string Reference,
    GpcSubSector SubSector,
    GpcScope Scope,
    string Description,
    bool InBasic,
    bool InBasicPlus);
