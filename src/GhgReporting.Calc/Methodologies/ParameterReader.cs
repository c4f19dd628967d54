using System.Globalization;
using System.Text.RegularExpressions;
using GhgReporting.Calc.Factors;
using GhgReporting.Calc.Text;
using GhgReporting.Calc.Units;

namespace GhgReporting.Calc.Methodologies;

/// <summary>
/// Reads a <see cref="MethodologyInput"/> against a methodology's parameters: converts every value to the
/// parameter's unit, applies defaults (catalog rows where the default is one) and collects every problem
/// instead of stopping at the first, so that a reporter fixes a submission in one pass. A methodology adds
/// its own checks (matching indexes, alternatives) to <see cref="Problems"/> and then calls
/// <see cref="ThrowIfProblems"/>.
/// </summary>
internal sealed partial class ParameterReader
{
    private readonly IReadOnlyList<ParameterSpec> _specs;
    private readonly FactorCatalog _catalog;
    private readonly Dictionary<string, InputValue> _scalars = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedDictionary<string, InputValue>> _indexed = new(StringComparer.Ordinal);
    private readonly HashSet<string> _given = new(StringComparer.Ordinal);
    private readonly HashSet<(string Name, string Index)> _givenIndexes = [];

    private ParameterReader(IReadOnlyList<ParameterSpec> specs, FactorCatalog catalog)
    {
        _specs = specs;
        _catalog = catalog;
    }

    public List<string> Problems { get; } = [];

    public List<string> Warnings { get; } = [];

    /// <summary>Reads and checks every value; problems and default warnings are collected, nothing is thrown.</summary>
    public static ParameterReader Read(IReadOnlyList<ParameterSpec> specs, MethodologyInput input, FactorCatalog catalog)
    {
        var reader = new ParameterReader(specs, catalog);
        if (input.PeriodEnd < input.PeriodStart)
            reader.Problems.Add($"The monitoring period ends ({Date(input.PeriodEnd)}) before it starts ({Date(input.PeriodStart)}).");
        if (!catalog.GwpSets.ContainsKey(input.GwpSet ?? ""))
            reader.Problems.Add($"GWP set '{input.GwpSet}' is not in the catalog; it has {string.Join(", ", catalog.GwpSets.Keys.Order(StringComparer.Ordinal))}.");

        reader.ReadList(input.ExAnte ?? [], ParameterTiming.ExAnte);
        reader.ReadList(input.ExPost ?? [], ParameterTiming.ExPost);
        reader.ApplyDefaults();
        return reader;
    }

    /// <summary>The value of a non-indexed parameter, given or defaulted; null when absent.</summary>
    public InputValue? Scalar(string name) => _scalars.GetValueOrDefault(name);

    /// <summary>True when a value was given for the parameter, valid or not.</summary>
    public bool Given(string name) => _given.Contains(name);

    /// <summary>True when a value was given for the parameter at this index, valid or not.</summary>
    public bool Given(string name, string index) => _givenIndexes.Contains((name, index));

    /// <summary>The value of a non-indexed parameter that <see cref="ThrowIfProblems"/> has ensured is present.</summary>
    public decimal Value(string name) =>
        _scalars.TryGetValue(name, out var v) ? v.Value : throw new InvalidOperationException($"Parameter {name} was not read.");

    /// <summary>The values of an indexed parameter, by index in ordinal order (the result does not depend on input order).</summary>
    public IReadOnlyDictionary<string, InputValue> Indexed(string name) =>
        _indexed.TryGetValue(name, out var values) ? values : new SortedDictionary<string, InputValue>(StringComparer.Ordinal);

    /// <summary>Every value used, parameter by parameter in declaration order, for the trace.</summary>
    public IEnumerable<InputValue> All() =>
        _specs.SelectMany(s => _scalars.TryGetValue(s.Name, out var v) ? [v] : Indexed(s.Name).Values.AsEnumerable());

    /// <summary>Adds a problem for each index of <paramref name="leader"/> that a follower lacks, and for each
    /// index a follower has that the leader lacks (chiller i needs EC_PJ, COP_PJ and COP_RE).</summary>
    public void RequireSameIndexes(string leader, params string[] followers)
    {
        var leading = Indexed(leader).Keys.ToHashSet(StringComparer.Ordinal);
        foreach (var follower in followers)
        {
            var following = Indexed(follower);
            foreach (var missing in leading.Where(i => !following.ContainsKey(i)))
                Problems.Add($"Parameter {follower} has no value for index '{missing}', which {leader} has; give one per index.");
            foreach (var extra in following.Keys.Where(i => !leading.Contains(i)))
                Problems.Add($"Parameter {follower} has a value for index '{extra}', which {leader} does not have; remove it or add {leader} for it.");
        }
    }

    /// <summary>Uses the catalog row <paramref name="factorId"/> as the value of an indexed parameter (per-index
    /// defaults, e.g. DOC_j by waste type). Returns null and adds a problem when the row is missing.</summary>
    public InputValue? IndexedDefaultFromCatalog(string name, string index, string factorId)
    {
        var spec = _specs.Single(s => s.Name == name);
        var value = FromCatalog(spec, index, factorId);
        if (value is null) return null;
        if (!_indexed.TryGetValue(name, out var values))
            _indexed[name] = values = new SortedDictionary<string, InputValue>(StringComparer.Ordinal);
        values[index] = value;
        return value;
    }

    /// <exception cref="MethodologyInputException">Any problem was collected.</exception>
    public void ThrowIfProblems()
    {
        if (Problems.Count > 0) throw new MethodologyInputException(Problems.ToList());
    }

    private void ReadList(IReadOnlyList<ParameterValue> values, ParameterTiming listTiming)
    {
        var list = listTiming == ParameterTiming.ExAnte ? "ex-ante" : "ex-post";
        foreach (var given in values)
        {
            var spec = _specs.FirstOrDefault(s => s.Name == given.Name);
            var label = given.Index is null ? $"{given.Name}" : $"{given.Name} [{given.Index}]";
            if (spec is null)
            {
                Problems.Add($"Unknown parameter '{given.Name}' in the {list} values; this methodology's parameters are {string.Join(", ", _specs.Select(s => s.Name))}.");
                continue;
            }

            _given.Add(spec.Name);
            if (!string.IsNullOrWhiteSpace(given.Index)) _givenIndexes.Add((spec.Name, given.Index.Trim()));
            var problemsBefore = Problems.Count;
            if (spec.Parameter.Timing != listTiming)
                Problems.Add($"Parameter {spec.Name} is {Timing(spec.Parameter.Timing)} but was given among the {list} values.");
            if (spec.Parameter.Indexed && string.IsNullOrWhiteSpace(given.Index))
                Problems.Add($"Parameter {spec.Name} ({spec.Parameter.Symbol}) needs an index: one value per {spec.IndexNoun}.");
            if (!spec.Parameter.Indexed && given.Index is not null)
                Problems.Add($"Parameter {spec.Name} takes no index, but '{given.Index}' was given.");

            var value = Convert(spec, given, label);
            var typed = $"{Number(given.Value)} {given.Unit}".TrimEnd();
            if (value is { } v && !spec.InRange(v))
            {
                var converted = $"{Number(v)} {spec.Parameter.Unit}";
                Problems.Add($"Parameter {label} is {(typed == converted ? typed : $"{typed} = {converted}")}; it {spec.RangeText}.");
            }
            if (value is null || Problems.Count > problemsBefore) continue;

            var index = given.Index?.Trim();
            var citation = spec.Parameter.Timing == ParameterTiming.ExPost
                ? $"monitored ex post; given as {typed}"
                : $"fixed ex ante; given as {typed}";
            var input = new InputValue(spec, index, value.Value, index is null ? spec.Name : $"{spec.Name}[{index}]", citation);
            if (index is null)
            {
                if (!_scalars.TryAdd(spec.Name, input)) Problems.Add($"Parameter {spec.Name} is given more than once.");
            }
            else
            {
                if (!_indexed.TryGetValue(spec.Name, out var byIndex))
                    _indexed[spec.Name] = byIndex = new SortedDictionary<string, InputValue>(StringComparer.Ordinal);
                if (!byIndex.TryAdd(index, input)) Problems.Add($"Parameter {label} is given more than once.");
            }
        }
    }

    /// <summary>The value in the parameter's unit, or null with a problem added.</summary>
    private decimal? Convert(ParameterSpec spec, ParameterValue given, string label)
    {
        var text = NormaliseUnit(given.Unit, spec);
        var parsed = UnitParser.Parse(text);
        if (!parsed.Success)
        {
            Problems.Add($"Parameter {label}: {parsed.Error}");
            return null;
        }
        if (parsed.Value.Dimension != spec.Unit.Dimension)
        {
            Problems.Add($"Parameter {label} is in {spec.Parameter.Unit} ({spec.Unit.Dimension}); '{given.Unit}' measures {parsed.Value.Dimension}.");
            return null;
        }
        try
        {
            return Quantity.Of(given.Value, parsed.Value).ValueIn(spec.Unit);
        }
        catch (OverflowException)
        {
            Problems.Add($"Parameter {label}: {given.Value.ToString(CultureInfo.InvariantCulture)} {given.Unit} is too large to convert to {spec.Parameter.Unit}.");
            return null;
        }
    }

    private void ApplyDefaults()
    {
        foreach (var spec in _specs)
        {
            var p = spec.Parameter;
            if (p.Indexed)
            {
                if (spec.Required && !_given.Contains(spec.Name))
                    Problems.Add($"Parameter {spec.Name} ({p.Symbol}, {Timing(p.Timing)}) is missing: give one value per {spec.IndexNoun}.");
                continue;
            }
            if (_given.Contains(spec.Name)) continue;

            InputValue? value = null;
            if (spec.CatalogFactorId is not null)
                value = FromCatalog(spec, null, spec.CatalogFactorId);
            else if (p.Default is { } d)
                value = new InputValue(spec, null, d, spec.Name, "default: " + p.DefaultSource);
            else if (spec.Required)
                Problems.Add($"Parameter {spec.Name} ({p.Symbol}, {Timing(p.Timing)}, in {p.Unit}) is missing.");
            if (value is null) continue;

            _scalars[spec.Name] = value;
            if (p.DefaultIsIllustrative)
                Warnings.Add($"{p.Symbol}: the default {Number(value.Value)} {p.Unit} is ILLUSTRATIVE (published value not confirmed: {p.DefaultSource}); give a project value.");
            if (spec.DefaultWarning is not null) Warnings.Add($"{p.Symbol}: default {Number(value.Value)} {p.Unit} used; {spec.DefaultWarning}");
        }
    }

    private InputValue? FromCatalog(ParameterSpec spec, string? index, string factorId)
    {
        var label = index is null ? spec.Name : $"{spec.Name} [{index}]";
        var factor = _catalog.Factors.FirstOrDefault(f => f.Id == factorId);
        if (factor is null)
        {
            Problems.Add($"Parameter {label} was not given and its default, catalog factor {factorId}, is not in catalog {_catalog.Name}; give the value.");
            return null;
        }
        var value = factor.Value.ValueIn(spec.Unit);
        if (index is null && spec.Parameter.Default is { } declared && declared != value)
            Warnings.Add($"{spec.Parameter.Symbol}: catalog factor {factorId} is {Number(value)} {spec.Parameter.Unit}, not the documented default {Number(declared)}; the catalog value was used.");
        return new InputValue(spec, index, value, factor.Id, "default: " + factor.Citation);
    }

    /// <summary>Empty text is a pure number for a dimensionless parameter, and the gas written after a mass unit
    /// ("tCO2/MWh", "kg CO2e/kWh", as JCM and grid tables print them) is dropped: the parameter says which gas.</summary>
    private static string NormaliseUnit(string? unit, ParameterSpec spec)
    {
        if (string.IsNullOrWhiteSpace(unit) || unit.Trim() == "-")
            return spec.Unit.Dimension == Dimension.Dimensionless ? "1" : "";
        return GasAfterMassUnit().Replace(unit.Trim(), "");
    }

    [GeneratedRegex(@"(?<=(?:^|[^A-Za-z])(?:t|kg|g))\s*-?\s*CO2(?:e|-eq|eq)?(?![A-Za-z0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex GasAfterMassUnit();

    private static string Timing(ParameterTiming timing) => timing == ParameterTiming.ExAnte ? "ex ante" : "ex post";

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
