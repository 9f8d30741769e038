namespace Suanbei.Core.GenerativeAi;

/// <summary>A product of the account to link: its id, and its name and 服务形式 as the public entry shows them.</summary>
public sealed record PublicProductRef(Guid ProductId, string Name, string Form);
