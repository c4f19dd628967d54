namespace GhgReporting.Data.Entities;

/// <summary>Credit states (DESIGN.md "Credit").</summary>
public static class CreditStates
{
    public const string Issued = "issued";
    public const string Retired = "retired";
    public const string Cancelled = "cancelled";
}

/// <summary>A holding account: a project's account (credits are issued there) or a city's account.</summary>
public sealed class CreditAccount
{
    public Guid Id { get; init; }

    /// <summary>"project" or "city".</summary>
    public required string Kind { get; init; }

    /// <summary>The owning city (the host city for a project account).</summary>
    public required string CityId { get; init; }

    public Guid? ProjectId { get; init; }

    public required string Name { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>
/// One credit: one tCO2e of verified reduction, numbered within its project. Stored one row per tonne so that
/// the database itself enforces that a credit is in one account and retired at most once (row locks and
/// a trigger that refuses any change to a retired or cancelled credit); shown to people as serial ranges.
/// </summary>
public sealed class Credit
{
    public Guid ProjectId { get; init; }

    /// <summary>The credit's number within its project (1, 2, …), never reused.</summary>
    public long Serial { get; init; }

    public int Vintage { get; init; }

    public Guid PeriodId { get; init; }

    public int PeriodNumber { get; init; }

    public Guid AccountId { get; set; }

    public required string State { get; set; }

    public Guid? RetirementId { get; set; }

    public Guid IssuanceId { get; init; }
}

/// <summary>A movement in the registry: issue, transfer, retire or cancel, with the serial ranges moved.</summary>
public sealed class CreditTransaction
{
    public Guid Id { get; init; }

    /// <summary>issue, transfer, retire, cancel.</summary>
    public required string Kind { get; init; }

    public Guid ProjectId { get; init; }

    public Guid? FromAccountId { get; init; }

    public Guid? ToAccountId { get; init; }

    public long Quantity { get; init; }

    /// <summary>The serial ranges moved, e.g. [{"first":1,"last":100}] (jsonb).</summary>
    public required string Ranges { get; init; }

    public Guid? PeriodId { get; init; }

    public Guid? RetirementId { get; init; }

    public DateTimeOffset At { get; init; }

    public required string ByUserId { get; init; }

    public string? Note { get; init; }
}

/// <summary>A retirement: credits used once, for a named beneficiary and purpose; the public can confirm
/// it with its verification code.</summary>
public sealed class Retirement
{
    public Guid Id { get; init; }

    public Guid AccountId { get; init; }

    public Guid ProjectId { get; init; }

    public long Quantity { get; init; }

    public required string Beneficiary { get; init; }

    public required string Purpose { get; init; }

    public required string VerificationCode { get; init; }

    public DateTimeOffset At { get; init; }

    public required string ByUserId { get; init; }
}

/// <summary>Reductions declared as a contribution (e.g. for environmental education): not verified, never
/// credits, never an offset.</summary>
public sealed class Contribution
{
    public Guid Id { get; init; }

    public Guid ProjectId { get; init; }

    public Guid PeriodId { get; init; }

    public decimal Reductions { get; init; }

    public required string Purpose { get; init; }

    public DateTimeOffset At { get; init; }

    public required string ByUserId { get; init; }
}
