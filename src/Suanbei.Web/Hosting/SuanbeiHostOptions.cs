namespace Suanbei.Web.Hosting;

/// <summary>How to run the web app: where data lives, which database, where to listen. Shared by Program.cs, the CLI and tests.</summary>
public sealed record SuanbeiHostOptions
{
    public const string DefaultUrls = "http://127.0.0.1:5080";
    public const long DefaultMaterialsMaxBytes = 20L * 1024 * 1024;

    /// <summary>Holds suanbei.db (SQLite) and materials/. Created when missing.</summary>
    public string DataDirectory { get; init; } = "./data";

    /// <summary>PostgreSQL connection string (e.g. <c>Host=…;Database=suanbei;Username=…;Password=…</c>); null means SQLite in <see cref="DataDirectory"/>.</summary>
    public string? PostgresConnectionString { get; init; }

    /// <summary>Kestrel URLs, semicolon separated. Use http://127.0.0.1:0 for a free port (tests).</summary>
    public string Urls { get; init; } = DefaultUrls;

    /// <summary>Largest accepted material upload.</summary>
    public long MaterialsMaxBytes { get; init; } = DefaultMaterialsMaxBytes;

    /// <summary>When no administrator exists at startup, create one and announce its one-time password.</summary>
    public bool CreateFirstAdmin { get; init; } = true;

    /// <summary>Where one-time passwords and other operator notices go; defaults to the console.</summary>
    public Action<string>? Announce { get; init; }

    /// <summary>ASP.NET Core environment name; null keeps the default (ASPNETCORE_ENVIRONMENT or Production).</summary>
    public string? EnvironmentName { get; init; }

    public string FullDataDirectory => Path.GetFullPath(DataDirectory);
    public string SqlitePath => Path.Combine(FullDataDirectory, "suanbei.db");
    public string MaterialsDirectory => Path.Combine(FullDataDirectory, "materials");
    public bool UsesPostgres => !string.IsNullOrWhiteSpace(PostgresConnectionString);

    /// <summary>Reads --urls, --data, --db and --materials-max-mb from command-line arguments (used by Program.cs).</summary>
    public static SuanbeiHostOptions FromArgs(string[] args)
    {
        var o = new SuanbeiHostOptions();
        for (var i = 0; i + 1 < args.Length; i++)
        {
            switch (args[i])
            {
                case "--urls": o = o with { Urls = args[++i] }; break;
                case "--data": o = o with { DataDirectory = args[++i] }; break;
                case "--db": o = o with { PostgresConnectionString = args[++i] }; break;
                case "--materials-max-mb": o = o with { MaterialsMaxBytes = long.Parse(args[++i]) * 1024 * 1024 }; break;
            }
        }
        return o;
    }
}
