using GhgReporting.Calc.Factors;
using GhgReporting.Calc.Ipcc.Waste;
using GhgReporting.Calc.Units;

namespace GhgReporting.Calc.Inventory.Methods;

/// <summary>Domestic wastewater CH4 for the people served by one pathway (the record's variant), over
/// one year. Sludge removed (S) and CH4 recovered (R) are taken as zero.</summary>
internal sealed class DomesticWastewaterCh4Method : IEmissionMethod
{
    public string Name => "wastewater-domestic-ch4";

    public string Equation => "IPCC 2006 Vol 5 Ch 6 Eq 6.1–6.3: CH4 = TOW × Bo × MCF, TOW = P × BOD × I × 365 d";

    public IReadOnlyList<GasAmount> Compute(LineInput input, MethodContext context)
    {
        var people = context.Step("People served by the pathway", input.Amount.In(Unit.Person));
        var bod = context.Uses(context.Factor("bod"), "BOD per person");
        var i = context.Fraction("i", "I (industrial co-discharge)");
        var tow = context.Step("TOW", Wastewater.DomesticOrganicsPerYear(people, bod.Value, i), "Eq 6.3: P × BOD × I × 365 d");
        return [Methane(tow, context, "Bo", "Eq 6.2: Bo × MCF", "Eq 6.1: (TOW − S) × EF − R, S = R = 0")];
    }

    /// <summary>CH4 from organics of one pathway: EF = Bo × MCF, CH4 = TOW × EF (S = R = 0); TOW in kg.
    /// Shared by the domestic (BOD) and industrial (COD) methods, which differ only in Bo's basis.</summary>
    internal static GasAmount Methane(Quantity tow, MethodContext context, string boName, string efFormula, string ch4Formula)
    {
        var bo = context.Fraction("bo", boName);
        var mcf = context.Fraction("mcf", "MCF");
        var ef = context.Step("EF", Quantity.Of(Wastewater.MethaneEmissionFactor(bo, mcf), Unit.Fraction), efFormula);
        var ch4 = Quantity.Of(Wastewater.Methane(tow.Value, 0m, ef.Value, 0m), Unit.Kilogram).In(Unit.Tonne);
        return new GasAmount(Gas.CH4, context.Step("CH4 emissions", ch4, ch4Formula));
    }
}

/// <summary>Industrial wastewater CH4 from the COD load of one treatment pathway (the variant).</summary>
internal sealed class IndustrialWastewaterCh4Method : IEmissionMethod
{
    public string Name => "wastewater-industrial-ch4";

    public string Equation => "IPCC 2006 Vol 5 Ch 6 Eq 6.4–6.6: CH4 = (TOW − S) × Bo × MCF − R";

    public IReadOnlyList<GasAmount> Compute(LineInput input, MethodContext context)
    {
        var tow = context.Step("TOW (COD)", input.Amount.In(Unit.Kilogram));
        return [DomesticWastewaterCh4Method.Methane(tow, context, "Bo (COD basis)", "Eq 6.5: Bo × MCF", "Eq 6.4: (TOW − S) × EF − R, S = R = 0")];
    }
}

/// <summary>Domestic wastewater N2O from effluent discharged to water (Eq 6.7, 6.8); needs the city's
/// per-capita protein consumption as a city factor.</summary>
internal sealed class DomesticEffluentN2OMethod : IEmissionMethod
{
    public string Name => "wastewater-domestic-n2o-effluent";

    public string Equation => "IPCC 2006 Vol 5 Ch 6 Eq 6.7, 6.8: N2O = N_effluent × EF × 44/28";

    public IReadOnlyList<GasAmount> Compute(LineInput input, MethodContext context)
    {
        var people = context.Step("People", input.Amount.In(Unit.Person));
        var protein = context.Uses(context.Factor("protein"), "Protein per person");
        var fNpr = context.Fraction("fnpr", "F_NPR");
        var fNonCon = context.Fraction("fnon-con", "F_NON-CON");
        var fIndCom = context.Fraction("find-com", "F_IND-COM");
        var n = context.Step("N in effluent", Wastewater.NitrogenInEffluent(people, protein.Value, fNpr, fNonCon, fIndCom, Quantity.Zero(Unit.Kilogram)),
            "Eq 6.8, N_sludge = 0");
        var ef = context.Uses(context.Factor("ef", Gas.N2O), "EF effluent (N2O-N per N)");
        var n2o = Quantity.Of(Wastewater.NitrousOxideFromEffluent(n.Value, ef.Value.ValueIn(Unit.Fraction)), Unit.Kilogram).In(Unit.Tonne);
        return [new GasAmount(Gas.N2O, context.Step("N2O emissions", n2o, "Eq 6.7: N × EF × 44/28"))];
    }
}

/// <summary>Domestic wastewater N2O from advanced centralised treatment plants (Eq 6.9).</summary>
internal sealed class PlantN2OMethod : IEmissionMethod
{
    public string Name => "wastewater-domestic-n2o-plant";

    public string Equation => "IPCC 2006 Vol 5 Ch 6 Eq 6.9: N2O = P × T_plant × F_IND-COM × EF_plant";

    public IReadOnlyList<GasAmount> Compute(LineInput input, MethodContext context)
    {
        var people = context.Step("People served by advanced centralised plants", input.Amount.In(Unit.Person));
        var fIndCom = context.Fraction("find-com", "F_IND-COM");
        var ef = context.Uses(context.Factor("ef", Gas.N2O), "EF plant");
        var n2o = context.Step("N2O emissions", Wastewater.NitrousOxideFromPlants(people, fIndCom, ef.Value).In(Unit.Tonne), "Eq 6.9");
        return [new GasAmount(Gas.N2O, n2o)];
    }
}
