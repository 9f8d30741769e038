using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Suanbei.Web.Data;

namespace Suanbei.Web.Features.Materials;

/// <summary>
/// An uploaded material (PDF, JPEG, PNG or DOCX). The bytes live in the content-addressed store under
/// &lt;data&gt;/materials/ab/cdef… (SHA-256); <see cref="FileName"/> is what the user called it, for display only.
/// </summary>
public sealed class Material
{
    public Guid Id { get; set; }
    public string OwnerId { get; set; } = "";
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    /// <summary>Lower-case hex SHA-256 of the content; also its address in the store.</summary>
    public string Sha256 { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}
