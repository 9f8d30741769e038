using Microsoft.Extensions.Logging.Abstractions;
using Suanbei.Testing;
using Suanbei.Web.Features.Operations;

namespace Suanbei.Web.Tests.Operations;

/// <summary>One leader among nodes on one PostgreSQL database, through the session advisory lock.</summary>
public sealed class LeadershipTests
{
    [Fact]
    public async Task One_node_leads_and_another_takes_over_when_it_goes()
    {
        var cs = PostgresServer.Instance.CreateDatabase("lead");
        await using var a = new PostgresLeadership(cs, NullLogger<PostgresLeadership>.Instance);
        await using var b = new PostgresLeadership(cs, NullLogger<PostgresLeadership>.Instance);
        Assert.True(await a.EnsureLeadingAsync(CancellationToken.None));
        Assert.False(await b.EnsureLeadingAsync(CancellationToken.None));
        Assert.True(await a.EnsureLeadingAsync(CancellationToken.None)); // keeps it
        Assert.False(b.IsLeader);

        await a.DisposeAsync(); // the node stops: its connection closes, the lock is released
        Assert.True(await b.EnsureLeadingAsync(CancellationToken.None));
        Assert.False(a.IsLeader);
    }

    [Fact]
    public async Task Another_database_has_its_own_leader()
    {
        await using var a = new PostgresLeadership(PostgresServer.Instance.CreateDatabase("lead"), NullLogger<PostgresLeadership>.Instance);
        await using var b = new PostgresLeadership(PostgresServer.Instance.CreateDatabase("lead"), NullLogger<PostgresLeadership>.Instance);
        Assert.True(await a.EnsureLeadingAsync(CancellationToken.None));
        Assert.True(await b.EnsureLeadingAsync(CancellationToken.None));
    }
}
