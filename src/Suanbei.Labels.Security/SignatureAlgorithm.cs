namespace Suanbei.Labels.Security;

/// <summary>
/// A signature suite, named in the record by OIDs: SM2 with SM3 (GB/T 32918.2, GB/T 32905; OIDs of GM/T 0006) and
/// ECDSA P-256 with SHA-256 (FIPS 186-4; OIDs of RFC 5758 and RFC 5480). Both sign with r‖s as 64 bytes; SM2 uses
/// the default user id 1234567812345678 of GB/T 35276.
/// </summary>
public sealed record SignatureAlgorithm(string Name, string Display, string SignatureOid, string HashOid, string CurveOid)
{
    public static readonly SignatureAlgorithm Sm2 =
        new("sm2", "SM2/SM3", "1.2.156.10197.1.501", "1.2.156.10197.1.401", "1.2.156.10197.1.301");

    public static readonly SignatureAlgorithm P256 =
        new("p256", "ECDSA P-256/SHA-256", "1.2.840.10045.4.3.2", "2.16.840.1.101.3.4.2.1", "1.2.840.10045.3.1.7");

    public static readonly IReadOnlyList<SignatureAlgorithm> All = [Sm2, P256];

    /// <summary>The CLI's <c>--alg</c> values.</summary>
    public static string Names => string.Join("|", All.Select(a => a.Name));

    public static SignatureAlgorithm? ByName(string name) => All.FirstOrDefault(a => a.Name == name.ToLowerInvariant());

    public static SignatureAlgorithm? BySignatureOid(string oid) => All.FirstOrDefault(a => a.SignatureOid == oid);

    public static SignatureAlgorithm? ByCurveOid(string oid) => All.FirstOrDefault(a => a.CurveOid == oid);

    /// <summary>True when <paramref name="oid"/> names a hash this build computes (a binding's algorithm).</summary>
    public static bool IsKnownHash(string oid) => All.Any(a => a.HashOid == oid);
}
