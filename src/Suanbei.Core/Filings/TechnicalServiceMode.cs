namespace Suanbei.Core.Filings;

/// <summary>How a technical supporter delivers the algorithm (技术服务方式).</summary>
public enum TechnicalServiceMode
{
    Api = 0,               // API接口
    Sdk = 1,               // SDK
    PrivateDeployment = 2, // 私有化部署
    Other = 3,             // 其他
}
