using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Suanbei.GenAi.Keywords;

namespace Suanbei.GenAi.Evaluation;

/// <summary>
/// Reads a finished (or partial) run from the bytes of its <c>manifest.json</c> and <c>journal.jsonl</c>, as uploaded
/// for human review: every sampled question that has an answer, judged automatically. Errors are
/// <see cref="EvalException"/> with a Chinese message naming the file.
/// </summary>
public static class RunFiles
{
    public static RunManifest ReadManifest(byte[] json)
    {
        try
        {
            var manifest = JsonSerializer.Deserialize(json, GenAiJsonContext.Default.RunManifest);
            if (manifest?.Sample is null || manifest.Model is null)
                throw new EvalException($"{EvalRunner.ManifestFile} 不是评估运行的清单（缺少 model 或 sample）");
            return manifest;
        }
        catch (JsonException e) { throw new EvalException($"{EvalRunner.ManifestFile} 不是有效的 JSON：{e.Message}"); }
    }

    /// <summary>Whether <paramref name="keywordBank"/> is the keyword bank the run used (SHA-256 in the manifest).</summary>
    public static bool IsRunKeywordBank(RunManifest manifest, byte[] keywordBank) =>
        manifest.InputHashes.TryGetValue("keywords", out var hash)
        && hash == Convert.ToHexStringLower(SHA256.HashData(keywordBank));

    /// <summary>The answered questions in sample order; a line of the journal that is not a record is skipped, as the
    /// runner drops a line cut short by a kill. The last answer stored for a question counts.</summary>
    public static IReadOnlyList<JudgedAnswer> Judge(RunManifest manifest, byte[] journal, KeywordLibrary? keywords,
        RefusalDetector? refusal = null)
    {
        refusal ??= RefusalDetector.Default;
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in Encoding.UTF8.GetString(journal).Split('\n'))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            JournalRecord? record;
            try { record = JsonSerializer.Deserialize(line, GenAiJsonContext.Default.JournalRecord); }
            catch (JsonException) { continue; }
            if (record is { Answer: not null }) answers[record.Id] = record.Answer;
        }
        if (keywords is null && manifest.Sample.Any(q => q.Bank == "content" && answers.ContainsKey(q.Id)))
            throw new EvalException("该次评估含生成内容题，判定需要评估时使用的关键词库：请一并上传或用 --keywords 指定");
        return manifest.Sample
            .Where(q => answers.ContainsKey(q.Id))
            .Select(q => new JudgedAnswer(q, answers[q.Id], AnswerJudge.Success(q.Bank, answers[q.Id], keywords, refusal)))
            .ToList();
    }
}
