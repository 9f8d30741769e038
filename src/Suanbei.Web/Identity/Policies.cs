using System.Security.Claims;

namespace Suanbei.Web.Identity;

public static class Policies
{
    public const string Filer = "Filer";
    /// <summary>Reviewers and administrators.</summary>
    public const string Reviewer = "Reviewer";
    public const string Admin = "Admin";
    /// <summary>
    /// Taking review decisions (subjects and filings): reviewers only. Administrators read the console but never review
    /// (separation of duties), also when an account holds both roles.
    /// </summary>
    public const string ReviewAction = "ReviewAction";
    /// <summary>Bearer API token (the /api/v1 group).</summary>
    public const string Api = "Api";
}
