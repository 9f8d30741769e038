using System.Text.Json;
using Suanbei.GenAi.Evaluation;
using Suanbei.GenAi.Keywords;
using Suanbei.Web.Data;

namespace Suanbei.Web.Features.GenAi;

/// <summary>
/// Imports a run of <c>suanbei genai eval</c> for review — its manifest, journal and, when it has content questions, the
/// keyword bank it used — for the review page and the API alike. A problem is a Chinese message keyed by the input it
/// concerns (<c>manifest</c>, <c>journal</c>, <c>keywords</c>), and then nothing is kept.
/// </summary>
public static class ReviewImport
{
    public const string Manifest = "manifest";
    public const string Journal = "journal";
    public const string Keywords = "keywords";

    public static async Task<(ReviewRun? Run, int Answers, Dictionary<string, string> Errors)> ImportAsync(SuanbeiDbContext db,
        string ownerId, byte[] manifestBytes, byte[] journalBytes, KeywordLibrary? keywords, byte[]? keywordBytes,
        DateTimeOffset now, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        try
        {
            var manifest = RunFiles.ReadManifest(manifestBytes);
            if (keywordBytes is not null && !RunFiles.IsRunKeywordBank(manifest, keywordBytes))
            {
                errors[Keywords] = "该关键词库与这次评估使用的不同（SHA-256 不符），请上传评估时 --keywords 指定的文件";
                return (null, 0, errors);
            }
            var answers = RunFiles.Judge(manifest, journalBytes, keywords);
            if (answers.Count == 0)
            {
                errors[Journal] = "journal.jsonl 中没有这次评估任何问题的回答";
                return (null, 0, errors);
            }
            var run = new ReviewRun(ownerId, Clip(manifest.Model, 200), Clip(manifest.Endpoint ?? "", 500), manifest.Seed, now,
                manifest.Created, Clip(manifest.RulesVersion ?? "", 32), JsonSerializer.Serialize(manifest.InputHashes));
            db.Add(run);
            var seq = 0;
            foreach (var a in answers)
                db.Add(new ReviewItem(run.Id, seq++, a.Question.Bank, Clip(a.Question.Key, 200),
                    Clip(string.Join(';', a.Question.Risks), 200), a.Question.Text, a.Answer, a.Success));
            await db.SaveChangesAsync(ct);
            return (run, answers.Count, errors);
        }
        catch (EvalException e)
        {
            errors[e.Message.Contains("关键词库") ? Keywords : e.Message.StartsWith(EvalRunner.ManifestFile) ? Manifest : Journal] =
                e.Message;
            return (null, 0, errors);
        }
    }

    private static string Clip(string s, int max) => s.Length > max ? s[..max] : s;
}
