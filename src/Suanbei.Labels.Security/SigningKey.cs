using System.Security.Cryptography;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;

namespace Suanbei.Labels.Security;

/// <summary>
/// An SM2 or P-256 key read from PEM (PKCS#8 "PRIVATE KEY", SEC 1 "EC PRIVATE KEY" or "PUBLIC KEY"); the curve's
/// OID in the key chooses the algorithm. P-256 runs on System.Security.Cryptography, SM2 on BouncyCastle.
/// </summary>
public sealed class SigningKey : IDisposable
{
    private readonly ECDsa? _ecdsa;
    private readonly ECPrivateKeyParameters? _sm2Private;
    private readonly ECPublicKeyParameters? _sm2Public;

    public SignatureAlgorithm Algorithm { get; }
    public bool HasPrivateKey { get; }

    /// <summary>base64url of the first <see cref="SecurityDataProfile.KeyIdBytes"/> bytes of SHA-256 over the
    /// SubjectPublicKeyInfo DER (id-ecPublicKey, named curve, uncompressed point).</summary>
    public string KeyId { get; }

    private SigningKey(ECDsa ecdsa, bool hasPrivate)
    {
        _ecdsa = ecdsa;
        Algorithm = SignatureAlgorithm.P256;
        HasPrivateKey = hasPrivate;
        KeyId = IdOf(ecdsa.ExportSubjectPublicKeyInfo());
    }

    private SigningKey(ECPrivateKeyParameters? priv, ECPublicKeyParameters pub)
    {
        _sm2Private = priv;
        _sm2Public = pub;
        Algorithm = SignatureAlgorithm.Sm2;
        HasPrivateKey = priv is not null;
        KeyId = IdOf(Sm2PublicInfo(pub).GetDerEncoded());
    }

    private static string IdOf(byte[] spki) => Signing.Base64Url(SHA256.HashData(spki)[..SecurityDataProfile.KeyIdBytes]);

    private static X9ECParameters Sm2Curve => GMNamedCurves.GetByOid(GMObjectIdentifiers.sm2p256v1);

    private static ECDomainParameters Sm2Domain => new ECNamedDomainParameters(GMObjectIdentifiers.sm2p256v1, Sm2Curve);

    private static SubjectPublicKeyInfo Sm2PublicInfo(ECPublicKeyParameters pub) =>
        new(new AlgorithmIdentifier(X9ObjectIdentifiers.IdECPublicKey, GMObjectIdentifiers.sm2p256v1), pub.Q.GetEncoded(false));

    public static SigningKey Generate(SignatureAlgorithm algorithm)
    {
        if (algorithm == SignatureAlgorithm.P256) return new SigningKey(ECDsa.Create(ECCurve.NamedCurves.nistP256), true);
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(Sm2Domain, new SecureRandom()));
        var pair = generator.GenerateKeyPair();
        return new SigningKey((ECPrivateKeyParameters)pair.Private, (ECPublicKeyParameters)pair.Public);
    }

    /// <summary>PKCS#8 PEM of the private key.</summary>
    public string ExportPrivateKeyPem()
    {
        if (!HasPrivateKey) throw new InvalidOperationException("no private key");
        if (_ecdsa is not null) return _ecdsa.ExportPkcs8PrivateKeyPem();
        var info = new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.IdECPublicKey, GMObjectIdentifiers.sm2p256v1),
            new ECPrivateKeyStructure(256, _sm2Private!.D, new DerBitString(_sm2Public!.Q.GetEncoded(false)), null));
        return new string(PemEncoding.Write("PRIVATE KEY", info.GetDerEncoded()));
    }

    /// <summary>SubjectPublicKeyInfo PEM of the public key.</summary>
    public string ExportPublicKeyPem() => _ecdsa is not null
        ? _ecdsa.ExportSubjectPublicKeyInfoPem()
        : new string(PemEncoding.Write("PUBLIC KEY", Sm2PublicInfo(_sm2Public!).GetDerEncoded()));

    /// <summary>Signs <paramref name="message"/> (hashed inside: SM3 with the SM2 Z value, or SHA-256); r‖s.</summary>
    public byte[] Sign(byte[] message)
    {
        if (!HasPrivateKey) throw new LabelWriteException("签名须用私钥，给定的是公钥");
        if (_ecdsa is not null)
            return _ecdsa.SignData(message, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        var signer = new SM2Signer(PlainDsaEncoding.Instance);
        signer.Init(true, new ParametersWithRandom(_sm2Private!, new SecureRandom()));
        signer.BlockUpdate(message, 0, message.Length);
        return signer.GenerateSignature();
    }

    public bool Verify(byte[] message, byte[] signature)
    {
        if (signature.Length != 64) return false;
        if (_ecdsa is not null)
            return _ecdsa.VerifyData(message, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        var verifier = new SM2Signer(PlainDsaEncoding.Instance);
        verifier.Init(false, _sm2Public!);
        verifier.BlockUpdate(message, 0, message.Length);
        return verifier.VerifySignature(signature);
    }

    /// <summary>For the older bare ES256 signatures (<see cref="Signing"/>), which need a .NET ECDsa.</summary>
    internal ECDsa? Ecdsa => _ecdsa;

    /// <summary>Reads a key file; throws <see cref="LabelWriteException"/> with a Chinese message naming the file.</summary>
    public static SigningKey Load(string pemPath)
    {
        var text = File.ReadAllText(pemPath);
        if (!PemEncoding.TryFind(text, out var fields))
            throw new LabelWriteException($"密钥文件 {pemPath} 不是 PEM 格式（应以 -----BEGIN PRIVATE KEY----- 或 -----BEGIN PUBLIC KEY----- 开头）");
        var label = text[fields.Label];
        byte[] der;
        try { der = Convert.FromBase64String(text[fields.Base64Data]); }
        catch (FormatException) { throw new LabelWriteException($"密钥文件 {pemPath} 的 PEM 内容不是有效的 base64"); }
        try { return FromDer(label, der, pemPath); }
        catch (LabelWriteException) { throw; }
        catch (Exception e) when (e is ArgumentException or InvalidCastException or IOException or CryptographicException
                                      or InvalidOperationException)
        {
            throw new LabelWriteException($"密钥文件 {pemPath} 无法解析（{label}）：{e.Message}");
        }
    }

    private static SigningKey FromDer(string label, byte[] der, string pemPath)
    {
        switch (label)
        {
            case "PRIVATE KEY":
                {
                    var info = PrivateKeyInfo.GetInstance(Asn1Object.FromByteArray(der));
                    var algorithm = Curve(info.PrivateKeyAlgorithm, pemPath);
                    if (algorithm == SignatureAlgorithm.P256) return FromEcdsa(e => e.ImportPkcs8PrivateKey(der, out _), true);
                    var priv = ECPrivateKeyStructure.GetInstance(info.ParsePrivateKey());
                    return Sm2FromPrivate(priv.GetKey());
                }
            case "EC PRIVATE KEY":
                {
                    var priv = ECPrivateKeyStructure.GetInstance(Asn1Object.FromByteArray(der));
                    var curve = priv.Parameters as DerObjectIdentifier
                        ?? throw new LabelWriteException($"密钥文件 {pemPath} 未以 OID 指明曲线");
                    var algorithm = SignatureAlgorithm.ByCurveOid(curve.Id) ?? throw UnknownCurve(curve.Id, pemPath);
                    if (algorithm == SignatureAlgorithm.P256) return FromEcdsa(e => e.ImportECPrivateKey(der, out _), true);
                    return Sm2FromPrivate(priv.GetKey());
                }
            case "PUBLIC KEY":
                {
                    var info = SubjectPublicKeyInfo.GetInstance(Asn1Object.FromByteArray(der));
                    var algorithm = Curve(info.Algorithm, pemPath);
                    if (algorithm == SignatureAlgorithm.P256) return FromEcdsa(e => e.ImportSubjectPublicKeyInfo(der, out _), false);
                    var q = Sm2Curve.Curve.DecodePoint(info.PublicKey.GetOctets());
                    return new SigningKey(null, new ECPublicKeyParameters(q, Sm2Domain));
                }
            default:
                throw new LabelWriteException($"密钥文件 {pemPath} 的类型 {label} 不受支持（应为 PRIVATE KEY、EC PRIVATE KEY 或 PUBLIC KEY）");
        }
    }

    private static SignatureAlgorithm Curve(AlgorithmIdentifier id, string pemPath)
    {
        // Some SM2 tools name the key algorithm by the curve OID itself rather than id-ecPublicKey + curve.
        if (id.Algorithm.Id == SignatureAlgorithm.Sm2.CurveOid) return SignatureAlgorithm.Sm2;
        if (!id.Algorithm.Equals(X9ObjectIdentifiers.IdECPublicKey))
            throw new LabelWriteException($"密钥文件 {pemPath} 不是椭圆曲线密钥（算法 OID {id.Algorithm.Id}）");
        var curve = id.Parameters as DerObjectIdentifier ?? throw new LabelWriteException($"密钥文件 {pemPath} 未以 OID 指明曲线");
        return SignatureAlgorithm.ByCurveOid(curve.Id) ?? throw UnknownCurve(curve.Id, pemPath);
    }

    private static LabelWriteException UnknownCurve(string oid, string pemPath) =>
        new($"密钥文件 {pemPath} 的曲线 OID {oid} 不受支持（支持 SM2 sm2p256v1 与 NIST P-256）");

    private static SigningKey FromEcdsa(Action<ECDsa> import, bool hasPrivate)
    {
        var ecdsa = ECDsa.Create();
        try { import(ecdsa); }
        catch { ecdsa.Dispose(); throw; }
        return new SigningKey(ecdsa, hasPrivate);
    }

    private static SigningKey Sm2FromPrivate(BigInteger d)
    {
        var domain = Sm2Domain;
        if (d.SignValue <= 0 || d.CompareTo(domain.N) >= 0) throw new LabelWriteException("SM2 私钥不在曲线阶的范围内");
        var q = domain.G.Multiply(d).Normalize();
        return new SigningKey(new ECPrivateKeyParameters(d, domain), new ECPublicKeyParameters(q, domain));
    }

    public void Dispose() => _ecdsa?.Dispose();
}
