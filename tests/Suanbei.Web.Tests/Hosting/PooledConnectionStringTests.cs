using Npgsql;
using Suanbei.Web.Hosting;

namespace Suanbei.Web.Tests.Hosting;

/// <summary>
/// The app's pooled PostgreSQL connections skip Npgsql's DISCARD ALL and prepare frequent statements, unless the
/// operator's string says otherwise.
/// </summary>
public sealed class PooledConnectionStringTests
{
    [Fact]
    public void The_reset_on_return_to_the_pool_is_skipped_and_the_rest_of_the_string_is_kept()
    {
        var pooled = new NpgsqlConnectionStringBuilder(
            DatabaseSetup.PooledConnectionString("Host=db.internal;Port=5433;Username=app;Database=suanbei;Maximum Pool Size=60"));
        Assert.True(pooled.NoResetOnClose);
        Assert.Equal(DatabaseSetup.AutoPreparedStatements, pooled.MaxAutoPrepare);
        Assert.Equal(("db.internal", 5433, "app", "suanbei", 60),
            (pooled.Host, pooled.Port, pooled.Username, pooled.Database, pooled.MaxPoolSize));
    }

    [Theory]
    [InlineData("Host=db;No Reset On Close=false")]
    [InlineData("Host=db;NoResetOnClose=false")]
    [InlineData("host=db;no reset on close=False")]
    public void An_explicit_setting_in_the_configured_string_wins(string configured) =>
        Assert.False(new NpgsqlConnectionStringBuilder(DatabaseSetup.PooledConnectionString(configured)).NoResetOnClose);

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0")]
    [InlineData("host=db;maxautoprepare=0")]
    public void An_explicit_auto_prepare_setting_wins(string configured) =>
        Assert.Equal(0, new NpgsqlConnectionStringBuilder(DatabaseSetup.PooledConnectionString(configured)).MaxAutoPrepare);
}
