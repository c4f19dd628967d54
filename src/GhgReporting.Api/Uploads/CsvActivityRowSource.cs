using System.Globalization;
using System.Runtime.CompilerServices;
using CsvHelper;
using CsvHelper.Configuration;

namespace GhgReporting.Api.Uploads;

/// <summary>
/// Reads a CSV upload (UTF-8, comma-separated, header first) as it arrives, with asynchronous reads only. Memory stays
/// bounded: one row is held at a time, and a value may not be longer than <see cref="MaxValueLength"/> characters (a
/// quote that is opened but never closed would otherwise swallow the rest of the file into one value).
/// Row numbers are those a spreadsheet shows: blank lines count, a value with a line break inside quotes does not
/// start a new row (CsvHelper's <c>Parser.Row</c>; <c>RawRow</c> would count physical lines).
/// </summary>
public sealed class CsvActivityRowSource(Stream stream) : IActivityRowSource
{
    public const int MaxValueLength = 10_000;

    private readonly UploadErrorList errors = new();
    private bool started;

    public UploadFormat Format => UploadFormat.Csv;

    public IReadOnlyList<UploadError> Errors => errors.Items;

    public long ErrorCount => errors.Count;

    public async IAsyncEnumerable<RawActivityRow> ReadAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        if (started) throw new InvalidOperationException("An upload can be read only once.");
        started = true;

        var badQuote = false;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false, // the header is checked here, against the layout
            TrimOptions = TrimOptions.Trim,
            WhiteSpaceChars = [' ', '\t'],
            IgnoreBlankLines = true,
            MaxFieldSize = MaxValueLength,
            // A quote inside an unquoted value (the "big" utility) is kept as spreadsheets keep it; text after a closing
            // quote, or a quote never closed, is refused: the values may have been cut in the wrong places.
            BadDataFound = args => badQuote |= args.Field.AsSpan().TrimStart(" \t").StartsWith('"'),
        };
        var text = new StrictUtf8Reader(stream, ct);
        using var csv = new CsvReader(text, config);

        if (!await NextAsync(csv, text).ConfigureAwait(false))
        {
            if (errors.Count == 0)
                errors.Add(1, "(header)", $"The file is empty. The first row must be the header: {ActivityLayout.Header}");
            yield break;
        }

        var header = csv.Parser.Record ?? [];
        var positions = ResolveHeader(header, csv.Parser.Row);
        if (positions is null) yield break;
        badQuote = false; // a stray quote in the header does no harm once the names are right

        while (await NextAsync(csv, text).ConfigureAwait(false))
        {
            ct.ThrowIfCancellationRequested();
            var row = csv.Parser.Row;
            var count = csv.Parser.Count;
            if (count != header.Length)
            {
                if (!IsEmpty(csv, count))
                    errors.Add(row, "(row)", $"This row has {count} values but the header has {header.Length} columns. Check for a missing or extra comma; " +
                                             "a value with a comma in it must be put in double quotes (\"…\").");
                badQuote = false;
                continue;
            }

            // CsvHelper processes a field when it is read, and only then reports a quote in the wrong place.
            var record = new RawActivityRow(row,
                Field(csv, positions[ActivityLayout.GpcReference]), Field(csv, positions[ActivityLayout.ActivityType]),
                Field(csv, positions[ActivityLayout.Amount]), Field(csv, positions[ActivityLayout.Unit]),
                Field(csv, positions[ActivityLayout.PeriodStart]), Field(csv, positions[ActivityLayout.PeriodEnd]),
                Field(csv, positions[ActivityLayout.DataQuality]), Field(csv, positions[ActivityLayout.Source]));
            if (badQuote)
            {
                badQuote = false;
                errors.Add(row, "(row)", "This row has a double quote (\") in the wrong place. A value with a comma or a quote in it must be " +
                                         "put in double quotes, and a quote inside such a value written twice (\"\").");
                continue;
            }

            if (!IsEmpty(record)) yield return record;
        }
    }

    /// <summary>Reads the next record; false at the end and after a fatal problem, which it adds to the errors.</summary>
    private async ValueTask<bool> NextAsync(CsvReader csv, StrictUtf8Reader text)
    {
        bool read;
        try
        {
            read = await csv.ReadAsync().ConfigureAwait(false);
        }
        catch (MaxFieldSizeException)
        {
            errors.Add(csv.Parser.Row, "(row)", $"A value in this row is longer than {MaxValueLength} characters. " +
                                                "Check for a double quote (\") that is opened but never closed.");
            return false;
        }

        // The marker is consumed with the record that holds the bad bytes; at the end, the row after the last one.
        if (text.Problem != TextProblem.None && (!read || csv.Parser.CharCount > text.ProblemAt))
        {
            errors.Add(csv.Parser.Row, "(file)", text.Problem switch
            {
                TextProblem.Utf16 => "The file is UTF-16 text; save it as 'CSV UTF-8' and upload again.",
                TextProblem.Utf32 => "The file is UTF-32 text; save it as 'CSV UTF-8' and upload again.",
                _ => "The file is not UTF-8 text. Save it as 'CSV UTF-8' and upload again.",
            });
            return false;
        }

        return read;
    }

    private int[]? ResolveHeader(string[] header, long row)
    {
        if (header.Any(name => name.Contains('\0')))
        {
            errors.Add(row, "(file)", "The file seems to be UTF-16 text; save it as 'CSV UTF-8' and upload again.");
            return null;
        }

        if (header.Length == 1 && (header[0].Contains(';') || header[0].Contains('\t')))
        {
            var separator = header[0].Contains(';') ? "semicolons (;)" : "tabs";
            errors.Add(row, "(header)", $"The columns are separated by {separator}, not by commas. Save the file as 'CSV UTF-8 (Comma delimited)' and upload again.");
            return null;
        }

        return ActivityLayout.ResolveHeader(header, row, errors);
    }

    // Spreadsheets save rows that once had formatting as ",,,,,,,": a blank row to the person who made the file.
    private static bool IsEmpty(CsvReader csv, int count)
    {
        for (var i = 0; i < count; i++)
            if (csv.Parser[i].Length > 0) return false;
        return true;
    }

    private static bool IsEmpty(RawActivityRow r) =>
        r.GpcReference.Length + r.ActivityType.Length + r.Amount.Length + r.Unit.Length + r.PeriodStart.Length + r.PeriodEnd.Length +
        r.DataQuality.Length + r.Source.Length == 0;

    private static string Field(CsvReader csv, int position) => position < 0 ? "" : csv.GetField(position) ?? "";
}
