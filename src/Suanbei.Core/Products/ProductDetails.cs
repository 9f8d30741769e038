namespace Suanbei.Core.Products;

/// <summary>The filer-entered fields of a product (产品及功能信息, reference §3).</summary>
public sealed record ProductDetails
{
    public string? Name { get; init; }                    // 产品名称
    public ProductForm Form { get; init; }                // 服务形式
    public string? AccessAddress { get; init; }           // 访问地址/下载地址
    public ProductStatus Status { get; init; }            // 服务状态
    public ProductAudience Audience { get; init; }        // 服务对象
    public long? MonthlyActiveUsers { get; init; }
    public long? DailyActiveUsers { get; init; }
    public long? TotalUsers { get; init; }
    public string? IcpNumber { get; init; }               // ICP备案号 / ICP证
    public string? IcpHolder { get; init; }               // ICP 主办单位 / 持证主体
    public DateOnly? IcpExpiresOn { get; init; }          // ICP 有效期至 (licences)
    public string? IcpBusinessScope { get; init; }        // ICP 经营范围 / 业务种类
    public bool RequiresRealName { get; init; }           // 实名认证
    public bool HasPriorLicence { get; init; }            // 前置许可
    public string? PriorLicenceDescription { get; init; }
    public bool PersonalisedPushCanBeTurnedOff { get; init; } // 个性化推送关闭情况
    public string? PersonalisedPushDescription { get; init; }
    public string? MinorsProtection { get; init; }        // 未成年人保护措施
    /// <summary>功能访问路径: ordered navigation steps.</summary>
    public IReadOnlyList<string> AccessPath { get; init; } = [];
}
