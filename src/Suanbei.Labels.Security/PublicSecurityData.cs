namespace Suanbei.Labels.Security;

/// <summary>SecurityData.PubSD, the publicly verifiable part: a signature (algorithm OID <paramref name="Alg"/>) made
/// with the key <paramref name="Kid"/> (base64url of the first bytes of SHA-256 over its SubjectPublicKeyInfo), and
/// the signature <paramref name="Sig"/> as base64url of r‖s (64 bytes for both curves).</summary>
public sealed record PublicSecurityData(string Alg, string Kid, string Sig);
