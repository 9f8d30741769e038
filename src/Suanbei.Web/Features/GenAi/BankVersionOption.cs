namespace Suanbei.Web.Features.GenAi;

/// <summary>A stored bank version as the 发起评估 form offers it.</summary>
public sealed record BankVersionOption(Guid Id, string Kind, string BankName, int Version, int Items, bool Ok, DateTimeOffset CheckedAt);
