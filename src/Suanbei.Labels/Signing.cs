using System.Security.Cryptography;

namespace Suanbei.Labels;

/// <summary>
/// Optional security data (TC260 security guide): an ECDSA P-256 signature over SHA-256 of the file's content with
/// the label excluded (<see cref="IContentDigest"/>), stored in ReservedCode1 as base64url without padding
/// (86 characters, all within the Annex E value character set). The signature is IEEE P1363 r‖s (64 bytes).
/// </summary>
public static class Signing
{
    public const int SignatureLength = 86;

    /// <summary>SHA-256 of the content with every label-carrying unit excluded.</summary>
    public static byte[] ContentHash(string path)
    {
        using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var format = LabelFile.Detect(input, Path.GetExtension(path)) ?? throw new LabelWriteException("无法识别的文件格式");
        if (format is not IContentDigest digest)
            throw new LabelWriteException($"{format.Name} 格式尚不支持签名（未定义签名覆盖的字节）");
        using var hashing = new Sha256Stream();
        digest.WriteContentForHash(input, hashing);
        return hashing.Finish();
    }

    public static string Sign(byte[] sha256, ECDsa privateKey) =>
        Base64Url(privateKey.SignHash(sha256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));

    public static bool Verify(byte[] sha256, string signature, ECDsa publicKey)
    {
        try
        {
            var sig = FromBase64Url(signature);
            return sig.Length == 64 && publicKey.VerifyHash(sha256, sig, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
        catch (FormatException) { return false; }
    }

    public static ECDsa LoadKey(string pemPath)
    {
        var key = ECDsa.Create();
        try { key.ImportFromPem(File.ReadAllText(pemPath)); }
        catch (ArgumentException e)
        {
            key.Dispose();
            throw new LabelWriteException($"密钥文件 {pemPath} 不是有效的 PEM 格式 EC 密钥：{e.Message}");
        }
        if (key.KeySize != 256) { key.Dispose(); throw new LabelWriteException("密钥须为 ECDSA P-256"); }
        return key;
    }

    /// <summary>
    /// Writes <paramref name="label"/> signed into <paramref name="output"/>: first with an empty ReservedCode1 (so the
    /// label-carrying unit exists where it will stay), then hashes the content, then rewrites the label with the
    /// signature (and, on first write, the same value in ReservedCode2). Both steps are atomic.
    /// </summary>
    public static AigcLabel SignFile(string input, string output, AigcLabel label, ECDsa privateKey)
    {
        var firstWrite = label.ReservedCode2 == label.ReservedCode1;
        LabelFile.Write(input, output, label with { ReservedCode1 = "" });
        var signature = Sign(ContentHash(output), privateKey);
        var signed = label with { ReservedCode1 = signature, ReservedCode2 = firstWrite ? signature : label.ReservedCode2 };
        var full = Path.GetFullPath(output);
        // Named as a temp file, so a killed signing run leaves nothing that the next write would not remove.
        var second = TempFiles.NewPathFor(full);
        try
        {
            LabelFile.Write(full, second, signed, validate: true, readBackExtension: Path.GetExtension(full));
            File.Move(second, full, overwrite: true);
        }
        finally { if (File.Exists(second)) File.Delete(second); }
        return signed;
    }

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] FromBase64Url(string s)
    {
        var b = s.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(b + new string('=', (4 - b.Length % 4) % 4));
    }

    /// <summary>SHA-256 of what is written.</summary>
    private sealed class Sha256Stream : HashingStream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        public override byte[] Finish() => _hash.GetHashAndReset();
        public override void Write(ReadOnlySpan<byte> buffer) => _hash.AppendData(buffer);
        protected override void Dispose(bool disposing) { if (disposing) _hash.Dispose(); base.Dispose(disposing); }
    }
}
