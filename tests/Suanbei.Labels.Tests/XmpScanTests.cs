using System.Text;
using System.Text.RegularExpressions;

namespace Suanbei.Labels.Tests;

/// <summary>
/// <see cref="Xmp.FindAigcValues"/> is a span scan; it must give exactly what the regex implementation it replaced
/// gave (kept below as <see cref="RegexReference"/>), on hand-written tricky packets and on random mutations of them.
/// </summary>
public class XmpScanTests
{
    private const string Ns = Xmp.Namespace;
    private const string Json = "{\"Label\":\"1\",\"ContentProducer\":\"001191440300708461136T1XGW3\"}";
    private const string Escaped = "{&quot;Label&quot;:&quot;1&quot;,&quot;ContentProducer&quot;:&quot;001191440300708461136T1XGW3&quot;}";

    /// <summary>The regex implementation of Xmp.FindAigcValues before the span scan (commit 05c38ba).</summary>
    private static class RegexReference
    {
        public static List<string> FindAigcValues(string xmp)
        {
            var values = new List<string>();
            if (xmp.Length > 4 * 1024 * 1024) return values;
            foreach (var prefix in PrefixesFor(xmp))
            {
                var p = Regex.Escape(prefix);
                foreach (Match m in Regex.Matches(xmp, $@"<{p}:AIGC(?:\s[^>]*)?>(.*?)</{p}:AIGC>", RegexOptions.Singleline))
                    values.Add(Unescape(m.Groups[1].Value.Trim()));
                foreach (Match m in Regex.Matches(xmp, $@"\s{p}:AIGC\s*=\s*(""([^""]*)""|'([^']*)')"))
                    values.Add(Unescape(m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Value));
            }
            return values;
        }

        private static IEnumerable<string> PrefixesFor(string xmp)
        {
            var prefixes = new HashSet<string>(StringComparer.Ordinal);
            foreach (Match m in Regex.Matches(xmp, @"xmlns:([A-Za-z_][\w.-]*)\s*=\s*[""']([^""']*)[""']"))
                if (m.Groups[2].Value.TrimEnd('/') == Xmp.Namespace.TrimEnd('/')) prefixes.Add(m.Groups[1].Value);
            return prefixes;
        }

        private static string Unescape(string s) =>
            s.Contains('&')
                ? s.Replace("&quot;", "\"").Replace("&apos;", "'").Replace("&lt;", "<").Replace("&gt;", ">").Replace("&#34;", "\"")
                    .Replace("&amp;", "&")
                : s;
    }

    private static string Packet(string description) =>
        "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n" +
        " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n" + description +
            "\n </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>";

    public static TheoryData<string, string[]> Cases => new()
    {
        // Suanbei's own packet.
        { Xmp.BuildPacket(new AigcLabel("1", "001191440300708461136T1XGW3", "p1", "", "001191440300708461136T1XGW3", "p1", "")),
            ["{\"Label\":\"1\",\"ContentProducer\":\"001191440300708461136T1XGW3\",\"ProduceID\":\"p1\",\"ReservedCode1\":\"\"," +
                "\"ContentPropagator\":\"001191440300708461136T1XGW3\",\"PropagateID\":\"p1\",\"ReservedCode2\":\"\"}"] },
        // exiftool's style: single-quoted declaration, escaped element text.
        { Packet($"  <rdf:Description rdf:about='' xmlns:TC260='{Ns}'>\n   <TC260:AIGC>{Escaped}</TC260:AIGC>\n  </rdf:Description>"),
            [Json] },
        // Another prefix bound to the namespace, without the trailing slash, spaces around '='.
        { Packet($"<rdf:Description xmlns:aigc = \"{Ns.TrimEnd('/')}\"><aigc:AIGC>{Escaped}</aigc:AIGC></rdf:Description>"), [Json] },
        // The TC260 prefix bound to some other namespace does not count; the right one under a different prefix does.
        { Packet($"<rdf:Description xmlns:TC260=\"http://example.com/other/\" xmlns:t.x-1=\"{Ns}//\"><TC260:AIGC>nope</TC260:AIGC><t.x-1:" +
            $"AIGC>  yes  </t.x-1:AIGC></rdf:Description>"), ["yes"] },
        // Attribute form, double and single quotes, whitespace around '=', entities in the value.
        { Packet($"<rdf:Description rdf:about=\"\" xmlns:TC260=\"{Ns}\" TC260:AIGC=\"{Escaped}\"/>"), [Json] },
        { Packet($"<rdf:Description xmlns:TC260='{Ns}'\n\tTC260:AIGC \t=\n '{Json}'/>"), [Json] },
        // Element with attributes, then an attribute form: elements are listed before attributes for a prefix.
        { Packet($"<rdf:Description xmlns:TC260=\"{Ns}\" TC260:AIGC='attr'><TC260:AIGC rdf:parseType=\"Literal\">elem</TC260:AIGC></rdf:" +
            $"Description>"), ["elem", "attr"] },
        // Multiple values (two elements, two prefixes): order is by first declaration of the prefix.
        { Packet($"<rdf:Description xmlns:b=\"{Ns}\" xmlns:a=\"{Ns}\"><a:AIGC>1</a:AIGC><b:AIGC>2</b:AIGC><a:AIGC>3</a:AIGC></rdf:" +
            $"Description>"), ["2", "1", "3"] },
        // Entities: the six decoded ones, others kept, &amp; decoded last (no double decoding).
        { Packet($"<d xmlns:TC260=\"{Ns}\"><TC260:AIGC>&lt;a&gt; &quot;&apos;&#34; &amp;quot; &#x22; &unknown; &</TC260:AIGC></d>"),
            ["<a> \"'\" &quot; &#x22; &unknown; &"] },
        // A value longer than the decoder's stack buffer.
        { Packet($"<d xmlns:TC260=\"{Ns}\"><TC260:AIGC>{string.Concat(Enumerable.Repeat(Escaped, 12))}</TC260:AIGC></d>"),
            [string.Concat(Enumerable.Repeat(Json, 12))] },
        // CDATA is not decoded (as before): its markup stays in the value.
        { Packet($"<d xmlns:TC260=\"{Ns}\"><TC260:AIGC><![CDATA[{Json}]]></TC260:AIGC></d>"), [$"<![CDATA[{Json}]]>"] },
        // Self-closing element and an unclosed element give nothing; an element name that only starts with AIGC is not it.
        { Packet($"<d xmlns:TC260=\"{Ns}\"><TC260:AIGC/><TC260:AIGCX>no</TC260:AIGCX><TC260:AIGC>open"), [] },
        // Namespace never declared: nothing, whatever the prefix.
        { Packet($"<d><TC260:AIGC>{Json}</TC260:AIGC></d>"), [] },
        // Attribute name glued to the previous token does not count (the regex wanted whitespace before it).
        { Packet($"<d xmlns:TC260=\"{Ns}\" x=\"1\"TC260:AIGC=\"glued\" TC260:AIGC=\"spaced\"/>"), ["spaced"] },
        // Unicode whitespace and a prefix with non-ASCII letters after an ASCII first letter (the first must be ASCII).
        { Packet($"<d xmlns:x标识=\"{Ns}\"><x标识:AIGC>\u3000v\u00A0</x标识:AIGC></d>"), ["v"] },
        { Packet($"<d xmlns:标识=\"{Ns}\"><标识:AIGC>v</标识:AIGC></d>"), [] },
        // Mismatched declaration quotes are accepted (the old pattern allowed it); an unterminated one is not.
        { $"xmlns:q=\"{Ns}' <q:AIGC>v</q:AIGC> xmlns:z=\"{Ns}", ["v"] },
        // Overlapping attribute candidates, an attribute inside element text.
        { $"xmlns:C='{Ns}' C:AIGC:AIGC='x' C:AIGC='y' <C:AIGC> C:AIGC=\"z\" </C:AIGC>", ["C:AIGC=\"z\"", "y", "z"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Span_scan_finds_the_expected_values_as_the_regex_did(string xmp, string[] expected)
    {
        Assert.Equal(expected, RegexReference.FindAigcValues(xmp));
        Assert.Equal(expected, Xmp.FindAigcValues(xmp));
    }

    [Fact]
    public void Span_scan_equals_the_regex_on_random_mutations()
    {
        // Fragments the grammar cares about, spliced into the tricky cases at random places.
        string[] pieces = ["<", ">", "/", "\"", "'", "=", " ", "\n", "&", "&amp;", "&quot;", ":AIGC", "TC260", "xmlns:",
            $"xmlns:TC260='{Ns}'",
            "<TC260:AIGC>", "</TC260:AIGC>", "<TC260:AIGC ", " TC260:AIGC=", "<a:AIGC>", "</a:AIGC>", Ns, "\u3000", "标"];
        var random = new Random(20261122);
        var inputs = Cases.Select(c => (string)c[0]).ToList();
        var compared = 0;
        for (var round = 0; round < 4000; round++)
        {
            var sb = new StringBuilder(inputs[random.Next(inputs.Count)]);
            for (var k = random.Next(1, 6); k > 0; k--)
            {
                var at = random.Next(sb.Length + 1);
                switch (random.Next(3))
                {
                    case 0: sb.Insert(at, pieces[random.Next(pieces.Length)]); break;
                    case 1: if (at < sb.Length) sb.Remove(at, Math.Min(random.Next(1, 12), sb.Length - at)); break;
                    default: if (at < sb.Length) sb[at] = pieces[random.Next(pieces.Length)][0]; break;
                }
            }
            var xmp = sb.ToString();
            var expected = RegexReference.FindAigcValues(xmp);
            Assert.True(expected.SequenceEqual(Xmp.FindAigcValues(xmp)), "differs on: " + xmp);
            compared += expected.Count;
        }
        Assert.True(compared > 1000, $"mutations should still carry values ({compared})"); // the comparison is not vacuous
    }

    /// <summary>The packet as stored (UTF-8 bytes) gives what the string decoded from those bytes gave: on the cases,
    /// on their mutations, and with bytes that are not valid UTF-8 (replaced by U+FFFD when decoded) spliced in,
    /// including at the places where the scan asks whether a character is whitespace or part of a prefix.</summary>
    [Fact]
    public void The_utf8_packet_gives_what_its_decoded_string_gives()
    {
        byte[][] pieces = ["<"u8.ToArray(), " "u8.ToArray(), "\u3000"u8.ToArray(), [0xE3, 0x80], [0x80], [0xC2, 0xA0], [0xFF],
            [0xEF, 0xBB, 0xBF], [0xE6, 0xA0, 0x87], [0xF0, 0x9F], ":AIGC"u8.ToArray(), "</TC260:AIGC>"u8.ToArray(), "&quot;"u8.ToArray()];
        var random = new Random(20261206);
        var inputs = Cases.Select(c => Encoding.UTF8.GetBytes((string)c[0])).ToList();
        var compared = 0;
        foreach (var input in inputs) Assert.Equal(Xmp.FindAigcValues(Encoding.UTF8.GetString(input)), Xmp.FindAigcValues(input));
        for (var round = 0; round < 4000; round++)
        {
            var bytes = new List<byte>(inputs[random.Next(inputs.Count)]);
            for (var k = random.Next(1, 6); k > 0; k--)
            {
                var at = random.Next(bytes.Count + 1);
                if (random.Next(3) == 0 && at < bytes.Count) bytes.RemoveRange(at, Math.Min(random.Next(1, 4), bytes.Count - at));
                else bytes.InsertRange(at, pieces[random.Next(pieces.Length)]);
            }
            var packet = bytes.ToArray();
            var expected = Xmp.FindAigcValues(Encoding.UTF8.GetString(packet));
            Assert.True(expected.SequenceEqual(Xmp.FindAigcValues(packet)), "differs on: " + Convert.ToHexString(packet));
            compared += expected.Count;
        }
        Assert.True(compared > 1000, $"mutations should still carry values ({compared})");
    }

    [Fact]
    public void Oversized_packets_are_not_scanned()
    {
        var big = Packet($"<d xmlns:TC260=\"{Ns}\"><TC260:AIGC>v</TC260:AIGC></d>") + new string(' ', 4 * 1024 * 1024);
        Assert.Empty(Xmp.FindAigcValues(big));
        Assert.Empty(Xmp.FindAigcValues(Encoding.UTF8.GetBytes(big)));
        Assert.Empty(RegexReference.FindAigcValues(big));
        // More bytes than the limit but fewer characters (three bytes each) is scanned, as its string would be.
        var chinese = Packet($"<d xmlns:TC260=\"{Ns}\"><TC260:AIGC>v</TC260:AIGC></d>") + new string('标', 2 * 1024 * 1024);
        Assert.Equal(["v"], Xmp.FindAigcValues(Encoding.UTF8.GetBytes(chinese)));
    }
}
