using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Suanbei.Core.Subjects;
using Suanbei.Web.Data;

namespace Suanbei.Web.Features.Subjects;

public sealed class SubjectDecisionConfiguration : IEntityTypeConfiguration<SubjectDecision>
{
    public void Configure(EntityTypeBuilder<SubjectDecision> b)
    {
        b.ToTable("SubjectDecisions");
        b.HasKey(x => x.Id);
        b.Property(x => x.ByUserId).HasMaxLength(450).IsRequired();
        b.Property(x => x.Reasons).HasMaxLength(4000);
        b.HasIndex(x => x.SubjectId);
    }
}
