using System.Net;
using System.Net.Sockets;

namespace Suanbei.Web.Features.Operations;

/// <summary>
/// The one place that decides where the server may send requests a user chose the address of (webhooks, evaluation
/// endpoints): http/https only, and never to this machine or the internal network (SSRF). A URL is checked when it is
/// entered (<see cref="CheckUrl"/>: scheme and IP literals, a Chinese message naming the field) and again when the
/// connection is made (<see cref="CreateHandler"/>: the resolved address), so a name that resolves to an internal
/// address later (DNS rebinding) is still refused. On-premise deployments whose receivers are on the internal network
/// set <see cref="AllowPrivateNetworksKey"/> to true.
/// </summary>
public sealed class OutboundAddressGuard(IConfiguration configuration)
{
    public const string AllowPrivateNetworksKey = "Suanbei:Outbound:AllowPrivateNetworks";

    /// <summary>Read on every check, so an operator's change (and a test host's setting) applies without a restart.</summary>
    public bool AllowPrivateNetworks
    {
        get
        {
            var text = configuration[AllowPrivateNetworksKey];
            if (string.IsNullOrWhiteSpace(text)) return false;
            return bool.TryParse(text.Trim(), out var value) ? value
                : throw new InvalidOperationException($"配置 {AllowPrivateNetworksKey} 无效：“{text}”应为 true 或 false");
        }
    }

    // Networks no user-chosen request may reach, with where each is defined. IPv4-mapped, IPv4-compatible, NAT64 and
    // 6to4 IPv6 forms are unwrapped to their IPv4 address first (see Unwrap).
    private static readonly (IPNetwork Network, string Name)[] Refused =
    [
        (IPNetwork.Parse("0.0.0.0/8"), "未指定地址（RFC 1122）"),
        (IPNetwork.Parse("10.0.0.0/8"), "内网地址（RFC 1918）"),
        (IPNetwork.Parse("100.64.0.0/10"), "运营商级 NAT 地址（RFC 6598）"),
        (IPNetwork.Parse("127.0.0.0/8"), "本机回环地址（RFC 1122）"),
        (IPNetwork.Parse("169.254.0.0/16"), "链路本地地址（RFC 3927，含云主机元数据地址 169.254.169.254）"),
        (IPNetwork.Parse("172.16.0.0/12"), "内网地址（RFC 1918）"),
        (IPNetwork.Parse("192.0.0.0/24"), "IETF 协议保留地址（RFC 6890）"),
        (IPNetwork.Parse("192.168.0.0/16"), "内网地址（RFC 1918）"),
        (IPNetwork.Parse("198.18.0.0/15"), "网络测试保留地址（RFC 2544）"),
        (IPNetwork.Parse("224.0.0.0/4"), "组播地址（RFC 5771）"),
        (IPNetwork.Parse("240.0.0.0/4"), "保留地址及广播地址（RFC 1112、RFC 919）"),
        (IPNetwork.Parse("::/128"), "未指定地址（RFC 4291）"),
        (IPNetwork.Parse("::1/128"), "本机回环地址（RFC 4291）"),
        (IPNetwork.Parse("fc00::/7"), "内网地址（唯一本地地址 ULA，RFC 4193）"),
        (IPNetwork.Parse("fe80::/10"), "链路本地地址（RFC 4291）"),
        (IPNetwork.Parse("fec0::/10"), "站点本地地址（RFC 3879）"),
        (IPNetwork.Parse("ff00::/8"), "组播地址（RFC 4291）"),
    ];

    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96"); // RFC 6052
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16"); // RFC 3056
    private static readonly IPNetwork V4Compatible = IPNetwork.Parse("::/96"); // RFC 4291 §2.5.5.1 (deprecated)

    /// <summary>Why <paramref name="address"/> may not be reached (e.g. "本机回环地址（RFC 1122）"), or null when it is public.</summary>
    public static string? RefusalReason(IPAddress address)
    {
        var a = Unwrap(address);
        foreach (var (network, name) in Refused)
            if (network.BaseAddress.AddressFamily == a.AddressFamily && network.Contains(a)) return name;
        return null;
    }

    /// <summary>The IPv4 address an IPv6 address carries (mapped, compatible, NAT64, 6to4), else the address itself.</summary>
    private static IPAddress Unwrap(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address;
        if (address.IsIPv4MappedToIPv6) return address.MapToIPv4();
        var bytes = address.GetAddressBytes();
        if (Nat64.Contains(address) || (V4Compatible.Contains(address) && !IPAddress.IPv6Any.Equals(address)
            && !IPAddress.IPv6Loopback.Equals(address)))
            return new IPAddress(bytes.AsSpan(12, 4));
        if (SixToFour.Contains(address)) return new IPAddress(bytes.AsSpan(2, 4));
        return address;
    }

    /// <summary>
    /// Checks a URL a person entered into <paramref name="field"/> (its Chinese label): absolute http/https with a host,
    /// and, unless private targets are allowed, not an IP literal of a refused network. Names are resolved only at
    /// connect time. Returns the URL or the Chinese message.
    /// </summary>
    public (Uri? Url, string? Error) CheckUrl(string? text, string field)
    {
        var value = text?.Trim() ?? "";
        if (value.Length == 0) return (null, $"请填写「{field}」");
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host)
            || !string.IsNullOrEmpty(uri.UserInfo))
            return (null, $"「{field}」须为 http:// 或 https:// 开头的完整网址（不含用户名和密码）");
        if (!AllowPrivateNetworks && IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var literal)
            && RefusalReason(literal) is { } reason)
            return (null, RefusedMessage(field, literal, reason));
        return (uri, null);
    }

    private static string RefusedMessage(string field, IPAddress address, string reason) =>
        $"「{field}」指向{reason} {address}，不允许发送到本机或内网；本地部署需要时，由运维人员设置 {AllowPrivateNetworksKey}=true";

    /// <summary>
    /// The primary handler of an HTTP client whose targets users choose: it connects only to addresses that pass the
    /// check (after DNS), ignores any system proxy (through a proxy the check would see the proxy, not the target) and
    /// follows no redirects.
    /// </summary>
    public SocketsHttpHandler CreateHandler() => new()
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectCallback = ConnectAsync,
    };

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal]
            : await Dns.GetHostAddressesAsync(host, ct);
        var allowed = AllowPrivateNetworks ? addresses : addresses.Where(a => RefusalReason(a) is null).ToArray();
        if (allowed.Length == 0)
        {
            var first = addresses.FirstOrDefault();
            throw new OutboundAddressRefusedException(first is null ? $"{host} 没有可用的地址"
                : $"{host} 解析为{RefusalReason(first)} {first}，不允许发送到本机或内网（{AllowPrivateNetworksKey}）");
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
