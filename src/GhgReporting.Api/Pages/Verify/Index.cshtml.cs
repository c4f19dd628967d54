using GhgReporting.Api.Auth;
using GhgReporting.Api.Web.Verify;
using GhgReporting.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GhgReporting.Api.Pages.Verify;

/// <summary>The verifier's queue: periods waiting for review in the projects the caller's city partners in, oldest
/// first, and the latest decisions on them.</summary>
public sealed class IndexModel(GhgDbContext db) : PageModel
{
    public IReadOnlyList<QueueRow> Waiting { get; private set; } = [];

    public IReadOnlyList<QueueRow> Recent { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => (Waiting, Recent) = await VerificationQueue.LoadAsync(db, new Caller(User), ct);
}
