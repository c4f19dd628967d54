using System.Globalization;
using System.Security.Claims;
using GhgReporting.Api.Auth;
using GhgReporting.Data;
using GhgReporting.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace GhgReporting.Api.Web.Public;

/// <summary>
/// What the public pages share: the reader they load data as (nobody: only what is published, whoever is signed
/// in, so that a city's own users see the public page as the public does) and the addresses of the public reports.
/// </summary>
public static class PublicFormat
{
    /// <summary>A caller who is not signed in: reads published data only.</summary>
    public static Caller Nobody { get; } = new(new ClaimsPrincipal(new ClaimsIdentity()));

    /// <summary>The public address of a verified period's final monitoring report (202 while it is being rendered).</summary>
    public static string MonitoringReportUrl(Guid periodId) => $"/api/periods/{periodId}/report.pdf";

    public static string InventoryReportUrl(InventoryVersion v) => $"/api/cities/{v.CityId}/inventories/{v.Year}/versions/{v.Version}/report.pdf";

    public static string CertificateUrl(string verificationCode) => $"/api/retirements/{Uri.EscapeDataString(verificationCode)}/certificate.pdf";
}
