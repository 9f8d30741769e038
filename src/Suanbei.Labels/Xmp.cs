using System.Security;
using System.Text.RegularExpressions;

namespace Suanbei.Labels;

/// <summary>
/// XMP carriage of the label: <c>&lt;TC260:AIGC&gt;{json}&lt;/TC260:AIGC&gt;</c> in namespace
/// <see cref="Namespace"/>, as an element or an attribute of rdf:Description. Shared by every XMP carrier
/// (PNG iTXt, JPEG APP1, WebP, GIF, TIFF, HEIF, MP4 uuid, PDF).
/// </summary>
public static partial class Xmp
{
    public const string Namespace = "http://www.tc260.org.cn/ns/AIGC/1.0/";
    public const string Prefix = "TC260";

    /// <summary>A minimal, complete XMP packet carrying only the label.</summary>
    public static string BuildPacket(AigcLabel label) =>
        "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n" +
        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n" +
        " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n" +
        $"  <rdf:Description rdf:about=\"\" xmlns:{Prefix}=\"{Namespace}\">\n" +
        $"   <{Prefix}:AIGC>{SecurityElement.Escape(label.ToJson())}</{Prefix}:AIGC>\n" +
        "  </rdf:Description>\n" +
        " </rdf:RDF>\n" +
        "</x:xmpmeta>\n" +
        "<?xpacket end=\"w\"?>";

    /// <summary>Every AIGC value in an XMP packet, whatever prefix the writer bound to the TC260 namespace.</summary>
    public static IReadOnlyList<string> FindAigcValues(string xmp)
    {
        var values = new List<string>();
        if (xmp.Length > 4 * 1024 * 1024) return values;
        foreach (var prefix in PrefixesFor(xmp))
        {
            var p = Regex.Escape(prefix);
            foreach (Match m in Regex.Matches(xmp, $@"<{p}:AIGC(?:\s[^>]*)?>(.*?)</{p}:AIGC>", RegexOptions.Singleline, TimeSpan.FromSeconds(1)))
                values.Add(Unescape(m.Groups[1].Value.Trim()));
            foreach (Match m in Regex.Matches(xmp, $@"\s{p}:AIGC\s*=\s*(""([^""]*)""|'([^']*)')", RegexOptions.None, TimeSpan.FromSeconds(1)))
                values.Add(Unescape(m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Value));
        }
        return values;
    }

    private static IEnumerable<string> PrefixesFor(string xmp)
    {
        var prefixes = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in NamespaceDeclaration().Matches(xmp))
            if (m.Groups[2].Value.TrimEnd('/') == Namespace.TrimEnd('/')) prefixes.Add(m.Groups[1].Value);
        return prefixes;
    }

    [GeneratedRegex(@"xmlns:([A-Za-z_][\w.-]*)\s*=\s*[""']([^""']*)[""']", RegexOptions.None, 1000)]
    private static partial Regex NamespaceDeclaration();

    private static string Unescape(string s) =>
        s.Contains('&')
            ? s.Replace("&quot;", "\"").Replace("&apos;", "'").Replace("&lt;", "<").Replace("&gt;", ">").Replace("&#34;", "\"").Replace("&amp;", "&")
            : s;
}

public static partial class Xmp
{
    /// <summary>
    /// The packet to store: <paramref name="existing"/> with every TC260 AIGC property removed and one new
    /// <c>rdf:Description</c> carrying <paramref name="label"/> added, so other metadata survives; a fresh packet
    /// when there is no usable existing packet.
    /// </summary>
    public static string Merge(string? existing, AigcLabel label)
    {
        if (string.IsNullOrEmpty(existing) || existing.Length > 4 * 1024 * 1024) return BuildPacket(label);
        var end = existing.LastIndexOf("</rdf:RDF>", StringComparison.Ordinal);
        if (end < 0) return BuildPacket(label);
        // Drop descriptions left empty by the removal so repeated relabelling does not grow the packet.
        var body = EmptyDescription().Replace(RemoveAigc(existing), "");
        end = body.LastIndexOf("</rdf:RDF>", StringComparison.Ordinal);
        if (end < 0) return BuildPacket(label); // the label element swallowed the packet's end: not a usable packet
        var description =
            $"  <rdf:Description rdf:about=\"\" xmlns:{Prefix}=\"{Namespace}\">\n" +
            $"   <{Prefix}:AIGC>{SecurityElement.Escape(label.ToJson())}</{Prefix}:AIGC>\n" +
            "  </rdf:Description>\n ";
        return body[..end] + description + body[end..];
    }

    /// <summary>The packet with every TC260 AIGC element and attribute removed (used by Merge and the content digest).</summary>
    public static string RemoveAigc(string xmp)
    {
        foreach (var prefix in PrefixesFor(xmp).ToList())
        {
            var p = Regex.Escape(prefix);
            xmp = Regex.Replace(xmp, $@"\s*<{p}:AIGC(?:\s[^>]*)?>.*?</{p}:AIGC>", "", RegexOptions.Singleline, TimeSpan.FromSeconds(1));
            xmp = Regex.Replace(xmp, $@"\s*<{p}:AIGC\s*/>", "", RegexOptions.None, TimeSpan.FromSeconds(1));
            xmp = Regex.Replace(xmp, $@"\s{p}:AIGC\s*=\s*(""[^""]*""|'[^']*')", "", RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        return xmp;
    }

    [GeneratedRegex(@"[ \t]*<rdf:Description(?:\s[^>]*)?>\s*</rdf:Description>[ \t]*\r?\n?", RegexOptions.None, 1000)]
    private static partial Regex EmptyDescription();

    /// <summary>True when the packet carries an AIGC property in the TC260 namespace.</summary>
    public static bool HasAigc(string xmp) => FindAigcValues(xmp).Count > 0;
}
