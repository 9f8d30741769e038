using Suanbei.Core;
using Suanbei.Core.Filings;
using Suanbei.Core.Identifiers;

namespace Suanbei.Registry;

/// <summary>
/// A registry search. <see cref="Text"/> is split at spaces; every term must occur (substring, any length — 1- and
/// 2-character Chinese terms included) in the name, entity, products, purpose or number. Filters accept the forms users
/// type: role 服务提供者/提供者/provider, type 生成合成类/生成合成/01, province 北京/北京市/京/11/110000.
/// </summary>
public sealed record RegistryQuery
{
    public const int MaxPageSize = 500;

    public string? Text { get; init; }
    public string? Role { get; init; }
    public string? Type { get; init; }
    public string? Province { get; init; }
    public int? Year { get; init; }
    public string? Batch { get; init; }
    public RegistryStatus? Status { get; init; }
    public RegistrySource? Source { get; init; }
    public RegistrySort Sort { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 50;

    public IEnumerable<string> Terms() =>
        (Text ?? "").Split([' ', '\u3000', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(RegistrySearchText.Normalise).Where(t => t.Length > 0).Distinct().Take(10);

    public string? RoleValue()
    {
        var r = Role?.Trim();
        if (string.IsNullOrEmpty(r)) return null;
        // The lists write the roles by their display names; English words and the short forms find them too.
        var role = DisplayNames.Parse<FilingRole>(r) ?? r.ToLowerInvariant() switch
        {
            "provider" or "提供者" => FilingRole.ServiceProvider,
            "supporter" or "technical-supporter" or "技术支持者" => FilingRole.TechnicalSupporter,
            _ => (FilingRole?)null,
        };
        return role is { } known ? DisplayNames.Of(known) : r;
    }

    public AlgorithmType? TypeValue()
    {
        var t = Type?.Trim();
        if (string.IsNullOrEmpty(t)) return null;
        if (AlgorithmTypes.FromNumberTypeCode(t) is { } byCode) return byCode;
        if (AlgorithmTypes.TryParseChinese(t, out var byName)) return byName;
        if (Enum.TryParse<AlgorithmType>(t, ignoreCase: true, out var byEnum) && Enum.IsDefined(byEnum)) return byEnum;
        return null;
    }

    /// <summary>The start of the province name to match: any form of a known province (北京市, 北京, 京, 11, 110000,
    /// Beijing → 北京), otherwise the text itself.</summary>
    public string? ProvincePrefix()
    {
        var p = Province?.Trim();
        if (string.IsNullOrEmpty(p)) return null;
        if (Regions.Resolve(p) is { } known) return known.ShortName;
        var trimmed = p.TrimEnd('省', '市');
        return trimmed.Length > 0 ? trimmed : p;
    }

    /// <summary>Null when the query can run; otherwise a Chinese message naming the field.</summary>
    public string? Validate()
    {
        if (!string.IsNullOrWhiteSpace(Type) && TypeValue() is null)
            return $"算法类型“{Type}”无法识别（可用：生成合成类、个性化推送类、排序精选类、检索过滤类、调度决策类，或编号中的类型代码 01–06）";
        if (Year is < 2000 or > 2100) return $"年份“{Year}”不合理";
        if (Page < 1) return "页码应从 1 开始";
        if (PageSize is < 1 or > MaxPageSize) return $"每页条数应在 1–{MaxPageSize} 之间";
        if ((Text?.Length ?? 0) > 200) return "搜索词过长（最多 200 个字符）";
        return null;
    }

    public static RegistryStatus? ParseStatus(string? s) => s?.Trim().ToLowerInvariant() switch
    {
        null or "" or "all" or "全部" => null,
        "active" or "有效" or "正常" => RegistryStatus.Active,
        "cancelled" or "canceled" or "已注销" or "注销" => RegistryStatus.Cancelled,
        _ => throw new RegistryQueryException($"状态“{s}”无法识别（可用：active、cancelled）"),
    };

    public static RegistrySource? ParseSource(string? s) => s?.Trim().ToLowerInvariant() switch
    {
        null or "" or "all" or "全部" => null,
        "official" or "官方清单" or "official-list" => RegistrySource.OfficialList,
        "filed" or "filed-here" or "本系统" => RegistrySource.FiledHere,
        _ => throw new RegistryQueryException($"来源“{s}”无法识别（可用：official、filed）"),
    };

    public static RegistrySort ParseSort(string? s) => s?.Trim().ToLowerInvariant() switch
    {
        "oldest" => RegistrySort.Oldest,
        "number" => RegistrySort.Number,
        "name" => RegistrySort.Name,
        "entity" => RegistrySort.Entity,
        _ => RegistrySort.Latest,
    };
}
