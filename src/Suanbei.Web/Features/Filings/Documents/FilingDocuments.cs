using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Suanbei.Core;
using Suanbei.Core.Filings;
using Suanbei.Core.Products;
using Suanbei.Core.Subjects;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Materials;

namespace Suanbei.Web.Features.Filings.Documents;

/// <summary>
/// Generates 拟公示内容, 算法安全自评估报告 and 落实算法安全主体责任基本情况 as Chinese DOCX from a filing, its subject and its
/// linked products, and the filing package (documents + uploaded materials + manifest with SHA-256 per file).
/// Missing data is written as "（未填写，请补充）", never papered over with template prose.
/// </summary>
public sealed class FilingDocuments(SuanbeiDbContext db, MaterialStore store)
{
    public sealed record Inputs(AlgorithmFiling Filing, Subject? Subject, IReadOnlyList<Product> Products);

    /// <summary>The document's title (display-names.tsv) as a .docx file name.</summary>
    public static string FileName(FilingDocumentKind kind) => DisplayNames.Of(kind) + ".docx";

    public static bool TryParseKind(string s, out FilingDocumentKind kind) => s switch
    {
        "disclosure" => (kind = FilingDocumentKind.Disclosure) == kind,
        "self-assessment" => (kind = FilingDocumentKind.SelfAssessment) == kind,
        "responsibility" => (kind = FilingDocumentKind.Responsibility) == kind,
        _ => !((kind = default) == kind),
    };

    public async Task<Inputs> LoadAsync(AlgorithmFiling f, CancellationToken ct = default)
    {
        var subject = await db.Set<Subject>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == f.SubjectId, ct);
        var ids = f.LinkedProducts.Select(l => l.ProductId).ToList();
        var products = ids.Count == 0 ? [] : await db.Set<Product>().AsNoTracking().Include(p => p.AccessPath).Include(p => p.Functions)
            .Where(p => ids.Contains(p.Id) && p.SubjectId == f.SubjectId).ToListAsync(ct);
        return new Inputs(f, subject, products);
    }

    public static byte[] Generate(FilingDocumentKind kind, Inputs i) => kind switch
    {
        FilingDocumentKind.Disclosure => Disclosure(i),
        FilingDocumentKind.SelfAssessment => SelfAssessment(i),
        _ => Responsibility(i),
    };

    private static string Name(Inputs i) => i.Filing.Name ?? "未命名算法";
    private static string SubjectName(Inputs i) => i.Subject?.Name ?? "（主体名称未填写）";
    private static string TypeName(AlgorithmFiling f) => f.Type is { } t ? DisplayNames.Of(t) : "（未选择）";
    private static string RoleName(AlgorithmFiling f) => f.Role is { } r ? DisplayNames.Of(r) : "（未选择）";
    private static string Modalities(DataModality m) =>
        m == DataModality.None ? "（未填写）" : DisplayNames.Of(m);

    public static byte[] Disclosure(Inputs i)
    {
        var f = i.Filing;
        var d = new DocxBuilder().Title($"{Name(i)} {DisplayNames.Of(FilingDocumentKind.Disclosure)}")
            .Field("主体名称", SubjectName(i)).Field("算法类型", TypeName(f)).Field("填报角色", RoleName(f))
            .Field("应用产品", f.LinkedProducts.Count == 0 ? null : PublishedProducts.Join(f.LinkedProducts.Select(p => p.Display)))
            .Field("主要用途", f.MainPurpose);
        d.Heading("一、算法基本原理").Text(f.DisclosurePrinciple);
        d.Heading("二、算法运行机制").Text(f.DisclosureMechanism);
        d.Heading("三、算法应用场景").Text(f.DisclosureScenarios);
        d.Heading("四、算法目的意图").Text(f.DisclosurePurpose);
        return d.ToBytes($"{Name(i)} 拟公示内容", SubjectName(i));
    }

    /// <summary>What the risk table says when a line of 算法风险与防范机制 names a risk without its safeguard.</summary>
    public const string NoSafeguard = "（未写明对应的防范机制）";

    /// <summary>
    /// Rows of the risk table, each risk with its own safeguard: 算法风险与防范机制 is read one line (or ；-separated part)
    /// per risk, written “风险：防范措施” and split at the first colon. A part without a colon is a risk with no safeguard
    /// stated, and the table says so rather than pointing elsewhere.
    /// </summary>
    public static List<IReadOnlyList<string>> RiskRows(string? risks)
    {
        var rows = new List<IReadOnlyList<string>>();
        if (string.IsNullOrWhiteSpace(risks)) return rows;
        var parts = risks.Split(['\n', '；', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var part in parts)
        {
            var text = part.TrimEnd('。');
            var colon = text.IndexOfAny(['：', ':']);
            var (risk, safeguard) = colon > 0 && colon < text.Length - 1 ? (text[..colon], text[(colon + 1)..])
                : (text.TrimEnd('：', ':'), NoSafeguard);
            rows.Add([(rows.Count + 1).ToString(), risk.Trim(), safeguard.Trim()]);
        }
        return rows;
    }

    /// <summary>How an assessment item stands on the facts entered.</summary>
    public enum Verdict { Described, NotEntered, NotMet }

    /// <summary>One of the seven items of the 2018 rules, Art. 5: the facts entered, the conclusion drawn from them only.</summary>
    public sealed record AssessmentItem(string Item, string? Situation, Verdict Verdict, string Conclusion);

    /// <summary>
    /// Items (一)–(七) of 《具有舆论属性或社会动员能力的互联网信息服务安全评估规定》第五条, each filled from the field that
    /// collects it. The conclusion never goes beyond the input: nothing entered → 未填写; a measurable shortfall (logs under
    /// six months, a product without real-name verification) → 不符合; otherwise 已说明 — the report states what the filer
    /// described, it does not certify it.
    /// </summary>
    public static IReadOnlyList<AssessmentItem> AssessmentItems(Inputs i)
    {
        var f = i.Filing;
        var s = i.Subject;
        AssessmentItem Item(string item, string? situation, string field, Verdict? verdict = null, string? conclusion = null)
        {
            if (string.IsNullOrWhiteSpace(situation))
                return new(item, null, Verdict.NotEntered, $"未填写，无法评估：请在备案中填写“{field}”后重新生成。");
            return new(item, situation.Trim(), verdict ?? Verdict.Described, conclusion ?? "已说明落实措施（以填报内容为准，须经评估人核实）。");
        }

        var withoutRealName = i.Products.Where(p => !p.RequiresRealName).Select(p => p.ListLabel).ToList();
        var realName = i.Products.Count == 0 ? null
            : string.Join("；", i.Products.Select(p => $"{p.ListLabel}{(p.RequiresRealName ? "实行用户真实身份核验" : "未实行用户真实身份核验")}"));
        var months = f.LogRetentionMonths;
        return
        [
            Item("（一）安全管理负责人、信息审核人员或安全管理机构",
                s?.OfficerName is { } officer ? $"算法安全责任人：{officer}{(s.EmploymentPost is { } post ? $"（{post}）" : "")}" : null,
                "主体信息·" + Suanbei.Core.Subjects.SubjectValidation.Labels["OfficerName"]),
            Item("（二）用户真实身份核验及注册信息留存", realName, FilingFields.Label(FilingFields.LinkedProducts),
                withoutRealName.Count > 0 ? Verdict.NotMet : Verdict.Described,
                withoutRealName.Count > 0 ? $"不符合：{string.Join("、", withoutRealName)}未实行用户真实身份核验。" : "符合：关联产品均实行用户真实身份核验。"),
            Item("（三）日志信息留存（账号、操作时间与类型、网络源地址和目标地址、端口、终端硬件特征）及用户发布信息留存",
                months is { } m ? $"日志留存 {m} 个月" : null, FilingFields.Label(FilingFields.LogRetentionMonths),
                months < FilingRules.MinLogRetentionMonths ? Verdict.NotMet : Verdict.Described,
                months < FilingRules.MinLogRetentionMonths ? $"不符合：不足{FilingRules.MinLogRetentionMonths}个月，须整改。"
                    : $"符合：不少于{FilingRules.MinLogRetentionMonths}个月。"),
            Item("（四）对账号名称、昵称、简介、群组名称、发布和转发评论等信息中违法有害信息的防范处置", f.ModerationFlow,
                FilingFields.Label(FilingFields.ModerationFlow)),
            // A table cell is one paragraph: the two texts (and the risk lines) are joined with “；”.
            Item("（五）个人信息保护，以及防范违法有害信息扩散、社会动员功能失控的技术措施",
                Join(f.DataSources, f.RisksAndSafeguards)?.Replace("\r\n", "\n").Replace("\n", "；"),
                FilingFields.Label(FilingFields.RisksAndSafeguards)),
            Item("（六）投诉、举报渠道的建立与公布，及时处理投诉举报", f.ComplaintChannels, FilingFields.Label(FilingFields.ComplaintChannels)),
            Item("（七）为网信部门、公安机关依法履职提供技术、数据支持和协助的工作机制", f.RegulatorCooperation,
                FilingFields.Label(FilingFields.RegulatorCooperation)),
        ];
    }

    /// <summary>The report's overall conclusion, from the items' verdicts only.</summary>
    public static string OverallConclusion(Inputs i, IReadOnlyList<AssessmentItem> items, int unpairedRisks)
    {
        var described = items.Count(x => x.Verdict == Verdict.Described);
        var missing = items.Count(x => x.Verdict == Verdict.NotEntered);
        var notMet = items.Count(x => x.Verdict == Verdict.NotMet);
        var head = $"{SubjectName(i)}对「{Name(i)}」按上述 {items.Count} 项逐项开展了自评估：{described} 项已说明落实情况，{missing} 项未填写，{notMet} 项不符合。";
        var risks = unpairedRisks > 0 ? $"风险表中有 {unpairedRisks} 项风险未写明对应的防范机制。" : "";
        return missing + notMet + unpairedRisks == 0
            ? head + "各事项均已说明落实情况，未发现不符合项；以上结论以填报内容为依据。"
            : head + risks + "未填写、不符合或缺少防范机制的事项须补充或整改后重新生成本报告；在此之前本报告不能作为“已落实”的评估结论。";
    }

    public static byte[] SelfAssessment(Inputs i)
    {
        var f = i.Filing;
        var d = new DocxBuilder().Title($"{Name(i)} {DisplayNames.Of(FilingDocumentKind.SelfAssessment)}")
            .Field("评估对象", $"{Name(i)}（{TypeName(f)}，{RoleName(f)}）").Field("评估主体", SubjectName(i))
            .Field("上线时间", f.LaunchDate?.ToString("yyyy-MM-dd")).Field("应用领域", f.Domain);

        d.Heading("一、算法概况").SubHeading("算法简介").Text(f.Summary).SubHeading("使用场景").Text(f.Scenarios)
            .SubHeading("算法数据").Field("输入数据模态", Modalities(f.InputModalities)).Field("输出数据模态", Modalities(f.OutputModalities))
            .Field("数据来源", f.DataSources).Field("是否使用生物特征数据", YesNo(f.UsesBiometricData)).Field("是否使用身份信息数据", YesNo(f.UsesIdentityData))
            .SubHeading("算法模型及训练数据集").Text(f.ModelAndTrainingData).SubHeading("算法策略").Text(f.Strategy);

        d.Heading("二、安全评估事项（《具有舆论属性或社会动员能力的互联网信息服务安全评估规定》第五条）");
        var items = AssessmentItems(i);
        d.Table(["评估事项", "本算法的落实情况", "评估结论"],
            items.Select(x => (IReadOnlyList<string>)[x.Item, x.Situation ?? "未填写", x.Conclusion]));

        var special = f.UsesBiometricData == true || f.UsesIdentityData == true;
        var specialKinds = new[] { f.UsesBiometricData == true ? "生物特征数据" : null, f.UsesIdentityData == true ? "身份信息数据" : null }
            .Where(x => x is not null);
        if (special)
            d.Heading("三、生物特征与身份信息专项评估（《互联网信息服务深度合成管理规定》第十五条）")
                .Text($"本算法使用{string.Join("和", specialKinds)}，应依照《个人信息保护法》《网络安全法》《数据安全法》开展专项安全评估。")
                .Text(Sentences(f.RisksAndSafeguards, "评估"), "（备案中未说明专项评估情况，请补充评估结论）");

        d.Heading(special ? "四、算法风险与防范机制" : "三、算法风险与防范机制");
        var riskRows = RiskRows(f.RisksAndSafeguards);
        if (riskRows.Count == 0) d.Text(null);
        else
        {
            d.Text($"下表由备案中的“{FilingFields.Label(FilingFields.RisksAndSafeguards)}”逐行拆分：每行写作“风险：防范措施”，冒号前为风险，冒号后为针对该风险的防范机制；" +
                $"未写冒号的行记为“{NoSafeguard}”。");
            d.Table(["序号", "风险", "防范机制"], riskRows);
        }
        d.SubHeading("内容标识");
        if (f.Labeling.Count == 0) d.Text(null);
        else d.Table(["输出模态", "显式标识", "隐式标识", "示例"], f.Labeling.Select(l => (IReadOnlyList<string>)
            [Modalities(l.Modality), l.ExplicitMethod ?? "（未填写）", l.ImplicitMethod ?? "（未填写）", l.ExampleMaterialId is null ? "未上传"
                : "已上传"]));
        d.Heading("评估结论").Text(OverallConclusion(i, items, riskRows.Count(r => r[2] == NoSafeguard)));
        return d.ToBytes($"{Name(i)} 算法安全自评估报告", SubjectName(i));
    }

    public static byte[] Responsibility(Inputs i)
    {
        var f = i.Filing;
        var s = i.Subject;
        var d = new DocxBuilder().Title($"{SubjectName(i)} {DisplayNames.Of(FilingDocumentKind.Responsibility)}");
        d.Heading("一、主体基本情况").Field("主体名称", s?.Name).Field("统一社会信用代码", s?.CreditCode)
            .Field("注册地", s?.RegionCode is { } rc ? $"{rc}（{Suanbei.Core.Identifiers.Regions.ProvinceName(rc)}）" : null)
            .Field("详细地址", s?.Address).Field("网址", s?.Website).Field("月活跃用户量", s?.MonthlyActiveUsers?.ToString())
            .Field("法定代表人", s?.LegalRepName);
        d.Heading("二、算法安全责任人").Field("姓名", s?.OfficerName).Field("职务", s?.EmploymentPost).Field("任职期限", s?.EmploymentTenure)
            .Field("联系电话", s?.OfficerMobile).Field("电子邮箱", s?.OfficerEmail);
        // What the filer read off the signed officer documents; written only when entered (the fields are optional).
        if (s?.EmploymentEmployer is { } employer) d.Field("工作证明出具单位", employer);
        if (s?.CommitmentSignerName is { } signer) d.Field("《算法安全责任人承诺书》签字人", signer);
        d.Text("算法安全责任人对本主体算法安全工作负总责，负责算法安全自评估、监测、应急处置与违法违规处置工作的组织落实。");
        d.Heading("三、算法及应用产品");
        d.Table(["算法名称", "算法类型", "填报角色", "应用产品", "主要用途"],
            [[Name(i), TypeName(f), RoleName(f), f.LinkedProducts.Count == 0 ? "--"
                : PublishedProducts.Join(f.LinkedProducts.Select(p => p.Display)), f.MainPurpose ?? "（未填写）"]]);
        foreach (var p in i.Products)
        {
            d.SubHeading(p.ListLabel).Field("访问地址", p.AccessAddress).Field("ICP备案号/许可证号", p.IcpNumber);
            if (p.IcpNumber is not null || p.IcpHolder is not null) d.Field("ICP主办单位/持证主体", p.IcpHolder);
            if (p.IcpExpiresOn is { } icpExpiry) d.Field("ICP许可证有效期至", icpExpiry.ToString("yyyy-MM-dd"));
            if (p.IcpBusinessScope is { } scope) d.Field("ICP经营范围", scope);
            var chosen = f.LinkedProducts.FirstOrDefault(l => l.ProductId == p.Id)?.FunctionIdList ?? [];
            var functions = p.Functions.Where(fn => chosen.Contains(fn.Id)).Select(fn => $"{fn.Name}：{fn.Description}").ToList();
            d.Field("应用本算法的功能", functions.Count == 0 ? null : string.Join("；", functions))
                .Field("用户规模",
                    $"月活 {p.MonthlyActiveUsers?.ToString() ?? "未填写"}，日活 {p.DailyActiveUsers?.ToString() ?? "未填写"}，累计 " +
                    $"{p.TotalUsers?.ToString() ?? "未填写"}")
                .Field("实名认证", p.RequiresRealName ? "是" : "否").Field("未成年人保护措施", p.MinorsProtection)
                .Field("个性化推送关闭", p.PersonalisedPushCanBeTurnedOff ? "支持" : "不支持");
        }
        d.Heading("四、安全管理制度落实情况");
        d.SubHeading("（一）算法安全自评估制度").Text(f.RisksAndSafeguards);
        d.SubHeading("（二）内容审核与监测制度").Text(f.ModerationFlow);
        d.SubHeading("（三）日志留存").Text(f.LogRetentionMonths is { } m ? $"网络日志与生成内容记录留存 {m} 个月。" : null);
        d.SubHeading("（四）内容标识").Text(f.Labeling.Count == 0 ? null
            : string.Join(
                "\n", f.Labeling.Select(
                l => $"{Modalities(l.Modality)}：显式标识 {l.ExplicitMethod ?? "未填写"}；隐式标识 {l.ImplicitMethod ?? "未填写"}")));
        d.SubHeading("（五）应急处置与违法违规处置制度").Text(Sentences(f.RisksAndSafeguards, "应急", "处置"));
        d.SubHeading("（六）投诉举报处理").Text(f.ComplaintChannels);
        d.SubHeading("（七）配合监管工作机制").Text(f.RegulatorCooperation);
        return d.ToBytes($"{SubjectName(i)} 落实算法安全主体责任基本情况", SubjectName(i));
    }

    private static string YesNo(bool? b) => b switch { true => "是", false => "否", _ => "（未填写）" };
    private static string? Join(params string?[] parts) => parts.Any(p => !string.IsNullOrWhiteSpace(p))
        ? string.Join("\n", parts.Where(p => !string.IsNullOrWhiteSpace(p))) : null;

    /// <summary>The sentences of <paramref name="text"/> that mention any of the words; null when none do.</summary>
    private static string? Sentences(string? text, params string[] words)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var hits = text.Split(['。', '\n', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(x => words.Any(w => x.Contains(w, StringComparison.Ordinal))).ToList();
        return hits.Count == 0 ? null : string.Join("。", hits) + "。";
    }

    // ------------------------------------------------------------------ package

    /// <summary>The filing package: the three documents, the filing's and subject's uploaded materials, and manifest.json.</summary>
    public async Task<byte[]> PackageAsync(Inputs i, CancellationToken ct = default)
    {
        var files = new List<(string Path, byte[] Bytes, string Kind)>();
        foreach (var kind in Enum.GetValues<FilingDocumentKind>()) files.Add(
            ($"documents/{FileName(kind)}", Generate(kind, i), "generated"));

        var f = i.Filing;
        var refs = new List<(Guid Id, string Label)>();
        if (f.SelfAssessmentReportId is { } sa) refs.Add((sa, "算法安全自评估报告（上传）"));
        if (f.DisclosureDocumentId is { } dd) refs.Add((dd, "拟公示内容（上传）"));
        foreach (var l in f.Labeling.Where(l => l.ExampleMaterialId is not null)) refs.Add(
            (l.ExampleMaterialId!.Value, $"标识示例-{Modalities(l.Modality)}"));
        if (i.Subject is { } s)
            foreach (var (field, label) in SubjectDetails.MaterialFields)
                if (s.Details.Material(field) is { } id) refs.Add((id, label));
        var ids = refs.Select(r => r.Id).Distinct().ToList();
        // Only materials of the filing's owner: a reference can never pull in another account's file.
        var materials = await db.Set<Material>().AsNoTracking().Where(m => ids.Contains(m.Id) && m.OwnerId == f.OwnerUserId)
            .ToListAsync(ct);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, label) in refs)
        {
            if (materials.FirstOrDefault(m => m.Id == id) is not { } m) continue;
            var ext = Path.GetExtension(m.FileName) is { Length: > 1 and <= 6 } e ? e.ToLowerInvariant() : "";
            var path = $"materials/{label}{ext}";
            for (var n = 2; !used.Add(path); n++) path = $"materials/{label}-{n}{ext}";
            await using var stream = store.OpenRead(m);
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, ct);
            files.Add((path, buffer.ToArray(), "uploaded"));
        }

        using var zipStream = new MemoryStream();
        using (var zip = new ZipArchive(zipStream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, bytes, _) in files)
            {
                await using var entry = zip.CreateEntry(path, CompressionLevel.Optimal).Open();
                await entry.WriteAsync(bytes, ct);
            }
            var manifest = new
            {
                filing = f.Name, filingId = f.Id, subject = i.Subject?.Name, generatedAt = DateTimeOffset.UtcNow,
                files = files.Select(x => new
                {
                    path = x.Path, kind = x.Kind, size = x.Bytes.Length,
                    sha256 = Convert.ToHexStringLower(SHA256.HashData(x.Bytes))
                }),
            };
            await using var me = zip.CreateEntry("manifest.json").Open();
            await me.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(manifest, new JsonSerializerOptions
            {
                WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            }), ct);
        }
        return zipStream.ToArray();
    }
}
