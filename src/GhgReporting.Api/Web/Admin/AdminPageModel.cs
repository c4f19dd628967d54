using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GhgReporting.Api.Web.Admin;

/// <summary>A problem with what was typed into a form: the field it belongs to (the input's name, e.g. <c>City.Id</c>),
/// or null for a problem of the whole form, and the message that names the field for the reader.</summary>
public sealed record FieldProblem(string? Field, string Message)
{
    /// <summary>The id of the field's input (dots and brackets become underscores), for a link from the summary.</summary>
    public string? Anchor => Field?.Replace('.', '_').Replace('[', '_').Replace(']', '_');
}

/// <summary>
/// The secretariat's pages: a form is checked whole, every problem is listed at the top (linked to its field)
/// and under its field's label; nothing is stored unless there are none. A change that worked redirects with a
/// message (post, redirect, get), so reloading the page does not send the form again.
/// </summary>
public abstract class AdminPageModel : PageModel
{
    private readonly List<FieldProblem> _problems = [];

    /// <summary>Problems of the form last sent, in the order they were found.</summary>
    public IReadOnlyList<FieldProblem> Problems => _problems;

    protected bool HasProblems => _problems.Count > 0;

    protected void Problem(string? field, string message) => _problems.Add(new FieldProblem(field, message));

    /// <summary>Puts the problems in the order of the form's fields (problems of other fields last, as they were).</summary>
    protected void OrderProblems(params string[] fields)
    {
        var ordered = _problems.OrderBy(p => Array.IndexOf(fields, p.Field) is var i and >= 0 ? i : fields.Length).ToList();
        _problems.Clear();
        _problems.AddRange(ordered);
    }

    public IReadOnlyList<string> ProblemsOf(string field) => _problems.Where(p => p.Field == field).Select(p => p.Message).ToList();

    /// <summary>A labelled input (Pages/Admin/_Field.cshtml) with this page's problems for it.</summary>
    public FormField Field(string name, string label, string? value) => new(name, label, value, ProblemsOf(name));

    protected IActionResult Done(string message, string url)
    {
        TempData["Message"] = message;
        return LocalRedirect(url);
    }
}
