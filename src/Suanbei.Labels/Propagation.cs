namespace Suanbei.Labels;

public static class Propagation
{
    /// <summary>
    /// Decides per Art. 6. A valid label keeps its producer fields (Label, ContentProducer, ProduceID, ReservedCode1)
    /// and gets the propagator's fields. Without a valid label: the user's declaration gives Label "2", a trace gives
    /// Label "3". When no producer is known the platform's own code and id stand in the producer fields (the first
    /// writer's fields; reference §5 "on first write the propagator fields equal the producer fields").
    /// </summary>
    public static PropagationDecision Decide(VerificationReport before, bool userDeclared, bool explicitTrace,
        string propagator, string propagateId, string reservedCode2 = "")
    {
        if (before.Verdict == Verdict.Inconclusive)
            return new(null, null, "文件结构损坏或格式无法识别，无法判定，也无法写入传播标识");
        var valid = before.Labels.Select(l => l.Label).FirstOrDefault(
            l => l is not null && LabelValidator.Validate(l.ToDictionary()!).Count == 0);
        if (valid is not null)
        {
            var cls = valid.Label switch
            {
                "1" => PropagationClass.Belongs,
                "2" => PropagationClass.Declared,
                _ =>
                PropagationClass.Suspected
            };
            return new(cls, valid with { ContentPropagator = propagator, PropagateID = propagateId, ReservedCode2 = reservedCode2 },
                "已核验文件中的隐式标识" + (before.Labels.Count > 1 ? "（文件含多处标识，写入后只保留一处）" : ""));
        }
        // Fields of an invalid label that can be kept as they are (a producer code that fails its check cannot).
        var traceFields = before.Labels.Select(l => l.Fields).FirstOrDefault(f => f.Count > 0);
        string Keep(string name, string fallback) =>
            traceFields is not null && traceFields.TryGetValue(name, out var v) && v is not null && LabelValidator.IsValidValue(v) ? v
                : fallback;
        var producer = Keep("ContentProducer", propagator);
        if (!ProducerCode.IsValid(producer)) producer = propagator;
        var produceId = Keep("ProduceID", propagateId);
        if (produceId.Length == 0) produceId = propagateId;
        var reserved1 = Keep("ReservedCode1", "");

        if (userDeclared)
            return new(PropagationClass.Declared, new AigcLabel(
                "2", producer, produceId, reserved1, propagator, propagateId, reservedCode2),
                before.Labels.Count > 0 ? "文件中的标识不合规，用户声明为AI生成内容" : "未发现隐式标识，用户声明为AI生成内容");
        if (before.Labels.Count > 0 || explicitTrace)
            return new(PropagationClass.Suspected, new AigcLabel(
                "3", producer, produceId, reserved1, propagator, propagateId, reservedCode2),
                before.Labels.Count > 0 ? "发现不合规的隐式标识（生成合成痕迹）" : "发现显式标识（生成合成痕迹）");
        return new(null, null, "未发现隐式标识、显式标识或其他痕迹，用户也未声明：不属于应添加传播标识的情形");
    }

    /// <summary>Verifies, decides and writes in one go. Output is written atomically; nothing is written when
    /// <see cref="PropagationDecision.Label"/> is null.</summary>
    public static PropagationDecision PropagateFile(string input, string output, string propagator, string propagateId,
        bool userDeclared, string reservedCode2 = "", bool inPlace = false)
    {
        if (ProducerCode.Validate(propagator) is { } error) throw new LabelWriteException("传播者代码（--propagator）不合规：" + error);
        if (propagateId.Length == 0 || !LabelValidator.IsValidValue(propagateId))
            throw new LabelWriteException("PropagateID（--propagate-id）不能为空，且只能含除空格、双引号、反斜杠外的可打印ASCII字符");
        var before = LabelFile.Verify(input);
        var decision = Decide(before, userDeclared, ExplicitTrace.Found(input, before.Format), propagator, propagateId, reservedCode2);
        if (decision.Label is null) return decision;
        if (inPlace) LabelFile.WriteInPlace(input, decision.Label, validate: false);
        else LabelFile.Write(input, output, decision.Label, validate: false);
        return decision;
    }
}
