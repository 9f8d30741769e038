using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Suanbei.Labels.Security;

/// <summary>
/// SM3 (GB/T 32905-2016), incremental. Written here because hashing is the whole cost of signing a large file and
/// BouncyCastle's managed SM3 ran at about half the speed of <c>openssl dgst -sm3</c>. What makes it as fast as
/// OpenSSL's C (BENCHMARKS.md): the message expansion runs four words at a time in 128-bit vectors, interleaved with
/// the scalar rounds so that it fills execution units the rounds leave idle (as a separate pass, or as scalar code
/// inside the rounds, it cost a third of the time); the rounds keep the eight state words in registers, rename them
/// instead of shifting (four rounds per step, as OpenSSL's C does), and add each round's terms so that the one
/// arriving last is added last (the dependency chain through E bounds the speed). Checked against the standard's two
/// examples and against BouncyCastle over random inputs.
/// </summary>
public sealed class Sm3
{
    public const int HashSize = 32;
    private const int BlockSize = 64;

    private readonly uint[] _state = new uint[8];
    /// <summary>W_0…W_67 then W′_0…W′_63 of the block being compressed.</summary>
    private readonly uint[] _schedule = new uint[68 + 64];
    private readonly byte[] _pending = new byte[BlockSize];
    private readonly bool _vectorSchedule;
    private int _pendingCount;
    private ulong _totalBytes;

    public Sm3() : this(Vector128.IsHardwareAccelerated) { }

    /// <summary>With <paramref name="vectorSchedule"/> false, the message schedule is computed by scalar code (where
    /// 128-bit vectors are emulated in software and would be slow; tests use it to check that path).</summary>
    internal Sm3(bool vectorSchedule)
    {
        _vectorSchedule = vectorSchedule;
        Reset();
    }

    /// <summary>The SM3 hash of <paramref name="data"/>.</summary>
    public static byte[] HashData(ReadOnlySpan<byte> data)
    {
        var sm3 = new Sm3();
        sm3.Append(data);
        return sm3.GetHashAndReset();
    }

    public void Append(ReadOnlySpan<byte> data)
    {
        _totalBytes += (ulong)data.Length;
        if (_pendingCount > 0)
        {
            var take = Math.Min(BlockSize - _pendingCount, data.Length);
            data[..take].CopyTo(_pending.AsSpan(_pendingCount));
            _pendingCount += take;
            data = data[take..];
            if (_pendingCount < BlockSize) return;
            Compress(_pending);
            _pendingCount = 0;
        }
        var whole = data.Length - data.Length % BlockSize;
        if (whole > 0) Compress(data[..whole]);
        data[whole..].CopyTo(_pending);
        _pendingCount = data.Length - whole;
    }

    /// <summary>The hash of everything appended since the last reset; the instance then starts over.</summary>
    public byte[] GetHashAndReset()
    {
        // Padding as in SHA-256: 0x80, zeros to 56 mod 64, the message length in bits (64-bit big-endian).
        Span<byte> tail = stackalloc byte[2 * BlockSize];
        tail.Clear();
        _pending.AsSpan(0, _pendingCount).CopyTo(tail);
        tail[_pendingCount] = 0x80;
        var length = _pendingCount + 1 + 8 <= BlockSize ? BlockSize : 2 * BlockSize;
        BinaryPrimitives.WriteUInt64BigEndian(tail[(length - 8)..], _totalBytes * 8);
        Compress(tail[..length]);
        var hash = new byte[HashSize];
        for (var i = 0; i < 8; i++) BinaryPrimitives.WriteUInt32BigEndian(hash.AsSpan(4 * i), _state[i]);
        Reset();
        return hash;
    }

    private void Reset()
    {
        ReadOnlySpan<uint> iv = [0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600, 0xa96f30bc, 0x163138aa, 0xe38dee4d, 0xb0fb0e4e];
        iv.CopyTo(_state);
        _pendingCount = 0;
        _totalBytes = 0;
    }

    /// <summary>T_j rotated left by j mod 32, as each round adds it.</summary>
    private static ReadOnlySpan<uint> RotatedT =>
    [
        0x79cc4519, 0xf3988a32, 0xe7311465, 0xce6228cb, 0x9cc45197, 0x3988a32f, 0x7311465e, 0xe6228cbc,
        0xcc451979, 0x988a32f3, 0x311465e7, 0x6228cbce, 0xc451979c, 0x88a32f39, 0x11465e73, 0x228cbce6,
        0x9d8a7a87, 0x3b14f50f, 0x7629ea1e, 0xec53d43c, 0xd8a7a879, 0xb14f50f3, 0x629ea1e7, 0xc53d43ce,
        0x8a7a879d, 0x14f50f3b, 0x29ea1e76, 0x53d43cec, 0xa7a879d8, 0x4f50f3b1, 0x9ea1e762, 0x3d43cec5,
        0x7a879d8a, 0xf50f3b14, 0xea1e7629, 0xd43cec53, 0xa879d8a7, 0x50f3b14f, 0xa1e7629e, 0x43cec53d,
        0x879d8a7a, 0x0f3b14f5, 0x1e7629ea, 0x3cec53d4, 0x79d8a7a8, 0xf3b14f50, 0xe7629ea1, 0xcec53d43,
        0x9d8a7a87, 0x3b14f50f, 0x7629ea1e, 0xec53d43c, 0xd8a7a879, 0xb14f50f3, 0x629ea1e7, 0xc53d43ce,
        0x8a7a879d, 0x14f50f3b, 0x29ea1e76, 0x53d43cec, 0xa7a879d8, 0x4f50f3b1, 0x9ea1e762, 0x3d43cec5,
    ];

    /// <summary>Compresses every whole 64-byte block of <paramref name="blocks"/> into the state.</summary>
    private void Compress(ReadOnlySpan<byte> blocks)
    {
        if (_vectorSchedule) Compress<VectorSchedule>(_state, _schedule, blocks);
        else Compress<ScalarSchedule>(_state, _schedule, blocks);
    }

    /// <summary>Which schedule code <see cref="Compress{TSchedule}"/> is compiled with (a type argument, so each
    /// compiled copy has only its own: a run-time flag tested per step cost 10 %).</summary>
    private readonly struct VectorSchedule;

    private readonly struct ScalarSchedule;

    private static void Compress<TSchedule>(uint[] state, uint[] schedule, ReadOnlySpan<byte> blocks) where TSchedule : struct
    {
        var vectors = typeof(TSchedule) == typeof(VectorSchedule);
        if (state.Length != 8 || schedule.Length != 68 + 64) throw new ArgumentException("SM3 state or schedule size");
        uint a = state[0], b = state[1], c = state[2], d = state[3], e = state[4], f = state[5], g = state[6], h = state[7];
        // No bounds check per round: the constants have 64 entries and the schedule 68 + 64, and every index below is
        // within them by construction (the loops' counts).
        ref var t = ref MemoryMarshal.GetReference(RotatedT);
        ref var w = ref MemoryMarshal.GetArrayDataReference(schedule);
        ref var wPrime = ref Unsafe.Add(ref w, 68);
        for (var offset = 0; offset + BlockSize <= blocks.Length; offset += BlockSize)
        {
            ref var m = ref Unsafe.Add(ref MemoryMarshal.GetReference(blocks), offset); // 64 bytes, checked by the loop
            // x0..x3 hold W_{j−16}..W_{j−1} while W_j..W_{j+3} are expanded.
            Vector128<uint> x0 = default, x1 = default, x2 = default, x3 = default;
            if (vectors)
            {
                x0 = BigEndianWords(Vector128.LoadUnsafe(ref m));
                x1 = BigEndianWords(Vector128.LoadUnsafe(ref m, 16));
                x2 = BigEndianWords(Vector128.LoadUnsafe(ref m, 32));
                x3 = BigEndianWords(Vector128.LoadUnsafe(ref m, 48));
                x0.StoreUnsafe(ref w, 0);
                x1.StoreUnsafe(ref w, 4);
                x2.StoreUnsafe(ref w, 8);
                x3.StoreUnsafe(ref w, 12);
            }
            else FillScheduleScalar(ref m, ref w);
            ref var tj = ref t;
            ref var wj = ref w;
            ref var wPrimeJ = ref wPrime;
            for (var step = 0; step < 16; step++)
            {
                // Rounds 4·step…4·step+3 read W_j and W′_j = W_j ⊕ W_{j+4}: W′ is stored here, W up to 16 words ahead.
                if (vectors && step < 13)
                {
                    var next = ExpandFour(x0, x1, x2, x3);
                    next.StoreUnsafe(ref wj, 16);
                    (x0 ^ x1).StoreUnsafe(ref wPrimeJ);
                    (x0, x1, x2, x3) = (x1, x2, x3, next);
                }
                else if (vectors && step == 13)
                {
                    (x0 ^ x1).StoreUnsafe(ref wPrimeJ);
                    (x1 ^ x2).StoreUnsafe(ref wPrimeJ, 4);
                    (x2 ^ x3).StoreUnsafe(ref wPrimeJ, 8);
                }
                if (step < 4) FourRounds1(ref a, ref b, ref c, ref d, ref e, ref f, ref g, ref h, ref tj, ref wj, ref wPrimeJ);
                else FourRounds2(ref a, ref b, ref c, ref d, ref e, ref f, ref g, ref h, ref tj, ref wj, ref wPrimeJ);
                tj = ref Unsafe.Add(ref tj, 4);
                wj = ref Unsafe.Add(ref wj, 4);
                wPrimeJ = ref Unsafe.Add(ref wPrimeJ, 4);
            }
            // The chaining values are read back from memory rather than kept in eight more registers.
            state[0] = a ^= state[0]; state[1] = b ^= state[1]; state[2] = c ^= state[2]; state[3] = d ^= state[3];
            state[4] = e ^= state[4]; state[5] = f ^= state[5]; state[6] = g ^= state[6]; state[7] = h ^= state[7];
        }
    }

    /// <summary>The whole schedule, W_0…W_67 and W′_0…W′_63, one word at a time.</summary>
    private static void FillScheduleScalar(ref byte block, ref uint w)
    {
        var bytes = MemoryMarshal.CreateReadOnlySpan(ref block, BlockSize);
        for (var j = 0; j < 16; j++) Unsafe.Add(ref w, j) = BinaryPrimitives.ReadUInt32BigEndian(bytes[(4 * j)..]);
        for (var j = 16; j < 68; j++)
        {
            var x = Unsafe.Add(ref w, j - 16) ^ Unsafe.Add(ref w, j - 9) ^ BitOperations.RotateLeft(Unsafe.Add(ref w, j - 3), 15);
            Unsafe.Add(ref w, j) = x ^ BitOperations.RotateLeft(x, 15) ^ BitOperations.RotateLeft(x, 23)
                ^ BitOperations.RotateLeft(Unsafe.Add(ref w, j - 13), 7) ^ Unsafe.Add(ref w, j - 6);
        }
        for (var j = 0; j < 64; j++) Unsafe.Add(ref w, 68 + j) = Unsafe.Add(ref w, j) ^ Unsafe.Add(ref w, j + 4);
    }

    /// <summary>W_j..W_{j+3} from W_{j−16}..W_{j−1} (four words per vector, oldest first):
    /// W_j = P1(W_{j−16} ⊕ W_{j−9} ⊕ (W_{j−3} ⋘ 15)) ⊕ (W_{j−13} ⋘ 7) ⊕ W_{j−6}. W_{j+3} needs W_j, computed in the
    /// same vector: its lane is first computed with W_j taken as zero, then corrected — P1 is linear over XOR, so the
    /// missing term is P1(W_j ⋘ 15).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<uint> ExpandFour(Vector128<uint> x0, Vector128<uint> x1, Vector128<uint> x2, Vector128<uint> x3)
    {
        var x = x0 ^ Concat(x1, x2, 3) ^ Rol(Concat(x3, Vector128<uint>.Zero, 1), 15);
        var next = P1(x) ^ Rol(Concat(x0, x1, 3), 7) ^ Concat(x2, x3, 2);
        return next ^ P1(Rol(Concat(Vector128<uint>.Zero, next, 1), 15));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<uint> P1(Vector128<uint> x) => x ^ Rol(x, 15) ^ Rol(x, 23);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<uint> Rol(Vector128<uint> x, [ConstantExpected] byte n) => Avx512F.VL.IsSupported
        ? Avx512F.VL.RotateLeft(x, n)
        : Vector128.ShiftLeft(x, n) | Vector128.ShiftRightLogical(x, 32 - n);

    /// <summary>Words <paramref name="skip"/>…skip+3 of the eight words <paramref name="low"/> then
    /// <paramref name="high"/>: one PALIGNR on x86, two shuffles elsewhere. Called with constants only, so the JIT
    /// keeps one branch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<uint> Concat(Vector128<uint> low, Vector128<uint> high, byte skip)
    {
        if (Ssse3.IsSupported)
        {
            var bytes = skip switch
            {
                1 => Ssse3.AlignRight(high.AsByte(), low.AsByte(), 4),
                2 => Ssse3.AlignRight(high.AsByte(), low.AsByte(), 8),
                _ => Ssse3.AlignRight(high.AsByte(), low.AsByte(), 12),
            };
            return bytes.AsUInt32();
        }
        // Shuffle gives zero for an index past the end (the wrapped negative ones too): each half fills its own lanes.
        var lanes = Vector128.Create(0u, 1, 2, 3) + Vector128.Create((uint)skip);
        return Vector128.Shuffle(low, lanes) | Vector128.Shuffle(high, lanes - Vector128.Create(4u));
    }

    /// <summary>Four big-endian words from 16 bytes. PSHUFB by name on x86: the Native AOT build (SSSE3 not in its
    /// baseline) compiles the portable Vector128.Shuffle to a software loop, which made the whole hash 1.5× slower.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<uint> BigEndianWords(Vector128<byte> bytes)
    {
        if (!BitConverter.IsLittleEndian) return bytes.AsUInt32();
        var swap = Vector128.Create((byte)3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12);
        return (Ssse3.IsSupported ? Ssse3.Shuffle(bytes, swap) : Vector128.Shuffle(bytes, swap)).AsUInt32();
    }

    /// <summary>Rounds j…j+3 of 0–15, the registers' roles rotating one place per round.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void FourRounds1(ref uint a, ref uint b, ref uint c, ref uint d, ref uint e, ref uint f, ref uint g,
        ref uint h, ref uint tj, ref uint wj, ref uint wPrimeJ)
    {
        Round1(a, ref b, c, ref d, e, ref f, g, ref h, tj, wj, wPrimeJ);
        Round1(d, ref a, b, ref c, h, ref e, f, ref g, Unsafe.Add(ref tj, 1), Unsafe.Add(ref wj, 1), Unsafe.Add(ref wPrimeJ, 1));
        Round1(c, ref d, a, ref b, g, ref h, e, ref f, Unsafe.Add(ref tj, 2), Unsafe.Add(ref wj, 2), Unsafe.Add(ref wPrimeJ, 2));
        Round1(b, ref c, d, ref a, f, ref g, h, ref e, Unsafe.Add(ref tj, 3), Unsafe.Add(ref wj, 3), Unsafe.Add(ref wPrimeJ, 3));
    }

    /// <summary>Rounds j…j+3 of 16–63.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void FourRounds2(ref uint a, ref uint b, ref uint c, ref uint d, ref uint e, ref uint f, ref uint g,
        ref uint h, ref uint tj, ref uint wj, ref uint wPrimeJ)
    {
        Round2(a, ref b, c, ref d, e, ref f, g, ref h, tj, wj, wPrimeJ);
        Round2(d, ref a, b, ref c, h, ref e, f, ref g, Unsafe.Add(ref tj, 1), Unsafe.Add(ref wj, 1), Unsafe.Add(ref wPrimeJ, 1));
        Round2(c, ref d, a, ref b, g, ref h, e, ref f, Unsafe.Add(ref tj, 2), Unsafe.Add(ref wj, 2), Unsafe.Add(ref wPrimeJ, 2));
        Round2(b, ref c, d, ref a, f, ref g, h, ref e, Unsafe.Add(ref tj, 3), Unsafe.Add(ref wj, 3), Unsafe.Add(ref wPrimeJ, 3));
    }

    /// <summary>One round without moving registers: the standard's renaming (D←C, C←B⋘9, B←A, A←TT1, H←G, G←F⋘19,
    /// F←E, E←P0(TT2)) becomes B⋘=9, D=TT1, F⋘=19, H=P0(TT2) with the caller rotating the roles. SS1 and the sums
    /// take what the previous round wrote last (E, then SS1), keeping it off the longer path.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Round1(uint a, ref uint b, uint c, ref uint d, uint e, ref uint f, uint g, ref uint h, uint tj,
        uint wj, uint wPrime)
    {
        var a12 = BitOperations.RotateLeft(a, 12);
        var ss1 = BitOperations.RotateLeft(a12 + tj + e, 7);
        var tt1 = (a ^ b ^ c) + d + wPrime + (ss1 ^ a12);
        var tt2 = (e ^ f ^ g) + h + wj + ss1;
        b = BitOperations.RotateLeft(b, 9);
        d = tt1;
        f = BitOperations.RotateLeft(f, 19);
        h = tt2 ^ BitOperations.RotateLeft(tt2, 9) ^ BitOperations.RotateLeft(tt2, 17);
    }

    /// <summary>Rounds 16–63: FF is the majority function, GG the choice function.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Round2(uint a, ref uint b, uint c, ref uint d, uint e, ref uint f, uint g, ref uint h, uint tj,
        uint wj, uint wPrime)
    {
        var a12 = BitOperations.RotateLeft(a, 12);
        var ss1 = BitOperations.RotateLeft(a12 + tj + e, 7);
        var tt1 = ((a & b) | ((a | b) & c)) + d + wPrime + (ss1 ^ a12);
        var tt2 = (((f ^ g) & e) ^ g) + h + wj + ss1;
        b = BitOperations.RotateLeft(b, 9);
        d = tt1;
        f = BitOperations.RotateLeft(f, 19);
        h = tt2 ^ BitOperations.RotateLeft(tt2, 9) ^ BitOperations.RotateLeft(tt2, 17);
    }
}
