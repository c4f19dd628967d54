namespace GhgReporting.Calc.Gpc;

/// <summary>The six GPC sectors, numbered as the GPC numbers them (I … VI).</summary>
public enum GpcSector
{
    /// <summary>I Stationary energy.</summary>
    StationaryEnergy = 1,

    /// <summary>II Transportation.</summary>
    Transportation = 2,

    /// <summary>III Waste.</summary>
    Waste = 3,

    /// <summary>IV Industrial processes and product use.</summary>
    Ippu = 4,

    /// <summary>V Agriculture, forestry and other land use.</summary>
    Afolu = 5,

    /// <summary>VI Other scope 3 (optional; outside BASIC and BASIC+).</summary>
    OtherScope3 = 6,
}

/// <summary>
/// Where an emission physically occurs relative to the city boundary (GPC 2014 ch. 3):
/// 1 within the boundary, 2 from grid-supplied energy consumed within it, 3 outside it as a
/// result of activities within it.
/// </summary>
public enum GpcScope
{
    /// <summary>Scope 1: sources located within the city boundary.</summary>
    One = 1,

    /// <summary>Scope 2: use of grid-supplied electricity, heat, steam or cooling within the boundary.</summary>
    Two = 2,

    /// <summary>Scope 3: all other emissions outside the boundary caused by activities within it.</summary>
    Three = 3,
}
