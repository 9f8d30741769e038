namespace Suanbei.Web.Features.Operations;

/// <summary>
/// Whether this node does the background work (publicity expiry, notifications, registry refresh …) that must run once
/// however many nodes serve the site. PostgreSQL: a session advisory lock held on a dedicated connection
/// (<see cref="PostgresLeadership"/>); SQLite is one node, always the leader (<see cref="SingleNodeLeadership"/>).
/// </summary>
public interface ILeadership
{
    /// <summary>True when this node leads now: keeps the lead it holds (checking its connection is still alive) or
    /// tries to take it. Never throws for an unreachable database — that is "not leading".</summary>
    Task<bool> EnsureLeadingAsync(CancellationToken ct);

    /// <summary>The last answer of <see cref="EnsureLeadingAsync"/>.</summary>
    bool IsLeader { get; }
}
