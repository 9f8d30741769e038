using Suanbei.Registry.Store;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Registry.Store;
using Suanbei.Web.Hosting;

namespace Suanbei.Cli.Commands;

/// <summary>
/// The one place the registry commands open the application database (SQLite in --data, or PostgreSQL from --db),
/// migrated, behind the registry's store interface: the rest of the registry commands uses Suanbei.Registry only.
/// </summary>
internal sealed class RegistryDatabase : IDisposable
{
    private readonly SuanbeiDbContext _context;

    private RegistryDatabase(SuanbeiDbContext context)
    {
        _context = context;
        Store = new RegistryStore(context);
    }

    public IRegistryStore Store { get; }

    /// <summary>Opens (and creates or migrates) the database.</summary>
    public static RegistryDatabase Open(string dataDirectory, string? connectionString) =>
        Open(new SuanbeiHostOptions { DataDirectory = dataDirectory, PostgresConnectionString = connectionString });

    /// <summary>Opens the database only when one exists (PostgreSQL, or the SQLite file in the data folder); else null.</summary>
    public static RegistryDatabase? OpenExisting(string dataDirectory, string? connectionString)
    {
        var options = new SuanbeiHostOptions { DataDirectory = dataDirectory, PostgresConnectionString = connectionString };
        return !options.UsesPostgres && !File.Exists(options.SqlitePath) ? null : Open(options);
    }

    private static RegistryDatabase Open(SuanbeiHostOptions options)
    {
        var context = new SuanbeiDbContext(DatabaseSetup.Options(options));
        try { DatabaseSetup.Migrate(context, options); }
        catch { context.Dispose(); throw; }
        return new RegistryDatabase(context);
    }

    public void Dispose() => _context.Dispose();
}
