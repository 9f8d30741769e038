using Suanbei.GenAi.Banks;

namespace Suanbei.GenAi.Reporting;

/// <summary>A bank's quota check as the report cites it: the validation and where it came from (file, version, date).</summary>
public sealed record CheckedBank(BankReport Report, string Source);
