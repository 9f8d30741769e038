using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Suanbei.GenAi.Corpus;

/// <summary>
/// Counts line ends 64 bytes at a time (vector compares to bit masks): every <c>\n</c>, and those that end a non-empty
/// line — a line of nothing or of a lone <c>\r</c> is empty, and the sample leaves it out. The two bytes before the
/// first counted byte must be in the span (a caller puts <c>"\n\n"</c> before a file's first byte).
/// </summary>
internal static class LineCounter
{
    /// <summary>The unit the scanner keeps counts for: a kept line is searched for only within its block.</summary>
    public const int Block = 4096;

    /// <summary>In <c>data[from..to)</c>: the <c>\n</c>s and the ends of non-empty lines.</summary>
    public static (int Newlines, int NonEmpty) Count(ReadOnlySpan<byte> data, int from, int to)
    {
        Span<int> newlines = [0], nonEmpty = [0];
        CountBlocks(data, from, to, int.MaxValue, newlines, nonEmpty);
        return (newlines[0], nonEmpty[0]);
    }

    /// <summary>The counts of each <see cref="Block"/> of <c>data[from..to)</c> (the last one may be shorter), into
    /// <paramref name="newlines"/> and <paramref name="nonEmpty"/>.</summary>
    public static void CountBlocks(ReadOnlySpan<byte> data, int from, int to, Span<int> newlines, Span<int> nonEmpty) =>
        CountBlocks(data, from, to, Block, newlines, nonEmpty);

    // Each 64 bytes are compared to "\n" and "\r" straight into bit masks: the "\n"s are counted, and a "\n" right
    // after a "\n" or a "\r" is noted (the masks of the 64 bytes before carried along, as in the C floor in
    // bench/genai-reservoir.sh): only such a "\n" can end an empty line, so only a block that has one (rare in a
    // corpus; every block of a CRLF file) is counted again exactly. One load per 64 bytes: summing compare vectors in
    // byte lanes also loaded the 64 bytes one byte back, unaligned, every time.
    // Compiled fully optimised at once (a sample is one short process; see Utf8KeywordMatcher.FindAll).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CountBlocks(ReadOnlySpan<byte> data, int from, int to, int block, Span<int> newlines,
        Span<int> nonEmpty)
    {
        for (var b = 0; from + (long)b * block < to; b++)
        {
            var i = from + b * block;
            var end = (int)Math.Min(to, (long)i + block);
            int lines = 0, empty = 0;
            for (; i < end; i += Block)
            {
                var stop = (int)Math.Min(end, (long)i + Block);
                var (l, e) = CountPiece(data, i, stop);
                lines += l;
                empty += e;
            }
            newlines[b] = lines;
            nonEmpty[b] = lines - empty;
        }
    }

    /// <summary>The <c>\n</c>s and the empty lines' <c>\n</c>s of <c>data[from..to)</c>, at most
    /// <see cref="Block"/> bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (int Lines, int Empty) CountPiece(ReadOnlySpan<byte> data, int from, int to)
    {
        // Without wide vectors every piece takes the exact count.
        if (!Vector512.IsHardwareAccelerated && !Vector256.IsHardwareAccelerated) return CountExact(data, from, to);
        ref var start = ref MemoryMarshal.GetReference(data);
        var i = from;
        var lines = 0;
        var prevAny = data[from - 1] is (byte)'\n' or (byte)'\r' ? 1UL << 63 : 0;
        ulong suspect = 0;
        for (; i + 64 <= to; i += 64)
        {
            var (nl, any) = Masks(ref Unsafe.Add(ref start, i));
            lines += BitOperations.PopCount(nl);
            suspect |= nl & ((any << 1) | (prevAny >> 63));
            prevAny = any;
        }
        if (suspect != 0) return CountExact(data, from, to);
        var empty = 0;
        for (; i < to; i++)
        {
            if (data[i] != '\n') continue;
            lines++;
            if (data[i - 1] == '\n' || (data[i - 1] == '\r' && data[i - 2] == '\n')) empty++;
        }
        return (lines, empty);
    }

    /// <summary>As <see cref="CountPiece"/>, each <c>\n</c> tested for ending an empty line: 64 bytes at a time as
    /// bit masks, the masks of the previous 64 bytes carried along.</summary>
    private static (int Lines, int Empty) CountExact(ReadOnlySpan<byte> data, int from, int to)
    {
        ref var start = ref MemoryMarshal.GetReference(data);
        // Bit 63 stands for the byte just before the 64, bit 62 for the one before that.
        var prevNl = (data[from - 1] == '\n' ? 1UL << 63 : 0) | (data[from - 2] == '\n' ? 1UL << 62 : 0);
        var prevAny = prevNl | (data[from - 1] == '\r' ? 1UL << 63 : 0);
        int lines = 0, empty = 0;
        var i = from;
        for (; i + 64 <= to; i += 64)
        {
            var (nl, any) = Masks(ref Unsafe.Add(ref start, i));
            lines += BitOperations.PopCount(nl);
            if ((nl & ((any << 1) | (prevAny >> 63))) != 0) empty += BitOperations.PopCount(EmptyLineEnds(nl, any, prevNl, prevAny));
            prevNl = nl;
            prevAny = any;
        }
        for (; i < to; i++)
        {
            if (data[i] != '\n') continue;
            lines++;
            if (data[i - 1] == '\n' || (data[i - 1] == '\r' && data[i - 2] == '\n')) empty++;
        }
        return (lines, empty);
    }

    /// <summary>The position of the end of the non-empty line after <paramref name="skip"/> others in
    /// <c>data[from..to)</c>, with the number of <c>\n</c>s before it from <paramref name="from"/>; -1 when there are
    /// not that many.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Find(ReadOnlySpan<byte> data, int from, int to, int skip, out int newlinesBefore)
    {
        ref var start = ref MemoryMarshal.GetReference(data);
        var prevNl = (data[from - 1] == '\n' ? 1UL << 63 : 0) | (data[from - 2] == '\n' ? 1UL << 62 : 0);
        var prevAny = prevNl | (data[from - 1] == '\r' ? 1UL << 63 : 0);
        int lines = 0, found = 0;
        var i = from;
        for (; i + 64 <= to; i += 64)
        {
            var (nl, any) = Masks(ref Unsafe.Add(ref start, i));
            var ends = nl & ~EmptyLineEnds(nl, any, prevNl, prevAny);
            var count = BitOperations.PopCount(ends);
            if (found + count > skip)
            {
                for (var r = skip - found; r > 0; r--) ends &= ends - 1;
                var bit = BitOperations.TrailingZeroCount(ends);
                newlinesBefore = lines + BitOperations.PopCount(nl & ((1UL << bit) - 1));
                return i + bit;
            }
            found += count;
            lines += BitOperations.PopCount(nl);
            prevNl = nl;
            prevAny = any;
        }
        for (; i < to; i++)
        {
            if (data[i] != '\n') continue;
            if (!(data[i - 1] == '\n' || (data[i - 1] == '\r' && data[i - 2] == '\n')))
            {
                if (found == skip)
                {
                    newlinesBefore = lines;
                    return i;
                }
                found++;
            }
            lines++;
        }
        newlinesBefore = lines;
        return -1;
    }

    /// <summary>The <c>\n</c>s of the 64 bytes that end an empty line: right after a <c>\n</c>, or after a <c>\r</c>
    /// right after a <c>\n</c>. <paramref name="any"/> has the <c>\r</c>s and the <c>\n</c>s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong EmptyLineEnds(ulong nl, ulong any, ulong prevNl, ulong prevAny)
    {
        var cr = any & ~nl;
        var prevCr = prevAny & ~prevNl;
        var after1 = (nl << 1) | (prevNl >> 63);
        var after2 = (nl << 2) | (prevNl >> 62);
        var afterCr = (cr << 1) | (prevCr >> 63);
        return nl & (after1 | (afterCr & after2));
    }

    /// <summary>Bit j set where byte j of the 64 is <c>\n</c> (first mask), or <c>\n</c> or <c>\r</c> (second).</summary>
    /// <remarks>Each compare goes straight to a bit mask (with AVX-512 a mask register): or-ing the compare vectors
    /// first made the compiler turn masks back into vectors and back again.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (ulong Nl, ulong Any) Masks(ref byte at)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            var v = Vector512.LoadUnsafe(ref at);
            var nl = Vector512.Equals(v, Vector512.Create((byte)'\n')).ExtractMostSignificantBits();
            return (nl, nl | Vector512.Equals(v, Vector512.Create((byte)'\r')).ExtractMostSignificantBits());
        }
        if (Vector256.IsHardwareAccelerated)
        {
            var lo = Vector256.LoadUnsafe(ref at);
            var hi = Vector256.LoadUnsafe(ref at, 32);
            var newline = Vector256.Create((byte)'\n');
            var carriageReturn = Vector256.Create((byte)'\r');
            var nl = Vector256.Equals(lo, newline).ExtractMostSignificantBits()
                | (ulong)Vector256.Equals(hi, newline).ExtractMostSignificantBits() << 32;
            var cr = Vector256.Equals(lo, carriageReturn).ExtractMostSignificantBits()
                | (ulong)Vector256.Equals(hi, carriageReturn).ExtractMostSignificantBits() << 32;
            return (nl, nl | cr);
        }
        ulong n = 0, c = 0;
        for (nuint part = 0; part < 4; part++)
        {
            var v = Vector128.LoadUnsafe(ref at, part * 16);
            n |= (ulong)Vector128.Equals(v, Vector128.Create((byte)'\n')).ExtractMostSignificantBits() << (int)(part * 16);
            c |= (ulong)Vector128.Equals(v, Vector128.Create((byte)'\r')).ExtractMostSignificantBits() << (int)(part * 16);
        }
        return (n, n | c);
    }
}
