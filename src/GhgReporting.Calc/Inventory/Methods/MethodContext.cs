using GhgReporting.Calc.Factors;
using GhgReporting.Calc.Units;

namespace GhgReporting.Calc.Inventory.Methods;

/// <summary>The mass of one gas a line emits, and whether it is biogenic CO2 (reported apart).</summary>
internal readonly record struct GasAmount(Gas Gas, Quantity Mass, bool Biogenic = false);

/// <summary>What a method is given for one line: the summed amount of its records (or, for solid
/// waste disposal, the amount deposited in each year of the history).</summary>
internal sealed record LineInput(Quantity Amount, IReadOnlyDictionary<int, Quantity>? DepositsByYear = null);

/// <summary>
/// What a method may use while it computes one line: factor lookup for the line's activity,
/// GPC reference, city and year, and the trace it writes every step into.
/// </summary>
internal sealed class MethodContext(
    FactorCatalog catalog,
    CityContext city,
    int year,
    string gpcReference,
    ActivityKey activity,
    ActivityTypeDefinition type)
{
    private readonly List<TraceStep> _steps = [];
    private readonly List<string> _warnings = [];

    public int Year => year;

    public string GpcReference => gpcReference;

    public ActivityKey Activity => activity;

    public ActivityTypeDefinition Type => type;

    public IReadOnlyList<TraceStep> Steps => _steps;

    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>The factor for this line (or for <paramref name="activityType"/>, when a method
    /// borrows another activity's factor, as T&amp;D losses borrow the grid factor).</summary>
    public Factor Factor(string parameter, Gas? gas = null, string? activityType = null)
    {
        var key = activityType is null ? activity : new ActivityKey(activityType, null);
        return catalog.Resolve(new FactorQuery(parameter, key, gpcReference, gas, year), city);
    }

    /// <summary>A dimensionless parameter (DOC, MCF, …) as a plain decimal fraction, with its trace step.</summary>
    public decimal Fraction(string parameter, string name, string? activityType = null)
    {
        var f = Factor(parameter, null, activityType);
        var value = f.Value.ValueIn(Unit.Fraction);
        _steps.Add(new TraceStep(name, value, "fraction", f.Id, f.Citation));
        return value;
    }

    /// <summary>Records an input or intermediate figure.</summary>
    public Quantity Step(string name, Quantity value, string? formula = null, Factor? factor = null)
    {
        _steps.Add(new TraceStep(name, value.Value, value.Unit.Symbol, factor?.Id, factor?.Citation, formula));
        return value;
    }

    /// <summary>Records a published value applied in the calculation.</summary>
    public Factor Uses(Factor factor, string name)
    {
        _steps.Add(new TraceStep(name, factor.Value.Value, factor.Value.Unit.Symbol, factor.Id, factor.Citation));
        return factor;
    }

    public void Warn(string warning) => _warnings.Add(warning);
}

/// <summary>A calculation method: one per family of activities, each after its IPCC/GPC equation.</summary>
internal interface IEmissionMethod
{
    /// <summary>The name used in <c>activity-types.csv</c>.</summary>
    string Name { get; }

    /// <summary>The equation it follows, cited.</summary>
    string Equation { get; }

    IReadOnlyList<GasAmount> Compute(LineInput input, MethodContext context);
}
