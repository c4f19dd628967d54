using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;

namespace GhgReporting.Api.Uploads;

/// <summary>Downloadable templates of the upload layout, each with the same example rows.</summary>
public static class UploadTemplates
{
    /// <summary>Example rows in layout order; the first is the layout's examples. Illustrative figures only.</summary>
    internal static IReadOnlyList<string[]> Examples { get; } =
    [
        [.. ActivityLayout.Columns.Select(c => c.Example)],
        ["I.1.1", "fuel:lpg", "42000.5", "t", "2023-01-01", "2023-12-31", "medium", "Fuel sales statistics, LPG (example)"],
        ["II.1.1", "fuel:gas-diesel-oil", "5200", "TJ", "2023-01-01", "2023-06-30", "low", ""],
    ];

    /// <summary>UTF-8 (no BOM) CSV: the header and the example rows.</summary>
    public static byte[] Csv()
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture))
        {
            foreach (var column in ActivityLayout.Columns) csv.WriteField(column.Name);
            csv.NextRecord();
            foreach (var example in Examples)
            {
                foreach (var value in example) csv.WriteField(value);
                csv.NextRecord();
            }
        }

        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text.ToString());
    }

    /// <summary>
    /// A workbook with the sheet "activity_records" (header and example rows; dates as text, amounts as numbers) and
    /// the sheet "columns" describing each column.
    /// </summary>
    public static byte[] Xlsx() => XlsxTemplate.Build(Examples);

    /// <summary>An indented JSON array of the example records; amounts are JSON numbers.</summary>
    public static byte[] Json()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            foreach (var example in Examples)
            {
                json.WriteStartObject();
                for (var i = 0; i < example.Length; i++)
                {
                    json.WritePropertyName(ActivityLayout.Columns[i].JsonName);
                    if (i == ActivityLayout.Amount) json.WriteRawValue(example[i]);
                    else json.WriteStringValue(example[i]);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return buffer.ToArray();
    }
}
