namespace Suanbei.Labels.Security;

/// <summary>What a reserved field holds, as far as security data goes.</summary>
public enum SecurityDataKind { Empty, SecurityData, BareSignature, SameAsReservedCode1, Malformed }
