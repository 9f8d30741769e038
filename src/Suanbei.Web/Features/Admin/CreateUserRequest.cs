using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Suanbei.Web.Data;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Admin;

public sealed record CreateUserRequest(string? Email, string? Role, string? Password);
