using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Materials;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Filings;

public static class PublicPaths
{
    /// <summary>The stable URL of a public entry: /public/{number} (the number URL-encoded).</summary>
    public static string Entry(string number) => "/public/" + Uri.EscapeDataString(number);
}
