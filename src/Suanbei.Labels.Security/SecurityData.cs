using System.Text;
using System.Text.Json;

namespace Suanbei.Labels.Security;

/// <summary>
/// The SecurityData record of the TC260 guide, carried in ReservedCode1 (producer) or ReservedCode2 (propagator).
/// Stored as base64url without padding of its compact UTF-8 JSON, so the value stays inside the Annex E character set
/// (printable ASCII without space, quote or backslash). <see cref="ExtensionJson"/> is kept as the JSON text found.
/// </summary>
public sealed record SecurityData(
    string Type,
    string Version,
    IReadOnlyList<ContentBinding> Bindings,
    PublicSecurityData? PubSD,
    string? PrivSD = null,
    string? ExtensionJson = null)
{
    /// <summary>The compact JSON, members in the order Type, Version, Bindings, PubSD, PrivSD, Extension; also the
    /// canonical form signed (with PubSD.Sig empty).</summary>
    public string ToJson()
    {
        var sb = new StringBuilder(320);
        sb.Append('{');
        Str(sb, "Type", Type, first: true);
        Str(sb, "Version", Version);
        if (Bindings.Count > 0)
        {
            sb.Append(",\"Bindings\":[");
            for (var i = 0; i < Bindings.Count; i++)
            {
                if (i > 0) sb.Append(',');
                sb.Append('{');
                Str(sb, "Type", Bindings[i].Type, first: true);
                Str(sb, "Alg", Bindings[i].Alg);
                Str(sb, "Value", Bindings[i].Value);
                sb.Append('}');
            }
            sb.Append(']');
        }
        if (PubSD is { } p)
        {
            sb.Append(",\"PubSD\":{");
            Str(sb, "Alg", p.Alg, first: true);
            Str(sb, "Kid", p.Kid);
            Str(sb, "Sig", p.Sig);
            sb.Append('}');
        }
        if (PrivSD is not null) Str(sb, "PrivSD", PrivSD);
        if (ExtensionJson is not null) sb.Append(",\"Extension\":").Append(ExtensionJson);
        return sb.Append('}').ToString();
    }

    /// <summary>The value stored in the reserved field.</summary>
    public string Encode() => Signing.Base64Url(Encoding.UTF8.GetBytes(ToJson()));

    private static void Str(StringBuilder sb, string name, string value, bool first = false)
    {
        if (!first) sb.Append(',');
        sb.Append('"').Append(name).Append("\":\"");
        AigcLabel.AppendEscaped(sb, value);
        sb.Append('"');
    }

    /// <summary>True when <paramref name="value"/> is in today's older form: 86 base64url characters of a bare
    /// ES256 signature over the content hash (r‖s), as <see cref="Signing"/> writes.</summary>
    public static bool IsBareSignature(string value)
    {
        if (value.Length != Signing.SignatureLength) return false;
        try { return Signing.FromBase64Url(value).Length == 64; }
        catch (FormatException) { return false; }
    }

    /// <summary>Decodes a stored record; throws <see cref="SecurityDataException"/> naming what is wrong.</summary>
    public static SecurityData Decode(string value)
    {
        if (value.Length > SecurityDataProfile.MaxEncodedLength)
            throw new SecurityDataException($"安全数据过长（{value.Length} 个字符，上限 {SecurityDataProfile.MaxEncodedLength}）");
        byte[] bytes;
        try { bytes = Signing.FromBase64Url(value); }
        catch (FormatException) { throw new SecurityDataException("不是 base64url 编码的安全数据"); }
        string json;
        try { json = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes); }
        catch (DecoderFallbackException) { throw new SecurityDataException("解码后不是 UTF-8 文本"); }
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new SecurityDataException("解码后不是 JSON 对象");
            var type = RequiredString(root, "Type");
            var version = RequiredString(root, "Version");
            var bindings = new List<ContentBinding>();
            if (root.TryGetProperty("Bindings", out var b))
            {
                if (b.ValueKind != JsonValueKind.Array) throw new SecurityDataException("Bindings 应为数组");
                var i = 0;
                foreach (var e in b.EnumerateArray())
                {
                    if (e.ValueKind != JsonValueKind.Object) throw new SecurityDataException($"Bindings[{i}] 应为对象");
                    bindings.Add(new ContentBinding(RequiredString(e, "Type", $"Bindings[{i}]."),
                        RequiredString(e, "Alg", $"Bindings[{i}]."), RequiredString(e, "Value", $"Bindings[{i}].")));
                    i++;
                }
            }
            PublicSecurityData? pub = null;
            if (root.TryGetProperty("PubSD", out var p))
            {
                if (p.ValueKind != JsonValueKind.Object) throw new SecurityDataException("PubSD 应为对象");
                pub = new PublicSecurityData(RequiredString(p, "Alg", "PubSD."), OptionalString(p, "Kid", "PubSD.") ?? "",
                    RequiredString(p, "Sig", "PubSD."));
            }
            var priv = OptionalString(root, "PrivSD", "");
            var extension = root.TryGetProperty("Extension", out var x) ? x.GetRawText() : null;
            return new SecurityData(type, version, bindings, pub, priv, extension);
        }
        catch (JsonException e) { throw new SecurityDataException("解码后不是合法的 JSON：" + e.Message); }
    }

    private static string RequiredString(JsonElement obj, string name, string prefix = "") =>
        OptionalString(obj, name, prefix) ?? throw new SecurityDataException($"缺少必填字段 {prefix}{name}");

    private static string? OptionalString(JsonElement obj, string name, string prefix)
    {
        if (!obj.TryGetProperty(name, out var v)) return null;
        if (v.ValueKind != JsonValueKind.String) throw new SecurityDataException($"字段 {prefix}{name} 应为字符串");
        return v.GetString();
    }
}
