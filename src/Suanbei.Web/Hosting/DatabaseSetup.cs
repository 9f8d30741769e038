using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using Suanbei.Web.Data;

namespace Suanbei.Web.Hosting;

/// <summary>Chooses the provider and applies the hand-written migrations.</summary>
public static class DatabaseSetup
{
    public static void Configure(DbContextOptionsBuilder builder, SuanbeiHostOptions options)
    {
        if (options.UsesPostgres) builder.UseNpgsql(PooledConnectionString(options.PostgresConnectionString!));
        else builder.UseSqlite($"Data Source={options.SqlitePath}");
        // The migrations are written by hand without a model snapshot, so EF cannot compare; the schema test does.
        builder.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        builder.AddInterceptors(SaveInterceptor);
    }

    private static readonly InputRulesSaveInterceptor SaveInterceptor = new();

    /// <summary>
    /// The connection string of the app's pooled connections. EF returns its connection to the pool after every query
    /// (a page makes several), and Npgsql then resets it with DISCARD ALL by default, one more statement each time.
    /// Nothing here keeps session state on a pooled connection (the leader's advisory lock lives on its own unpooled
    /// connection; transactions end before the connection goes back), so the reset is skipped unless the configured
    /// connection string says otherwise. The same connections prepare the statements they send often
    /// (<see cref="AutoPreparedStatements"/>), so PostgreSQL stops parsing and planning each page's few queries on every
    /// request; the skipped reset is what keeps those prepared statements alive between uses.
    /// </summary>
    public static string PooledConnectionString(string configured)
    {
        var b = new NpgsqlConnectionStringBuilder(configured);
        // The keys as written ("No Reset On Close" or "NoResetOnClose", any case); Npgsql's builder cannot tell a
        // setting written out from its default.
        var keys = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = configured }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal)).ToList();
        bool Written(string key) => keys.Any(k => k.Equals(key, StringComparison.OrdinalIgnoreCase));
        if (!Written("NoResetOnClose")) b.NoResetOnClose = true;
        if (!Written("MaxAutoPrepare")) b.MaxAutoPrepare = AutoPreparedStatements;
        return b.ConnectionString;
    }

    /// <summary>
    /// Statements each pooled connection keeps prepared (Npgsql prepares one after its fifth use): room for the pages'
    /// and background jobs' distinct queries, at a few kilobytes of server memory each.
    /// </summary>
    public const int AutoPreparedStatements = 200;

    public static DbContextOptions<SuanbeiDbContext> Options(SuanbeiHostOptions options)
    {
        var b = new DbContextOptionsBuilder<SuanbeiDbContext>();
        Configure(b, options);
        return b.Options;
    }

    /// <summary>Creates the data folders and upgrades the schema (keeps existing data).</summary>
    public static void Migrate(SuanbeiDbContext db, SuanbeiHostOptions options)
    {
        Directory.CreateDirectory(options.FullDataDirectory);
        Directory.CreateDirectory(options.MaterialsDirectory);
        db.Database.Migrate();
    }
}
