namespace Suanbei.Labels.Security;

/// <summary>Whether the signature verifies with a given public key.</summary>
public enum SignatureStatus { None, Valid, Invalid, WrongKey, NotChecked, Unsupported }
