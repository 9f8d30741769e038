namespace Suanbei.Core.Products;

/// <summary>Field rules of a product; keys are <see cref="ProductDetails"/> property names, values Chinese messages naming the
/// field.</summary>
public static class ProductValidation
{
    public const int MaxText = 200;
    public const int MaxLongText = 2000;
    public const int MaxSteps = 20;

    public static Dictionary<string, string> Check(ProductDetails d)
    {
        var e = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(d.Name)) e["Name"] = "产品名称不能为空";
        else if (d.Name.Trim().Length > MaxText) e["Name"] = $"产品名称不能超过{MaxText}个字符";
        if (!Enum.IsDefined(d.Form)) e["Form"] = "服务形式无效";
        if (!Enum.IsDefined(d.Status)) e["Status"] = "服务状态无效";
        if (!Enum.IsDefined(d.Audience)) e["Audience"] = "服务对象无效";
        if (d.AccessAddress is { Length: > MaxText }) e["AccessAddress"] = $"访问地址/下载地址不能超过{MaxText}个字符";
        if (d.MonthlyActiveUsers is < 0) e["MonthlyActiveUsers"] = "月活跃用户数不能为负数";
        if (d.DailyActiveUsers is < 0) e["DailyActiveUsers"] = "日活跃用户数不能为负数";
        if (d.TotalUsers is < 0) e["TotalUsers"] = "用户总量不能为负数";
        if (d.DailyActiveUsers is { } dau && d.MonthlyActiveUsers is { } mau && dau > mau)
            e["DailyActiveUsers"] = "日活跃用户数不能大于月活跃用户数";
        if (d.MonthlyActiveUsers is { } m && d.TotalUsers is { } t && m > t)
            e["MonthlyActiveUsers"] = "月活跃用户数不能大于用户总量";
        if (!string.IsNullOrWhiteSpace(d.IcpNumber))
        {
            var error = IcpError(d.IcpNumber.Trim());
            if (error is not null) e["IcpNumber"] = error.StartsWith("ICP备案号") ? error : "ICP备案号：" + error;
        }
        if (d.IcpHolder is not null && d.IcpHolder.Trim().Length > MaxText) e["IcpHolder"] = $"ICP主办单位不能超过{MaxText}个字符";
        if (d.IcpBusinessScope is not null && d.IcpBusinessScope.Trim().Length > MaxLongText) e["IcpBusinessScope"] =
            $"ICP经营范围不能超过{MaxLongText}个字符";
        if (d.HasPriorLicence && string.IsNullOrWhiteSpace(d.PriorLicenceDescription))
            e["PriorLicenceDescription"] = "有前置许可时请填写许可名称和编号";
        if (d.PriorLicenceDescription is { Length: > MaxText }) e["PriorLicenceDescription"] = $"前置许可说明不能超过{MaxText}个字符";
        if (d.PersonalisedPushDescription is { Length: > MaxLongText }) e["PersonalisedPushDescription"] = $"个性化推送关闭情况不能超过{MaxLongText}个字符";
        if (d.MinorsProtection is { Length: > MaxLongText }) e["MinorsProtection"] = $"未成年人保护措施不能超过{MaxLongText}个字符";
        var steps = d.AccessPath.Where(s => !string.IsNullOrWhiteSpace(s)).ToList();
        if (steps.Count > MaxSteps) e["AccessPath"] = $"功能访问路径最多{MaxSteps}步";
        else if (steps.Any(s => s.Trim().Length > MaxText)) e["AccessPath"] = $"功能访问路径每一步不能超过{MaxText}个字符";
        return e;
    }

    public static Dictionary<string, string> CheckFunction(string? name, string? description)
    {
        var e = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(name)) e["FunctionName"] = "功能名称不能为空";
        else if (name.Trim().Length > MaxText) e["FunctionName"] = $"功能名称不能超过{MaxText}个字符";
        if (string.IsNullOrWhiteSpace(description)) e["FunctionDescription"] = "功能介绍不能为空";
        else if (description.Trim().Length > Product.MaxFunctionDescription)
            e["FunctionDescription"] = $"功能介绍不能超过{Product.MaxFunctionDescription}个字符（当前{description.Trim().Length}个）";
        return e;
    }

    private static string? IcpError(string icp) => Identifiers.IcpNumber.Validate(icp);
}
