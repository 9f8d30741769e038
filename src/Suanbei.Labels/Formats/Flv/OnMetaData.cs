using System.Buffers.Binary;
using System.Text;

namespace Suanbei.Labels.Formats.Flv;

/// <summary>One top-level entry of onMetaData: its raw bytes [<see cref="Start"/>, <see cref="End"/>) in the tag data
/// (key and value), and the text when the value is an AMF0 string or long string.</summary>
internal sealed record AmfPair(string Key, int Start, int End, string? Text);

/// <summary>
/// The AMF0 script data of an FLV <c>onMetaData</c> tag: the name, an ECMA array or object of entries, and the offsets
/// of the numbers in <c>keyframes.filepositions</c> (absolute file offsets that tools such as yamdi and flvmeta
/// write, shifted when the tag changes size). Parsing is bounded by the tag data and by nesting depth.
/// </summary>
internal sealed class OnMetaData
{
    public const string ScriptName = "onMetaData";
    private const int MaxDepth = 16;

    public required List<AmfPair> Pairs { get; init; }
    public required List<int> FilePositions { get; init; }

    /// <summary>Bytes after the entries' end marker (further script values), kept as they are.</summary>
    public required int TrailerStart { get; init; }

    /// <summary>Null when <paramref name="data"/> is not an onMetaData script (another script name) — no error; an
    /// error when it is one but malformed.</summary>
    public static OnMetaData? Parse(byte[] data, out string? error)
    {
        error = null;
        var pos = 0;
        if (data.Length < 3 || data[0] != 2) return null;
        var nameLength = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(1));
        if (3 + nameLength > data.Length || Encoding.ASCII.GetString(data, 3, nameLength) != ScriptName) return null;
        pos = 3 + nameLength;
        if (pos >= data.Length || data[pos] is not (3 or 8)) { error = "onMetaData 的值不是 ECMA 数组或对象"; return null; }
        pos += data[pos] == 8 ? 5 : 1;
        var pairs = new List<AmfPair>();
        var filePositions = new List<int>();
        while (true)
        {
            if (pos + 3 > data.Length) { error = "onMetaData 缺少结束标记"; return null; }
            var keyLength = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(pos));
            if (keyLength == 0 && data[pos + 2] == 9) { pos += 3; break; }
            var start = pos;
            if (pos + 2 + keyLength > data.Length) { error = "onMetaData 的键越界"; return null; }
            var key = Encoding.UTF8.GetString(data, pos + 2, keyLength);
            pos += 2 + keyLength;
            var valueStart = pos;
            var positions = key == "keyframes" ? filePositions : null;
            if (!Skip(data, ref pos, 0, positions, inFilePositions: false)) { error = $"onMetaData 的值 {key} 无法解析"; return null; }
            string? text = null;
            if (data[valueStart] == 2) text = Encoding.UTF8.GetString(data, valueStart + 3, pos - valueStart - 3);
            else if (data[valueStart] == 12) text = Encoding.UTF8.GetString(data, valueStart + 5, pos - valueStart - 5);
            pairs.Add(new AmfPair(key, start, pos, text));
        }
        return new OnMetaData { Pairs = pairs, FilePositions = filePositions, TrailerStart = pos };
    }

    /// <summary>Skips one AMF0 value; records the offsets of numbers under a <c>filepositions</c> key when
    /// <paramref name="positions"/> is given (inside <c>keyframes</c>).</summary>
    private static bool Skip(byte[] d, ref int pos, int depth, List<int>? positions, bool inFilePositions)
    {
        if (depth > MaxDepth || pos >= d.Length) return false;
        var type = d[pos++];
        switch (type)
        {
            case 0:
                if (inFilePositions) positions?.Add(pos);
                return Advance(d, ref pos, 8);
            case 1: return Advance(d, ref pos, 1);
            case 2: return pos + 2 <= d.Length && Advance(d, ref pos, 2 + BinaryPrimitives.ReadUInt16BigEndian(d.AsSpan(pos)));
            case 12 or 15:
                return pos + 4 <= d.Length && Advance(d, ref pos, 4 + (long)BinaryPrimitives.ReadUInt32BigEndian(d.AsSpan(pos)));
            case 5 or 6 or 13: return true;
            case 7: return Advance(d, ref pos, 2);
            case 11: return Advance(d, ref pos, 10);
            case 3 or 8:
                if (type == 8 && !Advance(d, ref pos, 4)) return false;
                while (true)
                {
                    if (pos + 3 > d.Length) return false;
                    var keyLength = BinaryPrimitives.ReadUInt16BigEndian(d.AsSpan(pos));
                    if (keyLength == 0 && d[pos + 2] == 9) { pos += 3; return true; }
                    if (pos + 2 + keyLength > d.Length) return false;
                    var isPositions = positions is not null && Encoding.ASCII.GetString(d, pos + 2, keyLength) == "filepositions";
                    pos += 2 + keyLength;
                    if (!Skip(d, ref pos, depth + 1, positions, isPositions)) return false;
                }
            case 10:
                if (pos + 4 > d.Length) return false;
                var count = BinaryPrimitives.ReadUInt32BigEndian(d.AsSpan(pos));
                pos += 4;
                if (count > d.Length) return false;
                for (var i = 0; i < count; i++)
                    if (!Skip(d, ref pos, depth + 1, positions, inFilePositions)) return false;
                return true;
            default: return false;
        }
    }

    private static bool Advance(byte[] d, ref int pos, long count)
    {
        if (pos + count > d.Length) return false;
        pos += (int)count;
        return true;
    }
}
