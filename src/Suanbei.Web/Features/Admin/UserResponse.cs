using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Suanbei.Web.Data;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Admin;

public sealed record UserResponse(string Id, string Email, IReadOnlyList<string> Roles, bool Locked, DateTimeOffset CreatedAt);
