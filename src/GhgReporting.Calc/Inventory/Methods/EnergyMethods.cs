using GhgReporting.Calc.Factors;
using GhgReporting.Calc.Gpc;
using GhgReporting.Calc.Ipcc.Energy;
using GhgReporting.Calc.Units;

namespace GhgReporting.Calc.Inventory.Methods;

/// <summary>Stationary and mobile fuel combustion (IPCC 2006 Vol 2 Ch 2 Eq 2.1; Ch 3 Eq 3.2.1, 3.2.3).
/// Amounts in energy are taken as NCV basis; mass goes through the NCV; volume through density, then NCV.</summary>
internal sealed class FuelCombustionMethod : IEmissionMethod
{
    public string Name => "fuel-combustion";

    public string Equation => "IPCC 2006 Vol 2 Ch 2 Eq 2.1 / Ch 3 Eq 3.2.1, 3.2.3: Emissions = Fuel (TJ, NCV) × EF";

    public IReadOnlyList<GasAmount> Compute(LineInput input, MethodContext context)
    {
        var amount = context.Step("Fuel consumed", input.Amount);
        var energy = amount;
        if (amount.Dimension == Dimension.Volume)
        {
            var density = context.Uses(context.Factor("density"), "Density");
            amount = context.Step("Fuel mass", Combustion.MassFromVolume(amount, density.Value), "mass = volume × density", density);
        }
        if (amount.Dimension == Dimension.Mass)
        {
            var ncv = context.Uses(context.Factor("ncv"), "Net calorific value");
            energy = context.Step("Fuel energy (NCV basis)", Combustion.EnergyFromMass(amount, ncv.Value), "energy = mass × NCV", ncv);
        }
        else
        {
            energy = context.Step("Fuel energy (NCV basis)", energy.In(Unit.Terajoule));
        }

        var result = new List<GasAmount>(context.Type.Gases.Count);
        foreach (var gas in context.Type.Gases)
        {
            var ef = context.Uses(context.Factor("ef", gas), $"EF {gas.Symbol()}");
            var mass = Combustion.Emissions(energy, ef.Value);
            var biogenic = gas == Gas.CO2 && context.Type.BiogenicCo2;
            context.Step(biogenic ? "CO2 emissions (biogenic, memo item)" : $"{gas.Symbol()} emissions", mass, $"{gas.Symbol()} = energy × EF", ef);
            result.Add(new GasAmount(gas, mass, biogenic));
        }
        return result;
    }
}

/// <summary>Scope 2 grid electricity, GPC Ch 6/7: consumption × grid factor (CO2 only where the
/// published factor is CO2 only).</summary>
internal sealed class GridElectricityMethod : IEmissionMethod
{
    public string Name => "grid-electricity";

    public string Equation => "GPC (2014) Ch 6 scope 2: Emissions = grid electricity consumed × grid EF";

    public IReadOnlyList<GasAmount> Compute(LineInput input, MethodContext context)
    {
        var consumed = context.Step("Grid electricity consumed", input.Amount.In(Unit.Megawatthour));
        return context.Type.Gases.Select(gas =>
        {
            var ef = context.Uses(context.Factor("ef", gas), $"Grid EF {gas.Symbol()}");
            var mass = context.Step($"{gas.Symbol()} emissions", GridEnergy.Scope2(consumed, ef.Value), "consumption × EF", ef);
            return new GasAmount(gas, mass);
        }).ToList();
    }
}

/// <summary>Scope 3 T&amp;D losses, GPC Ch 6: electricity lost × the city's grid factor (the factor of
/// <c>electricity:grid</c>, so that losses and consumption use one factor).</summary>
internal sealed class GridLossesMethod : IEmissionMethod
{
    internal const string GridActivity = "electricity:grid";

    public string Name => "grid-td-losses";

    public string Equation => "GPC (2014) Ch 6 scope 3: Emissions = electricity lost in T&D × grid EF";

    public IReadOnlyList<GasAmount> Compute(LineInput input, MethodContext context)
    {
        var lost = context.Step("Electricity lost in transmission and distribution", input.Amount.In(Unit.Megawatthour));
        return context.Type.Gases.Select(gas =>
        {
            var ef = context.Uses(context.Factor("ef", gas, GridActivity), $"Grid EF {gas.Symbol()}");
            var mass = context.Step($"{gas.Symbol()} emissions", GridEnergy.TransmissionAndDistributionLosses(lost, ef.Value), "losses × EF", ef);
            return new GasAmount(gas, mass);
        }).ToList();
    }
}

/// <summary>Emissions measured or estimated elsewhere and entered per gas (GPC allows it for IPPU and
/// AFOLU); the amount is the mass of the gas the activity type names.</summary>
internal sealed class ReportedEmissionsMethod : IEmissionMethod
{
    public string Name => "reported-emissions";

    public string Equation => "GPC (2014) Ch 8/9: emissions reported per gas from a cited source";

    public IReadOnlyList<GasAmount> Compute(LineInput input, MethodContext context)
    {
        if (context.Type.Gases.Count != 1)
            throw new InvalidOperationException($"Activity type {context.Type.Name} must name exactly one gas for reported emissions.");
        var gas = context.Type.Gases[0];
        var mass = context.Step($"{gas.Symbol()} reported", input.Amount.In(Unit.Tonne));
        return [new GasAmount(gas, mass, gas == Gas.CO2 && context.Type.BiogenicCo2)];
    }
}
