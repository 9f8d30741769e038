namespace Suanbei.Core.Identifiers;

/// <summary>Kind of ICP number: an ICP filing (ICP备案, 京ICP备12345678号) or an ICP licence (ICP许可证, 京ICP证123456号).</summary>
public enum IcpKind { Filing, Licence }
