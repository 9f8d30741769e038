using System.Buffers.Binary;
using System.Text;
using Suanbei.Labels.Formats.Io;

namespace Suanbei.Labels.Formats.VorbisComment;

/// <summary>
/// A Vorbis comment list (shared by FLAC VORBIS_COMMENT blocks, Ogg Vorbis and OpusTags): vendor string and
/// "KEY=value" entries, little-endian lengths. Parsing is bounded by the buffer it is given.
/// </summary>
internal sealed record VorbisComments(byte[] Vendor, List<byte[]> Entries)
{
    /// <summary>Parses from the start of <paramref name="data"/>; <paramref name="consumed"/> is the list's length
    /// (so what follows — Vorbis framing bit, Opus padding — can be kept).</summary>
    public static VorbisComments? Parse(ReadOnlySpan<byte> data, out int consumed, out string? error)
    {
        consumed = 0;
        error = null;
        if (data.Length < 8) { error = "注释块过短"; return null; }
        var vendorLength = BinaryPrimitives.ReadUInt32LittleEndian(data);
        if (vendorLength > data.Length - 8) { error = "vendor 长度超出注释块"; return null; }
        var pos = 4 + (int)vendorLength;
        var vendor = data[4..pos].ToArray();
        var count = BinaryPrimitives.ReadUInt32LittleEndian(data[pos..]);
        pos += 4;
        if (count > (data.Length - pos) / 4) { error = "注释条目数超出注释块"; return null; }
        var entries = new List<byte[]>((int)count);
        for (var i = 0; i < count; i++)
        {
            if (data.Length - pos < 4) { error = "注释条目被截断"; return null; }
            var length = BinaryPrimitives.ReadUInt32LittleEndian(data[pos..]);
            pos += 4;
            if (length > data.Length - pos) { error = "注释条目长度超出注释块"; return null; }
            entries.Add(data.Slice(pos, (int)length).ToArray());
            pos += (int)length;
        }
        consumed = pos;
        return new VorbisComments(vendor, entries);
    }

    public static bool IsLabel(byte[] entry, out string value)
    {
        value = "";
        var eq = Array.IndexOf(entry, (byte)'=');
        if (eq < 0 || !AigcKey.Matches(Encoding.ASCII.GetString(entry, 0, eq))) return false;
        value = Encoding.UTF8.GetString(entry, eq + 1, entry.Length - eq - 1);
        return true;
    }

    public IEnumerable<string> LabelValues() =>
        Entries.Select(e => IsLabel(e, out var v) ? v : null).OfType<string>();

    /// <summary>A copy without AIGC entries and with <paramref name="label"/> as the one AIGC entry.</summary>
    public VorbisComments WithLabel(AigcLabel label) =>
        new(Vendor, [.. Entries.Where(e => !IsLabel(e, out _)), Encoding.UTF8.GetBytes(AigcKey.Name + "=" + label.ToJson())]);

    /// <summary>A copy without AIGC entries (the part of a comment list a signature covers).</summary>
    public VorbisComments WithoutLabels() => this with { Entries = Entries.Where(e => !IsLabel(e, out _)).ToList() };

    public static VorbisComments Empty(string vendor) => new(Encoding.UTF8.GetBytes(vendor), []);

    public byte[] ToBytes()
    {
        using var ms = new MemoryStream();
        IntegerWrites.WriteU32LE(ms, (uint)Vendor.Length);
        ms.Write(Vendor);
        IntegerWrites.WriteU32LE(ms, (uint)Entries.Count);
        foreach (var e in Entries) { IntegerWrites.WriteU32LE(ms, (uint)e.Length); ms.Write(e); }
        return ms.ToArray();
    }
}
