using Npgsql;
using Suanbei.Testing;

namespace Suanbei.Web.Tests.Infrastructure;

/// <summary>The throwaway PostgreSQL the test run starts is real: databases are created, isolated and writable.</summary>
public class PostgresServerTests
{
    [Fact]
    public async Task Each_test_database_is_a_separate_real_PostgreSQL_database()
    {
        var first = PostgresServer.Instance.CreateDatabase("probe");
        var second = PostgresServer.Instance.CreateDatabase("probe");
        Assert.NotEqual(first, second);

        await using (var c = new NpgsqlConnection(first))
        {
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand("CREATE TABLE t (v text); INSERT INTO t VALUES ('网信算备'); SELECT v FROM t", c);
            Assert.Equal("网信算备", await cmd.ExecuteScalarAsync());
        }
        await using (var c = new NpgsqlConnection(second))
        {
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_name = 't'", c);
            Assert.Equal(0L, await cmd.ExecuteScalarAsync());
            await using var version = new NpgsqlCommand("SHOW server_version", c);
            Assert.StartsWith("15", (string)(await version.ExecuteScalarAsync())!);
        }
    }
}
