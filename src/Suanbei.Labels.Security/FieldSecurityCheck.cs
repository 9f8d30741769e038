namespace Suanbei.Labels.Security;

/// <summary>The check of one reserved field (ReservedCode1 or ReservedCode2) of a file's label.</summary>
/// <param name="Algorithm">The signature suite's CLI name (sm2, p256) when the record names a known one.</param>
/// <param name="Error">Why the record could not be read, or the version is not supported (Chinese).</param>
public sealed record FieldSecurityCheck(string Field, SecurityDataKind Kind, BindingStatus Binding, SignatureStatus Signature,
    string? Algorithm = null, string? KeyId = null, bool HasPrivSD = false, string? Error = null)
{
    /// <summary>True when the field holds something and it failed: unreadable, content changed, signature invalid.</summary>
    public bool Failed => Kind == SecurityDataKind.Malformed || Binding == BindingStatus.Mismatch
        || Signature is SignatureStatus.Invalid or SignatureStatus.WrongKey;
}
