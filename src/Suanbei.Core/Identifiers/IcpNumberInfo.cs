namespace Suanbei.Core.Identifiers;

/// <summary>A parsed ICP number. <see cref="Site"/> is the website suffix of a filing (-1 in 京ICP备12345678号-1), if any.</summary>
public sealed record IcpNumberInfo(string Number, IcpKind Kind, string ProvinceAbbreviation, string ProvinceName, string Serial, int? Site);
