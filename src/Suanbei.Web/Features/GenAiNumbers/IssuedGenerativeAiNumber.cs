using Suanbei.Core.GenerativeAi;

namespace Suanbei.Web.Features.GenAiNumbers;

/// <summary>
/// A generative-AI number once issued. Rows are never deleted or changed, so a withdrawn or cancelled number stays
/// taken; the unique indexes (the number ignoring case; province + year + 登记 sequence) make the database refuse a
/// second issue of either.
/// </summary>
public sealed class IssuedGenerativeAiNumber
{
    public string Number { get; set; } = "";
    /// <summary>The number upper-cased: Beijing-Abab-… and Beijing-abab-… are one number to a reader.</summary>
    public string NumberKey { get; set; } = "";
    public GenerativeAiFilingKind Kind { get; set; }
    /// <summary>The 属地 part as issued (Beijing, ZhongYangQiYe).</summary>
    public string Province { get; set; } = "";
    /// <summary>Year of the number's date: 登记 sequences count per province and year.</summary>
    public int Year { get; set; }
    /// <summary>The 登记 sequence (S0001 → 1); null for 备案.</summary>
    public int? Sequence { get; set; }
    public string Name { get; set; } = "";
    public DateTimeOffset IssuedAt { get; set; }
}
