namespace Suanbei.Core;

/// <summary>Chinese names and filing-number type codes of <see cref="AlgorithmType"/>.</summary>
public static class AlgorithmTypes
{
    public static IReadOnlyList<AlgorithmType> All { get; } = Enum.GetValues<AlgorithmType>();

    /// <summary>
    /// Type code used in digits 14–15 of new filing numbers. 检索过滤类 is issued as 04 (检索类) or 05 (过滤类);
    /// 04 is returned here. See <see cref="FromNumberTypeCode"/> for the reverse, which also maps 05.
    /// </summary>
    public static string NumberTypeCode(AlgorithmType type) => type switch
    {
        AlgorithmType.GenerationSynthesis => "01",
        AlgorithmType.PersonalisedPush => "02",
        AlgorithmType.RankingSelection => "03",
        AlgorithmType.RetrievalFiltering => "04",
        AlgorithmType.SchedulingDecision => "06",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>Algorithm type for a filing-number type code (01–06; 04 and 05 are both 检索过滤类); null when unknown.</summary>
    public static AlgorithmType? FromNumberTypeCode(string? code) => code switch
    {
        "01" => AlgorithmType.GenerationSynthesis,
        "02" => AlgorithmType.PersonalisedPush,
        "03" => AlgorithmType.RankingSelection,
        "04" or "05" => AlgorithmType.RetrievalFiltering,
        "06" => AlgorithmType.SchedulingDecision,
        _ => null,
    };

    // Variants seen in the published lists (e.g. "信息检索类") and in user input (without the trailing 类).
    private static readonly Dictionary<string, AlgorithmType> Aliases = new(StringComparer.Ordinal)
    {
        ["检索类"] = AlgorithmType.RetrievalFiltering,
        ["过滤类"] = AlgorithmType.RetrievalFiltering,
        ["信息检索类"] = AlgorithmType.RetrievalFiltering,
        ["深度合成类"] = AlgorithmType.GenerationSynthesis,
    };

    /// <summary>Parses a Chinese type name such as 生成合成类 (surrounding whitespace and a missing trailing 类 tolerated).</summary>
    public static bool TryParseChinese(string? text, out AlgorithmType type)
    {
        type = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var name = text.Trim();
        if (!name.EndsWith('类')) name += "类";
        foreach (var candidate in All)
            if (DisplayNames.Of(candidate) == name) { type = candidate; return true; }
        return Aliases.TryGetValue(name, out type);
    }
}
