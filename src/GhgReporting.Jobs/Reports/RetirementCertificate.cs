using System.Globalization;
using GhgReporting.Data.Credits;
using GhgReporting.Jobs.Pdf;

namespace GhgReporting.Jobs.Reports;

/// <summary>What a retirement certificate shows: the retirement as the public lookup reports it, and the
/// project it came from.</summary>
public sealed record RetirementCertificateModel(RetirementView Retirement, string HostCityName, string PartnerCityName, string Methodology, IReadOnlyList<int> Vintages);

/// <summary>
/// The retirement certificate of an offset: serial range, quantity, vintage, project, beneficiary, purpose,
/// date, and the verification code that the public lookup (<c>/api/retirements/{code}</c>) confirms.
/// </summary>
public sealed class RetirementCertificate(RetirementCertificateModel model) : IPdfDocument
{
    public DocumentSpec Compose()
    {
        var r = model.Retirement;
        return new DocumentSpec($"Retirement certificate {r.VerificationCode}", "Low-Carbon Cities Platform · Retirement certificate", null, [.. Content()])
        {
            FooterText = $"Verification code {r.VerificationCode} · confirm at /api/retirements/{r.VerificationCode}",
        };
    }

    private IEnumerable<Block> Content()
    {
        var r = model.Retirement;
        yield return new TitleBlock("Retirement certificate", $"{Quantity(r.Quantity)} tCO2e retired for {r.Beneficiary}");
        yield return new ParagraphBlock(
            $"This certifies that {Quantity(r.Quantity)} credits — each one tonne of CO2-equivalent emission reductions, verified by " +
            $"{model.PartnerCityName} — were retired on {r.RetiredAt.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)} " +
            $"for {r.Beneficiary}. Retired credits are used once: they can never be transferred or retired again.");
        yield return new KeyValueBlock(
        [
            new KeyValue("Verification code", r.VerificationCode),
            new KeyValue("Quantity", $"{Quantity(r.Quantity)} tCO2e ({Quantity(r.Quantity)} credits)"),
            new KeyValue("Serial numbers", string.Join("; ", r.Serials.Select(s => s.Count == 1 ? s.First : $"{s.First} to {s.Last} ({Quantity(s.Count)})"))),
            new KeyValue("Vintage", string.Join(", ", model.Vintages)),
            new KeyValue("Project", $"{r.ProjectCode} — {r.ProjectTitle}"),
            new KeyValue("Host city", model.HostCityName),
            new KeyValue("Verified by", model.PartnerCityName),
            new KeyValue("Methodology", model.Methodology),
            new KeyValue("Beneficiary", r.Beneficiary),
            new KeyValue("Purpose", r.Purpose),
            new KeyValue("Retired on", r.RetiredAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)),
        ]);
        yield return new ParagraphBlock(
            $"Anyone can check this certificate: the platform's public lookup of verification code {r.VerificationCode}, or of any of the " +
            "serial numbers above, shows the same retirement, beneficiary and purpose.");
    }

    private static string Quantity(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
