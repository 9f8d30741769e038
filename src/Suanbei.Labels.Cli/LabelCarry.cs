namespace Suanbei.Labels.Cli;

/// <summary>
/// <c>label carry</c>: after a re-encode, resize or transcode dropped the metadata, writes the original file's label
/// into the processed file, the propagator fields updated when asked. Only a label the original holds is ever
/// written: an original without one, with a damaged structure, or with two different labels is refused.
/// </summary>
internal static class LabelCarry
{
    /// <summary>The Chinese reason given when the original has no label (nothing may be written).</summary>
    public const string NoLabel = "原文件中没有隐式标识：carry 只写入原文件已有的标识，未写入";

    /// <summary>The label to carry from <paramref name="original"/> (a verification of the original file); null when
    /// the original has none. Throws <see cref="LabelWriteException"/> with the Chinese reason when it cannot be carried.</summary>
    public static AigcLabel? LabelFrom(VerificationReport original, string? propagator, string? propagateId)
    {
        if ((propagator is null) != (propagateId is null))
            throw new LabelWriteException("--propagator 与 --propagate-id 须同时指定");
        if (original.Verdict == Verdict.Inconclusive)
            throw new LabelWriteException("原文件结构损坏或格式无法识别，无法确定其隐式标识，未写入");
        if (original.Labels.Count == 0) return null;
        var labels = original.Labels.Select(l => l.Label).Distinct().ToList();
        if (labels.Count > 1) throw new LabelWriteException($"原文件含有{labels.Count}个不同的隐式标识，无法确定应携带哪一个，未写入");
        var label = labels[0] ?? throw new LabelWriteException("原文件中的隐式标识无法解析，未写入");
        if (propagator is null || propagateId is null) return label;
        if (propagateId.Length == 0) throw new LabelWriteException("PropagateID（--propagate-id）不能为空");
        // The code and the value characters are checked where every label is: the write validates it (LabelValidator).
        return label with { ContentPropagator = propagator, PropagateID = propagateId };
    }

    /// <summary>Verifies <paramref name="original"/> and writes its label into a copy of <paramref name="input"/> at
    /// <paramref name="output"/> (atomically, read back). Returns the label written; null, writing nothing, when the
    /// original has no label.</summary>
    public static AigcLabel? Carry(string original, string input, string output, string? propagator, string? propagateId)
    {
        var label = LabelFrom(LabelFile.Verify(original), propagator, propagateId);
        if (label is not null) LabelFile.Write(input, output, label);
        return label;
    }
}
