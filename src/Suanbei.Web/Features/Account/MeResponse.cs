using Microsoft.AspNetCore.Identity;
using Suanbei.Web.Data;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Account;

public sealed record MeResponse(string Id, string Email, IReadOnlyList<string> Roles);
