namespace Suanbei.Labels.Security;

/// <summary>One entry of SecurityData.Bindings: <paramref name="Type"/> "hash" binds the label to the content by the
/// hash (algorithm OID <paramref name="Alg"/>) of the content bytes, base64url in <paramref name="Value"/>.</summary>
public sealed record ContentBinding(string Type, string Alg, string Value);
