namespace GhgReporting.Jobs.Pdf;

/// <summary>
/// Thrown when content cannot be placed without losing some of it, e.g. a table row or a chart taller
/// than a whole page. Rows are never split and content is never clipped silently, so the layout refuses.
/// </summary>
public sealed class PdfLayoutException(string message) : Exception(message);
