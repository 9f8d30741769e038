using Suanbei.Core.Filings.Events;

namespace Suanbei.Core.GenerativeAi.Events;

/// <summary>
/// A first version was approved (备案 after the national review, 登记 after the provincial one) and received its number:
/// what the CAC's generative-AI lists print (属地, 模型名称, 备案单位, 备案号, 备案时间) and the products it serves.
/// </summary>
public sealed record GenerativeAiFilingApproved(
    Guid FilingId,
    GenerativeAiFilingKind Kind,
    string Province,
    string ModelName,
    string Entity,
    string Number,
    DateOnly ApprovedOn,
    IReadOnlyList<PublicProduct> Products) : IDomainEvent;
