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

    /// <summary>Every AIGC value in an XMP packet, whatever prefix the writer bound to the TC260 namespace: for each
    /// such prefix (in order of first declaration) the <c>&lt;p:AIGC …&gt;value&lt;/p:AIGC&gt;</c> elements (value
    /// trimmed), then the <c>p:AIGC="value"</c> attributes, entities decoded. A span scan, no regex (verify hot path).</summary>
    public static IReadOnlyList<string> FindAigcValues(string xmp) => FindAigcValues(xmp.AsSpan());

    /// <summary><see cref="FindAigcValues(string)"/> of the packet as stored (UTF-8 bytes, as PNG iTXt and JPEG APP1
    /// hold it), without a string of the packet: the bytes are decoded into a pooled buffer and scanned there, so the
    /// only strings made are the values found. Decoding first keeps the result exactly that of the string (invalid
    /// bytes become U+FFFD, Unicode whitespace is trimmed) at a cost far below the packet string's allocation.</summary>
    public static IReadOnlyList<string> FindAigcValues(ReadOnlySpan<byte> utf8)
    {
        // A UTF-8 packet never decodes to more characters than it has bytes.
        if (utf8.Length > MaxPacketChars && System.Text.Encoding.UTF8.GetCharCount(utf8) > MaxPacketChars) return [];
        // The namespace is ASCII, and ASCII bytes decode to themselves wherever they are: the filter works on bytes.
        if (utf8.IndexOf(NamespaceWithoutSlashUtf8) < 0) return [];
        var chars = System.Buffers.ArrayPool<char>.Shared.Rent(Math.Max(utf8.Length, 1));
        try
        {
            var n = System.Text.Encoding.UTF8.GetChars(utf8, chars);
            return FindAigcValues(chars.AsSpan(0, n));
        }
        finally { System.Buffers.ArrayPool<char>.Shared.Return(chars); }
    }

    private static IReadOnlyList<string> FindAigcValues(ReadOnlySpan<char> text)
    {
        if (text.Length > MaxPacketChars) return [];
        // Every binding declaration's value contains the namespace without its trailing slash: a cheap exact filter.
        if (text.IndexOf(NamespaceWithoutSlash, StringComparison.Ordinal) < 0) return [];
        var values = new Values();
        var prefixes = t_prefixes ??= new List<string>(2);
        prefixes.Clear();
        AddPrefixes(text, prefixes);
        foreach (var prefix in prefixes)
        {
            AddElementValues(text, prefix, ref values);
            AddAttributeValues(text, prefix, ref values);
        }
        prefixes.Clear(); // holds no strings of this packet
        return values.ToList();
    }

    /// <summary>The prefix list of <see cref="FindAigcValues(ReadOnlySpan{char})"/>, reused per thread: it never
    /// leaves the scan, which calls nothing that scans again.</summary>
    [ThreadStatic] private static List<string>? t_prefixes;

    /// <summary>The values found: one (the usual case) is kept without a list and returned as a one-element array.</summary>
    private struct Values
    {
        private string? _first;
        private List<string>? _all;

        public void Add(string value)
        {
            if (_all is not null) _all.Add(value);
            else if (_first is null) _first = value;
            else _all = [_first, value];
        }

        public readonly IReadOnlyList<string> ToList() =>
            _all is not null ? _all : _first is null ? Array.Empty<string>() : new[] { _first };
    }

    private const int MaxPacketChars = 4 * 1024 * 1024;
    private const string NamespaceWithoutSlash = "http://www.tc260.org.cn/ns/AIGC/1.0";
    private static ReadOnlySpan<byte> NamespaceWithoutSlashUtf8 => "http://www.tc260.org.cn/ns/AIGC/1.0"u8;

    /// <summary>Prefixes bound to <see cref="Namespace"/> (trailing slashes ignored) by <c>xmlns:p = "…"</c> anywhere
    /// in the text, distinct, in order of first declaration.</summary>
    private static List<string> PrefixesFor(ReadOnlySpan<char> text)
    {
        var prefixes = new List<string>(1);
        AddPrefixes(text, prefixes);
        return prefixes;
    }

    private static void AddPrefixes(ReadOnlySpan<char> text, List<string> prefixes)
    {
        var pos = 0;
        while (pos < text.Length)
        {
            var at = text[pos..].IndexOf("xmlns:", StringComparison.Ordinal);
            if (at < 0) break;
            at += pos;
            if (!TryReadDeclaration(text, at + 6, out var nameStart, out var nameLength, out var value, out var end))
            {
                pos = at + 1;
                continue;
            }
            if (value.TrimEnd('/').SequenceEqual(NamespaceWithoutSlash))
            {
                var name = text.Slice(nameStart, nameLength);
                var known = false;
                foreach (var p in prefixes) if (name.SequenceEqual(p)) { known = true; break; }
                if (!known) prefixes.Add(name.SequenceEqual(Prefix) ? Prefix : name.ToString());
            }
            pos = end;
        }
    }

    /// <summary><c>name \s* = \s* ["'] value ["']</c> from <paramref name="i"/> (just after <c>xmlns:</c>); the value
    /// ends at the first quote of either kind.</summary>
    private static bool TryReadDeclaration(ReadOnlySpan<char> text, int i, out int nameStart, out int nameLength,
        out ReadOnlySpan<char> value, out int end)
    {
        nameStart = i; nameLength = 0; value = default; end = i;
        if (i >= text.Length || !(char.IsAsciiLetter(text[i]) || text[i] == '_')) return false;
        i++;
        while (i < text.Length && IsPrefixChar(text[i])) i++;
        nameLength = i - nameStart;
        while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
        if (i >= text.Length || text[i] != '=') return false;
        i++;
        while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
        if (i >= text.Length || text[i] is not ('"' or '\'')) return false;
        var valueStart = ++i;
        var close = text[valueStart..].IndexOfAny('"', '\'');
        if (close < 0) return false;
        value = text.Slice(valueStart, close);
        end = valueStart + close + 1;
        return true;
    }

    /// <summary>The regex class <c>[\w.-]</c>; non-ASCII letters are rare in prefixes, so that case asks .NET's own \w.</summary>
    private static bool IsPrefixChar(char c) =>
        c < 128 ? char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' : NonAsciiWordChar().IsMatch(new ReadOnlySpan<char>(in c));

    [GeneratedRegex(@"^\w$", RegexOptions.None, 1000)]
    private static partial Regex NonAsciiWordChar();

    /// <summary><c>&lt;p:AIGC&gt;</c> or <c>&lt;p:AIGC\s…&gt;</c>, then the text up to the first <c>&lt;/p:AIGC&gt;</c>.</summary>
    private static void AddElementValues(ReadOnlySpan<char> text, string prefix, ref Values values)
    {
        // The usual prefix's tags are constants: no strings built per file on the verify path.
        var open = ReferenceEquals(prefix, Prefix) ? "<" + Prefix + ":AIGC" : "<" + prefix + ":AIGC";
        var close = ReferenceEquals(prefix, Prefix) ? "</" + Prefix + ":AIGC>" : "</" + prefix + ":AIGC>";
        var pos = 0;
        while (pos < text.Length)
        {
            var at = text[pos..].IndexOf(open, StringComparison.Ordinal);
            if (at < 0) return;
            at += pos;
            var i = at + open.Length;
            if (i >= text.Length) return;
            if (char.IsWhiteSpace(text[i]))
            {
                var gt = text[(i + 1)..].IndexOf('>');
                if (gt < 0) return; // no later opening tag can end either
                i += 1 + gt;
            }
            else if (text[i] != '>') { pos = at + 1; continue; }
            var contentStart = i + 1;
            var end = text[contentStart..].IndexOf(close, StringComparison.Ordinal);
            if (end < 0) return; // nor can a later one find its closing tag
            values.Add(Unescape(text.Slice(contentStart, end).Trim()));
            pos = contentStart + end + close.Length;
        }
    }

    /// <summary>Whitespace, <c>p:AIGC \s* = \s*</c>, then a double- or single-quoted value.</summary>
    private static void AddAttributeValues(ReadOnlySpan<char> text, string prefix, ref Values values)
    {
        var name = ReferenceEquals(prefix, Prefix) ? Prefix + ":AIGC" : prefix + ":AIGC";
        var pos = 0; // the whitespace before the name must be at or after pos (matches do not overlap)
        var search = 1;
        while (search < text.Length)
        {
            var at = text[search..].IndexOf(name, StringComparison.Ordinal);
            if (at < 0) return;
            at += search;
            search = at + 1;
            if (at - 1 < pos || !char.IsWhiteSpace(text[at - 1])) continue;
            var i = at + name.Length;
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i >= text.Length || text[i] != '=') continue;
            i++;
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i >= text.Length || text[i] is not ('"' or '\'')) continue;
            var quote = text[i];
            var close = text[(i + 1)..].IndexOf(quote);
            if (close < 0) continue;
            values.Add(Unescape(text.Slice(i + 1, close)));
            pos = i + 1 + close + 1;
            search = Math.Max(search, pos + 1);
        }
    }

    /// <summary>Decodes the five XML entities and <c>&amp;#34;</c>; any other reference is kept as written. The result
    /// is never longer than the input, so it is built in one buffer (the label's JSON in XMP has every quote escaped).</summary>
    private static string Unescape(ReadOnlySpan<char> s)
    {
        var amp = s.IndexOf('&');
        if (amp < 0) return s.ToString();
        char[]? rented = null;
        Span<char> buffer = s.Length <= 512 ? stackalloc char[512] : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(s.Length));
        var n = 0;
        while (amp >= 0)
        {
            s[..amp].CopyTo(buffer[n..]);
            n += amp;
            s = s[amp..];
            var (entity, length) = s switch
            {
                _ when s.StartsWith("&quot;") => ('"', 6),
                _ when s.StartsWith("&apos;") => ('\'', 6),
                _ when s.StartsWith("&lt;") => ('<', 4),
                _ when s.StartsWith("&gt;") => ('>', 4),
                _ when s.StartsWith("&#34;") => ('"', 5),
                _ when s.StartsWith("&amp;") => ('&', 5),
                _ => ('&', 1),
            };
            buffer[n++] = entity;
            s = s[length..];
            amp = s.IndexOf('&');
        }
        s.CopyTo(buffer[n..]);
        var result = new string(buffer[..(n + s.Length)]);
        if (rented is not null) System.Buffers.ArrayPool<char>.Shared.Return(rented);
        return result;
    }
}

public static partial class Xmp
{
    /// <summary>
    /// The packet to store: <paramref name="existing"/> with every TC260 AIGC property removed and one new
    /// <c>rdf:Description</c> carrying <paramref name="label"/> added, so other metadata survives; a fresh packet
    /// when there is no usable existing packet, or when the merged one would not read back as exactly this label.
    /// </summary>
    public static string Merge(string? existing, AigcLabel label)
    {
        var merged = MergeInto(existing, label);
        // A damaged old packet can defeat the removal (an unclosed or truncated AIGC element, a stray binding) so that
        // the reader still finds an old value beside, or instead of, the new one. Such a packet is replaced by a
        // fresh one: its other properties are lost, but a file never ends up with two labels.
        var found = FindAigcValues(merged);
        return found.Count == 1 && found[0] == label.ToJson() ? merged : BuildPacket(label);
    }

    private static string MergeInto(string? existing, AigcLabel label)
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
        foreach (var prefix in PrefixesFor(xmp.AsSpan()))
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
