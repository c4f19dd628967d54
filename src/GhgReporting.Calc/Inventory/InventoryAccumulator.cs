using GhgReporting.Calc.Factors;
using GhgReporting.Calc.Gpc;
using GhgReporting.Calc.Text;
using GhgReporting.Calc.Units;

namespace GhgReporting.Calc.Inventory;

/// <summary>Options of one inventory calculation.</summary>
public sealed record InventoryOptions
{
    /// <summary>Keep each record's id in the line it belongs to, for the trace. Turn off when streaming
    /// millions of records and the caller can find a line's records itself (memory then stays bounded).</summary>
    public bool KeepRecordIds { get; init; } = true;

    /// <summary>How many record errors are listed before the rest are only counted.</summary>
    public int MaxErrorsListed { get; init; } = 200;
}

/// <summary>
/// Streams activity records into the inventory. Emissions of every method but the decay model are
/// linear in the amount, so records are summed per slot (GPC reference, activity type and variant,
/// unit, data quality, and for solid waste the deposit year) and the factors are applied once per
/// line at <see cref="InventoryCalculator.Finish"/>: in <see cref="decimal"/> the sum of products
/// equals the product of the sum as long as no figure exceeds 28 significant digits. Memory grows
/// with the number of slots, not of records (unless record ids are kept).
/// </summary>
public sealed class InventoryAccumulator
{
    private readonly Dictionary<(string Gpc, string Activity, string Unit, DataQuality Quality, int Year), int> _slotByText = [];
    private readonly List<Slot> _slots = [];
    private decimal[] _sums = new decimal[16];
    private long[] _counts = new long[16];
    private readonly List<RecordError> _errors = [];

    public InventoryAccumulator(FactorCatalog catalog, CityContext city, int year, InventoryOptions? options = null)
    {
        Catalog = catalog;
        City = city;
        Year = year;
        Options = options ?? new InventoryOptions();
    }

    public FactorCatalog Catalog { get; }

    public CityContext City { get; }

    public int Year { get; }

    public InventoryOptions Options { get; }

    public long RecordsAdded { get; private set; }

    public long ErrorCount { get; private set; }

    public IReadOnlyList<RecordError> Errors => _errors;

    internal IReadOnlyList<Slot> Slots => _slots;

    internal decimal SumOf(int slot) => _sums[slot];

    internal long CountOf(int slot) => _counts[slot];

    /// <summary>
    /// Validates a record and adds it. A record with problems is not added; its problems are kept
    /// (see <see cref="Errors"/>) and the calculation refuses to finish.
    /// </summary>
    public void Add(ActivityRecord record)
    {
        var index = RecordsAdded + ErrorCount;
        var problems = new List<(string Field, string Message)>(0);
        if (record.Amount < 0) problems.Add(("amount", $"{record.Amount} is negative; amounts are never negative."));
        if (record.PeriodEnd < record.PeriodStart) problems.Add(("period", $"ends ({record.PeriodEnd:yyyy-MM-dd}) before it starts ({record.PeriodStart:yyyy-MM-dd})."));

        var slot = -1;
        if (problems.Count == 0)
        {
            var depositYear = PeriodYear(record, problems);
            if (problems.Count == 0) slot = SlotFor(record.GpcReference, record.ActivityType, record.Unit, record.Quality, depositYear, problems);
        }

        if (problems.Count > 0)
        {
            ErrorCount += problems.Count;
            foreach (var (field, message) in problems)
                if (_errors.Count < Options.MaxErrorsListed) _errors.Add(new RecordError(index, record.RecordId, field, message));
            return;
        }

        Add(slot, record.Amount);
        if (Options.KeepRecordIds && record.RecordId is not null) _slots[slot].RecordIds.Add(record.RecordId);
    }

    /// <summary>The hot path: adds an amount to a slot obtained from <see cref="SlotFor"/>.</summary>
    public void Add(int slot, decimal amount)
    {
        _sums[slot] += amount;
        _counts[slot]++;
        RecordsAdded++;
    }

    /// <summary>
    /// The slot for records of one GPC reference, activity type, unit and quality (and deposit year for
    /// solid waste disposal; 0 otherwise), validated once. Returns −1 and adds the problems when the
    /// combination is invalid.
    /// </summary>
    public int SlotFor(string gpcReference, string activityType, string unit, DataQuality quality, int depositYear, List<(string Field, string Message)> problems)
    {
        var textKey = (gpcReference, activityType, unit, quality, depositYear);
        if (_slotByText.TryGetValue(textKey, out var existing)) return existing;

        var before = problems.Count;
        if (!GpcStructure.TryGet(gpcReference, out var category))
            problems.Add(("gpc_reference", $"'{gpcReference}' is not a GPC reference number (e.g. I.1.1, II.1.1, III.2.1)."));
        var key = ActivityKey.Parse(activityType);
        if (!Catalog.ActivityTypes.TryGetValue(key.Type, out var type))
        {
            problems.Add(("activity_type", $"'{key.Type}' is not an activity type of catalog {Catalog.Name}."));
        }
        else if (type.Method == InventoryMethods.ProjectBaseline)
        {
            problems.Add(("activity_type", $"{key.Type} names a grid factor for project methodologies only; an inventory reports grid use as electricity:grid."));
        }
        else
        {
            if (key.Variant is not null && !Catalog.VariantsOf(key.Type).Contains(key.Variant))
            {
                var known = Catalog.VariantsOf(key.Type);
                problems.Add(("activity_type", $"'{key.Variant}' is not a variant of {key.Type}" +
                                               (known.Count == 0 ? "; it has none." : $"; known: {string.Join(", ", known.Order())}.")));
            }
            if (category is not null && !type.GpcPatterns.Any(p => GpcStructure.Matches(p, category.Reference)))
                problems.Add(("gpc_reference", $"{key.Type} cannot be reported under {category.Reference}; it belongs under {string.Join(", ", type.GpcPatterns)}."));
            var parsed = UnitParser.Parse(unit);
            if (!parsed.Success)
                problems.Add(("unit", parsed.Error ?? $"'{unit}' is not a unit."));
            else if (!type.Dimensions.Contains(parsed.Value!.Dimension))
                problems.Add(("unit", $"'{unit}' is {parsed.Value!.Dimension}; {key.Type} is measured in {string.Join(" or ", type.Dimensions)}."));
            if (problems.Count == before)
            {
                if (type.Method != InventoryMethods.SolidWasteDisposal) depositYear = 0;
                var slot = _slots.Count;
                _slots.Add(new Slot(category!.Reference, key, type, parsed.Value!, quality, depositYear));
                if (slot == _sums.Length)
                {
                    Array.Resize(ref _sums, slot * 2);
                    Array.Resize(ref _counts, slot * 2);
                }
                _slotByText[textKey] = slot;
                return slot;
            }
        }
        return -1;
    }

    /// <summary>The year a record counts in. Records of this inventory year must lie within it; solid
    /// waste deposits may be of any earlier year (the disposal history) but within one calendar year.</summary>
    private int PeriodYear(ActivityRecord record, List<(string Field, string Message)> problems)
    {
        var start = record.PeriodStart.Year;
        var isDisposal = Catalog.ActivityTypes.TryGetValue(ActivityKey.Parse(record.ActivityType).Type, out var type)
                         && type.Method == InventoryMethods.SolidWasteDisposal;
        if (start != record.PeriodEnd.Year)
            problems.Add(("period", $"{record.PeriodStart:yyyy-MM-dd}…{record.PeriodEnd:yyyy-MM-dd} spans two calendar years; split it by year."));
        else if (isDisposal ? start > Year : start != Year)
            problems.Add(("period", isDisposal
                ? $"waste deposited in {start} is after the inventory year {Year}."
                : $"{record.PeriodStart:yyyy-MM-dd}…{record.PeriodEnd:yyyy-MM-dd} is outside the inventory year {Year}."));
        return start;
    }

    internal sealed record Slot(string GpcReference, ActivityKey Activity, ActivityTypeDefinition Type, Unit Unit, DataQuality Quality, int DepositYear)
    {
        public List<string> RecordIds { get; } = [];
    }
}
