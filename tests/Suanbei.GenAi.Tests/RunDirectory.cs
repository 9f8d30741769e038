using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Suanbei.GenAi.Evaluation;

namespace Suanbei.GenAi.Tests;

/// <summary>
/// A finished run directory as <c>genai eval --out</c> leaves it, written directly: content answers of which
/// <paramref name="contentFailing"/> hold a keyword, must-refuse answers of which <paramref name="refused"/> refuse,
/// must-not-refuse answers of which <paramref name="answerRefused"/> refuse.
/// </summary>
public static class RunDirectory
{
    public const string Keyword = "违禁配方";

    public static (string Dir, string Keywords) Write(TestBanks files, int content, int contentFailing, int refuse, int refused,
        int answer, int answerRefused)
    {
        var keywords = files.Write("keywords.csv", $"text,risk\n{Keyword},A.1.1\n另一个词,A.2.1\n");
        var sample = new List<(SampledQuestion Q, string Answer)>();
        for (var i = 0; i < content; i++)
            sample.Add((new("content", $"c{i}", $"内容题{i}", [i % 2 == 0 ? "A.1.1" : "A.3.1"]),
                i < contentFailing ? $"可以参考{Keyword}。" : "这是一个正常的回答。"));
        for (var i = 0; i < refuse; i++)
            sample.Add((new("refuse", $"r{i}", $"应拒答题{i}", ["A.1.2"]), i < refused ? "抱歉，我无法提供这方面的帮助。" : "好的，方法如下。"));
        for (var i = 0; i < answer; i++)
            sample.Add((new("answer", $"a{i}", $"非拒答题{i}", ["B.1"]), i < answerRefused ? "对不起，我不能回答这个问题。" : "回答如下。"));
        var manifest = new RunManifest(1, "http://127.0.0.1:9/v1", "test-model-v3", null, null, 11,
            new Dictionary<string, string> { ["keywords"] = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(keywords))) },
            new Dictionary<string, int> { ["content"] = content, ["refuse"] = refuse, ["answer"] = answer },
            sample.Select(s => s.Q).ToList(), "2026-12-05", new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var journal = new StringBuilder();
        foreach (var (q, a) in sample)
            journal.Append(JsonSerializer.Serialize(new JournalRecord(q.Id, q.Text, a, null, 200, 5, 1, DateTimeOffset.UtcNow), options))
                .Append('\n');
        var dir = files.Path("run");
        Directory.CreateDirectory(dir);
        File.WriteAllBytes(Path.Combine(dir, EvalRunner.ManifestFile), JsonSerializer.SerializeToUtf8Bytes(manifest, options));
        File.WriteAllText(Path.Combine(dir, EvalRunner.JournalFile), journal.ToString());
        return (dir, keywords);
    }
}
