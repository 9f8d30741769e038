namespace Suanbei.Registry.Publishing;

/// <summary>
/// A generative-AI service filed (备案) or registered (登记) by this system, as the CAC's generative-AI lists print it:
/// 属地, 模型名称 (应用/功能名称 for 登记), 备案单位, 备案号, 备案时间. Becomes the same kind of registry entry as an
/// imported official row.
/// </summary>
/// <param name="Region">属地 as the lists write it (北京市; 国资委 for central enterprises).</param>
/// <param name="Products">The products that offer the service (the lists do not print them; the entry page does).</param>
/// <param name="Remark">Change note, e.g. "2026年11月，变更内容：…"; null for the first publication.</param>
public sealed record PublishedGenerativeAiService(
    GenerativeAiKind Kind, string Region, string ModelName, string Entity, string Number, DateOnly FiledOn,
    IReadOnlyList<ProductRef> Products, string? Remark = null);
