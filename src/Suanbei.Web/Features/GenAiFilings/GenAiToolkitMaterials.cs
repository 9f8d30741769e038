using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Suanbei.Core;
using Suanbei.Core.Filings;
using Suanbei.Core.GenerativeAi;
using Suanbei.GenAi;
using Suanbei.GenAi.Banks;
using Suanbei.GenAi.Reporting;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Filings;
using Suanbei.Web.Features.GenAi;

namespace Suanbei.Web.Features.GenAiFilings;

/// <summary>
/// The filing's materials taken from the assessment toolkit: what the filer may link (the organisation's own bank
/// versions and reviewed runs), what a filing links (name, version, items, quota check with the shortfalls in Chinese),
/// and the files a reviewer downloads — a bank in the format it was uploaded in, written by the toolkit's
/// <see cref="BankWriter"/>, and the 安全自评估报告 generated from the linked run. Links are read each time, so what is
/// shown and downloaded is always the version linked.
/// </summary>
public sealed class GenAiToolkitMaterials(SuanbeiDbContext db, TimeProvider clock)
{
    /// <summary>The organisation's bank versions that can be linked (those kept with their items) and its runs.</summary>
    public async Task<(List<BankCheck> Banks, List<ReviewRun> Runs)> ChoicesAsync(string ownerId, CancellationToken ct)
    {
        var banks = await db.Set<BankCheck>().AsNoTracking().Where(c => c.OwnerId == ownerId && c.ItemsJson != null).ToListAsync(ct);
        var runs = await db.Set<ReviewRun>().AsNoTracking().Where(r => r.OwnerId == ownerId).ToListAsync(ct);
        return (banks.OrderBy(c => c.BankName, StringComparer.Ordinal).ThenByDescending(c => c.Version).ToList(),
            runs.OrderByDescending(r => r.ImportedAt).ToList());
    }

    /// <summary>
    /// Links a material to bank versions or a run of <paramref name="filer"/>'s organisation (none: removes the link).
    /// Another organisation's version or run reads as not existing; a version of the wrong bank, or a missing bank of the
    /// test set, is named in Chinese.
    /// </summary>
    public async Task LinkAsync(GenerativeAiFiling f, Actor filer, string key, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var material = GenerativeAiRules.Current.Materials.FirstOrDefault(m => m.Key == key)
            ?? throw new DomainException($"未知的备案材料：{key}");
        var distinct = ids.Distinct().ToList();
        var targets = new List<(string Part, Guid Id)>();
        if (material.Toolkit?.Source == GenerativeAiMaterialSource.ReviewRun && distinct.Count > 0)
        {
            var runs = await db.Set<ReviewRun>().Where(r => distinct.Contains(r.Id) && r.OwnerId == filer.OwnerId)
                .Select(r => r.Id).ToListAsync(ct);
            if (runs.Count != distinct.Count) throw new DomainException($"《{material.Name}》：所选评估运行不存在或不属于本机构。");
            targets.AddRange(runs.Select(id => ("", id)));
        }
        else if (material.Toolkit is { Source: GenerativeAiMaterialSource.BankVersion } option && distinct.Count > 0)
        {
            var checks = await db.Set<BankCheck>().Where(c => distinct.Contains(c.Id) && c.OwnerId == filer.OwnerId).ToListAsync(ct);
            if (checks.Count != distinct.Count) throw new DomainException($"《{material.Name}》：所选题库版本不存在或不属于本机构。");
            if (checks.FirstOrDefault(c => c.ItemsJson is null) is { } old)
                throw new DomainException($"《{material.Name}》：“{old.BankName}”第{old.Version}版保存时未保留题目，不能关联；请重新上传该题库。");
            if (checks.FirstOrDefault(c => !option.Parts.Contains(c.Kind)) is { } wrong)
                throw new DomainException($"《{material.Name}》只能关联{PartNames(option.Parts)}的版本，" +
                    $"“{wrong.BankName}”是{BanksModel.KindName(wrong.Kind)}。");
            var missing = option.Parts.Where(p => checks.All(c => c.Kind != p)).ToList();
            if (missing.Count > 0) throw new DomainException($"《{material.Name}》还须关联{PartNames(missing)}的版本。");
            if (checks.GroupBy(c => c.Kind).FirstOrDefault(g => g.Count() > 1) is { } twice)
                throw new DomainException($"《{material.Name}》的{BanksModel.KindName(twice.Key)}只能关联一个版本。");
            targets.AddRange(checks.Select(c => (c.Kind, c.Id)));
        }
        f.LinkToolkit(filer, key, targets, clock.GetUtcNow());
        await AuditTrailGuard.SaveAsync(db, ct);
    }

    /// <summary>What each toolkit link of the filing names, in the materials' order.</summary>
    public async Task<IReadOnlyList<GenAiLinkedMaterial>> DescribeAsync(GenerativeAiFiling f, CancellationToken ct)
    {
        var list = new List<GenAiLinkedMaterial>();
        foreach (var m in GenerativeAiRules.Current.Materials)
            foreach (var link in f.ToolkitLinksOf(m.Key))
                list.Add(link.Source == GenerativeAiMaterialSource.ReviewRun
                    ? await DescribeRunAsync(f, m, link, ct)
                    : await DescribeBankAsync(f, m, link, ct));
        return list;
    }

    /// <summary>The pre-submission warnings: each linked version or run that misses a quota or threshold, with what is short.</summary>
    public static IReadOnlyList<string> Warnings(IEnumerable<GenAiLinkedMaterial> linked) =>
        linked.Where(l => l.Ok != true).Select(l => l.Ok is null
            ? $"《{l.MaterialName}》关联的{l.Title}已不存在，请重新选择。"
            : $"《{l.MaterialName}》关联的{l.Title}未达标：{Summary(l.Shortfalls)}。").ToList();

    /// <summary>The warning names the first shortfalls and counts the rest; the full list is shown with the link.</summary>
    public const int WarningShortfalls = 3;

    private static string Summary(IReadOnlyList<string> shortfalls) =>
        string.Join("；", shortfalls.Take(WarningShortfalls))
        + (shortfalls.Count > WarningShortfalls ? $"；等共 {shortfalls.Count} 项不足（详见“从评估工具关联的材料”）" : "");

    /// <summary>The address of a linked material's file (lowercase; the part is empty for the run's report).</summary>
    public static string DownloadUrl(Guid filingId, string key, string part) =>
        $"/genai-filings/{filingId}/toolkit/{key.ToLowerInvariant()}" + (part.Length > 0 ? $"/{part}" : "");

    /// <summary>The file of one link: the bank version as the toolkit exports it, or the report of the run; null when none.</summary>
    public async Task<(byte[] Bytes, string ContentType, string FileName)?> FileAsync(GenerativeAiFiling f, string key, string? part,
        CancellationToken ct)
    {
        var material = GenerativeAiRules.Current.Materials
            .FirstOrDefault(m => string.Equals(m.Key, key, StringComparison.OrdinalIgnoreCase));
        if (material is null) return null;
        var link = f.ToolkitLinksOf(material.Key).FirstOrDefault(l => l.Part == (part ?? ""));
        if (link is null) return null;
        if (link.Source == GenerativeAiMaterialSource.ReviewRun)
        {
            var report = await ReportAsync(f, link.MaterialId, ct);
            var name = $"{f.ModelName ?? "生成式人工智能服务"}-{GenerativeAiSelfAssessmentReport.FileName}";
            return report is null ? null : (report, GenerativeAiSelfAssessmentReport.DocxType, name);
        }
        var check = await db.Set<BankCheck>().AsNoTracking()
            .FirstOrDefaultAsync(c => c.Id == link.MaterialId && c.OwnerId == f.OwnerUserId, ct);
        if (check?.ItemsJson is null) return null;
        var items = JsonSerializer.Deserialize<List<BankItem>>(check.ItemsJson, BanksModel.Json) ?? [];
        var (ext, type) = check.Format switch
        {
            "XLSX" => (".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            "JSONL" => (".jsonl", "application/x-ndjson; charset=utf-8"),
            "TSV" => (".tsv", "text/tab-separated-values; charset=utf-8"),
            _ => (".csv", "text/csv; charset=utf-8"),
        };
        var temp = Path.Combine(Path.GetTempPath(), $"suanbei-bank-{Guid.NewGuid():N}{ext}");
        try
        {
            BankWriter.Write(temp, items);
            return (await File.ReadAllBytesAsync(temp, ct), type, $"{check.BankName}-第{check.Version}版{ext}");
        }
        finally { File.Delete(temp); }
    }

    /// <summary>
    /// The 安全自评估报告 from a run of the filing's organisation: the run's samples, rates and intervals, the banks the
    /// filing links (the organisation's latest check for a bank it does not link), the model's name and version.
    /// </summary>
    public async Task<byte[]?> ReportAsync(GenerativeAiFiling f, Guid runId, CancellationToken ct)
    {
        if (await ReviewResults.LoadAsync(db, runId, f.OwnerUserId, ct) is not { } results) return null;
        var linkedIds = f.Materials.Where(m => m.Source == GenerativeAiMaterialSource.BankVersion).Select(m => m.MaterialId).ToList();
        var linked = await db.Set<BankCheck>().AsNoTracking()
            .Where(c => linkedIds.Contains(c.Id) && c.OwnerId == f.OwnerUserId).ToListAsync(ct);
        var latest = await ReviewResults.LatestBanksAsync(db, f.OwnerUserId, ct);
        var banks = Enum.GetValues<BankKind>().Select(k =>
                linked.FirstOrDefault(c => c.Kind == k.Code()) is { } c
                    ? new CheckedBank(JsonSerializer.Deserialize<BankReport>(c.ReportJson, BanksModel.Json)!,
                        $"“{c.BankName}”第{c.Version}版（本备案关联，{ChinaTime.Display(c.CheckedAt)}检查）")
                    : latest.FirstOrDefault(b => b.Report.Kind == k))
            .OfType<CheckedBank>().ToList();
        var input = new SelfAssessmentInput(f.ModelName, results, banks, null, clock.GetUtcNow());
        return GenerativeAiSelfAssessmentReport.Build(input, modelVersion: f.Form.ModelVersion);
    }

    private async Task<GenAiLinkedMaterial> DescribeBankAsync(GenerativeAiFiling f, GenerativeAiMaterial m, GenerativeAiMaterialLink link,
        CancellationToken ct)
    {
        var url = DownloadUrl(f.Id, m.Key, link.Part);
        var c = await db.Set<BankCheck>().AsNoTracking()
            .FirstOrDefaultAsync(x => x.Id == link.MaterialId && x.OwnerId == f.OwnerUserId, ct);
        if (c is null) return new(m.Key, m.Name, link.Part, link.Source, $"{BanksModel.KindName(link.Part)}版本", "", null, [], null);
        var report = JsonSerializer.Deserialize<BankReport>(c.ReportJson, BanksModel.Json)!;
        var shortfalls = new List<string>();
        if (report.Items < report.Minimum) shortfalls.Add($"共 {N(report.Items)} 条，少于要求的 {N(report.Minimum)} 条");
        shortfalls.AddRange(report.Shortfalls.Select(s => $"{s.Risk} {s.Name} {N(s.Have)} 条，少于 {N(s.Need)} 条"));
        return new(m.Key, m.Name, link.Part, link.Source, $"{BanksModel.KindName(c.Kind)}“{c.BankName}”第{c.Version}版",
            $"{N(c.Items)} 条 · {c.Format} · {ChinaTime.Display(c.CheckedAt)}检查", report.Ok, shortfalls, url);
    }

    private async Task<GenAiLinkedMaterial> DescribeRunAsync(GenerativeAiFiling f, GenerativeAiMaterial m, GenerativeAiMaterialLink link,
        CancellationToken ct)
    {
        var url = DownloadUrl(f.Id, m.Key, "");
        if (await ReviewResults.LoadAsync(db, link.MaterialId, f.OwnerUserId, ct) is not { } run)
            return new(m.Key, m.Name, "", link.Source, "评估运行", "", null, [], null);
        var banks = run.Banks();
        var shortfalls = new List<string>();
        foreach (var b in banks.Select(b => b.Result))
        {
            if (!b.Meets)
                shortfalls.Add($"{b.Threshold.Name}：{ReportFormat.Rate(b.Rate)}，未达到要求（{ReportFormat.Threshold(b.Threshold)}）");
            if (b.SampleBelowStandard)
                shortfalls.Add($"{b.Threshold.Name}：{N(b.Rate.Trials)} 题，少于标准要求的 {N(b.Threshold.Sample ?? 0)} 题");
        }
        var answers = banks.Sum(b => b.Result.Rate.Trials);
        return new(m.Key, m.Name, "", link.Source, $"评估运行“{run.Model}”（{ReportFormat.Date(run.Created)}）",
            $"{N(answers)} 条回答 · 随机种子 {run.Seed}", shortfalls.Count == 0, shortfalls, url);
    }

    private static string PartNames(IEnumerable<string> parts) => string.Join("、", parts.Select(BanksModel.KindName));

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
