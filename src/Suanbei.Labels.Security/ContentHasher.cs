using System.Security.Cryptography;

namespace Suanbei.Labels.Security;

/// <summary>Hashes what is written with the hash named by OID (SHA-256 or SM3); memory does not grow with the file.
/// <see cref="ContentHash"/> feeds it the content bytes of a labelled file.</summary>
public sealed class ContentHasher : HashingStream
{
    private readonly IncrementalHash? _sha256;
    private readonly Sm3? _sm3;

    public ContentHasher(string hashOid)
    {
        if (hashOid == SignatureAlgorithm.P256.HashOid) _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        else if (hashOid == SignatureAlgorithm.Sm2.HashOid) _sm3 = new Sm3();
        else throw new SecurityDataException($"不支持的哈希算法 OID {hashOid}");
    }

    /// <summary>The hash of the content bytes of <paramref name="path"/> (its label excluded, see IContentDigest).</summary>
    public static byte[] ContentHash(string path, string hashOid)
    {
        using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var format = LabelFile.Detect(input, Path.GetExtension(path)) ?? throw new LabelWriteException("无法识别的文件格式");
        if (format is not IContentDigest digest)
            throw new LabelWriteException($"{format.Name} 格式尚不支持内容绑定（未定义签名覆盖的字节）");
        using var hasher = new ContentHasher(hashOid);
        digest.WriteContentForHash(input, hasher);
        return hasher.Finish();
    }

    public override byte[] Finish()
    {
        if (_sha256 is not null) return _sha256.GetHashAndReset();
        return _sm3!.GetHashAndReset();
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_sha256 is not null) _sha256.AppendData(buffer);
        else _sm3!.Append(buffer);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _sha256?.Dispose();
        base.Dispose(disposing);
    }
}
