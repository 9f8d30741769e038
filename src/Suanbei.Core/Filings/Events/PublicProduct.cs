namespace Suanbei.Core.Filings.Events;

/// <summary>A product as the public entry names it: 名称 and 服务形式 (as in the CAC lists' 名称（形态）).</summary>
public sealed record PublicProduct(string Name, string Form);
