using System.Buffers.Binary;
using System.Text;
using Suanbei.Labels.Formats.Io;

namespace Suanbei.Labels.Formats.Mp3;

/// <summary>One ID3v2 frame as stored (id, the two flag bytes, and its data as found after tag-level unsynchronisation
/// was undone).</summary>
internal sealed record Id3Frame(string Id, byte Flags1, byte Flags2, byte[] Data);

/// <summary>
/// A parsed ID3v2 tag at the start of a file: version, flags, frames, and its total size on disk (header, body with
/// padding, footer). Bounded: the body is at most 256 MiB by its syncsafe size, and is only loaded up to
/// <see cref="IoLimits.MaxMetadataStructure"/>.
/// </summary>
internal sealed class Id3Tag
{
    public int Major { get; private init; }
    public byte Flags { get; private init; }
    /// <summary>Header + body (padding included) + footer: where the audio starts.</summary>
    public long TotalSize { get; private init; }
    public List<Id3Frame> Frames { get; } = [];
    /// <summary>Zero bytes after the last frame (room for in-place writes).</summary>
    public long Padding { get; private set; }

    public static uint Syncsafe(ReadOnlySpan<byte> b) =>
        (uint)((b[0] & 0x7F) << 21 | (b[1] & 0x7F) << 14 | (b[2] & 0x7F) << 7 | (b[3] & 0x7F));

    public static void WriteSyncsafe(Span<byte> b, uint v)
    {
        b[0] = (byte)((v >> 21) & 0x7F); b[1] = (byte)((v >> 14) & 0x7F); b[2] = (byte)((v >> 7) & 0x7F); b[3] = (byte)(v & 0x7F);
    }

    /// <summary>True when an ID3v2 header starts at the current position; reads 10 bytes.</summary>
    public static bool TryReadHeader(Stream s, long offset, out int major, out byte flags, out long total)
    {
        major = 0; flags = 0; total = 0;
        Span<byte> h = stackalloc byte[10];
        s.Position = offset;
        if (!BoundedRead.TryReadExactly(s, h) || !h[..3].SequenceEqual("ID3"u8) || h[3] is < 2 or > 4 || h[4] == 0xFF) return false;
        if ((h[6] | h[7] | h[8] | h[9]) >= 0x80) return false;
        major = h[3];
        flags = h[5];
        total = 10 + Syncsafe(h[6..]) + (major == 4 && (flags & 0x10) != 0 ? 10 : 0);
        return true;
    }

    /// <summary>Parses the tag at <paramref name="offset"/>; null with <paramref name="error"/> when damaged.</summary>
    public static Id3Tag? Parse(Stream s, long offset, out string? error)
    {
        error = null;
        if (!TryReadHeader(s, offset, out var major, out var flags, out var total)) { error = "ID3v2 头无效"; return null; }
        if (offset + total > s.Length) { error = $"ID3v2 标签（{total} 字节）超出文件长度（truncated）"; return null; }
        var bodySize = total - 10 - (major == 4 && (flags & 0x10) != 0 ? 10 : 0);
        var body = BoundedRead.ReadAt(s, offset + 10, bodySize);
        if (body is null) { error = "ID3v2 标签过大或被截断"; return null; }
        var tag = new Id3Tag { Major = major, Flags = flags, TotalSize = total };
        var unsyncAll = (flags & 0x80) != 0;
        // v2.2/v2.3: tag-level unsynchronisation covers the whole body; v2.4 marks it per frame as well.
        if (unsyncAll && major < 4) body = Unsynchronise(body);
        var pos = 0;
        if ((flags & 0x40) != 0 && major >= 3)
        {
            if (body.Length < 4) { error = "ID3v2 扩展头被截断"; return null; }
            long ext = major == 3 ? BinaryPrimitives.ReadUInt32BigEndian(body) + 4 : Syncsafe(body);
            if (ext < 4 || ext > body.Length) { error = "ID3v2 扩展头大小无效"; return null; }
            pos = (int)ext;
        }
        var headerLen = major == 2 ? 6 : 10;
        while (pos + headerLen <= body.Length && body[pos] != 0)
        {
            var id = Encoding.Latin1.GetString(body, pos, major == 2 ? 3 : 4);
            long size = major switch
            {
                2 => body[pos + 3] << 16 | body[pos + 4] << 8 | body[pos + 5],
                3 => BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(pos + 4)),
                _ => Syncsafe(body.AsSpan(pos + 4)),
            };
            if (!id.All(c => c is >= 'A' and <= 'Z' or >= '0' and <= '9')) { error = $"ID3v2 帧 id 无效（偏移 {pos}）"; return tag; }
            if (size > body.Length - pos - headerLen) { error = $"ID3v2 帧 {id} 大小 {size} 超出标签"; return tag; }
            byte f1 = major == 2 ? (byte)0 : body[pos + 8], f2 = major == 2 ? (byte)0 : body[pos + 9];
            tag.Frames.Add(new Id3Frame(id, f1, f2, body.AsSpan(pos + headerLen, (int)size).ToArray()));
            pos += headerLen + (int)size;
        }
        tag.Padding = body.Length - pos;
        return tag;
    }

    public static byte[] Unsynchronise(byte[] data)
    {
        var result = new byte[data.Length];
        var n = 0;
        for (var i = 0; i < data.Length; i++)
        {
            result[n++] = data[i];
            if (data[i] == 0xFF && i + 1 < data.Length && data[i + 1] == 0) i++;
        }
        return result[..n];
    }

    /// <summary>The (description, value) of a TXXX/TXX frame, undoing per-frame transformations; null when the frame
    /// is compressed/encrypted (we do not inflate untrusted data) or malformed.</summary>
    public (string Description, string Value)? UserText(Id3Frame frame)
    {
        if (frame.Id is not ("TXXX" or "TXX")) return null;
        var data = frame.Data.AsSpan();
        if (Major == 4)
        {
            if ((frame.Flags2 & 0x0C) != 0) return null;           // compression / encryption
            if ((frame.Flags2 & 0x40) != 0) data = data.Length > 0 ? data[1..] : data; // group id
            if ((frame.Flags2 & 0x01) != 0) data = data.Length >= 4 ? data[4..] : [];   // data length indicator
            if ((frame.Flags2 & 0x02) != 0 || (Flags & 0x80) != 0) data = Unsynchronise(data.ToArray());
        }
        else if (Major == 3)
        {
            if ((frame.Flags2 & 0xC0) != 0) return null;
            if ((frame.Flags2 & 0x20) != 0) data = data.Length > 0 ? data[1..] : data;
        }
        if (data.Length < 1) return null;
        var encoding = data[0];
        var rest = data[1..];
        var terminatorWidth = encoding is 1 or 2 ? 2 : 1;
        var split = -1;
        for (var i = 0; i + terminatorWidth <= rest.Length; i += terminatorWidth)
            if (rest[i] == 0 && (terminatorWidth == 1 || rest[i + 1] == 0)) { split = i; break; }
        if (split < 0) return null;
        return (Decode(encoding, rest[..split]), Decode(encoding, rest[(split + terminatorWidth)..]).TrimEnd('\0'));
    }

    private static string Decode(byte encoding, ReadOnlySpan<byte> b) => encoding switch
    {
        0 => Encoding.Latin1.GetString(b),
        1 => b.Length >= 2 && b[0] == 0xFE && b[1] == 0xFF ? Encoding.BigEndianUnicode.GetString(b[2..])
            : b.Length >= 2 && b[0] == 0xFF && b[1] == 0xFE ? Encoding.Unicode.GetString(b[2..]) : Encoding.Unicode.GetString(b),
        2 => Encoding.BigEndianUnicode.GetString(b),
        _ => Encoding.UTF8.GetString(b),
    };

    /// <summary>A TXXX frame (header included) for <paramref name="major"/> 3 (UTF-16 with BOM) or 4 (UTF-8).</summary>
    public static byte[] BuildUserText(int major, string description, string value)
    {
        byte[] data = major == 4
            ? [3, .. Encoding.UTF8.GetBytes(description), 0, .. Encoding.UTF8.GetBytes(value)]
            : [1, 0xFF, 0xFE, .. Encoding.Unicode.GetBytes(description), 0, 0, 0xFF, 0xFE, .. Encoding.Unicode.GetBytes(value)];
        return BuildFrame(major, "TXXX", 0, 0, data);
    }

    public static byte[] BuildFrame(int major, string id, byte f1, byte f2, byte[] data)
    {
        var frame = new byte[10 + data.Length];
        Encoding.Latin1.GetBytes(id).CopyTo(frame, 0);
        if (major == 4) WriteSyncsafe(frame.AsSpan(4), (uint)data.Length);
        else BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(4), (uint)data.Length);
        frame[8] = f1; frame[9] = f2;
        data.CopyTo(frame, 10);
        return frame;
    }

    /// <summary>A complete tag: header, <paramref name="frames"/>, zero padding up to <paramref name="totalSize"/>.</summary>
    public static byte[] BuildTag(int major, byte flags, IEnumerable<byte[]> frames, long totalSize)
    {
        var body = frames.SelectMany(f => f).ToArray();
        if (totalSize < 10 + body.Length) throw new ArgumentOutOfRangeException(nameof(totalSize));
        if (totalSize - 10 > 0x0FFFFFFF) throw new LabelWriteException("ID3v2 标签超过 256 MB 上限");
        var tag = new byte[totalSize];
        "ID3"u8.CopyTo(tag);
        tag[3] = (byte)major;
        tag[5] = flags;
        WriteSyncsafe(tag.AsSpan(6), (uint)(totalSize - 10));
        body.CopyTo(tag, 10);
        return tag;
    }
}
