using System.Buffers.Binary;
using Suanbei.Labels.Formats.Io;

namespace Suanbei.Labels.Formats.Tiff;

/// <summary>One IFD entry. <see cref="EntryPosition"/> is the absolute stream position of the 12-byte entry.</summary>
internal sealed record IfdEntry(ushort Tag, ushort Type, uint Count, uint ValueOrOffset, long EntryPosition)
{
    public static int TypeSize(ushort type) => type switch
    {
        1 or 2 or 6 or 7 => 1,
        3 or 8 => 2,
        4 or 9 or 11 or 13 => 4,
        5 or 10 or 12 => 8,
        _ => 0,
    };

    public long ByteCount => (long)Count * TypeSize(Type);

    /// <summary>Absolute position of the value: inline in the entry when it fits 4 bytes, else base + offset.</summary>
    public long ValuePosition(long tiffBase) => ByteCount <= 4 ? EntryPosition + 8 : tiffBase + ValueOrOffset;
}

/// <summary>Bounded TIFF/EXIF IFD reader over a seekable stream (TIFF files and the EXIF block of JPEG/WebP/HEIF).</summary>
internal static class TiffIfd
{
    public const int MaxEntries = 4096;
    public const ushort ExifIfdPointer = 0x8769;
    public const ushort UserComment = 0x9286;
    public const ushort XmpTag = 0x02BC;

    /// <summary>Reads the 8-byte header at <paramref name="tiffBase"/>: byte order and IFD0 offset.</summary>
    public static bool TryReadHeader(Stream s, long tiffBase, out bool bigEndian, out uint ifd0)
    {
        bigEndian = false; ifd0 = 0;
        Span<byte> h = stackalloc byte[8];
        s.Position = tiffBase;
        if (!BoundedRead.TryReadExactly(s, h)) return false;
        if (h[0] == 'M' && h[1] == 'M') bigEndian = true;
        else if (!(h[0] == 'I' && h[1] == 'I')) return false;
        if (U16(h[2..], bigEndian) != 42) return false;
        ifd0 = U32(h[4..], bigEndian);
        return true;
    }

    /// <summary>Reads an IFD; null (with <paramref name="damage"/>) when it is out of bounds or too large.</summary>
    public static List<IfdEntry>? TryReadIfd(Stream s, long tiffBase, uint offset, bool bigEndian, out uint nextIfd, out string? damage)
    {
        nextIfd = 0; damage = null;
        var pos = tiffBase + offset;
        if (offset < 8 || pos + 2 > s.Length) { damage = $"IFD 偏移 {offset} 超出范围"; return null; }
        s.Position = pos;
        Span<byte> b = stackalloc byte[12];
        if (!BoundedRead.TryReadExactly(s, b[..2])) { damage = "IFD 被截断"; return null; }
        var count = U16(b, bigEndian);
        if (count > MaxEntries) { damage = $"IFD 条目数 {count} 过多"; return null; }
        if (pos + 2 + count * 12L + 4 > s.Length) { damage = "IFD 超出文件末尾"; return null; }
        var entries = new List<IfdEntry>(count);
        for (var i = 0; i < count; i++)
        {
            var at = s.Position;
            BoundedRead.TryReadExactly(s, b);
            entries.Add(new IfdEntry(U16(b, bigEndian), U16(b[2..], bigEndian), U32(b[4..], bigEndian), U32(b[8..], bigEndian), at));
        }
        Span<byte> n = stackalloc byte[4];
        BoundedRead.TryReadExactly(s, n);
        nextIfd = U32(n, bigEndian);
        return entries;
    }

    /// <summary>The bytes of an entry's value when within bounds.</summary>
    public static byte[]? TryReadValue(Stream s, long tiffBase, IfdEntry e, int max = IoLimits.MaxMetadataItem)
    {
        if (IfdEntry.TypeSize(e.Type) == 0 || e.ByteCount > max) return null;
        var pos = e.ValuePosition(tiffBase);
        if (pos < 0 || pos + e.ByteCount > s.Length) return null;
        s.Position = pos;
        return BoundedRead.TryRead(s, e.ByteCount, max);
    }

    public static ushort U16(ReadOnlySpan<byte> b, bool be) => be ? BinaryPrimitives.ReadUInt16BigEndian(b)
        : BinaryPrimitives.ReadUInt16LittleEndian(b);
    public static uint U32(ReadOnlySpan<byte> b, bool be) => be ? BinaryPrimitives.ReadUInt32BigEndian(b)
        : BinaryPrimitives.ReadUInt32LittleEndian(b);

    public static void W16(Span<byte> b, ushort v, bool be)
    {
        if (be) BinaryPrimitives.WriteUInt16BigEndian(
        b, v);
        else BinaryPrimitives.WriteUInt16LittleEndian(b, v);
    }
    public static void W32(Span<byte> b, uint v, bool be)
    {
        if (be) BinaryPrimitives.WriteUInt32BigEndian(
        b, v);
        else BinaryPrimitives.WriteUInt32LittleEndian(b, v);
    }

    /// <summary>Decodes an EXIF UserComment (8-byte character code + text).</summary>
    public static string DecodeUserComment(byte[] v, bool bigEndian)
    {
        if (v.Length < 8) return System.Text.Encoding.UTF8.GetString(v).Trim('\0', ' ');
        var code = System.Text.Encoding.ASCII.GetString(v, 0, 8);
        var body = v.AsSpan(8);
        string text;
        if (code.StartsWith("UNICODE", StringComparison.Ordinal))
        {
            // UTF-16 in the EXIF byte order unless a BOM says otherwise.
            var be = bigEndian;
            if (body.Length >= 2 && body[0] == 0xFE && body[1] == 0xFF) { be = true; body = body[2..]; }
            else if (body.Length >= 2 && body[0] == 0xFF && body[1] == 0xFE) { be = false; body = body[2..]; }
            text = (be ? System.Text.Encoding.BigEndianUnicode : System.Text.Encoding.Unicode).GetString(body);
        }
        else text = System.Text.Encoding.UTF8.GetString(body);
        return text.Trim('\0', ' ');
    }

    /// <summary>The UserComment label in an EXIF/TIFF block at <paramref name="tiffBase"/>: its raw text and entry.</summary>
    public static (string? Text, IfdEntry? Entry, string? Damage) FindUserComment(Stream s, long tiffBase)
    {
        if (!TryReadHeader(s, tiffBase, out var be, out var ifd0)) return (null, null, "EXIF 头无效");
        var entries = TryReadIfd(s, tiffBase, ifd0, be, out _, out var damage);
        if (entries is null) return (null, null, "EXIF IFD0 无效：" + damage);
        var exifPointer = entries.FirstOrDefault(e => e.Tag == ExifIfdPointer);
        if (exifPointer is null) return (null, null, null);
        var exif = TryReadIfd(s, tiffBase, exifPointer.ValueOrOffset, be, out _, out damage);
        if (exif is null) return (null, null, "EXIF 子 IFD 无效：" + damage);
        var uc = exif.FirstOrDefault(e => e.Tag == UserComment);
        if (uc is null) return (null, null, null);
        var value = TryReadValue(s, tiffBase, uc, 1024 * 1024);
        if (value is null) return (null, uc, "EXIF UserComment 超出范围");
        return (DecodeUserComment(value, be), uc, null);
    }
}
