using GhgReporting.Data.Entities;
using Microsoft.Extensions.Localization;

namespace GhgReporting.Api.Web.Admin;

/// <summary>The words the pages show for stored codes (roles, project stages, period states, registry movements), from
/// AdminText.resx so that a translation covers them; a code this list does not know is shown as it is.</summary>
public static class AdminWords
{
    public static string Role(IStringLocalizer<AdminText> text, string? role) => role switch
    {
        Roles.Reporter => text["RoleReporter"],
        Roles.Verifier => text["RoleVerifier"],
        Roles.Secretariat => text["RoleSecretariat"],
        null or "" => text["RoleNone"],
        _ => role,
    };

    public static string Stage(IStringLocalizer<AdminText> text, string stage) => stage switch
    {
        ProjectStages.FeasibilityStudy => text["StageFeasibilityStudy"],
        ProjectStages.ModelProject => text["StageModelProject"],
        ProjectStages.Operating => text["StageOperating"],
        ProjectStages.Ended => text["StageEnded"],
        _ => stage,
    };

    public static string PeriodState(IStringLocalizer<AdminText> text, string state) => state switch
    {
        PeriodStates.Draft => text["PeriodDraft"],
        PeriodStates.Submitted => text["PeriodSubmitted"],
        PeriodStates.UnderReview => text["PeriodUnderReview"],
        PeriodStates.Verified => text["PeriodVerified"],
        PeriodStates.Rejected => text["PeriodRejected"],
        _ => state,
    };

    /// <summary>The badge class of a period state (site.css): verified ok, rejected bad, the rest waiting.</summary>
    public static string PeriodBadge(string state) => state switch
    {
        PeriodStates.Verified => "badge ok",
        PeriodStates.Rejected => "badge bad",
        _ => "badge draft",
    };

    /// <summary>The registry's movements, in the order the pages list them.</summary>
    public static readonly IReadOnlyList<string> Kinds = [TransactionKinds.Issue, TransactionKinds.Transfer, TransactionKinds.Retire, TransactionKinds.Cancel];

    public static string Kind(IStringLocalizer<AdminText> text, string kind) => kind switch
    {
        TransactionKinds.Issue => text["KindIssue"],
        TransactionKinds.Transfer => text["KindTransfer"],
        TransactionKinds.Retire => text["KindRetire"],
        TransactionKinds.Cancel => text["KindCancel"],
        _ => kind,
    };

    public static string KindBadge(string kind) => kind switch
    {
        TransactionKinds.Issue => "badge ok",
        TransactionKinds.Cancel => "badge bad",
        _ => "badge",
    };
}

/// <summary>The kinds of <see cref="CreditTransaction"/> as stored (CreditTransaction.Kind).</summary>
public static class TransactionKinds
{
    public const string Issue = "issue";
    public const string Transfer = "transfer";
    public const string Retire = "retire";
    public const string Cancel = "cancel";
}
