using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Suanbei.Web.Features.GenAi;

public sealed class EvalRunConfiguration : IEntityTypeConfiguration<EvalRun>
{
    public void Configure(EntityTypeBuilder<EvalRun> b)
    {
        b.ToTable("GenAiEvalRuns");
        b.HasKey(x => x.Id);
        b.Property(x => x.OwnerId).HasMaxLength(450).IsRequired();
        b.Property(x => x.StartedBy).HasMaxLength(256).IsRequired();
        b.Property(x => x.Endpoint).HasMaxLength(EvalRun.MaxEndpointLength).IsRequired();
        b.Property(x => x.Model).HasMaxLength(EvalRun.MaxModelLength).IsRequired();
        b.Property(x => x.SystemPrompt).HasMaxLength(EvalRun.MaxSystemPromptLength);
        b.Property(x => x.ApiKeyEnv).HasMaxLength(EvalRun.MaxEnvNameLength);
        b.Property(x => x.Status).IsRequired();
        b.Property(x => x.Error).HasMaxLength(2000);
        b.Ignore(x => x.EtaSeconds);
        b.Ignore(x => x.MayStop);
        b.HasIndex(x => new { x.OwnerId, x.CreatedAt });
        b.HasIndex(x => x.Status);
    }
}
