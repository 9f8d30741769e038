using System.Text;
using System.Text.RegularExpressions;

namespace Suanbei.Labels;

/// <summary>Art. 6 of the labeling measures: how a propagation platform classifies what it receives.</summary>
public enum PropagationClass
{
    /// <summary>属于 — a valid implicit label was verified.</summary>
    Belongs,
    /// <summary>可能为 — no valid label, but the user declares the content AI-generated.</summary>
    Declared,
    /// <summary>疑似 — neither, but an explicit label or another trace (e.g. an invalid label) was found.</summary>
    Suspected,
}

public static class PropagationClassNames
{
    public static string Name(this PropagationClass c) => c switch
    {
        PropagationClass.Belongs => "belongs",
        PropagationClass.Declared => "declared",
        _ => "suspected",
    };
}

/// <summary>The classification and the label to write; <see cref="Label"/> is null when nothing may be written.</summary>
public sealed record PropagationDecision(PropagationClass? Class, AigcLabel? Label, string Reason);

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

/// <summary>Traces of an explicit label that a propagation platform can detect without OCR: text content carrying
/// an AI-generation marking (an AI element and a generation element, reference §5).</summary>
public static partial class ExplicitTrace
{
    public static bool Found(string path, string? format)
    {
        if (format is not ("text" or "markdown")) return false;
        try
        {
            using var s = File.OpenRead(path);
            var buffer = new byte[Math.Min(s.Length, 1024 * 1024)];
            var n = s.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            return InText(Encoding.UTF8.GetString(buffer, 0, n));
        }
        catch (IOException) { return false; }
    }

    public static bool InText(string text) => Marking().IsMatch(text);

    [GeneratedRegex(@"(人工智能|AI|ＡＩ|AIGC)[^\n]{0,12}?(生成|合成)|(由|经)[^\n]{0,6}?(人工智能|AI)[^\n]{0,6}?(生成|合成)", RegexOptions.None, 1000)]
    private static partial Regex Marking();
}
