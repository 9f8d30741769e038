using Suanbei.Testing;
using Suanbei.Web.Hosting;

namespace Suanbei.Web.Tests.Support;

/// <summary>
/// Two app nodes set up as the deployment guide runs several: one fresh PostgreSQL database, one materials folder both
/// nodes share, the data-protection keys in the database. A test may stop a node mid-way (<see cref="StopAsync"/>);
/// disposing stops what still runs and removes the folder.
/// </summary>
public sealed class TwoNodes : IAsyncDisposable
{
    private sealed class Node(string database, string materials) : TestApp(Provider.Postgres)
    {
        protected override SuanbeiHostOptions Configure(SuanbeiHostOptions o) => o with
        {
            PostgresConnectionString = database,
            MaterialsFolder = materials,
            DataProtectionKeysInDatabase = true,
        };
    }

    private readonly string _materials;
    private readonly HashSet<TestApp> _running = [];

    public TestApp A { get; }
    public TestApp B { get; }

    private TwoNodes(string databasePrefix)
    {
        var database = PostgresServer.Instance.CreateDatabase(databasePrefix);
        _materials = Path.Combine(Path.GetTempPath(), "suanbei-shared-materials-" + Guid.NewGuid().ToString("N")[..8]);
        (A, B) = (new Node(database, _materials), new Node(database, _materials));
    }

    /// <summary>Starts node a, then node b, on a new database named after <paramref name="databasePrefix"/>.</summary>
    public static async Task<TwoNodes> StartAsync(string databasePrefix)
    {
        var nodes = new TwoNodes(databasePrefix);
        try
        {
            foreach (var node in new[] { nodes.A, nodes.B })
            {
                await node.InitializeAsync();
                nodes._running.Add(node);
            }
        }
        catch
        {
            await nodes.DisposeAsync();
            throw;
        }
        return nodes;
    }

    /// <summary>Stops a node as systemd would (Kestrel finishes what is in flight); the other keeps running.</summary>
    public async Task StopAsync(TestApp node)
    {
        if (_running.Remove(node)) await node.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in new[] { B, A }) await StopAsync(node);
        try { Directory.Delete(_materials, recursive: true); } catch (IOException) { }
    }
}
