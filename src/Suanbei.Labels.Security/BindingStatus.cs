namespace Suanbei.Labels.Security;

/// <summary>Whether the content binding matches the file's content now.</summary>
public enum BindingStatus { None, Match, Mismatch, Unsupported }
