namespace GhgReporting.Calc;

/// <summary>
/// The one place where figures are rounded. The engine computes and stores unrounded decimals;
/// rounding happens only when a figure is shown to a person, or where a methodology's rule says
/// so (credits are whole tonnes, rounded down once at the end of a monitoring period).
/// </summary>
public static class Rounding
{
    /// <summary>Decimal places used when a mass of gas or CO2e in tonnes is displayed.</summary>
    public const int DisplayTonnesDecimals = 3;

    /// <summary>Rounds tonnes for display: 3 decimals (one kilogram), half away from zero, as
    /// people expect from a printed table.</summary>
    public static decimal ForDisplay(decimal tonnes) =>
        decimal.Round(tonnes, DisplayTonnesDecimals, MidpointRounding.AwayFromZero);

    /// <summary>Formats tonnes for display with a thousands separator, invariant culture.</summary>
    public static string FormatTonnes(decimal tonnes) =>
        ForDisplay(tonnes).ToString("#,##0.000", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Decimal places of tonnes of CO2e per person: two; three would claim a precision that population
    /// figures do not have.</summary>
    public const int PerPersonDecimals = 2;

    /// <summary>Formats tonnes of CO2e per person for display: two decimals, half away from zero, invariant culture.</summary>
    public static string FormatTonnesPerPerson(decimal tonnesPerPerson) =>
        decimal.Round(tonnesPerPerson, PerPersonDecimals, MidpointRounding.AwayFromZero).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Whole tonnes of CO2e that may be credited for a period: rounded down (toward negative
    /// infinity) once, at the end. A negative reduction stays negative so that it is shown as it
    /// is; the caller issues no credits for it.
    /// </summary>
    public static decimal WholeTonnesDown(decimal tonnesCo2e) => decimal.Floor(tonnesCo2e);
}
