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
    /// <summary>In <c>data[from..to)</c>: the <c>\n</c>s and the ends of non-empty lines.</summary>
    public static (int Newlines, int NonEmpty) Count(ReadOnlySpan<byte> data, int from, int to)
    {
        Scan(data, from, to, int.MaxValue, out var newlines, out var nonEmpty);
        return (newlines, nonEmpty);
    }

    /// <summary>The position of the end of the non-empty line after <paramref name="skip"/> others in
    /// <c>data[from..to)</c>, with the number of <c>\n</c>s before it from <paramref name="from"/>; -1 when there are
    /// not that many.</summary>
    public static int Find(ReadOnlySpan<byte> data, int from, int to, int skip, out int newlinesBefore) =>
        Scan(data, from, to, skip, out newlinesBefore, out _);

    // Compiled fully optimised at once (a sample is one short process; see Utf8KeywordMatcher.FindAll).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Scan(ReadOnlySpan<byte> data, int from, int to, int stopAfter, out int newlines, out int nonEmpty)
    {
        ref var start = ref MemoryMarshal.GetReference(data);
        // Bit 63 stands for the byte just before the block, bit 62 for the one before that.
        var prevNl = (data[from - 1] == '\n' ? 1UL << 63 : 0) | (data[from - 2] == '\n' ? 1UL << 62 : 0);
        var prevCr = data[from - 1] == '\r' ? 1UL << 63 : 0;
        newlines = 0;
        nonEmpty = 0;
        var i = from;
        for (; i + 64 <= to; i += 64)
        {
            var (nl, cr) = Masks(ref Unsafe.Add(ref start, i));
            var after1 = (nl << 1) | (prevNl >> 63);
            var after2 = (nl << 2) | (prevNl >> 62);
            var afterCr = (cr << 1) | (prevCr >> 63);
            var ends = nl & ~(after1 | (afterCr & after2));
            var count = BitOperations.PopCount(ends);
            if (nonEmpty + count > stopAfter)
            {
                for (var r = stopAfter - nonEmpty; r > 0; r--) ends &= ends - 1;
                var bit = BitOperations.TrailingZeroCount(ends);
                newlines += BitOperations.PopCount(nl & ((1UL << bit) - 1));
                nonEmpty = stopAfter;
                return i + bit;
            }
            nonEmpty += count;
            newlines += BitOperations.PopCount(nl);
            prevNl = nl;
            prevCr = cr;
        }
        for (; i < to; i++)
        {
            if (data[i] != '\n') continue;
            if (!(data[i - 1] == '\n' || (data[i - 1] == '\r' && data[i - 2] == '\n')))
            {
                if (nonEmpty == stopAfter) return i;
                nonEmpty++;
            }
            newlines++;
        }
        return -1;
    }

    /// <summary>Bit j set where byte j of the 64 is <c>\n</c> (first mask) or <c>\r</c> (second).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (ulong Nl, ulong Cr) Masks(ref byte at)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            var v = Vector512.LoadUnsafe(ref at);
            return (Vector512.Equals(v, Vector512.Create((byte)'\n')).ExtractMostSignificantBits(),
                Vector512.Equals(v, Vector512.Create((byte)'\r')).ExtractMostSignificantBits());
        }
        if (Vector256.IsHardwareAccelerated)
        {
            var lo = Vector256.LoadUnsafe(ref at);
            var hi = Vector256.LoadUnsafe(ref at, 32);
            var nl = Vector256.Create((byte)'\n');
            var cr = Vector256.Create((byte)'\r');
            ulong Bits(Vector256<byte> half, Vector256<byte> of) => Vector256.Equals(half, of).ExtractMostSignificantBits();
            return (Bits(lo, nl) | Bits(hi, nl) << 32, Bits(lo, cr) | Bits(hi, cr) << 32);
        }
        ulong n = 0, c = 0;
        for (nuint part = 0; part < 4; part++)
        {
            var v = Vector128.LoadUnsafe(ref at, part * 16);
            n |= (ulong)Vector128.Equals(v, Vector128.Create((byte)'\n')).ExtractMostSignificantBits() << (int)(part * 16);
            c |= (ulong)Vector128.Equals(v, Vector128.Create((byte)'\r')).ExtractMostSignificantBits() << (int)(part * 16);
        }
        return (n, c);
    }
}
