using System.Diagnostics.CodeAnalysis;

namespace GhgReporting.Calc.Text;

/// <summary>
/// The outcome of parsing text: either a value or one sentence saying what is wrong and where.
/// Parsers return it instead of throwing, because bad input in a user's file is expected.
/// </summary>
/// <typeparam name="T">The parsed type.</typeparam>
public readonly record struct ParseResult<T>
{
    private readonly string? _error;

    private ParseResult(bool success, T? value, string? error)
    {
        Success = success;
        Value = value;
        _error = error;
    }

    /// <summary>True when <see cref="Value"/> holds the parsed value.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Success { get; }

    /// <summary>The parsed value when <see cref="Success"/>; otherwise the default.</summary>
    public T? Value { get; }

    /// <summary>Why parsing failed, or null on success.</summary>
    // default(ParseResult<T>) is a failure too, so it needs a message of its own.
    public string? Error => Success ? null : _error ?? "Nothing was parsed.";

    /// <summary>A successful result holding <paramref name="value"/>.</summary>
    public static ParseResult<T> Ok(T value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new ParseResult<T>(true, value, null);
    }

    /// <summary>A failed result with the message <paramref name="error"/>.</summary>
    public static ParseResult<T> Fail(string error)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        return new ParseResult<T>(false, default, error);
    }
}
