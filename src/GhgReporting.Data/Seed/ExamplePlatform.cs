using GhgReporting.Calc.Inventory;

namespace GhgReporting.Data.Seed;

/// <summary>
/// The seeded "example platform": three Japanese cities, five partner cities in developing Asia, their
/// partnerships, and a few years of activity data per city that the shipped factor catalog can calculate.
/// </summary>
/// <remarks>
/// <para><b>Everything generated here is ILLUSTRATIVE.</b> The populations of the five partner cities
/// and Mandalay's 955 t/day of municipal waste are the figures the platform secretariat gave (issue 3);
/// every other amount is invented from per-person orders of magnitude so that the inventories look
/// plausible in size. None of it is a city's official data, and every record says so in its
/// <see cref="ActivityRecord.Source"/>, which starts with <see cref="IllustrativeMark"/>.</para>
/// <para><b>Years.</b> The partner cities have 2021–2023. The Japanese cities have one year, 2022: on the
/// platform they verify partners' project reductions rather than report their own inventories, so one
/// inventory each is enough to show them on the public pages; 2022 is the first year the catalog's one
/// Japanese grid factor (Kyushu Electric, FY2022, region JP-KYUSHU) is valid, so Kitakyushu's year
/// includes its scope 2.</para>
/// <para><b>Grid electricity</b> is recorded only where the catalog ships an inventory grid factor for the
/// city's region and year (Viet Nam 2014 on, China 2022 on, JP-KYUSHU 2022 on); elsewhere the scope 2
/// (and T&amp;D loss) categories are declared NE with the reason, rather than inventing a factor.</para>
/// </remarks>
public static class ExamplePlatform
{
    /// <summary>The start of every generated record's <see cref="ActivityRecord.Source"/>.</summary>
    public const string IllustrativeMark = "ILLUSTRATIVE";

    internal const string Source = IllustrativeMark + " – generated for the example platform, not official city data";

    private const string SecretariatFigure = "figure given by the platform secretariat (issue 3)";
    private const string ApproximateFigure = "approximate, illustrative";

    // Climate: the IPCC 2006 Vol 5 Table 3.3 zones the catalog's decay rates k are keyed by. Boreal and
    // temperate means a mean annual temperature (MAT) of at most 20 °C, wet or dry by whether mean annual
    // precipitation (MAP) exceeds potential evapotranspiration (PET); tropical means MAT above 20 °C, wet
    // from MAP 1,000 mm. The climate figures in the comments are rounded climate normals, for orientation.
    private static readonly ExampleCity[] CityList =
    [
        // MAT ~16 °C, MAP ~1,600 mm, well above PET. In Kyushu Electric's supply area: the catalog's JP-KYUSHU
        // grid factor applies (FactorCatalog.Resolve matches CityContext.SubRegion to the region column exactly).
        new("kitakyushu", "Kitakyushu", "JP", "JP-KYUSHU", "boreal-temperate-wet", 930_000, 2023, ApproximateFigure, true),
        // MAT ~16 °C, MAP ~1,700 mm. TEPCO area: the catalog has no rows for it, so no sub-region.
        new("yokohama", "Yokohama", "JP", null, "boreal-temperate-wet", 3_770_000, 2023, ApproximateFigure, true),
        // MAT ~17 °C, MAP ~1,300 mm, above PET. Kansai Electric area: no catalog rows, so no sub-region.
        new("osaka", "Osaka", "JP", null, "boreal-temperate-wet", 2_750_000, 2023, ApproximateFigure, true),
        // MAT ~28 °C, MAP ~1,500–2,000 mm. On the Java–Madura–Bali grid: the catalog's ID-JAMALI rows (JCM
        // project factors) apply to its projects; they are project-only, so inventories still have no grid factor.
        new("surabaya", "Surabaya", "ID", "ID-JAMALI", "tropical-wet", 3_000_000, 2023, SecretariatFigure, false),
        // MAT ~23–24 °C, MAP ~1,600–1,800 mm.
        new("hai-phong", "Hải Phòng", "VN", null, "tropical-wet", 1_960_000, 2023, SecretariatFigure, false),
        // MAT ~28 °C, MAP ~1,400 mm.
        new("phnom-penh", "Phnom Penh", "KH", null, "tropical-wet", 1_500_000, 2023, SecretariatFigure, false),
        // MAT ~27 °C but MAP only ~850–900 mm (Myanmar's central dry zone): below 1,000 mm, so tropical-dry.
        new("mandalay", "Mandalay", "MM", null, "tropical-dry", 1_200_000, 2023, SecretariatFigure, false),
        // MAT ~11 °C, MAP ~600–700 mm against a PET of roughly 900 mm or more: MAP/PET < 1, so temperate dry.
        // Borderline in wet years; a city with a local climate study would check it.
        new("dalian", "Dalian", "CN", null, "boreal-temperate-dry", 5_930_000, 2023, SecretariatFigure, false),
    ];

    private const string RealTie =
        "City-to-city cooperation between the real cities (sister or friendship city tie); the joint projects and data seeded for it are illustrative.";

    private const string MadeUpTie =
        "ILLUSTRATIVE partnership made up for the example platform; not an actual agreement between the cities.";

    private static readonly ExamplePartnership[] PartnershipList =
    [
        new("kitakyushu", "surabaya", RealTie, false),
        new("kitakyushu", "hai-phong", RealTie, false),
        new("kitakyushu", "phnom-penh", RealTie, false),
        new("kitakyushu", "dalian", RealTie, false),
        // Mandalay has no Japanese partner among the real ties above; these two give it one and give
        // Yokohama and Osaka a partner each.
        new("yokohama", "mandalay", MadeUpTie, true),
        new("osaka", "mandalay", MadeUpTie, true),
        new("osaka", "phnom-penh", MadeUpTie, true),
    ];

    private static readonly Dictionary<string, CityProfile> Profiles =
        new CityProfile[]
        {
            JapaneseCityProfiles.Kitakyushu, JapaneseCityProfiles.Yokohama, JapaneseCityProfiles.Osaka,
            SoutheastAsiaProfiles.Surabaya, SoutheastAsiaProfiles.HaiPhong, SoutheastAsiaProfiles.PhnomPenh,
            SoutheastAsiaProfiles.Mandalay, DalianProfile.Dalian,
        }.ToDictionary(p => p.CityId, StringComparer.Ordinal);

    /// <summary>The eight cities: Japanese cities first, then the partner cities.</summary>
    public static IReadOnlyList<ExampleCity> Cities { get; } = Array.AsReadOnly(CityList);

    /// <summary>Japanese city ↔ partner city ties; every partner city has at least one.</summary>
    public static IReadOnlyList<ExamplePartnership> Partnerships { get; } = Array.AsReadOnly(PartnershipList);

    /// <summary>The city with this id.</summary>
    /// <exception cref="ArgumentException">No example city has this id.</exception>
    public static ExampleCity City(string cityId) =>
        CityList.FirstOrDefault(c => c.Id == cityId)
        ?? throw new ArgumentException($"'{cityId}' is not an example city; they are {string.Join(", ", CityList.Select(c => c.Id))}.", nameof(cityId));

    /// <summary>The years seeded for the city: 2021–2023 for partner cities, 2022 for Japanese cities.</summary>
    /// <exception cref="ArgumentException">No example city has this id.</exception>
    public static IReadOnlyList<int> YearsFor(string cityId) => ProfileOf(cityId).Years;

    /// <summary>
    /// The complete upload of one city-year: energy, transport, waste (with the disposal history back to
    /// ten years before the city's first seeded year) and wastewater. A new list on every call, equal on
    /// every call.
    /// </summary>
    /// <exception cref="ArgumentException">No example city has this id, or the year is not seeded.</exception>
    public static IReadOnlyList<ActivityRecord> ActivityRecords(string cityId, int year) =>
        ExampleRecords.For(City(cityId), SeededProfile(cityId, year), year);

    /// <summary>The notation keys the city declares for the year (scope 2 NE where no grid factor is shipped, …).</summary>
    /// <exception cref="ArgumentException">No example city has this id, or the year is not seeded.</exception>
    public static IReadOnlyList<NotationKeyDeclaration> NotationKeys(string cityId, int year) =>
        ExampleRecords.NotationKeys(SeededProfile(cityId, year), year);

    /// <summary>
    /// The city's municipal solid waste in the year, stream by stream: the streams add up to the waste
    /// generated, and those with an activity type are exactly the year's waste records (the deposits of
    /// earlier years are the same split of those years).
    /// </summary>
    /// <exception cref="ArgumentException">No example city has this id, or the year is not seeded.</exception>
    public static IReadOnlyList<ExampleWasteStream> MunicipalWaste(string cityId, int year) =>
        ExampleRecords.WasteStreams(SeededProfile(cityId, year), year);

    private static CityProfile ProfileOf(string cityId) => Profiles[City(cityId).Id];

    private static CityProfile SeededProfile(string cityId, int year)
    {
        var profile = ProfileOf(cityId);
        if (!profile.Years.Contains(year))
            throw new ArgumentException($"{year} is not seeded for {cityId}; its years are {string.Join(", ", profile.Years)}.", nameof(year));
        return profile;
    }
}
