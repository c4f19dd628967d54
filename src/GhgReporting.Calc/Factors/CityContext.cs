namespace GhgReporting.Calc.Factors;

/// <summary>
/// What the factor lookup needs to know of a city: its country (ISO 3166-1 alpha-2), the
/// sub-national grid or region it belongs to, if any (<c>ID-JAMALI</c>), and its IPCC climate zone
/// for decay rates (<c>tropical-wet</c>, …).
/// </summary>
public sealed record CityContext(string CityId, string Country, string? SubRegion = null, string? Climate = null)
{
    /// <summary>The regions a factor may be written for, most specific first.</summary>
    public IEnumerable<string> RegionsMostSpecificFirst()
    {
        if (!string.IsNullOrWhiteSpace(SubRegion)) yield return SubRegion;
        yield return Country;
        yield return "*";
    }
}

/// <summary>What a formula asks the catalog for.</summary>
public sealed record FactorQuery(string Parameter, ActivityKey Activity, string GpcReference, Gas? Gas, int Year)
{
    public override string ToString() =>
        $"{Parameter}{(Gas is null ? "" : " " + Gas.Value.Symbol())} for {Activity} at GPC {GpcReference} in {Year}";
}
