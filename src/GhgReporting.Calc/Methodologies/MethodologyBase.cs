using GhgReporting.Calc.Factors;

namespace GhgReporting.Calc.Methodologies;

/// <summary>
/// The common path of every methodology: read and check the input against the parameters, let the
/// methodology add its own checks, throw every problem at once, then compute with a trace.
/// </summary>
internal abstract class MethodologyBase : IMethodology
{
    protected MethodologyBase(IReadOnlyList<ParameterSpec> specs)
    {
        Specs = specs;
        Parameters = specs.Select(s => s.Parameter).ToArray();
    }

    public abstract string Id { get; }

    public abstract string Version { get; }

    public abstract string Title { get; }

    public abstract string Sector { get; }

    public abstract string BasedOn { get; }

    public abstract string Equations { get; }

    public IReadOnlyList<MethodologyParameter> Parameters { get; }

    internal IReadOnlyList<ParameterSpec> Specs { get; }

    public MethodologyResult Calculate(MethodologyInput input, FactorCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(catalog);
        var inputs = ParameterReader.Read(Specs, input, catalog);
        Check(inputs, input, catalog);
        inputs.ThrowIfProblems();
        return Compute(inputs, input, catalog, new CalculationBuilder(this, inputs));
    }

    /// <summary>Checks beyond one value at a time (indexes that must match, alternatives); adds to
    /// <see cref="ParameterReader.Problems"/>, never throws.</summary>
    protected virtual void Check(ParameterReader inputs, MethodologyInput input, FactorCatalog catalog)
    {
    }

    /// <summary>The calculation proper; the input is known to be complete and valid.</summary>
    protected abstract MethodologyResult Compute(ParameterReader inputs, MethodologyInput input, FactorCatalog catalog, CalculationBuilder trace);

    /// <summary>Invariant text of a number, for formulas written into the trace.</summary>
    protected static string N(decimal value) => CalculationBuilder.Number(value);
}
