using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Suanbei.Core.Subjects;
using Suanbei.Web.Data;

namespace Suanbei.Web.Features.Subjects;

public sealed class SubjectConfiguration : IEntityTypeConfiguration<Subject>
{
    public void Configure(EntityTypeBuilder<Subject> b)
    {
        b.ToTable("Subjects");
        b.HasKey(x => x.Id);
        b.Property(x => x.OwnerId).HasMaxLength(450).IsRequired();
        b.HasIndex(x => x.OwnerId).IsUnique(); // one subject per account
        b.HasIndex(x => x.CreditCode);
        b.HasIndex(x => x.Status);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Restrict);
        foreach (var p in new[] { "Name", "Address", "Website", "CertificateType", "CertificateAddress", "CertificateValidity",
                     "LegalRepName", "LegalRepIdType", "OfficerName", "OfficerIdType", "OfficerEmail",
                     "CommitmentSignerName", "CommitmentSignerIdNumber", "EmploymentName", "EmploymentEmployer", "EmploymentPost",
                         "EmploymentTenure" })
            b.Property(p).HasMaxLength(SubjectValidation.MaxText);
        b.Property(x => x.CreditCode).HasMaxLength(18);
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.ApprovedName).HasMaxLength(SubjectValidation.MaxText);
        b.Property(x => x.ApprovedRegionCode).HasMaxLength(6);
        b.Ignore(x => x.PublicName);
        b.Property(x => x.LegalRepIdNumber).HasMaxLength(SubjectValidation.MaxText);
        b.Property(x => x.OfficerIdNumber).HasMaxLength(SubjectValidation.MaxText);
        b.Property(x => x.OfficerMobile).HasMaxLength(SubjectValidation.MaxText);
        b.Ignore(x => x.Details);
        b.Ignore(x => x.IsApproved);
        b.Ignore(x => x.IsEditable);
        b.Ignore(x => x.IsChange);
        b.Ignore(x => x.ReturnReasons);
        b.HasMany(x => x.Decisions).WithOne().HasForeignKey(d => d.SubjectId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Decisions).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_decisions");
    }
}
