using System.Buffers.Binary;
using System.Text;
using System.Text.RegularExpressions;
using Suanbei.Labels.Formats.Io;

namespace Suanbei.Labels.Formats.Mp4;

/// <summary>
/// The label inside an in-memory <c>moov</c>: QuickTime metadata (<c>meta</c> with handler <c>mdta</c>, a <c>keys</c>
/// entry "mdta"+"AIGC" and the <c>ilst</c> item whose 1-based index points at it — what
/// <c>ffmpeg -metadata AIGC=… -movflags use_metadata_tags</c> writes), iTunes freeform <c>----</c> items named AIGC,
/// and XMP (<c>udta/XMP_</c>, XMP <c>uuid</c>). Finds, removes and adds labels; rewrites chunk offsets.
/// </summary>
internal static partial class Mp4Metadata
{
    private sealed record KeyEntry(string Namespace, string Name, byte[] Raw);

    // ---------- reading ----------

    public static void FindLabels(Box moov, List<FoundLabel> found)
    {
        foreach (var (meta, path) in Metas(moov))
        {
            var handler = Handler(meta);
            if (handler == "mdta" && meta.Child("keys") is { } keysBox && meta.Child("ilst") is { } ilst)
            {
                var keys = ParseKeys(keysBox.Payload!);
                foreach (var item in Box.ParseList("ilst", ilst.Payload!, 0))
                {
                    var index = (int)BinaryPrimitives.ReadUInt32BigEndian(Encoding.Latin1.GetBytes(item.Type));
                    if (index < 1 || index > keys.Count || !IsAigc(keys[index - 1])) continue;
                    foreach (var value in DataValues(item.Payload!)) found.Add(new FoundLabel($"mp4/{path}/keys", value));
                }
            }
            else if (meta.Child("ilst") is { } itunes)
            {
                foreach (var item in Box.ParseList("ilst", itunes.Payload!, 0))
                    if (item.Type == "----" && FreeformName(item.Payload!) is { } name && AigcKey.Matches(name))
                        foreach (var value in DataValues(item.Payload!)) found.Add(new FoundLabel($"mp4/{path}/ilst/----", value));
            }
        }
        if (moov.Child("udta") is { } udta)
            foreach (var xmp in udta.ChildrenOf("XMP_"))
                foreach (var v in Xmp.FindAigcValues(Encoding.UTF8.GetString(xmp.Payload!))) found.Add(
                    new FoundLabel("mp4/moov/udta/XMP_", v));
        foreach (var uuid in moov.ChildrenOf("uuid"))
            if (XmpText(uuid.Payload!) is { } text)
                foreach (var v in Xmp.FindAigcValues(text)) found.Add(new FoundLabel("mp4/moov/uuid/XMP", v));
    }

    /// <summary>The XMP text of a uuid box payload when its user type is the XMP uuid.</summary>
    public static string? XmpText(ReadOnlySpan<byte> uuidPayload) =>
        uuidPayload.Length >= 16 && uuidPayload[..16].SequenceEqual(BmffBoxes.XmpUuid) ? Encoding.UTF8.GetString(uuidPayload[16..]) : null;

    private static IEnumerable<(Box Meta, string Path)> Metas(Box moov)
    {
        if (moov.Child("udta") is { } udta)
            foreach (var m in udta.ChildrenOf("meta")) yield return (m, "moov/udta/meta");
        foreach (var m in moov.ChildrenOf("meta")) yield return (m, "moov/meta");
    }

    private static string? Handler(Box meta) =>
        meta.Child("hdlr")?.Payload is { Length: >= 12 } h ? BmffBoxes.TypeOf(h.AsSpan(8, 4)) : null;

    private static bool IsAigc(KeyEntry k) => k.Namespace == "mdta" && AigcKey.Matches(k.Name);

    private static List<KeyEntry> ParseKeys(byte[] payload)
    {
        if (payload.Length < 8) throw new FormatException("keys 盒子过短");
        var count = BinaryPrimitives.ReadUInt32BigEndian(payload.AsSpan(4));
        var keys = new List<KeyEntry>();
        var rest = payload.AsSpan(8);
        for (var i = 0u; i < count; i++)
        {
            if (rest.Length < 8) throw new FormatException("keys 条目数超出盒子");
            var size = BinaryPrimitives.ReadUInt32BigEndian(rest);
            if (size < 8 || size > rest.Length) throw new FormatException("keys 条目大小无效");
            keys.Add(new KeyEntry(BmffBoxes.TypeOf(rest.Slice(4, 4)), Encoding.UTF8.GetString(rest[8..(int)size]),
                rest[..(int)size].ToArray()));
            rest = rest[(int)size..];
        }
        return keys;
    }

    /// <summary>Values of the <c>data</c> boxes of an ilst item (type 1 UTF-8, 2 UTF-16BE, others read as UTF-8).</summary>
    private static IEnumerable<string> DataValues(byte[] itemPayload)
    {
        foreach (var data in Box.ParseList("item", itemPayload, 0).Where(b => b.Type == "data"))
        {
            var p = data.Payload!;
            if (p.Length < 8) continue;
            var type = BinaryPrimitives.ReadUInt32BigEndian(p) & 0xFFFFFF;
            yield return type == 2 ? Encoding.BigEndianUnicode.GetString(p, 8, p.Length - 8) : Encoding.UTF8.GetString(p, 8, p.Length - 8);
        }
    }

    private static string? FreeformName(byte[] itemPayload) =>
        Box.ParseList("----", itemPayload, 0).FirstOrDefault(b => b.Type == "name")?.Payload is { Length: >= 4 } n
            ? Encoding.UTF8.GetString(n, 4, n.Length - 4) : null;

    // ---------- writing ----------

    /// <summary>Removes every label this reader finds, then adds <paramref name="json"/> as the one mdta "AIGC" item.</summary>
    public static void ReplaceLabel(Box moov, string json)
    {
        foreach (var (meta, _) in Metas(moov).ToList()) RemoveFrom(meta);
        if (moov.Child("udta") is { } udta)
            foreach (var xmp in udta.ChildrenOf("XMP_")) xmp.Payload = BlankXmpLabels(xmp.Payload!);
        foreach (var uuid in moov.ChildrenOf("uuid"))
            if (XmpText(uuid.Payload!) is not null) uuid.Payload = BlankXmpLabels(uuid.Payload!);
        AddTo(TargetMeta(moov), json);
    }

    private static void RemoveFrom(Box meta)
    {
        if (meta.Child("ilst") is not { } ilst) return;
        var items = Box.ParseList("ilst", ilst.Payload!, 0);
        if (Handler(meta) == "mdta" && meta.Child("keys") is { } keysBox)
        {
            var keys = ParseKeys(keysBox.Payload!);
            if (!keys.Any(IsAigc)) return;
            // Drop AIGC keys and renumber the surviving items (ilst items name their key by 1-based index).
            var newIndex = new int[keys.Count + 1];
            var kept = new List<KeyEntry>();
            for (var i = 0; i < keys.Count; i++)
                if (!IsAigc(keys[i])) { kept.Add(keys[i]); newIndex[i + 1] = kept.Count; }
            var newItems = new List<Box>();
            foreach (var item in items)
            {
                var index = (int)BinaryPrimitives.ReadUInt32BigEndian(Encoding.Latin1.GetBytes(item.Type));
                if (index < 1 || index > keys.Count) { newItems.Add(item); continue; }
                if (newIndex[index] == 0) continue;
                newItems.Add(new Box(IndexType(newIndex[index]), item.Payload!));
            }
            keysBox.Payload = BuildKeys(keysBox.Payload.AsSpan(0, 4), kept.Select(k => k.Raw));
            ilst.Payload = Concat(newItems);
        }
        else
        {
            var kept = items.Where(i => !(i.Type == "----" && FreeformName(i.Payload!) is { } n && AigcKey.Matches(n))).ToList();
            if (kept.Count != items.Count) ilst.Payload = Concat(kept);
        }
    }

    /// <summary>The meta box to write into: an existing mdta meta (udta first, as ffmpeg writes), else a new
    /// <c>udta/meta</c> appended after any iTunes (mdir) meta already there — ffprobe reads both, and the mdir items
    /// keep their meaning because they are parsed before the mdta keys appear.</summary>
    private static Box TargetMeta(Box moov)
    {
        var existing = Metas(moov).Select(m => m.Meta).FirstOrDefault(
            m => Handler(m) == "mdta" && m.Child("keys") is not null && m.Child("ilst") is not null);
        if (existing is not null) return existing;
        var meta = new Box("meta",
        [
            new Box("hdlr", [0, 0, 0, 0, 0, 0, 0, 0, (byte)'m', (byte)'d', (byte)'t', (byte)'a', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
            new Box("keys", [0, 0, 0, 0, 0, 0, 0, 0]),
            new Box("ilst", []),
        ], [0, 0, 0, 0]);
        var udta = moov.Child("udta");
        // An explicit list: `new Box("udta", [])` would bind to the byte[] (payload) constructor and leave Children null.
        if (udta is null) { udta = new Box("udta", new List<Box>()); moov.Children!.Add(udta); }
        udta.Children!.Add(meta);
        return meta;
    }

    private static void AddTo(Box meta, string json)
    {
        var keysBox = meta.Child("keys")!;
        var ilst = meta.Child("ilst")!;
        var keys = ParseKeys(keysBox.Payload!);
        var name = Encoding.UTF8.GetBytes(AigcKey.Name);
        var entry = new byte[8 + name.Length];
        BinaryPrimitives.WriteUInt32BigEndian(entry, (uint)entry.Length);
        "mdta"u8.CopyTo(entry.AsSpan(4));
        name.CopyTo(entry, 8);
        keysBox.Payload = BuildKeys(keysBox.Payload.AsSpan(0, 4), keys.Select(k => k.Raw).Append(entry));

        var value = Encoding.UTF8.GetBytes(json);
        var data = new byte[8 + value.Length]; // type 1 (UTF-8), locale 0
        data[3] = 1;
        value.CopyTo(data, 8);
        var item = new Box(IndexType(keys.Count + 1), Concat([new Box("data", data)]));
        ilst.Payload = [.. ilst.Payload!, .. item.ToBytes()];
    }

    private static string IndexType(int index)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(b, (uint)index);
        return BmffBoxes.TypeOf(b);
    }

    private static byte[] BuildKeys(ReadOnlySpan<byte> versionFlags, IEnumerable<byte[]> entries)
    {
        using var ms = new MemoryStream();
        ms.Write(versionFlags);
        var list = entries.ToList();
        IntegerWrites.WriteU32BE(ms, (uint)list.Count);
        foreach (var e in list) ms.Write(e);
        return ms.ToArray();
    }

    private static byte[] Concat(IEnumerable<Box> boxes)
    {
        using var ms = new MemoryStream();
        foreach (var b in boxes) b.WriteTo(ms);
        return ms.ToArray();
    }

    /// <summary>Overwrites every TC260 AIGC element/attribute of an XMP packet with spaces: the packet keeps its size
    /// (no offsets move) and its other properties, and no second label survives.</summary>
    public static byte[] BlankXmpLabels(byte[] packet)
    {
        var text = Encoding.Latin1.GetString(packet); // 1 char per byte: match positions are byte offsets
        var result = (byte[])packet.Clone();
        foreach (Match ns in NamespaceDeclaration().Matches(text))
        {
            if (ns.Groups[2].Value.TrimEnd('/') != Xmp.Namespace.TrimEnd('/')) continue;
            var p = Regex.Escape(ns.Groups[1].Value);
            var pattern = $@"<{p}:AIGC(?:\s[^>]*)?/>|<{p}:AIGC(?:\s[^>]*)?>.*?</{p}:AIGC>|\s{p}:AIGC\s*=\s*(?:""[^""]*""|'[^']*')";
            foreach (Match m in Regex.Matches(text, pattern, RegexOptions.Singleline, TimeSpan.FromSeconds(1)))
                result.AsSpan(m.Index, m.Length).Fill((byte)' ');
        }
        return result;
    }

    [GeneratedRegex(@"xmlns:([A-Za-z_][\w.-]*)\s*=\s*[""']([^""']*)[""']", RegexOptions.None, 1000)]
    private static partial Regex NamespaceDeclaration();

    // ---------- chunk offsets ----------

    /// <summary>Adds <paramref name="delta"/> to every chunk offset at or after <paramref name="threshold"/> in every
    /// track (stco and co64), converting an stco to co64 when a shifted offset no longer fits 32 bits. Returns the
    /// extra bytes that conversion added to moov.</summary>
    public static void ShiftChunkOffsets(Box moov, long threshold, long delta, bool dryRunConversions, out long conversionGrowth)
    {
        conversionGrowth = 0;
        foreach (var (tables, i, box, count) in ChunkOffsetTables(moov))
        {
            var p = box.Payload!;
            if (box.Type == "stco")
            {
                var overflow = false;
                for (var k = 0; k < count && !overflow; k++)
                {
                    long o = BinaryPrimitives.ReadUInt32BigEndian(p.AsSpan(8 + 4 * k));
                    if (o >= threshold && o + delta > uint.MaxValue) overflow = true;
                }
                if (overflow)
                {
                    conversionGrowth += 4L * count;
                    if (dryRunConversions) continue;
                    var wide = new byte[8 + 8L * count];
                    p.AsSpan(0, 8).CopyTo(wide);
                    for (var k = 0; k < count; k++)
                    {
                        long o = BinaryPrimitives.ReadUInt32BigEndian(p.AsSpan(8 + 4 * k));
                        BinaryPrimitives.WriteUInt64BigEndian(wide.AsSpan(8 + 8 * k), (ulong)(o >= threshold ? o + delta : o));
                    }
                    tables[i] = new Box("co64", wide);
                    continue;
                }
                if (dryRunConversions) continue;
                for (var k = 0; k < count; k++)
                {
                    long o = BinaryPrimitives.ReadUInt32BigEndian(p.AsSpan(8 + 4 * k));
                    if (o >= threshold) BinaryPrimitives.WriteUInt32BigEndian(p.AsSpan(8 + 4 * k), (uint)(o + delta));
                }
            }
            else if (!dryRunConversions)
            {
                for (var k = 0; k < count; k++)
                {
                    var o = (long)BinaryPrimitives.ReadUInt64BigEndian(p.AsSpan(8 + 8 * k));
                    if (o >= threshold) BinaryPrimitives.WriteUInt64BigEndian(p.AsSpan(8 + 8 * k), (ulong)(o + delta));
                }
            }
        }
    }

    /// <summary>Every chunk-offset table (stco, 4-byte entries; co64, 8-byte) of every track, with the children of its
    /// stbl and its index there (so a caller may replace it) and its entry count, checked against the box size. Throws
    /// <see cref="FormatException"/> on a table too short for its count.</summary>
    internal static IEnumerable<(List<Box> StblChildren, int Index, Box Table, uint Count)> ChunkOffsetTables(Box moov)
    {
        foreach (var stbl in moov.ChildrenOf("trak").Select(t => t.Child("mdia")?.Child("minf")?.Child("stbl")).OfType<Box>())
        {
            if (stbl.Children is not { } children) continue;
            for (var i = 0; i < children.Count; i++)
            {
                var box = children[i];
                if (box.Type is not ("stco" or "co64")) continue;
                var p = box.Payload!;
                if (p.Length < 8) throw new FormatException($"{box.Type} 过短");
                var count = BinaryPrimitives.ReadUInt32BigEndian(p.AsSpan(4));
                var width = box.Type == "stco" ? 4 : 8;
                if ((p.Length - 8) / width < count) throw new FormatException($"{box.Type} 条目数超出盒子");
                yield return (children, i, box, count);
            }
        }
    }
}
