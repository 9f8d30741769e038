using System.Net;

namespace Suanbei.Web.Hosting;

/// <summary>How to run the web app: where data lives, which database, where to listen. Shared by Program.cs, the CLI and tests.</summary>
public sealed record SuanbeiHostOptions
{
    public const string DefaultUrls = "http://127.0.0.1:5080";
    public const long DefaultMaterialsMaxBytes = 20L * 1024 * 1024;
    public const long DefaultLabelsMaxBytes = 200L * 1024 * 1024;
    public const int DefaultMaxConcurrentEvalRuns = 2;

    /// <summary>Holds suanbei.db (SQLite) and materials/. Created when missing.</summary>
    public string DataDirectory { get; init; } = "./data";

    /// <summary>PostgreSQL connection string (e.g. <c>Host=…;Database=suanbei;Username=…;Password=…</c>); null means SQLite in <see
    /// cref="DataDirectory"/>.</summary>
    public string? PostgresConnectionString { get; init; }

    /// <summary>Kestrel URLs, semicolon separated. Use http://127.0.0.1:0 for a free port (tests).</summary>
    public string Urls { get; init; } = DefaultUrls;

    /// <summary>Largest accepted material upload.</summary>
    public long MaterialsMaxBytes { get; init; } = DefaultMaterialsMaxBytes;

    /// <summary>Largest accepted request of the label tool (标识核验: verify/write/propagate uploads, all files of one request
    /// together). Configuration key <c>Suanbei:Labels:MaxUploadMb</c>.</summary>
    public long LabelsMaxBytes { get; init; } = DefaultLabelsMaxBytes;

    /// <summary>How many web-started evaluations the leading node runs at once; the others wait as 排队中 and start in
    /// creation order. Configuration key <c>Suanbei:GenAi:MaxConcurrentRuns</c>.</summary>
    public int MaxConcurrentEvalRuns { get; init; } = DefaultMaxConcurrentEvalRuns;

    /// <summary>When no administrator exists at startup, create one and announce its one-time password.</summary>
    public bool CreateFirstAdmin { get; init; } = true;

    /// <summary>At start, when the registry holds no entry, import the CAC's published lists shipped with Suanbei
    /// (Suanbei.Registry, Published/). Off unless asked for (library callers, test hosts); <c>suanbei serve</c> turns it
    /// on. Configuration key <c>Suanbei:Registry:SeedPublishedLists</c> (true/false), when set, decides.</summary>
    public bool SeedPublishedLists { get; init; }

    /// <summary>Where one-time passwords and other operator notices go; defaults to the console.</summary>
    public Action<string>? Announce { get; init; }

    /// <summary>ASP.NET Core environment name; null keeps the default (ASPNETCORE_ENVIRONMENT or Production).</summary>
    public string? EnvironmentName { get; init; }

    /// <summary>
    /// The address the public reaches the site at (e.g. <c>https://beian.example.cn</c>), used for the public link and the
    /// footer snippet. Null: built from the request (scheme and host, after trusted X-Forwarded-* headers).
    /// Configuration key <c>Suanbei:PublicBaseUrl</c>.
    /// </summary>
    public string? PublicBaseUrl { get; init; }

    /// <summary>Reverse proxies whose X-Forwarded-For/-Proto/-Host headers are trusted (IP addresses). Empty together with
    /// <see cref="TrustedProxyNetworks"/>: the headers are ignored. Configuration key
    /// <c>Suanbei:ForwardedHeaders:KnownProxies</c>.</summary>
    public IReadOnlyList<string> TrustedProxies { get; init; } = [];

    /// <summary>Networks (CIDR, e.g. <c>10.0.0.0/8</c>) whose proxies are trusted. Configuration key
    /// <c>Suanbei:ForwardedHeaders:KnownNetworks</c>.</summary>
    public IReadOnlyList<string> TrustedProxyNetworks { get; init; } = [];

    /// <summary>A PFX certificate that encrypts the DataProtection keys at rest (cookie and antiforgery keys in data/keys).
    /// Null: the keys are stored unencrypted in a folder only the owner may read. Configuration key
    /// <c>Suanbei:DataProtection:CertificatePath</c>.</summary>
    public string? DataProtectionCertificatePath { get; init; }

    /// <summary>Password of <see cref="DataProtectionCertificatePath"/>. Configuration key
    /// <c>Suanbei:DataProtection:CertificatePassword</c>.</summary>
    public string? DataProtectionCertificatePassword { get; init; }

    /// <summary>Where uploaded materials live; null: materials/ in <see cref="DataDirectory"/>. Several nodes point it at one
    /// shared folder (NFS …). Configuration key <c>Suanbei:Materials:Directory</c>.</summary>
    public string? MaterialsFolder { get; init; }

    /// <summary>Structured logs: one JSON object per line (with one line per request) instead of the console's text.
    /// Configuration key <c>Suanbei:Logging:Format</c> (<c>json</c> or <c>text</c>).</summary>
    public bool JsonLogs { get; init; }

    /// <summary>Where JSON logs go; null: standard output. Tests read them from here.</summary>
    public TextWriter? LogOutput { get; init; }

    /// <summary>A bearer token that lets a scraper read /metrics from another machine; without it only loopback requests
    /// that did not come through a proxy may. Configuration key <c>Suanbei:Metrics:Token</c>.</summary>
    public string? MetricsToken { get; init; }

    /// <summary>Keep the cookie/antiforgery keys in the database instead of data/keys, so that every node behind the
    /// load balancer reads and writes the same keys. Configuration key <c>Suanbei:DataProtection:Store</c>
    /// (<c>database</c> or <c>files</c>).</summary>
    public bool DataProtectionKeysInDatabase { get; init; }

    /// <summary>Kestrel runs a request on the thread that read its bytes off the socket instead of handing it to the
    /// thread pool (<c>SocketTransportOptions.UnsafePreferInlineScheduling</c>): fewer thread wake-ups per request, which
    /// is what a node pinned to one core loses most to. Code that blocks then stalls every connection of that thread
    /// (the app's own code blocks nowhere in a request). Refused together with the runtime's inline socket completions
    /// (<see cref="CheckInlineScheduling"/>). Configuration key <c>Suanbei:Kestrel:InlineScheduling</c> (true/false);
    /// see docs/deployment.md.</summary>
    public bool KestrelInlineScheduling { get; init; }

    /// <summary>The runtime switch ("1": on) that runs every socket completion on the socket event thread.</summary>
    public const string InlineCompletionsVariable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    /// <summary>Kestrel's socket I/O queues; null: Kestrel's default (one per core the process may use, at most 16).
    /// Configuration key <c>Suanbei:Kestrel:IoQueueCount</c> (0 hands socket work straight to the thread pool).</summary>
    public int? KestrelIoQueueCount { get; init; }

    /// <summary>Fills the settings not given explicitly from the "Suanbei" configuration section (appsettings.json next to
    /// the program, environment variables <c>Suanbei__PublicBaseUrl</c>, <c>Suanbei__ForwardedHeaders__KnownProxies__0</c> …),
    /// then checks them. Explicit values win. Throws InvalidOperationException naming the bad setting.</summary>
    public SuanbeiHostOptions WithConfiguration(IConfiguration configuration)
    {
        var c = configuration.GetSection("Suanbei");
        static IReadOnlyList<string> List(IConfigurationSection s) =>
            s.Value is { } single ? single.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : s.GetChildren().Select(x => x.Value).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList();
        var o = this with
        {
            PublicBaseUrl = PublicBaseUrl ?? NullIfBlank(c["PublicBaseUrl"]),
            TrustedProxies = TrustedProxies.Count > 0 ? TrustedProxies : List(c.GetSection("ForwardedHeaders:KnownProxies")),
            TrustedProxyNetworks = TrustedProxyNetworks.Count > 0 ? TrustedProxyNetworks
                : List(c.GetSection("ForwardedHeaders:KnownNetworks")),
            DataProtectionCertificatePath = DataProtectionCertificatePath ?? NullIfBlank(c["DataProtection:CertificatePath"]),
            DataProtectionCertificatePassword = DataProtectionCertificatePassword ?? NullIfBlank(c["DataProtection:CertificatePassword"]),
            SeedPublishedLists = NullIfBlank(c["Registry:SeedPublishedLists"]) is not { } seed ? SeedPublishedLists
                : bool.TryParse(seed, out var b) ? b
                : throw new InvalidOperationException($"配置 Suanbei:Registry:SeedPublishedLists 无效：“{seed}”应为 true 或 false"),
            MaterialsFolder = MaterialsFolder ?? NullIfBlank(c["Materials:Directory"]),
            MetricsToken = MetricsToken ?? NullIfBlank(c["Metrics:Token"]),
            JsonLogs = JsonLogs || NullIfBlank(c["Logging:Format"]) switch
            {
                null or "text" => false,
                "json" => true,
                var f => throw new InvalidOperationException($"配置 Suanbei:Logging:Format 无效：“{f}”应为 json 或 text"),
            },
            DataProtectionKeysInDatabase = DataProtectionKeysInDatabase || NullIfBlank(c["DataProtection:Store"]) switch
            {
                null or "files" => false,
                "database" => true,
                var st => throw new InvalidOperationException($"配置 Suanbei:DataProtection:Store 无效：“{st}”应为 database 或 files"),
            },
            LabelsMaxBytes = LabelsMaxBytes != DefaultLabelsMaxBytes || NullIfBlank(c["Labels:MaxUploadMb"]) is not { } mb ? LabelsMaxBytes
                : long.TryParse(mb, out var n) && n is > 0 and <= 1024 * 1024 ? n * 1024 * 1024
                : throw new InvalidOperationException($"配置 Suanbei:Labels:MaxUploadMb 无效：“{mb}”不是正整数（单位 MB，如 200）"),
            MaxConcurrentEvalRuns = MaxConcurrentEvalRuns != DefaultMaxConcurrentEvalRuns
                || NullIfBlank(c["GenAi:MaxConcurrentRuns"]) is not { } runs ? MaxConcurrentEvalRuns
                : int.TryParse(runs, out var r) && r is > 0 and <= 64 ? r
                : throw new InvalidOperationException($"配置 Suanbei:GenAi:MaxConcurrentRuns 无效：“{runs}”应为 1 到 64 之间的整数"),
            KestrelInlineScheduling = KestrelInlineScheduling || NullIfBlank(c["Kestrel:InlineScheduling"]) is { } inline
                && (bool.TryParse(inline, out var i) ? i
                    : throw new InvalidOperationException($"配置 Suanbei:Kestrel:InlineScheduling 无效：“{inline}”应为 true 或 false")),
            KestrelIoQueueCount = KestrelIoQueueCount ?? (NullIfBlank(c["Kestrel:IoQueueCount"]) is not { } queues ? null
                : int.TryParse(queues, out var q) && q is >= 0 and <= 64 ? q
                : throw new InvalidOperationException($"配置 Suanbei:Kestrel:IoQueueCount 无效：“{queues}”应为 0 到 64 之间的整数")),
        };
        o.Validate();
        return o;
    }

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private void Validate()
    {
        var listens = Urls.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (listens.Length == 0)
            throw new InvalidOperationException("监听地址（--urls）为空：应为 http://主机:端口（如 http://127.0.0.1:5080）");
        foreach (var listen in listens)
            if (!IsListenAddress(listen))
                throw new InvalidOperationException($"监听地址（--urls）无效：“{listen}”应为 http://主机:端口（端口 0 到 65535，" +
                    "如 http://127.0.0.1:5080），或 http://unix:/套接字文件的绝对路径；多个地址以分号分隔");
        if (PublicBaseUrl is { } url && !(Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"
            && u.Query.Length == 0 && u.Fragment.Length == 0))
            throw new InvalidOperationException($"配置 Suanbei:PublicBaseUrl 无效：“{url}”不是 http(s) 网址（如 https://beian.example.cn）");
        foreach (var p in TrustedProxies)
            // IPAddress.TryParse also takes legacy short forms ("1.2.3" = 1.2.0.3); a proxy address is written in full.
            if (!IPAddress.TryParse(p, out var a) || (a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork
                && p.Count(ch => ch == '.') != 3))
                throw new InvalidOperationException($"配置 Suanbei:ForwardedHeaders:KnownProxies 无效：“{p}”不是 IP 地址");
        foreach (var n in TrustedProxyNetworks)
            if (!IPNetwork.TryParse(n, out _))
                throw new InvalidOperationException($"配置 Suanbei:ForwardedHeaders:KnownNetworks 无效：“{n}”不是网段（如 10.0.0.0/8）");
        if (DataProtectionCertificatePath is { } cert && !File.Exists(cert))
            throw new InvalidOperationException($"配置 Suanbei:DataProtection:CertificatePath 无效：找不到证书文件“{cert}”");
        CheckInlineScheduling(KestrelInlineScheduling, Environment.GetEnvironmentVariable(InlineCompletionsVariable));
    }

    /// <summary>
    /// Refuses inline scheduling while the runtime runs socket completions inline: requests would then run on the socket
    /// event thread, and one synchronous socket wait in a request (Data Protection re-reading its keys for a cookie under
    /// an unknown key, in the first minutes after a start) stops every connection of the node for as long as the wait
    /// lasts, since only that thread can end it (measured: a minute; docs/deployment.md 5b).
    /// </summary>
    public static void CheckInlineScheduling(bool inlineScheduling, string? inlineCompletions)
    {
        if (inlineScheduling && inlineCompletions == "1")
            throw new InvalidOperationException($"配置 Suanbei:Kestrel:InlineScheduling 无效：不能与环境变量 {InlineCompletionsVariable}=1 " +
                "同时使用（请求将在套接字事件线程上运行，一次同步等待即可使整个节点停止响应，见 docs/deployment.md 5b）");
    }

    /// <summary>Whether Kestrel can listen on <paramref name="address"/>, by Kestrel's own parser plus the checks it leaves to
    /// the moment it binds (the port's range, a socket's absolute path), so a bad <c>--urls</c> is refused before
    /// anything starts.</summary>
    private static bool IsListenAddress(string address)
    {
        BindingAddress a;
        try { a = BindingAddress.Parse(address); }
        catch (FormatException) { return false; }
        if (a.Scheme is not ("http" or "https")) return false;
        if (a.IsUnixPipe) return Path.IsPathFullyQualified(a.UnixPipePath);
        // Kestrel listens on every interface for any host that is not an IP address, "unix:relative.sock" included.
        return a.Port is >= 0 and <= 65535 && (a.Host is "*" or "+"
            || Uri.CheckHostName(a.Host.Trim('[', ']')) is UriHostNameType.IPv4 or UriHostNameType.IPv6 or UriHostNameType.Dns);
    }

    public bool TrustsForwardedHeaders => TrustedProxies.Count > 0 || TrustedProxyNetworks.Count > 0;

    /// <summary>The absolute public address of <paramref name="path"/> (starting with '/'): under <see cref="PublicBaseUrl"/>
    /// when set, else under the request's scheme, host and path base.</summary>
    public string PublicUrl(HttpRequest request, string path) =>
        PublicBaseUrl is { } b ? b.TrimEnd('/') + path : $"{request.Scheme}://{request.Host}{request.PathBase}{path}";

    public string FullDataDirectory => Path.GetFullPath(DataDirectory);
    public string SqlitePath => Path.Combine(FullDataDirectory, "suanbei.db");
    public string MaterialsDirectory => MaterialsFolder is { } m ? Path.GetFullPath(m) : Path.Combine(FullDataDirectory, "materials");
    /// <summary>Uploads of the label tool live here only while a request is handled (server-generated names).</summary>
    public string LabelsWorkDirectory => Path.Combine(FullDataDirectory, "labels-work");
    /// <summary>Temporary files of the server (buffered uploads, exports being written); emptied at every start.</summary>
    public string TempDirectory => Path.Combine(FullDataDirectory, "tmp");
    public bool UsesPostgres => !string.IsNullOrWhiteSpace(PostgresConnectionString);

    /// <summary>Reads --urls, --data, --db, --public-base-url and --materials-max-mb from command-line arguments (used by Program.cs);
    /// seeds the registry like <c>suanbei serve</c>.</summary>
    public static SuanbeiHostOptions FromArgs(string[] args)
    {
        var o = new SuanbeiHostOptions { SeedPublishedLists = true };
        for (var i = 0; i + 1 < args.Length; i++)
        {
            switch (args[i])
            {
                case "--urls": o = o with { Urls = args[++i] }; break;
                case "--data": o = o with { DataDirectory = args[++i] }; break;
                case "--db": o = o with { PostgresConnectionString = args[++i] }; break;
                case "--public-base-url": o = o with { PublicBaseUrl = args[++i] }; break;
                case "--materials": o = o with { MaterialsFolder = args[++i] }; break;
                case "--log-format": o = o with { JsonLogs = args[++i] == "json" }; break;
                case "--materials-max-mb": o = o with { MaterialsMaxBytes = long.Parse(args[++i]) * 1024 * 1024 }; break;
            }
        }
        return o;
    }
}
