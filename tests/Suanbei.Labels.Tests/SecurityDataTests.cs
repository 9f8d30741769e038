using System.Security.Cryptography;
using System.Text;
using Suanbei.Labels.Security;
using Suanbei.Labels.Tests.Formats;

namespace Suanbei.Labels.Tests;

/// <summary>TC260 SecurityData in ReservedCode1/2: SM2/SM3 and ECDSA P-256/SHA-256 records round trip in every
/// container family that defines its content bytes; changed content breaks the binding, a changed label field breaks
/// the signature, another key is named as such, and an unreadable record gets an error naming the member.</summary>
public sealed class SecurityDataTests : IClassFixture<AvFixtures>
{
    private readonly AvFixtures _av;

    public SecurityDataTests(AvFixtures av) => _av = av;

    public static IEnumerable<object[]> SignableByAlgorithm() =>
        SigningTests.Signable().SelectMany(c => SignatureAlgorithm.All.Select(a => new object[] { c[0], a.Name }));

    [Theory]
    [MemberData(nameof(SignableByAlgorithm))]
    public void Producer_and_propagator_records_verify_and_name_their_algorithm(string format, string alg)
    {
        var c = FormatCases.All[format];
        using var f = new Fixtures();
        var input = c.Make(f);
        RoundTrip(f, input, SignatureAlgorithm.ByName(alg)!);
    }

    public static IEnumerable<object[]> AudioVideoByAlgorithm() =>
        new[] { "wav", "mp4", "mkv", "flac", "flv" }.SelectMany(c => SignatureAlgorithm.All.Select(a => new object[] { c, a.Name }));

    [Theory]
    [MemberData(nameof(AudioVideoByAlgorithm))]
    public void Audio_and_video_records_verify(string container, string alg)
    {
        string[] args = container switch
        {
            "wav" => [.. AvFixtures.Audio, "-c:a", "pcm_s16le"],
            "flac" => [.. AvFixtures.Audio, "-c:a", "flac"],
            "flv" => [.. AvFixtures.Video, .. AvFixtures.Audio, "-c:v", "flv1", "-c:a", "libmp3lame", "-shortest"],
            _ => [.. AvFixtures.Video, .. AvFixtures.Audio, "-c:v", "libx264", "-c:a", "aac", "-shortest"],
        };
        var input = _av.Make($"sd-{alg}.{container}", args);
        using var f = new Fixtures();
        RoundTrip(f, input, SignatureAlgorithm.ByName(alg)!);
    }

    private static void RoundTrip(Fixtures f, string input, SignatureAlgorithm algorithm)
    {
        var ext = Path.GetExtension(input);
        using var producerKey = SigningKey.Generate(algorithm);
        var platformAlgorithm = algorithm == SignatureAlgorithm.Sm2 ? SignatureAlgorithm.P256 : SignatureAlgorithm.Sm2;
        using var platformKey = SigningKey.Generate(platformAlgorithm);
        var signedPath = f.Path("signed" + ext);
        var signed = LabelSecurity.SignFile(input, signedPath, Fixtures.Label(), producerKey);

        Assert.True(LabelValidator.IsValidValue(signed.ReservedCode1));
        Assert.Equal(signed.ReservedCode1, signed.ReservedCode2);
        var record = SecurityData.Decode(signed.ReservedCode1);
        Assert.Equal(SecurityDataProfile.SignatureType, record.Type);
        Assert.Equal(algorithm.SignatureOid, record.PubSD!.Alg);
        Assert.Equal(algorithm.HashOid, Assert.Single(record.Bindings).Alg);
        var report = LabelFile.Verify(signedPath);
        Assert.Equal(Verdict.Compliant, report.Verdict);
        var checks = LabelSecurity.Check(signedPath, report.Labels.Single().Label!, [producerKey]);
        Assert.Equal((SecurityDataKind.SecurityData, BindingStatus.Match, SignatureStatus.Valid, algorithm.Name),
            (checks[0].Kind, checks[0].Binding, checks[0].Signature, checks[0].Algorithm));
        Assert.Equal(SecurityDataKind.SameAsReservedCode1, checks[1].Kind);

        // Without keys the binding is still checked; the signature is reported as not checked.
        var keyless = LabelSecurity.Check(signedPath, report.Labels.Single().Label!, []);
        Assert.Equal((BindingStatus.Match, SignatureStatus.NotChecked), (keyless[0].Binding, keyless[0].Signature));

        // A platform propagates and signs ReservedCode2 with its own key (the other algorithm): both verify.
        var propagated = f.Path("propagated" + ext);
        Propagation.PropagateFile(signedPath, propagated, Fixtures.Producer2, "p-1", false);
        var both = LabelSecurity.SignPropagation(propagated, platformKey, inPlace: false);
        Assert.Equal(signed.ReservedCode1, both.ReservedCode1);
        var after = LabelSecurity.Check(propagated, LabelFile.Verify(propagated).Labels.Single().Label!, [producerKey, platformKey]);
        Assert.All(after, a => Assert.Equal((BindingStatus.Match, SignatureStatus.Valid), (a.Binding, a.Signature)));
        Assert.Equal(SecurityDataKind.SecurityData, after[1].Kind);
    }

    [Theory]
    [InlineData("png", "sm2")]
    [InlineData("png", "p256")]
    [InlineData("pdf", "sm2")]
    [InlineData("docx", "p256")]
    public void Changed_content_is_a_binding_mismatch_and_a_problem(string format, string alg)
    {
        using var f = new Fixtures();
        using var key = SigningKey.Generate(SignatureAlgorithm.ByName(alg)!);
        var input = FormatCases.All[format].Make(f);
        var ext = Path.GetExtension(input);
        var signed = LabelSecurity.SignFile(input, f.Path("signed" + ext), Fixtures.Label(), key);
        var other = f.Path("other" + ext);
        File.Copy(input, other);
        SigningTests.TamperPayload(other, FormatCases.All[format].Format);
        LabelFile.Write(other, f.Path("tampered" + ext), signed);

        var report = LabelFile.Verify(f.Path("tampered" + ext));
        var checks = LabelSecurity.Check(f.Path("tampered" + ext), report.Labels.Single().Label!, [key]);
        Assert.Equal(BindingStatus.Mismatch, checks[0].Binding);
        // The label fields and the record are as signed: the signature itself still holds.
        Assert.Equal(SignatureStatus.Valid, checks[0].Signature);
        var applied = LabelSecurity.Apply(report, checks);
        Assert.Equal(Verdict.Noncompliant, applied.Verdict);
        Assert.Contains(applied.Problems, p => p.Code == LabelProblem.BindingMismatch && p.Message.Contains("ReservedCode1"));
    }

    [Theory]
    [InlineData("sm2")]
    [InlineData("p256")]
    public void Changed_label_field_makes_the_signature_invalid_and_another_key_is_named(string alg)
    {
        using var f = new Fixtures();
        using var key = SigningKey.Generate(SignatureAlgorithm.ByName(alg)!);
        using var other = SigningKey.Generate(SignatureAlgorithm.ByName(alg)!);
        var input = FormatCases.All["png"].Make(f);
        var signed = LabelSecurity.SignFile(input, f.Path("signed.png"), Fixtures.Label(), key);
        LabelFile.Write(f.Path("signed.png"), f.Path("relabelled.png"), signed with { ProduceID = "img-9999" });

        var checks = LabelSecurity.Check(f.Path("relabelled.png"), LabelFile.Verify(f.Path("relabelled.png")).Labels[0].Label!, [key]);
        Assert.Equal((BindingStatus.Match, SignatureStatus.Invalid), (checks[0].Binding, checks[0].Signature));

        var wrong = LabelSecurity.Check(f.Path("signed.png"), signed, [other]);
        Assert.Equal(SignatureStatus.WrongKey, wrong[0].Signature);
        Assert.Contains(LabelSecurity.Apply(LabelFile.Verify(f.Path("signed.png")), wrong).Problems,
            p => p.Code == LabelProblem.SignatureInvalid && p.Message.Contains(key.KeyId));

        // The same record with its Kid rewritten to the other key's id: found as that key, and still invalid.
        var record = SecurityData.Decode(signed.ReservedCode1);
        var forged = record with { PubSD = record.PubSD! with { Kid = other.KeyId } };
        var forgedLabel = signed with { ReservedCode1 = forged.Encode(), ReservedCode2 = forged.Encode() };
        Assert.Equal(SignatureStatus.Invalid, LabelSecurity.Check(f.Path("signed.png"), forgedLabel, [other])[0].Signature);
    }

    [Theory]
    [InlineData("{\"Version\":\"1.0\"}", "缺少必填字段 Type")]
    [InlineData("{\"Type\":\"DigitalSignature\"}", "缺少必填字段 Version")]
    [InlineData("{\"Type\":\"DigitalSignature\",\"Version\":\"1.0\",\"Bindings\":{}}", "Bindings 应为数组")]
    [InlineData("{\"Type\":\"DigitalSignature\",\"Version\":\"1.0\",\"Bindings\":[{\"Type\":\"hash\",\"Value\":\"x\"}]}",
        "缺少必填字段 Bindings[0].Alg")]
    [InlineData("{\"Type\":\"DigitalSignature\",\"Version\":\"1.0\",\"PubSD\":{\"Alg\":\"1.2\",\"Sig\":7}}", "字段 PubSD.Sig 应为字符串")]
    [InlineData("{\"Type\":\"DigitalSignature\",\"Version\":\"2.0\"}", "版本 2.0 不受支持")]
    [InlineData("[1,2]", "不是 JSON 对象")]
    [InlineData("{\"Type\":", "不是合法的 JSON")]
    public void Malformed_record_gets_an_error_naming_the_field_and_member(string json, string expected)
    {
        var value = Signing.Base64Url(Encoding.UTF8.GetBytes(json));
        var label = Fixtures.Label() with { ReservedCode1 = value, ReservedCode2 = "" };
        using var f = new Fixtures();
        var path = f.Path("m.png");
        LabelFile.Write(FormatCases.All["png"].Make(f), path, label);
        var check = LabelSecurity.Check(path, label, [])[0];
        Assert.Equal(SecurityDataKind.Malformed, check.Kind);
        Assert.StartsWith("ReservedCode1 的安全数据", check.Error);
        Assert.Contains(expected, check.Error);
        Assert.Contains(LabelSecurity.Apply(LabelFile.Verify(path), [check]).Problems, p => p.Code == LabelProblem.SecurityDataInvalid);
    }

    [Fact]
    public void Todays_bare_es256_signatures_are_still_read()
    {
        using var f = new Fixtures();
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pub = f.Path("k.pub.pem");
        File.WriteAllText(pub, ecdsa.ExportSubjectPublicKeyInfoPem());
        var signed = Signing.SignFile(FormatCases.All["png"].Make(f), f.Path("old.png"), Fixtures.Label(), ecdsa);
        using var key = SigningKey.Load(pub);
        var checks = LabelSecurity.Check(f.Path("old.png"), signed, [key]);
        Assert.Equal((SecurityDataKind.BareSignature, BindingStatus.Match, SignatureStatus.Valid),
            (checks[0].Kind, checks[0].Binding, checks[0].Signature));
        using var otherKey = SigningKey.Generate(SignatureAlgorithm.P256);
        Assert.Equal(SignatureStatus.Invalid, LabelSecurity.Check(f.Path("old.png"), signed, [otherKey])[0].Signature);
    }

    [Theory]
    [InlineData("sm2")]
    [InlineData("p256")]
    public void Keys_round_trip_through_pem_with_the_same_id(string alg)
    {
        using var f = new Fixtures();
        using var key = SigningKey.Generate(SignatureAlgorithm.ByName(alg)!);
        File.WriteAllText(f.Path("k.pem"), key.ExportPrivateKeyPem());
        File.WriteAllText(f.Path("k.pub.pem"), key.ExportPublicKeyPem());
        using var priv = SigningKey.Load(f.Path("k.pem"));
        using var pub = SigningKey.Load(f.Path("k.pub.pem"));
        Assert.Equal((key.KeyId, key.Algorithm, true, false), (priv.KeyId, priv.Algorithm, priv.HasPrivateKey, pub.HasPrivateKey));
        Assert.Equal(key.KeyId, pub.KeyId);
        var message = "消息"u8.ToArray();
        Assert.True(pub.Verify(message, priv.Sign(message)));
        Assert.Throws<LabelWriteException>(() => pub.Sign(message));
    }

    /// <summary>OpenSSL reads the SM2 keys written here and its SM2 signature (default id 1234567812345678, SM3)
    /// verifies with them: the suite is GB/T 32918.2's, not a look-alike.</summary>
    [Fact]
    public void Sm2_signatures_interoperate_with_openssl()
    {
        using var f = new Fixtures();
        using var key = SigningKey.Generate(SignatureAlgorithm.Sm2);
        File.WriteAllText(f.Path("k.pem"), key.ExportPrivateKeyPem());
        File.WriteAllBytes(f.Path("m.bin"), "待签名的消息"u8.ToArray());
        Suanbei.Testing.ExternalTool.RunChecked("openssl", "pkeyutl", "-sign", "-rawin", "-digest", "sm3", "-inkey", f.Path("k.pem"),
            "-in", f.Path("m.bin"), "-out", f.Path("m.sig"), "-pkeyopt", "distid:1234567812345678");
        var der = File.ReadAllBytes(f.Path("m.sig"));
        var plain = DerToPlain(der);
        Assert.True(key.Verify(File.ReadAllBytes(f.Path("m.bin")), plain));
    }

    private static byte[] DerToPlain(byte[] der)
    {
        var reader = new System.Formats.Asn1.AsnReader(der, System.Formats.Asn1.AsnEncodingRules.DER).ReadSequence();
        var r = reader.ReadIntegerBytes().ToArray().SkipWhile(b => b == 0).ToArray();
        var s = reader.ReadIntegerBytes().ToArray().SkipWhile(b => b == 0).ToArray();
        var plain = new byte[64];
        r.CopyTo(plain, 32 - r.Length);
        s.CopyTo(plain, 64 - s.Length);
        return plain;
    }

    [Theory]
    [InlineData("not a key", "不是 PEM 格式")]
    [InlineData("-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n", "类型 RSA PRIVATE KEY 不受支持")]
    [InlineData("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n", "无法解析")]
    public void Bad_key_files_get_a_clear_error(string text, string expected)
    {
        using var f = new Fixtures();
        File.WriteAllText(f.Path("bad.pem"), text);
        var e = Assert.Throws<LabelWriteException>(() => SigningKey.Load(f.Path("bad.pem")));
        Assert.Contains(expected, e.Message);
        Assert.Contains("bad.pem", e.Message);
    }
}
