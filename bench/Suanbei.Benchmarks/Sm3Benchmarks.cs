using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Org.BouncyCastle.Crypto.Digests;
using Suanbei.Labels.Security;

namespace Suanbei.Benchmarks;

/// <summary>
/// The hash of a content binding without I/O: SM3 (ours, and BouncyCastle's that it replaced) and SHA-256 (.NET,
/// the CPU's SHA extensions where present) over one 64 MiB buffer in memory. MB/s = 64 MiB / the mean; OpenSSL's
/// figure for the same work is <c>openssl speed -evp sm3</c> (bench/label-sign.sh prints both).
/// Run: <c>dotnet run -c Release --project bench/Suanbei.Benchmarks -- --filter '*Sm3Benchmarks*'</c>.
/// </summary>
public class Sm3Benchmarks
{
    private readonly byte[] _data = new byte[64 << 20];

    [GlobalSetup]
    public void Setup() => new Random(32905).NextBytes(_data);

    [Benchmark(Baseline = true)]
    public byte[] Sm3Suanbei() => Sm3.HashData(_data);

    [Benchmark]
    public byte[] Sm3BouncyCastle()
    {
        var digest = new SM3Digest();
        digest.BlockUpdate(_data, 0, _data.Length);
        var hash = new byte[digest.GetDigestSize()];
        digest.DoFinal(hash, 0);
        return hash;
    }

    [Benchmark]
    public byte[] Sha256Dotnet() => SHA256.HashData(_data);
}
