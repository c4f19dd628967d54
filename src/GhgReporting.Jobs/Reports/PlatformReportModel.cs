namespace GhgReporting.Jobs.Reports;

/// <summary>A partner city's latest published inventory as the platform report shows it; <see cref="Year"/> null
/// when the city has published none.</summary>
/// <param name="Partners">Names of the Japanese cities it partners with.</param>
public sealed record CityInventorySummary(
    string CityId, string Name, string Country, bool IsJapanese, long? Population, IReadOnlyList<string> Partners,
    int? Year, int? Version, decimal? BasicCo2e, decimal? BasicPlusCo2e, string? GwpSet, int NotEstimatedCategories, bool IsIllustrative);

/// <summary>A joint project with what happened in the report's period: monitoring periods verified in it (their
/// reductions and credits), and periods still waiting for verification at its end.</summary>
public sealed record ProjectSummary(
    string Code, string Title, string HostCity, string PartnerCity, string Sector, string Methodology, string Stage,
    int PeriodsVerified, decimal VerifiedReductions, long CreditsIssued, int PeriodsPending, decimal PendingReductions,
    decimal ReductionsToDate, long CreditsToDate, string? CoBenefits, string? Outcomes, bool IsIllustrative);

/// <summary>Registry movements in the report's period, and the totals at its end.</summary>
public sealed record CreditSummary(
    long Issued, long Transferred, long Retired, long Cancelled,
    long IssuedToDate, long RetiredToDate, long CancelledToDate, long OutstandingAtEnd);

/// <summary>One retirement in the period, as the public lookup shows it.</summary>
public sealed record RetirementSummary(string VerificationCode, string ProjectCode, long Quantity, string Beneficiary, string Purpose, DateTimeOffset At);

/// <summary>One quarter (or month) of registry movements for the chart of credits over time.</summary>
public sealed record CreditMonth(DateOnly Month, long Issued, long Retired);

/// <summary>
/// What the secretariat's platform report shows for a period [<see cref="From"/>, <see cref="To"/>] (both
/// inclusive dates, UTC): every partner city's latest published inventory, every project's reductions verified
/// in the period, credits issued, transferred and retired, retirements, and reductions declared as
/// contributions. <see cref="AsOf"/> is the moment the data were read (the end of the period, or earlier when
/// the report is made before the period ends).
/// </summary>
public sealed record PlatformReportModel(
    DateOnly From,
    DateOnly To,
    DateTimeOffset AsOf,
    IReadOnlyList<CityInventorySummary> Cities,
    IReadOnlyList<ProjectSummary> Projects,
    CreditSummary Credits,
    IReadOnlyList<RetirementSummary> Retirements,
    IReadOnlyList<CreditMonth> CreditsByMonth,
    decimal ContributionReductions,
    int Partnerships);
