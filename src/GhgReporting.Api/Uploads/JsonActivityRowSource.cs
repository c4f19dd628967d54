using System.Runtime.CompilerServices;
using System.Text.Json;

namespace GhgReporting.Api.Uploads;

/// <summary>
/// Reads a JSON upload as it arrives: a top-level array of objects whose properties are the layout's JSON names
/// (matched ignoring case, as ASP.NET does). A value may be a string, a number (kept as its exact JSON text, never
/// converted through double) or null (""). Row numbers are the 1-based index in the array.
/// </summary>
public sealed class JsonActivityRowSource(Stream stream) : IActivityRowSource
{
    private readonly UploadErrorList errors = new();
    private bool started;

    public UploadFormat Format => UploadFormat.Json;

    public IReadOnlyList<UploadError> Errors => errors.Items;

    public long ErrorCount => errors.Count;

    public async IAsyncEnumerable<RawActivityRow> ReadAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        if (started) throw new InvalidOperationException("An upload can be read only once.");
        started = true;

        var records = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(stream, JsonSerializerOptions.Default, ct);
        await using var enumerator = records.GetAsyncEnumerator(ct);
        var values = new string?[ActivityLayout.Columns.Count];
        for (long index = 1; ; index++)
        {
            try
            {
                if (!await enumerator.MoveNextAsync().ConfigureAwait(false)) break;
            }
            catch (JsonException e)
            {
                AddSyntaxError(e, index);
                yield break;
            }

            RawActivityRow? row;
            try
            {
                row = ReadRecord(enumerator.Current, index, values);
            }
            catch (InvalidOperationException)
            {
                // JsonElement.GetString and .Name refuse bytes that are not UTF-8; the parser does not check them earlier.
                errors.Add(index, "(file)", "The file is not UTF-8 text. Save it as UTF-8 and upload again.");
                yield break;
            }

            if (row is not null) yield return row;
        }
    }

    private RawActivityRow? ReadRecord(JsonElement record, long index, string?[] values)
    {
        if (record.ValueKind != JsonValueKind.Object)
        {
            errors.Add(index, "(row)", $"Record {index} is {Describe(record.ValueKind)}; each record must be an object {{ \"gpcReference\": …, \"activityType\": …, … }}.");
            return null;
        }

        Array.Clear(values);
        var ok = true;
        List<string>? unknown = null;
        foreach (var property in record.EnumerateObject())
        {
            var field = ActivityLayout.IndexOfJsonName(property.Name);
            if (field < 0)
            {
                (unknown ??= []).Add(property.Name);
                continue;
            }

            var column = ActivityLayout.Columns[field];
            if (values[field] is not null)
            {
                errors.Add(index, column.Name, $"The property '{column.JsonName}' is in this record more than once. Keep it only once.");
                ok = false;
            }

            var value = property.Value;
            values[field] = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString()!.Trim(),
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.Null => "",
                _ => null,
            };
            if (values[field] is null)
            {
                errors.Add(index, column.Name, $"The property '{column.JsonName}' is {Describe(value.ValueKind)}; it must be text (\"…\") or a number.");
                values[field] = "";
                ok = false;
            }
        }

        if (unknown is not null)
        {
            errors.Add(index, "(row)", $"Unknown propert{(unknown.Count == 1 ? "y" : "ies")} {string.Join(", ", unknown.Select(n => $"'{n}'"))}. " +
                                       $"The properties are: {string.Join(", ", ActivityLayout.Columns.Select(c => c.JsonName))}.");
            ok = false;
        }

        return ok
            ? new RawActivityRow(index, values[0] ?? "", values[1] ?? "", values[2] ?? "", values[3] ?? "", values[4] ?? "", values[5] ?? "", values[6] ?? "", values[7] ?? "")
            : null;
    }

    private void AddSyntaxError(JsonException e, long index)
    {
        var line = (e.LineNumber ?? 0) + 1;
        var position = (e.BytePositionInLine ?? 0) + 1;
        if (index == 1 && e.Path == "$" && e.InnerException is null)
        {
            // The serializer read a whole value that is not an array: an object, a string, a number…
            errors.Add(0, "(file)", "The JSON must be a list (array) of records: [ { \"gpcReference\": \"I.1.2\", … }, … ].");
            return;
        }

        if (index == 1 && line == 1 && position == 1)
        {
            errors.Add(0, "(file)", "The file does not start with JSON. Upload UTF-8 JSON text: a list (array) of records, [ { … }, … ].");
            return;
        }

        // "'}' is invalid after a value. Expected ','. Path: $[1] | LineNumber: 2 | BytePositionInLine: 16." → the words before "Path:".
        // The path is not used to name a record: for an array that is never closed it names the last record, which is not
        // at fault. The position counts bytes, so it is a character further on per accented letter before it on the line.
        var reason = e.Message;
        var cut = reason.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut > 0) reason = reason[..cut];
        errors.Add(0, "(file)", $"The JSON is not valid near line {line}, position {position}: {reason}");
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object { … }",
        JsonValueKind.Array => "a list [ … ]",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        JsonValueKind.String => "text",
        JsonValueKind.Number => "a number",
        _ => "null",
    };
}
