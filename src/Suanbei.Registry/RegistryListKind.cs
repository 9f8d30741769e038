namespace Suanbei.Registry;

/// <summary>Which published list a row comes from; decides its columns and number scheme (reference §9).</summary>
public enum RegistryListKind
{
    /// <summary>境内深度合成服务算法备案清单 (columns with 角色).</summary>
    DeepSynthesis,
    /// <summary>境内互联网信息服务算法备案清单 (columns with 算法类别).</summary>
    Algorithm,
    /// <summary>生成式人工智能服务 已备案/已登记信息 (属地, 模型名称, 备案单位, 备案号, 备案时间).</summary>
    GenerativeAi,
    /// <summary>注销公告: the listed numbers are cancelled.</summary>
    Cancellation,
    /// <summary>Published by this system's own filing workflow (see <c>IRegistrySink</c>), not imported.</summary>
    FiledHere,
}
