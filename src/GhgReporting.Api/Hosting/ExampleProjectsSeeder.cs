using GhgReporting.Data.Audit;
using GhgReporting.Data.Entities;
using GhgReporting.Data.Projects;
using Microsoft.AspNetCore.Identity;

namespace GhgReporting.Api.Hosting;

/// <summary>
/// Joint projects of the example platform, every figure ILLUSTRATIVE, put through the same services as real
/// ones: a rooftop PV project in Surabaya verified by Kitakyushu (credits issued), a chiller project in Hải
/// Phòng submitted and waiting for Kitakyushu's verifier, and a composting project in Mandalay at
/// feasibility stage.
/// </summary>
public sealed class ExampleProjectsSeeder(ProjectService projects, MonitoringService monitoring, UserManager<AppUser> users)
{
    private const string Mark = "ILLUSTRATIVE";

    public async Task SeedAsync(CancellationToken ct)
    {
        var secretariat = await ActorAsync(ExampleSeeder.SecretariatEmail, Roles.Secretariat);

        var pv = await RegisterAsync(new RegisterProject("SUB-PV-01", "surabaya", "kitakyushu", "Rooftop solar PV on Pasar Genteng market (example)", "Renewable energy",
            "GHG-RE-SOLARPV", "1.0",
            [new ExAnteValue("EF_RE", null, 0.533m, "t/MWh", "JCM Indonesia Jamali grid, Case 2 (catalog grid.id_jamali.jcm.case2.co2)")],
            new DateOnly(2022, 1, 1), new DateOnly(2030, 12, 31), ProjectStages.Operating, $"{Mark}: JCM model project",
            $"{Mark}: lower electricity bills for the market's traders; roofs shaded and cooler.",
            $"{Mark}: 12 municipal technicians trained in PV maintenance; market traders' awareness sessions."), secretariat, ct);
        var reporterSurabaya = await ActorAsync(ExampleSeeder.ReporterEmail("surabaya"), Roles.Reporter);
        var verifierKitakyushu = await ActorAsync(ExampleSeeder.VerifierEmail("kitakyushu"), Roles.Verifier);
        // Metered month by month (so that its monitoring report charts the year); 1,900 MWh in all.
        decimal[] monthlyMwh = [142.5m, 148.0m, 161.2m, 165.9m, 170.3m, 158.7m, 160.1m, 167.4m, 171.8m, 166.0m, 150.6m, 137.5m];
        var pvPeriod = await PeriodAsync(pv, 2023, reporterSurabaya,
            monthlyMwh.Select((mwh, i) => new MonitoredValue("EG", $"2023-{i + 1:00}", mwh, "MWh", "C", $"{Mark}: inverter energy meter log", "Revenue-grade AC meter read monthly")).ToList(), ct);
        Check(await monitoring.SubmitAsync(pvPeriod, reporterSurabaya, ct));
        Check(await monitoring.StartReviewAsync(pvPeriod, verifierKitakyushu, ct));
        Check(await monitoring.VerifyAsync(pvPeriod, verifierKitakyushu, $"{Mark}: meter readings match the monthly invoices.", ct));

        var chiller = await RegisterAsync(new RegisterProject("HPH-CHILLER-01", "hai-phong", "kitakyushu", "High-efficiency chillers in a shopping mall (example)", "Energy efficiency",
            "GHG-EE-CHILLER", "1.0",
            [
                new ExAnteValue("COP_PJ", "chiller-1", 6.2m, "", $"{Mark}: manufacturer's specification"),
                new ExAnteValue("COP_RE", "chiller-1", 5.0m, "", $"{Mark}: reference COP; the methodology's default table could not be confirmed"),
                new ExAnteValue("EF_elec", null, 0.6592m, "t/MWh", "Viet Nam grid emission factor 2023, DCC/MONRE (catalog grid.vn.dcc.2023.co2)"),
            ],
            new DateOnly(2023, 1, 1), new DateOnly(2030, 12, 31), ProjectStages.ModelProject, $"{Mark}: city-to-city cooperation budget",
            $"{Mark}: quieter plant room, refrigerant with no ozone depletion.", $"{Mark}: mall engineers trained in chiller operation."), secretariat, ct);
        var reporterHaiPhong = await ActorAsync(ExampleSeeder.ReporterEmail("hai-phong"), Roles.Reporter);
        var chillerPeriod = await PeriodAsync(chiller, 2023, reporterHaiPhong,
            [new MonitoredValue("EC_PJ", "chiller-1", 1_200m, "MWh", "C", $"{Mark}: chiller power meter", "Certified power meter, logged continuously")], ct);
        Check(await monitoring.SubmitAsync(chillerPeriod, reporterHaiPhong, ct));

        await RegisterAsync(new RegisterProject("MDL-COMPOST-01", "mandalay", "yokohama", "Market organic waste composting (example)", "Waste",
            "GHG-WA-COMPOST", "1.0", [], new DateOnly(2025, 1, 1), new DateOnly(2034, 12, 31), ProjectStages.FeasibilityStudy,
            $"{Mark}: feasibility study", $"{Mark}: less open dumping and burning; compost for urban farms.", null), secretariat, ct);
    }

    private async Task<Guid> RegisterAsync(RegisterProject request, Actor secretariat, CancellationToken ct)
    {
        var (project, problem) = await projects.RegisterAsync(request, secretariat, ct);
        return project?.Id ?? throw new InvalidOperationException($"Seeding project {request.Code}: {problem!.Title}: {problem.Detail} {string.Join("; ", problem.Problems ?? [])}");
    }

    private async Task<Guid> PeriodAsync(Guid projectId, int year, Actor reporter, IReadOnlyList<MonitoredValue> values, CancellationToken ct)
    {
        var period = Check(await monitoring.CreateAsync(projectId, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), reporter, ct));
        Check(await monitoring.SetParametersAsync(period.Id, values, reporter, ct));
        return period.Id;
    }

    private async Task<Actor> ActorAsync(string email, string role)
    {
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"Demo account {email} is missing.");
        return new Actor(user.Id, email, role, user.CityId);
    }

    private static MonitoringPeriod Check((MonitoringPeriod? Period, ProjectProblem? Problem) outcome) =>
        outcome.Period ?? throw new InvalidOperationException($"Seeding a monitoring period: {outcome.Problem!.Title}: {outcome.Problem.Detail} {string.Join("; ", outcome.Problem.Problems ?? [])}");
}
