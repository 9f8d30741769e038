using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Suanbei.Web.Data;

namespace Suanbei.Web.Hosting;

/// <summary>Chooses the provider and applies the hand-written migrations.</summary>
public static class DatabaseSetup
{
    public static void Configure(DbContextOptionsBuilder builder, SuanbeiHostOptions options)
    {
        if (options.UsesPostgres) builder.UseNpgsql(options.PostgresConnectionString);
        else builder.UseSqlite($"Data Source={options.SqlitePath}");
        // The migrations are written by hand without a model snapshot, so EF cannot compare; the schema test does.
        builder.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        builder.AddInterceptors(SaveInterceptor);
    }

    private static readonly InputRulesSaveInterceptor SaveInterceptor = new();

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
