namespace GhgReporting.Api.Web.Admin;

/// <summary>One labelled input of a form (Pages/Admin/_Field.cshtml): its name, label, current value, the hint under the
/// label and the problems found with its value. Options make it a select (value, text).</summary>
public sealed record FormField(string Name, string Label, string? Value, IReadOnlyList<string> Problems)
{
    public string Type { get; init; } = "text";

    public string? Hint { get; init; }

    public bool Required { get; init; }

    /// <summary>For a phone's keyboard: numeric, decimal.</summary>
    public string? InputMode { get; init; }

    public string? Autocomplete { get; init; }

    /// <summary>A select's options; the first may have an empty value ("choose…").</summary>
    public IReadOnlyList<(string Value, string Text)>? Options { get; init; }

    /// <summary>A multi-line text.</summary>
    public bool Multiline { get; init; }

    public string Id => new FieldProblem(Name, "").Anchor!;

    public string? HintId => Hint is null ? null : Id + "-hint";

    public string? ProblemId => Problems.Count == 0 ? null : Id + "-problem";

    /// <summary>aria-describedby: the hint and the problem, when there are.</summary>
    public string? DescribedBy => string.Join(' ', new[] { HintId, ProblemId }.OfType<string>()) is { Length: > 0 } ids ? ids : null;
}
