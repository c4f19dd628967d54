using GhgReporting.Api.Apis;
using GhgReporting.Api.Auth;
using GhgReporting.Api.Web;
using GhgReporting.Api.Web.Admin;
using GhgReporting.Data;
using GhgReporting.Data.Audit;
using GhgReporting.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace GhgReporting.Api.Pages.Admin;

/// <summary>
/// Accounts: the list and a form to add one. The same rules, account creation and audit entry as POST /api/users
/// (Apis/UsersApi.cs): a reporter or verifier belongs to one city, the secretariat to none; the password follows the
/// service's password rules; the account, its role and the audit entry are stored together or not at all. Every
/// problem is reported at once, under the field it belongs to.
/// </summary>
public sealed class UsersModel(GhgDbContext db, UserManager<AppUser> users, TimeProvider clock, IStringLocalizer<AdminText> text,
    IOptions<IdentityOptions> identity) : AdminPageModel
{
    public sealed class UserForm
    {
        public string? Email { get; set; }
        public string? DisplayName { get; set; }
        public string? Role { get; set; }
        public string? CityId { get; set; }
        public string? Password { get; set; }
    }

    public sealed record UserRow(string Email, string DisplayName, IReadOnlyList<string> Roles, string? CityId, string? CityName, bool LockedOut);

    [BindProperty]
    public UserForm Account { get; set; } = new();

    public IReadOnlyList<UserRow> Rows { get; private set; } = [];

    public IReadOnlyList<(string Id, string Name)> Cities { get; private set; } = [];

    /// <summary>The password rules in words, from the service's identity options.</summary>
    public string PasswordHint
    {
        get
        {
            var o = identity.Value.Password;
            var parts = new List<string> { text["PasswordHintLength", o.RequiredLength] };
            if (o.RequireUppercase) parts.Add(text["PasswordHintUpper"]);
            if (o.RequireLowercase) parts.Add(text["PasswordHintLower"]);
            if (o.RequireDigit) parts.Add(text["PasswordHintDigit"]);
            if (o.RequireNonAlphanumeric) parts.Add(text["PasswordHintSymbol"]);
            return string.Join(" ", parts);
        }
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var email = Account.Email?.Trim() ?? "";
        var displayName = Account.DisplayName?.Trim() ?? "";
        var role = Account.Role?.Trim() ?? "";
        var cityId = string.IsNullOrWhiteSpace(Account.CityId) ? null : Account.CityId.Trim();
        var password = Account.Password ?? "";

        if (email.Length == 0) Problem("Account.Email", text["EmailMissing"]);
        if (displayName.Length == 0) Problem("Account.DisplayName", text["DisplayNameMissing"]);
        if (!Roles.All.Contains(role)) Problem("Account.Role", text["RoleMissing"]);
        else if (role == Roles.Secretariat && cityId is not null) Problem("Account.CityId", text["SecretariatNoCity"]);
        else if (role != Roles.Secretariat && cityId is null) Problem("Account.CityId", text["CityRequiredForRole"]);
        if (cityId is not null && !await db.Cities.AnyAsync(c => c.Id == cityId, ct)) Problem("Account.CityId", text["NoSuchCity", cityId]);

        // The service's own validators (user name, e-mail, uniqueness, password rules), run first so that every
        // problem is shown at once; creating the account runs them again.
        var candidate = new AppUser { UserName = email, Email = email, DisplayName = displayName, CityId = cityId };
        if (email.Length > 0)
            foreach (var validator in users.UserValidators)
                Report((await validator.ValidateAsync(users, candidate)).Errors, email);
        if (password.Length == 0) Problem("Account.Password", text["PasswordMissing"]);
        else
            foreach (var validator in users.PasswordValidators)
                Report((await validator.ValidateAsync(users, candidate, password)).Errors, email);
        if (HasProblems)
        {
            OrderProblems("Account.Email", "Account.DisplayName", "Account.Role", "Account.CityId", "Account.Password");
            return await PageAsync(ct);
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            var result = await UserAccounts.CreateAsync(users, email, displayName, role, cityId, password);
            if (!result.Succeeded)
            {
                Report(result.Errors, email);
                return await PageAsync(ct);
            }
            var user = (await users.FindByEmailAsync(email))!;
            AuditLog.Record(db, new Caller(User).ToActor(), cityId, "user.created", "user", user.Id,
                new { Email = email, DisplayName = displayName, Role = role, CityId = cityId }, clock.UtcNowForDatabase());
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        return Done(text["UserAdded", email, AdminWords.Role(text, role)], "/admin/users");
    }

    /// <summary>Identity's refusals under the field they concern, in the pages' words (each at most once).</summary>
    private void Report(IEnumerable<IdentityError> errors, string email)
    {
        var o = identity.Value.Password;
        foreach (var e in errors)
        {
            (string Field, string Message) problem = e.Code switch
            {
                "DuplicateUserName" or "DuplicateEmail" => ("Account.Email", text["EmailTaken", email]),
                "InvalidEmail" or "InvalidUserName" => ("Account.Email", text["EmailInvalid", email]),
                "PasswordTooShort" => ("Account.Password", text["PasswordTooShort", o.RequiredLength]),
                "PasswordRequiresUpper" => ("Account.Password", text["PasswordNeedsUpper"]),
                "PasswordRequiresLower" => ("Account.Password", text["PasswordNeedsLower"]),
                "PasswordRequiresDigit" => ("Account.Password", text["PasswordNeedsDigit"]),
                "PasswordRequiresNonAlphanumeric" => ("Account.Password", text["PasswordNeedsSymbol"]),
                "PasswordRequiresUniqueChars" => ("Account.Password", text["PasswordNeedsUniqueChars", o.RequiredUniqueChars]),
                _ => (e.Code.StartsWith("Password", StringComparison.Ordinal) ? "Account.Password" : "Account.Email", e.Description),
            };
            if (!ProblemsOf(problem.Field).Contains(problem.Message)) Problem(problem.Field, problem.Message);
        }
    }

    private async Task<IActionResult> PageAsync(CancellationToken ct)
    {
        Account.Password = null;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var now = clock.UtcNowForDatabase();
        var cities = await db.Cities.AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        Cities = cities.Select(c => (c.Id, c.Name)).ToList();
        var names = cities.ToDictionary(c => c.Id, c => c.Name);
        var rows = await (from u in db.Users
                          join ur in db.UserRoles on u.Id equals ur.UserId into urs
                          from ur in urs.DefaultIfEmpty()
                          join r in db.Roles on ur.RoleId equals r.Id into rs
                          from r in rs.DefaultIfEmpty()
                          select new { u.Id, u.Email, u.DisplayName, Role = r.Name, u.CityId, u.LockoutEnd }).ToListAsync(ct);
        Rows = rows.GroupBy(u => u.Id)
            .Select(g =>
            {
                var u = g.First();
                return new UserRow(u.Email ?? "", u.DisplayName, g.Select(x => x.Role).OfType<string>().Order().ToList(), u.CityId,
                    u.CityId is null ? null : names.GetValueOrDefault(u.CityId, u.CityId), u.LockoutEnd > now);
            })
            .OrderBy(u => u.Email, StringComparer.OrdinalIgnoreCase).ToList();
    }
}
