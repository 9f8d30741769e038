using Microsoft.EntityFrameworkCore;
using Suanbei.Web.Data;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Materials;

public sealed record MaterialResponse(Guid Id, string FileName, string ContentType, long Size, string Sha256, DateTimeOffset CreatedAt)
{
    public static MaterialResponse From(Material m) => new(m.Id, m.FileName, m.ContentType, m.Size, m.Sha256, m.CreatedAt);
}
