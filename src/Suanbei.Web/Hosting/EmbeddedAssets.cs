using System.Reflection;
using System.Security.Cryptography;

namespace Suanbei.Web.Hosting;

/// <summary>
/// CSS/JS shipped inside the assembly (Assets/*), served at /assets/{name}. No wwwroot, no static web assets, no CDN:
/// the app works from any output folder. Reference them in pages as <c>@EmbeddedAssets.Url("site.css")</c> (cache-busting hash).
/// </summary>
public static class EmbeddedAssets
{
    private sealed record Asset(byte[] Bytes, string ContentType, string ETag);

    private static readonly Dictionary<string, Asset> Assets = Load();

    private static Dictionary<string, Asset> Load()
    {
        var asm = typeof(EmbeddedAssets).Assembly;
        const string prefix = "Suanbei.Web.Assets.";
        var result = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var resource in asm.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using var s = asm.GetManifestResourceStream(resource)!;
            using var ms = new MemoryStream();
            s.CopyTo(ms);
            var name = resource[prefix.Length..];
            var type = Path.GetExtension(name) switch
            {
                ".css" => "text/css; charset=utf-8",
                ".js" => "text/javascript; charset=utf-8",
                ".svg" => "image/svg+xml",
                _ => "application/octet-stream",
            };
            var bytes = ms.ToArray();
            result[name] = new Asset(bytes, type, "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] + "\"");
        }
        return result;
    }

    public static string Url(string name) =>
        Assets.TryGetValue(name, out var a) ? $"/assets/{name}?v={a.ETag.Trim('"')}" : $"/assets/{name}";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/assets/{name}", (string name, HttpContext http) =>
        {
            // The name only selects among the embedded resources; it never reaches the file system.
            if (!Assets.TryGetValue(name, out var asset)) return Results.NotFound();
            http.Response.Headers.CacheControl = "public, max-age=86400";
            http.Response.Headers.ETag = asset.ETag;
            if (http.Request.Headers.IfNoneMatch == asset.ETag) return Results.StatusCode(304);
            return Results.Bytes(asset.Bytes, asset.ContentType);
        }).AllowAnonymous().ExcludeFromDescription();
}
