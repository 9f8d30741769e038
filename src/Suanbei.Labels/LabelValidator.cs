namespace Suanbei.Labels;

/// <summary>The Annex E rules for one label value (GB 45438-2025, reference §5).</summary>
public static class LabelValidator
{
    public static readonly IReadOnlySet<string> LabelValues = new HashSet<string> { "1", "2", "3" };

    /// <summary>Annex E value character set: printable ASCII except space, <c>"</c> and <c>\</c>.</summary>
    public static bool IsValueChar(char c) => c == 0x21 || (c >= 0x23 && c <= 0x5B) || (c >= 0x5D && c <= 0x7E);

    public static bool IsValidValue(string value) => FirstInvalidChar(value) < 0;

    /// <summary>Index of the first character outside the Annex E value set, or -1.</summary>
    public static int FirstInvalidChar(string value)
    {
        for (var i = 0; i < value.Length; i++)
            if (!IsValueChar(value[i])) return i;
        return -1;
    }

    /// <summary>Every problem of one raw value found under an AIGC key; empty when compliant.</summary>
    public static List<LabelProblem> Validate(string rawValue, out LabelPayload? payload) =>
        Problems(rawValue, out payload) ?? [];

    public static List<LabelProblem> Validate(IReadOnlyDictionary<string, string?> fields) => Problems(fields) ?? [];

    /// <summary><see cref="Validate(string, out LabelPayload?)"/> with null for none: a compliant file (the verify
    /// path's common case) costs no list.</summary>
    internal static List<LabelProblem>? Problems(string rawValue, out LabelPayload? payload)
    {
        if (!LabelPayload.TryParse(rawValue, out payload, out var error))
            return [new(LabelProblem.PayloadInvalid, error ?? "标签值无法解析")];
        return Problems(payload!.Fields);
    }

    private static List<LabelProblem>? Problems(IReadOnlyDictionary<string, string?> fields)
    {
        List<LabelProblem>? problems = null;
        foreach (var name in AigcLabel.FieldNameSpan)
        {
            var value = Field(fields, name);
            if (value is null) { (problems ??= []).Add(new(LabelProblem.FieldMissing, $"缺少字段 {name}（附录E要求七个字段齐全）")); continue; }
            var bad = FirstInvalidChar(value);
            if (bad >= 0)
                (problems ??= []).Add(new(LabelProblem.ValueCharset,
                    $"字段 {name} 含有不允许的字符 U+{(int)value[bad]:X4}（只允许除空格、双引号、反斜杠外的可打印ASCII字符）"));
        }
        if (Field(fields, "Label") is { } label && label is not ("1" or "2" or "3"))
            (problems ??= []).Add(new(LabelProblem.LabelValueInvalid,
                $"Label 应为 \"1\"（属于）、\"2\"（可能为）或 \"3\"（疑似），实际为 \"{Truncate(label)}\""));
        if (Field(fields, "ContentProducer") is { } producer && ProducerCode.Validate(producer) is { } pe)
            (problems ??= []).Add(new(LabelProblem.ProducerInvalid, "ContentProducer 不合规：" + pe));
        if (Field(fields, "ProduceID") is "")
            (problems ??= []).Add(new(LabelProblem.ProduceIdEmpty, "ProduceID 为空（应为生成服务提供者给出的内容编号）"));
        if (Field(fields, "ContentPropagator") is { Length: > 0 } propagator && ProducerCode.Validate(propagator) is { } ge)
            (problems ??= []).Add(new(LabelProblem.PropagatorInvalid, "ContentPropagator 不合规：" + ge));
        return problems;
    }

    /// <summary>Checks a label before writing it; throws <see cref="LabelWriteException"/> listing every problem.</summary>
    public static void EnsureWritable(AigcLabel label)
    {
        var problems = Validate(label.ToDictionary()!);
        if (problems.Count > 0) throw new LabelWriteException("标签不合规，未写入：" + string.Join("；", problems.Select(p => p.Message)));
    }

    private static string? Field(IReadOnlyDictionary<string, string?> fields, string name) => fields.TryGetValue(name, out var v) ? v
        : null;

    private static string Truncate(string s) => s.Length > 40 ? s[..40] + "…" : s;
}
