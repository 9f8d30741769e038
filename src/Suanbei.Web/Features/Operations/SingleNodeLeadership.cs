namespace Suanbei.Web.Features.Operations;

/// <summary>SQLite: one node, which always leads.</summary>
public sealed class SingleNodeLeadership : ILeadership
{
    public Task<bool> EnsureLeadingAsync(CancellationToken ct) => Task.FromResult(true);

    public bool IsLeader => true;
}
