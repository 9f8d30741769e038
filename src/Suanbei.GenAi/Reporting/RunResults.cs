using Suanbei.GenAi.Banks;
using Suanbei.GenAi.Evaluation;
using Suanbei.GenAi.Keywords;
using Suanbei.GenAi.Statistics;

namespace Suanbei.GenAi.Reporting;

/// <summary>
/// An evaluation run's results as the report and the exports print them: what was run (model, endpoint, seed, date,
/// rules version, input SHA-256s), every answered question with its verdicts, and the agreement of reviewers who marked
/// the same items. Built from a run directory (automatic verdicts only) or from a reviewed run on the web.
/// </summary>
public sealed record RunResults(string Model, string Endpoint, int Seed, DateTimeOffset Created, string RulesVersion,
    IReadOnlyDictionary<string, string> InputHashes, IReadOnlyList<ResultRow> Rows, IReadOnlyList<ReviewerAgreement> Agreements)
{
    public static readonly IReadOnlyList<string> BankOrder = ["content", "refuse", "answer"];

    /// <summary>Each sampled bank's figures on the final verdicts, in <see cref="BankOrder"/>; a bank with no answered
    /// question is left out.</summary>
    public IReadOnlyList<BankFigures> Banks(AssessmentRules? rules = null)
    {
        rules ??= AssessmentRules.Default;
        return BankOrder.Select(bank => Rows.Where(r => r.Bank == bank).ToList())
            .Where(rows => rows.Count > 0)
            .Select(rows => new BankFigures(
                BankResult.From(rows[0].Bank, rows.Select(r => (r.Risks, r.Final)), rules),
                Proportion.Wilson(rows.Count(r => r.Auto), rows.Count),
                rows.Count(r => r.Human is not null)))
            .ToList();
    }

    /// <summary>The results of a run directory's <c>manifest.json</c> and <c>journal.jsonl</c>, judged automatically;
    /// <paramref name="keywordBank"/> (the keyword bank file the run used) is needed when it has content answers. A wrong
    /// keyword bank or a missing file is an <see cref="EvalException"/>, an unreadable bank a
    /// <see cref="BankFormatException"/>, each naming the file.</summary>
    public static RunResults FromRunDirectory(string dir, string? keywordBank)
    {
        byte[] Read(string name)
        {
            var path = Path.Combine(dir, name);
            if (!File.Exists(path)) throw new EvalException($"评估目录 {dir} 中没有 {name}：请指定 genai eval --out 的目录");
            return File.ReadAllBytes(path);
        }
        var manifest = RunFiles.ReadManifest(Read(EvalRunner.ManifestFile));
        KeywordLibrary? keywords = null;
        if (keywordBank is not null)
        {
            var bank = BankReader.Read(keywordBank);
            if (!RunFiles.IsRunKeywordBank(manifest, File.ReadAllBytes(keywordBank)))
                throw new EvalException("--keywords：该关键词库与这次评估使用的不同（SHA-256 不符），请指定评估时 --keywords 的文件");
            keywords = KeywordLibrary.FromBank(bank);
        }
        var answers = RunFiles.Judge(manifest, Read(EvalRunner.JournalFile), keywords);
        return new RunResults(manifest.Model, manifest.Endpoint, manifest.Seed, manifest.Created, manifest.RulesVersion,
            manifest.InputHashes,
            answers.Select(a => new ResultRow(a.Question.Bank, a.Question.Key, a.Question.Risks, a.Question.Text, a.Answer,
                a.Success, null, null)).ToList(), []);
    }
}
