namespace Suanbei.Core.Filings;

public enum FilingRole
{
    ServiceProvider = 0,     // 服务提供者
    TechnicalSupporter = 1,  // 服务技术支持者
}
