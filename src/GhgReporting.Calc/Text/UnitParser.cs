using System.Globalization;
using GhgReporting.Calc.Units;

namespace GhgReporting.Calc.Text;

/// <summary>
/// Reads unit text as users and data files write it: <c>kWh</c>, <c>tonnes</c>, <c>kg/TJ</c>,
/// <c>g/person/day</c>, <c>g/(person·yr)</c>, <c>1/yr</c>, <c>t·km</c>.
/// </summary>
/// <remarks>
/// <para>Grammar: <c>product := power (('/' | '·' | '.' | '*' | '⋅') power)*</c>,
/// <c>power := primary ('^' '-'? digits)?</c>, <c>primary := word | '1' | '(' product ')'</c>.
/// Operators associate to the left, so <c>g/person/day</c> is <c>(g/person)/day</c> = g/(person·d).</para>
/// <para>A product directly after a division (<c>g/person·day</c>) is refused as ambiguous: readers
/// split evenly between g/(person·day) and (g/person)·day, and the two differ by a dimension.
/// The exception is the named unit tonne-kilometre: <c>t·km</c> and <c>t.km</c> are read as one
/// word, so <c>g/t·km</c> is grams per tonne-kilometre, as transport factor tables mean it.</para>
/// <para>Accepted words and letter-case rules are listed on <see cref="UnitLexicon"/>. Errors are
/// one sentence naming the offending text and its 1-based position.</para>
/// </remarks>
public static class UnitParser
{
    /// <summary>Parses <paramref name="text"/>; never throws.</summary>
    /// <returns>The unit, or a failure whose <see cref="ParseResult{T}.Error"/> says what and where.</returns>
    public static ParseResult<Unit> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ParseResult<Unit>.Fail("Unit text is empty; expected a unit such as 'kg' or 'kg/TJ'.");
        }

        try
        {
            return new Reader(text).ReadAll();
        }
        catch (OverflowException)
        {
            // Only exponents or factors beyond decimal/sbyte range get here, e.g. 'Mt^9'.
            return ParseResult<Unit>.Fail($"Unit '{text}' is too large to represent: an exponent or factor is out of range.");
        }
    }

    /// <summary>Parses <paramref name="text"/> from a data file, where a bad unit stops the load.</summary>
    /// <exception cref="FormatException">The text is not a unit; the message is the parse error.</exception>
    public static Unit ParseOrThrow(string text)
    {
        ParseResult<Unit> result = Parse(text);
        return result.Success ? result.Value : throw new FormatException(result.Error);
    }

    private enum TokenKind
    {
        Word,
        Number,
        Times,
        Divide,
        Open,
        Close,
        Caret,
        Minus,
        End,
    }

    private readonly record struct Token(TokenKind Kind, string Text, int Position);

    /// <summary>Recursive descent over the tokens; the first error stops it.</summary>
    private sealed class Reader(string text)
    {
        private readonly List<Token> _tokens = [];
        private int _next;
        private string? _error;

        public ParseResult<Unit> ReadAll()
        {
            if (!Tokenize())
            {
                return ParseResult<Unit>.Fail(_error!);
            }

            Unit? unit = ReadProduct();
            if (unit is not null && Peek.Kind != TokenKind.End)
            {
                Token extra = Peek;
                Error(extra.Kind == TokenKind.Close
                    ? $"Unmatched ')' {Where(extra)}."
                    : $"Expected '/' or '·' {Where(extra)} but found '{extra.Text}'.");
            }

            return _error is null ? ParseResult<Unit>.Ok(unit!) : ParseResult<Unit>.Fail(_error);
        }

        private Token Peek => _tokens[_next];

        private Token Take() => _tokens[_next++];

        private Unit? ReadProduct()
        {
            Unit? left = ReadPower();
            bool divided = false;
            while (left is not null && Peek.Kind is TokenKind.Times or TokenKind.Divide)
            {
                Token op = Take();
                if (op.Kind == TokenKind.Times && divided)
                {
                    return Error($"Ambiguous '{op.Text}' {Where(op)}: a product after '/' could mean a/(b·c) or (a/b)·c, so add parentheses.");
                }

                Unit? right = ReadPower();
                if (right is null)
                {
                    return null;
                }

                divided |= op.Kind == TokenKind.Divide;
                left = op.Kind == TokenKind.Divide ? left / right : left * right;
            }

            return left;
        }

        private Unit? ReadPower()
        {
            Unit? unit = ReadPrimary();
            if (unit is null || Peek.Kind != TokenKind.Caret)
            {
                return unit;
            }

            Take();
            bool negative = Peek.Kind == TokenKind.Minus;
            if (negative)
            {
                Take();
            }

            Token exponent = Take();
            if (exponent.Kind != TokenKind.Number || exponent.Text.Length > 2)
            {
                return Error($"Expected a whole-number exponent of at most two digits {Where(exponent)} but found {Describe(exponent)}.");
            }

            int power = int.Parse(exponent.Text, NumberStyles.None, CultureInfo.InvariantCulture);
            return unit.Pow(negative ? -power : power);
        }

        private Unit? ReadPrimary()
        {
            Token token = Take();
            switch (token.Kind)
            {
                case TokenKind.Word:
                    ParseResult<Unit> word = UnitLexicon.Lookup(token.Text, Where(token));
                    return word.Success ? word.Value : Error(word.Error);
                case TokenKind.Number when token.Text == "1":
                    return Unit.One;
                case TokenKind.Number:
                    return Error($"Only the number 1 may stand in a unit (as in '1/yr'), but found '{token.Text}' {Where(token)}.");
                case TokenKind.Open:
                    Unit? inner = ReadProduct();
                    if (inner is not null && Take().Kind != TokenKind.Close)
                    {
                        return Error($"Missing ')' for the '(' {Where(token)}.");
                    }

                    return inner;
                default:
                    return Error($"Expected a unit {Where(token)} but found {Describe(token)}.");
            }
        }

        private bool Tokenize()
        {
            int i = 0;
            while (i < text.Length)
            {
                char c = text[i];
                int start = i;
                TokenKind? symbol = c switch
                {
                    '/' => TokenKind.Divide,
                    '·' or '.' or '*' or '⋅' => TokenKind.Times,
                    '(' => TokenKind.Open,
                    ')' => TokenKind.Close,
                    '^' => TokenKind.Caret,
                    '-' => TokenKind.Minus,
                    _ => null,
                };

                if (char.IsWhiteSpace(c))
                {
                    i++;
                    continue;
                }

                if (symbol is not null)
                {
                    i++;
                }
                else if (char.IsAsciiDigit(c))
                {
                    while (i < text.Length && char.IsAsciiDigit(text[i]))
                    {
                        i++;
                    }

                    symbol = TokenKind.Number;
                }
                else if (c == '%')
                {
                    i++;
                    symbol = TokenKind.Word;
                }
                else if (char.IsLetter(c))
                {
                    i = IsTonneKilometre(i) ? i + 4 : EndOfWord(i);
                    symbol = TokenKind.Word;
                }
                else
                {
                    _error = $"Unexpected character '{c}' at position {i + 1} in '{text}'.";
                    return false;
                }

                _tokens.Add(new Token(symbol.Value, text[start..i], start + 1));
            }

            _tokens.Add(new Token(TokenKind.End, string.Empty, text.Length + 1));
            return true;
        }

        /// <summary>True at "t·km", "t.km" or "t⋅km" not followed by more letters.</summary>
        private bool IsTonneKilometre(int i) =>
            i + 4 <= text.Length
            && text[i] == 't'
            && text[i + 1] is '·' or '.' or '⋅'
            && text.AsSpan(i + 2, 2).SequenceEqual("km")
            && (i + 4 == text.Length || !IsWordChar(text[i + 4]));

        private int EndOfWord(int i)
        {
            while (i < text.Length && IsWordChar(text[i]))
            {
                i++;
            }

            return i;
        }

        // Digits and superscripts belong to words so that m3 and m³ are single words.
        private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '³' or '²';

        private string Where(Token token) =>
            string.Create(CultureInfo.InvariantCulture, $"at position {token.Position} in '{text}'");

        private static string Describe(Token token) =>
            token.Kind == TokenKind.End ? "the end of the text" : $"'{token.Text}'";

        private Unit? Error(string message)
        {
            _error ??= message;
            return null;
        }
    }
}
