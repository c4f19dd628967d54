namespace GhgReporting.Api.Uploads;

/// <summary>
/// A problem in an uploaded file. <see cref="Row"/> is the row a person sees (spreadsheet row, or the 1-based
/// record index in JSON); 0 means the whole file (not a workbook, malformed JSON without a record). <see cref="Column"/>
/// is a column name of <see cref="ActivityLayout"/> (<c>amount</c>), or <c>(file)</c>, <c>(header)</c> or <c>(row)</c>.
/// </summary>
public sealed record UploadError(long Row, string Column, string Reason)
{
    public override string ToString() => $"row {Row}, column {Column}: {Reason}";
}

/// <summary>
/// The errors of one file, capped so that a file with a million bad rows cannot fill the memory: the first
/// <see cref="Capacity"/> are kept, <see cref="Count"/> counts all of them.
/// </summary>
internal sealed class UploadErrorList
{
    public const int Capacity = 1000;

    private readonly List<UploadError> items = [];

    public IReadOnlyList<UploadError> Items => items;

    public long Count { get; private set; }

    public void Add(long row, string column, string reason)
    {
        Count++;
        if (items.Count < Capacity) items.Add(new UploadError(row, column, reason));
    }
}
