namespace Suanbei.Registry;

/// <summary>The Chinese title of each list kind, as the pages, statistics and exports name it.</summary>
public static class RegistryListTitles
{
    public static string Of(RegistryListKind kind) => kind switch
    {
        RegistryListKind.DeepSynthesis => "深度合成服务算法备案清单",
        RegistryListKind.Algorithm => "互联网信息服务算法备案清单",
        RegistryListKind.GenerativeAi => "生成式人工智能服务备案/登记",
        RegistryListKind.Cancellation => "注销公告",
        _ => "本系统公示",
    };
}
