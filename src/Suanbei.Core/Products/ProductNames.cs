namespace Suanbei.Core.Products;

public static class ProductNames
{
    /// <summary>Labels of the product form's fields that other features (备案预审) name, keyed by the form's field name.</summary>
    public static readonly IReadOnlyDictionary<string, string> FieldLabels = new Dictionary<string, string>
    {
        ["Name"] = "产品名称", ["IcpNumber"] = "ICP备案号", ["IcpHolder"] = "ICP主办单位", ["IcpExpiresOn"] = "ICP有效期至",
        ["IcpBusinessScope"] = "ICP经营范围", ["MonthlyActiveUsers"] = "月活跃用户数", ["DailyActiveUsers"] = "日活跃用户数",
        ["TotalUsers"] = "用户总量", ["AccessPath"] = "功能访问路径", ["FunctionName"] = "功能名称", ["FunctionDescription"] = "功能介绍",
    };
}
