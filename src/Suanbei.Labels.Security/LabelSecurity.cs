using System.Buffers.Binary;
using System.Text;

namespace Suanbei.Labels.Security;

/// <summary>
/// Signs labels with SecurityData records and checks them: the producer's in ReservedCode1, a propagator's in
/// ReservedCode2. A record binds the label to the content by a hash of the content bytes (each container's
/// IContentDigest: the label-carrying units left out, so labelling and propagation do not change it) and signs the
/// label fields its role covers (<see cref="SecurityDataProfile"/>) together with the record itself.
/// </summary>
public static class LabelSecurity
{
    /// <summary>The record for <paramref name="label"/> over content whose hash (the key's hash) is given.</summary>
    public static SecurityData CreateRecord(AigcLabel label, SecurityRole role, byte[] contentHash, SigningKey key)
    {
        var unsigned = new SecurityData(SecurityDataProfile.SignatureType, SecurityDataProfile.Version,
            [new ContentBinding(SecurityDataProfile.HashBinding, key.Algorithm.HashOid, Signing.Base64Url(contentHash))],
            new PublicSecurityData(key.Algorithm.SignatureOid, key.KeyId, ""));
        var signature = key.Sign(ToBeSigned(label, role, unsigned));
        return unsigned with { PubSD = unsigned.PubSD! with { Sig = Signing.Base64Url(signature) } };
    }

    /// <summary>The message signed: each item as a 4-byte big-endian length and its UTF-8 bytes — the domain tag,
    /// the role, the label fields the role covers, and the record's JSON with PubSD.Sig empty.</summary>
    public static byte[] ToBeSigned(AigcLabel label, SecurityRole role, SecurityData record)
    {
        var fields = label.ToDictionary();
        var items = new List<string> { SecurityDataProfile.DomainTag, role == SecurityRole.Producer ? "producer" : "propagator" };
        foreach (var name in role == SecurityRole.Producer ? SecurityDataProfile.ProducerSigned : SecurityDataProfile.PropagatorSigned)
            items.Add(fields[name]);
        items.Add((record.PubSD is { } p ? record with { PubSD = p with { Sig = "" } } : record).ToJson());
        using var ms = new MemoryStream();
        Span<byte> length = stackalloc byte[4];
        foreach (var item in items)
        {
            var bytes = Encoding.UTF8.GetBytes(item);
            BinaryPrimitives.WriteUInt32BigEndian(length, (uint)bytes.Length);
            ms.Write(length);
            ms.Write(bytes);
        }
        return ms.ToArray();
    }

    /// <summary>
    /// Writes <paramref name="label"/> with the producer's record in ReservedCode1 (and, on a first write — when the
    /// propagator fields equal the producer's — the same record in ReservedCode2). The label is first written with
    /// the reserved fields empty, so the carrier unit exists where it stays; then the content is hashed and the label
    /// rewritten. Copy mode leaves <paramref name="input"/> unchanged; <paramref name="inPlace"/> patches it.
    /// </summary>
    public static AigcLabel SignFile(string input, string? output, AigcLabel label, SigningKey key, bool inPlace = false)
    {
        var firstWrite = label.ContentPropagator == label.ContentProducer && label.PropagateID == label.ProduceID;
        var blank = label with { ReservedCode1 = "", ReservedCode2 = firstWrite ? "" : label.ReservedCode2 };
        var target = inPlace ? input : output ?? throw new LabelWriteException("须指定 -o 输出文件或 --in-place");
        if (inPlace) LabelFile.WriteInPlace(input, blank);
        else LabelFile.Write(input, target, blank);
        var record = CreateRecord(blank, SecurityRole.Producer, ContentHasher.ContentHash(target, key.Algorithm.HashOid), key)
            .Encode();
        var signed = blank with { ReservedCode1 = record, ReservedCode2 = firstWrite ? record : blank.ReservedCode2 };
        Rewrite(target, signed, inPlace);
        return signed;
    }

    /// <summary>Sets ReservedCode2 of the only label in <paramref name="path"/> to the propagator's record (after
    /// <c>label propagate</c> wrote the propagator fields).</summary>
    public static AigcLabel SignPropagation(string path, SigningKey key, bool inPlace)
    {
        var report = LabelFile.Verify(path);
        if (report.Verdict != Verdict.Compliant || report.Labels[0].Label is not { } label)
            throw new LabelWriteException("传播签名须在文件有唯一且合规的标识时进行");
        var blank = label with { ReservedCode2 = "" };
        var record = CreateRecord(blank, SecurityRole.Propagator, ContentHasher.ContentHash(path, key.Algorithm.HashOid), key);
        var signed = blank with { ReservedCode2 = record.Encode() };
        Rewrite(path, signed, inPlace);
        return signed;
    }

    private static void Rewrite(string path, AigcLabel label, bool inPlace)
    {
        if (inPlace) { LabelFile.WriteInPlace(path, label); return; }
        var full = Path.GetFullPath(path);
        // Named as a temp file, so a killed signing run leaves nothing that the next write would not remove.
        var second = TempFiles.NewPathFor(full);
        try
        {
            LabelFile.Write(full, second, label, validate: true, readBackExtension: Path.GetExtension(full));
            File.Move(second, full, overwrite: true);
        }
        finally { if (File.Exists(second)) File.Delete(second); }
    }

    /// <summary>Checks both reserved fields of <paramref name="label"/> found in <paramref name="path"/>. Bindings are
    /// checked without keys; a signature is checked with the key whose id the record names (else
    /// <see cref="SignatureStatus.WrongKey"/>), or not at all when no key of its algorithm is given.</summary>
    public static IReadOnlyList<FieldSecurityCheck> Check(string path, AigcLabel label, IReadOnlyList<SigningKey> keys)
    {
        var hashes = new Dictionary<string, byte[]>();
        byte[] Hash(string oid) => hashes.TryGetValue(oid, out var h) ? h : hashes[oid] = ContentHasher.ContentHash(path, oid);
        var rc1 = CheckField("ReservedCode1", label.ReservedCode1, label, SecurityRole.Producer, keys, Hash, path);
        var rc2 = label.ReservedCode2.Length > 0 && label.ReservedCode2 == label.ReservedCode1
            ? rc1 with { Field = "ReservedCode2", Kind = SecurityDataKind.SameAsReservedCode1 }
            : CheckField("ReservedCode2", label.ReservedCode2, label, SecurityRole.Propagator, keys, Hash, path);
        return [rc1, rc2];
    }

    private static FieldSecurityCheck CheckField(string field, string value, AigcLabel label, SecurityRole role,
        IReadOnlyList<SigningKey> keys, Func<string, byte[]> hash, string path)
    {
        if (value.Length == 0) return new(field, SecurityDataKind.Empty, BindingStatus.None, SignatureStatus.None);
        if (SecurityData.IsBareSignature(value))
        {
            // The older form signs the content hash only; without a P-256 key neither binding nor signature is known.
            var key = keys.FirstOrDefault(k => k.Algorithm == SignatureAlgorithm.P256);
            if (key?.Ecdsa is not { } ecdsa)
                return new(field, SecurityDataKind.BareSignature, BindingStatus.None, SignatureStatus.NotChecked, "p256");
            var ok = Signing.Verify(Signing.ContentHash(path), value, ecdsa);
            return new(field, SecurityDataKind.BareSignature, ok ? BindingStatus.Match : BindingStatus.None,
                ok ? SignatureStatus.Valid : SignatureStatus.Invalid, "p256", key.KeyId);
        }
        SecurityData record;
        try { record = SecurityData.Decode(value); }
        catch (SecurityDataException e)
        {
            return new(field, SecurityDataKind.Malformed, BindingStatus.None, SignatureStatus.None, Error: $"{field} 的安全数据{e.Message}");
        }
        if (!record.Version.StartsWith(SecurityDataProfile.Version.Split('.')[0] + ".", StringComparison.Ordinal))
            return new(field, SecurityDataKind.Malformed, BindingStatus.None, SignatureStatus.None,
                Error: $"{field} 的安全数据版本 {record.Version} 不受支持（支持 {SecurityDataProfile.Version}）");

        var binding = BindingStatus.None;
        foreach (var b in record.Bindings)
        {
            if (b.Type != SecurityDataProfile.HashBinding || !SignatureAlgorithm.IsKnownHash(b.Alg))
            {
                if (binding == BindingStatus.None) binding = BindingStatus.Unsupported;
                continue;
            }
            var matches = Signing.Base64Url(hash(b.Alg)) == b.Value;
            if (!matches) { binding = BindingStatus.Mismatch; break; }
            binding = BindingStatus.Match;
        }

        var signature = SignatureStatus.None;
        string? algorithm = null;
        if (record.PubSD is { } pub)
        {
            var suite = SignatureAlgorithm.BySignatureOid(pub.Alg);
            algorithm = suite?.Name;
            if (suite is null) signature = SignatureStatus.Unsupported;
            else
            {
                var candidates = keys.Where(k => k.Algorithm == suite).ToList();
                var key = candidates.FirstOrDefault(k => k.KeyId == pub.Kid);
                if (candidates.Count == 0) signature = SignatureStatus.NotChecked;
                else if (key is null) signature = SignatureStatus.WrongKey;
                else
                {
                    byte[] sig;
                    try { sig = Signing.FromBase64Url(pub.Sig); }
                    catch (FormatException) { sig = []; }
                    signature = key.Verify(ToBeSigned(label, role, record), sig) ? SignatureStatus.Valid : SignatureStatus.Invalid;
                }
            }
        }
        return new(field, SecurityDataKind.SecurityData, binding, signature, algorithm, record.PubSD?.Kid, record.PrivSD is not null);
    }

    /// <summary>The verification with the checks' failures added as problems (a compliant file becomes noncompliant).</summary>
    public static VerificationReport Apply(VerificationReport report, IReadOnlyList<FieldSecurityCheck> checks)
    {
        var problems = new List<LabelProblem>(report.Problems);
        foreach (var c in checks)
        {
            if (c.Kind == SecurityDataKind.SameAsReservedCode1) continue;
            if (c.Kind == SecurityDataKind.Malformed) problems.Add(new(LabelProblem.SecurityDataInvalid, c.Error!));
            if (c.Binding == BindingStatus.Mismatch)
                problems.Add(new(LabelProblem.BindingMismatch, $"{c.Field} 的内容绑定与文件内容不符（内容在签名后被改动）"));
            if (c.Signature == SignatureStatus.Invalid)
                problems.Add(new(LabelProblem.SignatureInvalid, $"{c.Field} 的签名无效（标识字段或安全数据在签名后被改动）"));
            if (c.Signature == SignatureStatus.WrongKey)
                problems.Add(new(LabelProblem.SignatureInvalid, $"{c.Field} 的签名密钥（{c.KeyId}）不是给定的公钥"));
        }
        if (problems.Count == report.Problems.Count) return report;
        var verdict = report.Verdict == Verdict.Compliant ? Verdict.Noncompliant : report.Verdict;
        return report with { Verdict = verdict, Problems = problems };
    }
}
