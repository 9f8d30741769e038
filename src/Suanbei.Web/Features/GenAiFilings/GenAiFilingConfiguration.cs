using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Suanbei.Core.GenerativeAi;
using Suanbei.Core.Subjects;
using Suanbei.Web.Data;

namespace Suanbei.Web.Features.GenAiFilings;

/// <summary>
/// One row per version of a generative-AI filing. The 上线备案表 is stored as one JSON column (FormJson): it is read and
/// written whole, and its lists (corpus sources, service forms) need no tables; the model name is also a column for
/// lists and queues.
/// </summary>
public sealed class GenAiFilingConfiguration : IEntityTypeConfiguration<GenerativeAiFiling>
{
    private static readonly JsonSerializerOptions FormJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(GenerativeAiServiceForm form) => JsonSerializer.Serialize(form, FormJson);

    public static GenerativeAiServiceForm Deserialize(string json) =>
        JsonSerializer.Deserialize<GenerativeAiServiceForm>(json, FormJson) ?? new GenerativeAiServiceForm();

    public void Configure(EntityTypeBuilder<GenerativeAiFiling> b)
    {
        b.ToTable("GenAiFilings");
        b.HasKey(x => x.Id);
        b.Property(x => x.OwnerUserId).HasMaxLength(450).IsRequired();
        b.Property(x => x.ConcurrencyVersion).IsConcurrencyToken();
        b.Property(x => x.Form).HasColumnName("FormJson").IsRequired()
            .HasConversion(f => Serialize(f), s => Deserialize(s),
                new ValueComparer<GenerativeAiServiceForm>((x, y) => Serialize(x!) == Serialize(y!), f => Serialize(f).GetHashCode(),
                    f => Deserialize(Serialize(f))));
        b.Property(x => x.ModelName).HasMaxLength(GenerativeAiFormFields.ShortTextMax);
        b.Property(x => x.Province).HasMaxLength(32);
        b.Property(x => x.Entity).HasMaxLength(200);
        b.Property(x => x.Number).HasMaxLength(128);
        b.HasIndex(x => x.OwnerUserId);
        b.HasIndex(x => x.SubjectId);
        b.HasIndex(x => x.EntryId);
        b.HasIndex(x => x.Status);
        // Not unique: every version of an entry carries the entry's number; the allocator keeps numbers unique.
        b.HasIndex(x => x.Number);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.OwnerUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Subject>().WithMany().HasForeignKey(x => x.SubjectId).OnDelete(DeleteBehavior.Restrict);
        foreach (var p in new[]
                 {
                     nameof(GenerativeAiFiling.IsChange), nameof(GenerativeAiFiling.KindBasis), nameof(GenerativeAiFiling.IsPublic),
                     nameof(GenerativeAiFiling.IsReturned), nameof(GenerativeAiFiling.StatusDisplay),
                     nameof(GenerativeAiFiling.RemarkLines), nameof(GenerativeAiFiling.OpenReturnReasons),
                     nameof(GenerativeAiFiling.DomainEvents),
                 })
            b.Ignore(p);

        b.HasMany(x => x.Products).WithOne().HasForeignKey("FilingId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Products).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_products");
        b.HasMany(x => x.Materials).WithOne().HasForeignKey("FilingId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Materials).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_materials");
        // Return reasons and the audit trail are history: a filing with history cannot be deleted (Restrict).
        b.HasMany(x => x.ReturnReasons).WithOne().HasForeignKey("FilingId").IsRequired().OnDelete(DeleteBehavior.Restrict);
        b.Navigation(x => x.ReturnReasons).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_returnReasons");
        b.HasMany(x => x.AuditTrail).WithOne().HasForeignKey("FilingId").IsRequired().OnDelete(DeleteBehavior.Restrict);
        b.Navigation(x => x.AuditTrail).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_auditTrail");
    }
}
