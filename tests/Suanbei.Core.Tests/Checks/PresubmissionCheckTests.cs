using Suanbei.Core.Checks;
using Suanbei.Core.Filings;
using Suanbei.Core.Products;
using Suanbei.Testing;

namespace Suanbei.Core.Tests.Checks;

/// <summary>
/// One test per rule of Data/rules/presubmission.json: the documented example filing (docs/examples/filing-snapshot.json)
/// passes it, and a filing changed in exactly the way the rule describes fails it.
/// </summary>
public class PresubmissionCheckTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    internal static FilingSnapshot Good()
    {
        var path = Path.Combine(RepoPaths.Root, "docs", "examples", "filing-snapshot.json");
        Assert.Null(FilingSnapshot.TryParse(File.ReadAllText(path), out var snapshot));
        return snapshot!;
    }

    private static FilingSnapshot WithProduct(FilingSnapshot s, Func<ProductSnapshot, ProductSnapshot> change) =>
        s with { Products = [change(s.Products[0]), .. s.Products.Skip(1)] };

    private static FilingSnapshot WithFiling(FilingSnapshot s, Func<AlgorithmSnapshot, AlgorithmSnapshot> change) =>
        s with { Filing = change(s.Filing) };

    /// <summary>Asserts the good filing has no finding of the rule and the bad one has, with the rule's data; returns the bad
    /// findings.</summary>
    private static List<CheckFinding> PassesAndFails(string ruleId, FilingSnapshot bad, IEnumerable<KnownText>? others = null)
    {
        var good = PresubmissionCheck.Evaluate(Good(), Today, others);
        Assert.DoesNotContain(good.Findings, f => f.RuleId == ruleId);
        var report = PresubmissionCheck.Evaluate(bad, Today, others);
        var hits = report.Findings.Where(f => f.RuleId == ruleId).ToList();
        Assert.NotEmpty(hits);
        var rule = PresubmissionRules.Current.ById[ruleId];
        foreach (var h in hits)
        {
            Assert.Equal(rule.Severity, h.Severity);
            Assert.Equal(rule.Source, h.Source);
            Assert.DoesNotContain("{", h.Message); // every placeholder filled
            Assert.False(string.IsNullOrWhiteSpace(h.Field));
        }
        Assert.Equal(hits.Any(h => h.Severity == CheckSeverity.Blocking) || report.Findings.Any(f => f.Severity == CheckSeverity.Blocking),
            report.Blocks);
        return hits;
    }

    [Fact]
    public void Documented_example_has_no_findings()
    {
        var report = PresubmissionCheck.Evaluate(Good(), Today);
        Assert.True(report.Findings.Count == 0, string.Join("\n", report.Findings.Select(f => $"{f.RuleId}: {f.Message}")));
        Assert.False(report.Blocks);
    }

    [Fact]
    public void Every_rule_has_a_source_and_a_test()
    {
        var tested = typeof(PresubmissionCheckTests).GetMethods()
            .Select(m => m.GetCustomAttributes(typeof(RuleTestAttribute), false).Cast<RuleTestAttribute>().FirstOrDefault()?.RuleId)
            .Where(id => id is not null).ToHashSet();
        foreach (var rule in PresubmissionRules.Current.Rules)
        {
            Assert.False(string.IsNullOrWhiteSpace(rule.Source), rule.Id);
            Assert.Contains(rule.Id, tested);
        }
    }

    [Fact, RuleTest("icp.missing")]
    public void Icp_missing_or_malformed()
    {
        var hits = PassesAndFails("icp.missing", WithProduct(Good(), p => p with { Icp = p.Icp! with { Number = "ICP12345" } }));
        Assert.Equal("products[0].icp.number", hits[0].Field);
        PassesAndFails("icp.missing", WithProduct(Good(), p => p with { Icp = null }));
    }

    [Fact, RuleTest("icp.expired")]
    public void Icp_expired()
    {
        var hits =
            PassesAndFails("icp.expired",
            WithProduct(Good(), p => p with { Icp = p.Icp! with { ExpiresOn = new DateOnly(2026, 11, 21) } }));
        Assert.Contains("2026-11-21", hits[0].Message);
    }

    [Fact, RuleTest("icp.other-holder")]
    public void Icp_issued_to_another_entity()
    {
        var hits = PassesAndFails("icp.other-holder", WithProduct(Good(), p => p with { Icp = p.Icp! with { Holder = "北京星河网络技术有限公司" } }));
        Assert.Contains("北京星河网络技术有限公司", hits[0].Message);
        // Only bracket width and spacing differ: the same entity.
        var same = WithProduct(Good(), p => p with { Icp = p.Icp! with { Holder = " 北京星河智写科技有限公司 " } });
        Assert.DoesNotContain(PresubmissionCheck.Evaluate(same, Today).Findings, f => f.RuleId == "icp.other-holder");
    }

    [Fact, RuleTest("icp.scope-mismatch")]
    public void Icp_business_scope_does_not_cover_a_finance_scenario()
    {
        var bad = WithFiling(Good(), f => f with { Domain = "金融", Scenarios = "用户在APP中咨询贷款产品，算法生成贷款方案说明。" });
        var hits = PassesAndFails("icp.scope-mismatch", bad);
        Assert.Contains("金融", hits[0].Message);
        var covered = WithProduct(bad, p => p with { Icp = p.Icp! with { BusinessScope = "信息服务业务；互联网金融信息服务" } });
        Assert.DoesNotContain(PresubmissionCheck.Evaluate(covered, Today).Findings, f => f.RuleId == "icp.scope-mismatch");
    }

    [Fact, RuleTest("users.inconsistent")]
    public void Users_inconsistent_between_subject_and_products()
    {
        var hits = PassesAndFails("users.inconsistent", Good() with { Subject = Good().Subject with { MonthlyActiveUsers = 10000 } });
        Assert.Contains("1000000", hits[0].Message);
    }

    [Fact, RuleTest("users.implausible")]
    public void Users_implausible()
    {
        var hits = PassesAndFails("users.implausible", WithProduct(Good(), p => p with { DailyActiveUsers = 3_000_000 }));
        Assert.Contains("日活", hits[0].Message);
        PassesAndFails("users.implausible",
            WithProduct(Good(), p => p with { MonthlyActiveUsers = 2_000_000_000, TotalUsers = 3_000_000_000 }));
    }

    [Fact, RuleTest("function.empty")]
    public void Function_description_empty()
    {
        var hits =
            PassesAndFails("function.empty", WithProduct(Good(), p => p with { Functions = [new FunctionSnapshot("AI写作助手", "  ")] }));
        Assert.Equal("products[0].functions[0].description", hits[0].Field);
    }

    [Fact, RuleTest("function.too-long")]
    public void Function_description_over_500_characters()
    {
        var exactly500 = new string('写', 490) + "用户输入后生成文章";
        Assert.Equal(499, exactly500.Length);
        var ok = WithProduct(Good(), p => p with { Functions = [new FunctionSnapshot("AI写作助手", exactly500 + "。")] });
        Assert.DoesNotContain(PresubmissionCheck.Evaluate(ok, Today).Findings, f => f.RuleId == "function.too-long");
        var hits =
            PassesAndFails("function.too-long",
            WithProduct(Good(), p => p with { Functions = [new FunctionSnapshot("AI写作助手", exactly500 + "。。")] }));
        Assert.Contains("501", hits[0].Message);
    }

    [Fact, RuleTest("function.not-descriptive")]
    public void Function_description_does_not_describe_a_function()
    {
        PassesAndFails("function.not-descriptive",
            WithProduct(Good(), p => p with { Functions = [new FunctionSnapshot("AI写作助手", "AI写作助手")] }));
        PassesAndFails("function.not-descriptive", WithProduct(Good(), p => p with
        {
            Functions = [new FunctionSnapshot("AI写作助手", "本功能是我们公司最重要、最受欢迎、最先进的核心产品能力之一。")],
        }));
    }

    [Fact, RuleTest("scenario.vague")]
    public void Vague_scenarios()
    {
        var hits = PassesAndFails("scenario.vague", WithFiling(Good(), f => f with { Scenarios = "适用于泛娱乐、泛教育等场景。" }));
        Assert.Contains("泛娱乐", hits[0].Message);
        Assert.Contains("泛教育", hits[0].Message);
    }

    [Fact, RuleTest("access-path.incomplete")]
    public void Access_path_with_missing_steps()
    {
        PassesAndFails("access-path.incomplete", WithProduct(Good(), p => p with { AccessPath = ["打开星河写作APP"] }));
        var hits = PassesAndFails("access-path.incomplete", WithProduct(Good(), p => p with { AccessPath = ["打开星河写作APP", "点击“我的”"] }));
        Assert.Contains("最后一步", hits[0].Message);
        // An API product has no navigation path.
        var api = WithProduct(Good(), p => p with { Form = ProductForm.Api, AccessPath = [] });
        Assert.DoesNotContain(PresubmissionCheck.Evaluate(api, Today).Findings, f => f.RuleId == "access-path.incomplete");
    }

    [Fact, RuleTest("labeling.example-missing")]
    public void No_labeling_example_for_an_output_modality()
    {
        var hits =
            PassesAndFails("labeling.example-missing",
            WithFiling(Good(), f => f with { OutputModalities = [DataModality.Text, DataModality.Image] }));
        Assert.Single(hits);
        Assert.Contains("图片", hits[0].Message);
        PassesAndFails("labeling.example-missing",
            WithFiling(Good(), f => f with { Labeling = [f.Labeling[0] with { HasExample = false }] }));
    }

    [Fact, RuleTest("logs.retention-short")]
    public void Log_retention_under_six_months()
    {
        var hits = PassesAndFails("logs.retention-short", WithFiling(Good(), f => f with { LogRetentionMonths = 5 }));
        Assert.Contains("5 个月", hits[0].Message);
        var six = WithFiling(Good(), f => f with { LogRetentionMonths = 6 });
        Assert.DoesNotContain(PresubmissionCheck.Evaluate(six, Today).Findings, f => f.RuleId == "logs.retention-short");
    }

    [Fact, RuleTest("biometric.assessment-missing")]
    public void Biometric_data_without_the_special_assessment()
    {
        var hits = PassesAndFails("biometric.assessment-missing", WithFiling(Good(), f => f with { UsesBiometricData = true }));
        Assert.Contains("生物特征数据", hits[0].Message);
        var described = WithFiling(Good(), f => f with
        {
            UsesBiometricData = true,
            RisksAndSafeguards = f.RisksAndSafeguards + "人脸编辑功能已完成生物特征安全评估，评估报告见附件。",
        });
        Assert.DoesNotContain(PresubmissionCheck.Evaluate(described, Today).Findings, f => f.RuleId == "biometric.assessment-missing");
    }

    [Fact, RuleTest("role.inconsistent")]
    public void Role_inconsistent_with_products_or_api()
    {
        PassesAndFails("role.inconsistent", WithFiling(Good(), f => f with { LinkedProducts = [] }));
        var hits = PassesAndFails("role.inconsistent", WithProduct(Good(), p => p with { Form = ProductForm.Api, AccessPath = [] }));
        Assert.Contains("服务技术支持者", hits[0].Message);
        PassesAndFails("role.inconsistent", WithFiling(Good(), f => f with { Role = FilingRole.TechnicalSupporter, LinkedProducts = [] }));
        var supporter =
            WithFiling(Good(),
            f => f with { Role = FilingRole.TechnicalSupporter, LinkedProducts = [], ServiceMode = TechnicalServiceMode.Api });
        Assert.DoesNotContain(PresubmissionCheck.Evaluate(supporter, Today).Findings, f => f.RuleId == "role.inconsistent");
    }

    [Fact, RuleTest("principle.jargon")]
    public void Principle_text_mostly_jargon()
    {
        var hits = PassesAndFails("principle.jargon", WithFiling(Good(), f => f with
        {
            DisclosurePrinciple = "本算法采用基于Transformer的自回归解码器架构，经预训练与指令微调及RLHF对齐。通过多头注意力机制与词向量嵌入计算token的logits并以softmax采样输出。",
        }));
        Assert.Contains("平均每句", hits[0].Message);
    }

    [Fact]
    public void Jargon_is_read_in_every_narrative_field_and_named_by_its_form_label()
    {
        const string jargon = "本算法采用基于Transformer的自回归解码器架构，经预训练与指令微调及RLHF对齐。通过多头注意力机制与词向量嵌入计算token的logits并以softmax采样输出。";
        var fields = PresubmissionCheck.NarrativeFields(Good().Filing).Select(x => (x.Field, x.Label)).ToList();
        // 算法简介 was not read before; every prose field a filer writes is now.
        Assert.Contains(("filing.summary", "算法简介"), fields);
        Assert.Contains(("filing.complaintChannels", "投诉举报渠道"), fields);
        foreach (var (field, label) in fields)
        {
            var property =
                typeof(AlgorithmSnapshot).GetProperties().Single(p => "filing." + char.ToLowerInvariant(p.Name[0]) + p.Name[1..] == field);
            var bad = Good() with { Filing = Good().Filing };
            property.SetValue(bad.Filing, jargon); // init-only setter, on a fresh copy
            var hit = Assert.Single(PresubmissionCheck.Evaluate(bad, Today).Findings, f => f.RuleId == "principle.jargon");
            Assert.Equal(field, hit.Field);
            Assert.StartsWith($"「{label}」以术语为主", hit.Message);
        }
    }

    [Fact, RuleTest("function.product-not-linked")]
    public void A_function_chosen_without_its_product()
    {
        var hits = PassesAndFails("function.product-not-linked", WithFiling(Good(), f => f with
        {
            LinkedFunctions = [.. f.LinkedFunctions, new LinkedFunctionSnapshot("星河翻译", "整篇翻译")],
        }));
        var hit = Assert.Single(hits);
        Assert.Equal("filing.linkedFunctions[1]", hit.Field);
        Assert.Contains("整篇翻译", hit.Message);
        Assert.Contains("星河翻译", hit.Message);
        Assert.Equal(CheckSeverity.Blocking, hit.Severity);
        // The same product name in other brackets/spaces counts as linked.
        Assert.DoesNotContain(PresubmissionCheck.Evaluate(WithFiling(Good(), f => f with
        {
            LinkedFunctions = [new LinkedFunctionSnapshot(" 星河写作 ", "AI写作助手")],
        }), Today).Findings, f => f.RuleId == "function.product-not-linked");
    }

    [Fact]
    public void Every_source_names_an_article_standard_or_named_practice_source_and_no_internal_reference()
    {
        foreach (var rule in PresubmissionRules.Current.Rules)
        {
            Assert.DoesNotContain("参考资料", rule.Source);
            Assert.DoesNotContain("§", rule.Source);
            Assert.True(rule.Source.Contains('《') || rule.Source.Contains("GB 45438-2025") || rule.Source.Contains("网信办算法备案系统填报说明"),
                rule.Id);
        }
    }

    [Fact]
    public void Every_rule_field_resolves_to_a_form_label()
    {
        var g = Good();
        foreach (var rule in PresubmissionRules.Current.Rules)
        {
            var paths = rule.Field == "{field}"
                ? PresubmissionCheck.NarrativeFields(g.Filing).Select(x => x.Field).ToList()
                : [rule.Field.Replace("[]", "[0]")];
            foreach (var path in paths)
            {
                var target = CheckFieldLabels.Resolve(path, g);
                Assert.True(target is not null, $"{rule.Id}: {path}");
                Assert.DoesNotContain(".", target!.Label);
                Assert.DoesNotContain("[", target.Label);
            }
        }
        Assert.Equal("使用场景", CheckFieldLabels.Label("filing.scenarios", g));
        Assert.Equal("产品「星河写作」的功能访问路径", CheckFieldLabels.Label("products[0].accessPath", g));
        Assert.Equal("产品「星河写作」·功能「AI写作助手」的功能介绍", CheckFieldLabels.Label("products[0].functions[0].description", g));
        Assert.Equal("主体信息·工作证明职务", CheckFieldLabels.Label("officerDocuments.employmentPost", g));
    }

    [Fact, RuleTest("officer.documents-disagree")]
    public void Commitment_letter_employment_proof_and_officer_disagree()
    {
        var g = Good();
        var hits =
            PassesAndFails("officer.documents-disagree",
            g with { OfficerDocuments = g.OfficerDocuments! with { CommitmentSignerName = "王强" } });
        Assert.Contains("王强", hits[0].Message);
        PassesAndFails("officer.documents-disagree",
            g with { OfficerDocuments = g.OfficerDocuments! with { CommitmentSignerIdNumber = "110105194912310021" } });
        PassesAndFails("officer.documents-disagree",
            g with { OfficerDocuments = g.OfficerDocuments! with { EmploymentEmployer = "上海某某科技有限公司" } });
    }

    [Fact, RuleTest("officer.post-unrelated")]
    public void Employment_proof_post_unrelated_or_tenure_missing()
    {
        var g = Good();
        var hits =
            PassesAndFails("officer.post-unrelated", g with { OfficerDocuments = g.OfficerDocuments! with { EmploymentPost = "行政前台" } });
        Assert.Contains("行政前台", hits[0].Message);
        hits = PassesAndFails("officer.post-unrelated", g with { OfficerDocuments = g.OfficerDocuments! with { EmploymentTenure = "" } });
        Assert.Contains("任职期限", hits[0].Message);
    }

    [Fact, RuleTest("text.template-copy")]
    public void Text_copied_from_a_known_template()
    {
        var hits = PassesAndFails("text.template-copy", WithFiling(Good(), f => f with
        {
            DisclosurePurpose = "本算法旨在为用户提供更加优质、便捷、高效的服务体验！",
        }));
        Assert.Equal("filing.disclosurePurpose", hits[0].Field);
        Assert.Contains("网传《拟公示内容》范文", hits[0].Message);
    }

    [Fact, RuleTest("text.registry-copy")]
    public void Text_copied_from_another_filing_shows_the_source()
    {
        var other = new KnownText("网信算备110108823483901230031号 某公司文本生成算法",
            "算法先理解用户输入的问题与上下文，再依据从海量授权语料中学习到的语言规律逐字预测并生成回答，最后经过安全过滤后展示给用户。");
        var unrelated = new KnownText("网信算备440305000000001240011号 某推荐算法", "根据用户的浏览历史和兴趣标签，对候选视频打分排序，把最可能感兴趣的视频推荐到首页。");
        var bad = WithFiling(Good(), f => f with
        {
            DisclosurePrinciple = "算法先理解用户输入的问题和上下文，再依据从海量授权语料中学习到的语言规律逐字预测并生成回答，最后经过安全过滤后展示给用户。",
        });
        var hits = PassesAndFails("text.registry-copy", bad, [other, unrelated]);
        Assert.Single(hits);
        Assert.Equal("filing.disclosurePrinciple", hits[0].Field);
        Assert.Contains("网信算备110108823483901230031号", hits[0].Message);
    }

    [Fact]
    public void Jargon_density_counts_terms_and_latin_words_per_sentence()
    {
        var (terms, sentences) = PresubmissionCheck.JargonDensity("采用Transformer与微调。输出文本。", PresubmissionRules.Current.JargonTerms);
        Assert.Equal(2, terms);
        Assert.Equal(2, sentences);
    }

    [Fact]
    public void Malformed_snapshot_gets_a_chinese_error_naming_the_field()
    {
        var error = FilingSnapshot.TryParse("{\"filing\":{\"logRetentionMonths\":\"six\"}}", out var s);
        Assert.Null(s);
        Assert.Contains("logRetentionMonths", error);
        Assert.NotNull(FilingSnapshot.TryParse("[", out _));
    }
}

[AttributeUsage(AttributeTargets.Method)]
internal sealed class RuleTestAttribute(string ruleId) : Attribute
{
    public string RuleId { get; } = ruleId;
}
