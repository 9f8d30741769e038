using System.Text;
using System.Text.Json;
using Suanbei.Labels.Security;

namespace Suanbei.Labels.Cli;

/// <summary>
/// Signing and checking SecurityData as the CLI's <c>label sign</c> and <c>label verify --key/--security --json</c>
/// do it, with their JSON. Compiled into both the CLI and the shared library (src/Suanbei.Labels.Native), so a
/// signature made or checked from C or Python is the CLI's, object for object.
/// </summary>
internal static class LabelSecurityJson
{
    /// <summary>Loads a private key and checks it against <paramref name="alg"/> (sm2, p256) when given.</summary>
    public static SigningKey LoadSigner(string path, string? alg)
    {
        var key = SigningKey.Load(path);
        try
        {
            if (!key.HasPrivateKey) throw new LabelWriteException($"签名须用私钥，{path} 是公钥");
            if (alg is null) return key;
            var wanted = SignatureAlgorithm.ByName(alg)
                ?? throw new LabelWriteException($"--alg 应为 {SignatureAlgorithm.Names}，实际为 {alg}");
            if (wanted != key.Algorithm)
                throw new LabelWriteException($"--alg {wanted.Name} 与密钥文件 {path} 的算法（{key.Algorithm.Display}）不符");
            return key;
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    /// <summary>Loads public (or private) keys; none stays open when one fails.</summary>
    public static List<SigningKey> LoadKeys(IEnumerable<string> paths)
    {
        var keys = new List<SigningKey>();
        try { foreach (var p in paths) keys.Add(SigningKey.Load(p)); }
        catch { foreach (var k in keys) k.Dispose(); throw; }
        return keys;
    }

    /// <summary>The label a signature goes with: the producer's when <paramref name="producer"/> is given, else the
    /// file's own (which must be one compliant label).</summary>
    public static AigcLabel LabelToSign(string path, string? producer, string? produceId, string label)
    {
        if (producer is not null)
            return AigcLabel.ForProducer(producer, produceId ?? throw new LabelWriteException("指定 producer 时须同时指定 produce-id"),
                label);
        var report = LabelFile.Verify(path);
        if (report.Verdict != Verdict.Compliant)
            throw new LabelWriteException("文件中没有唯一且合规的标识；请用 --producer/--produce-id 指定");
        return report.Labels[0].Label!;
    }

    /// <summary>Signs <paramref name="input"/> into <paramref name="output"/> (null: in place) and returns
    /// <c>{"file","written":true,"algorithm","kid","reserved_code1"}</c>.</summary>
    public static string Sign(string input, string? output, string keyPath, string? alg, string? producer, string? produceId,
        string label)
    {
        var toSign = LabelToSign(input, producer, produceId, label);
        using var signer = LoadSigner(keyPath, alg);
        var signed = LabelSecurity.SignFile(input, output, toSign, signer, inPlace: output is null);
        return ReportJson.Serialize(w =>
        {
            w.WriteStartObject();
            w.WriteString("file", output ?? input);
            w.WriteBoolean("written", true);
            w.WriteString("algorithm", signer.Algorithm.Name);
            w.WriteString("kid", signer.KeyId);
            w.WriteString("reserved_code1", signed.ReservedCode1);
            w.WriteEndObject();
        });
    }

    /// <summary>The verification of <paramref name="path"/> with each reserved field checked (bindings always,
    /// signatures with the matching key); a failed check is a problem that makes a compliant file noncompliant.</summary>
    public static (VerificationReport Report, IReadOnlyList<FieldSecurityCheck> Checks) Verify(string path,
        IReadOnlyList<SigningKey> keys)
    {
        var report = LabelFile.Verify(path);
        IReadOnlyList<FieldSecurityCheck> checks = [];
        if (report.Verdict == Verdict.Compliant && report.Labels[0].Label is { } label)
        {
            try
            {
                checks = LabelSecurity.Check(path, label, keys);
                report = LabelSecurity.Apply(report, checks);
            }
            catch (LabelWriteException e)
            {
                report = report with { Problems = [.. report.Problems, new(LabelProblem.SecurityDataInvalid, e.Message)] };
            }
        }
        return (report, checks);
    }

    /// <summary>One line of <c>label verify --key … --json</c>: the verify object with <c>"security"</c> added.</summary>
    public static string VerifyLine(string path, VerificationReport report, IReadOnlyList<FieldSecurityCheck> checks)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, ReportJson.Options))
            ReportJson.WriteReport(w, path, report, extra =>
            {
                extra.WritePropertyName("security");
                WriteChecks(extra, checks);
            });
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    /// <summary><c>[{"field","kind","binding","signature","algorithm","kid","privsd","error"}]</c>; values are the
    /// enum member names in snake case (stable for scripts).</summary>
    public static void WriteChecks(Utf8JsonWriter w, IReadOnlyList<FieldSecurityCheck> checks)
    {
        w.WriteStartArray();
        foreach (var c in checks)
        {
            w.WriteStartObject();
            w.WriteString("field", c.Field);
            w.WriteString("kind", Snake(c.Kind.ToString()));
            w.WriteString("binding", Snake(c.Binding.ToString()));
            w.WriteString("signature", Snake(c.Signature.ToString()));
            if (c.Algorithm is null) w.WriteNull("algorithm"); else w.WriteString("algorithm", c.Algorithm);
            if (c.KeyId is null) w.WriteNull("kid"); else w.WriteString("kid", c.KeyId);
            w.WriteBoolean("privsd", c.HasPrivSD);
            if (c.Error is null) w.WriteNull("error"); else w.WriteString("error", c.Error);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static string Snake(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) sb.Append('_');
            sb.Append(char.ToLowerInvariant(name[i]));
        }
        return sb.ToString();
    }
}
