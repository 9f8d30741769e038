using System.Security.Claims;
using Suanbei.Core;
using Suanbei.Core.Filings;

namespace Suanbei.Web.Identity;

/// <summary>
/// Role names (stored in AspNetRoles) and authorization policies. Pages: [Authorize(Policy = Policies.Filer)] or a folder
/// convention in SuanbeiWebHost; API: the /api/v1 group already requires a bearer token, add .RequireAuthorization(Policies.X).
/// </summary>
public static class Roles
{
    public const string Filer = "Filer";       // 备案主体
    public const string Reviewer = "Reviewer"; // 审核员
    public const string Admin = "Admin";       // 管理员

    public static readonly IReadOnlyList<string> All = [Filer, Reviewer, Admin];

    /// <summary>The role's display name: the role names are the domain's <see cref="ActorRole"/> member names.</summary>
    public static string ChineseName(string role) =>
        Enum.TryParse<ActorRole>(role, out var actor) ? DisplayNames.Of(actor) : role;

    /// <summary>Parses admin/reviewer/filer (CLI spelling) or the Chinese names.</summary>
    public static string? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "admin" or "administrator" or "管理员" => Admin,
        "reviewer" or "审核员" => Reviewer,
        "filer" or "备案主体" => Filer,
        _ => null,
    };
}
