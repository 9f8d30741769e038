using Suanbei.Core.Assessment;
using Suanbei.Core.Calendar;

namespace Suanbei.Core.Tests;

public class ApplicabilityTests
{
    private static AssessmentPlan Assess(string scenario)
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "AssessmentScenarios", scenario + ".json"));
        var error = ServiceAnswers.TryParse(json, out var answers);
        Assert.Null(error);
        return ApplicabilityEvaluator.Evaluate(answers!);
    }

    private static string[] Ids(IEnumerable<Citation> citations) => citations.Select(c => c.RuleId).ToArray();

    [Fact]
    public void Ai_writing_app_files_once_as_provider_and_registers_the_model_call()
    {
        var plan = Assess("ai-writing-app");
        Assert.True(plan.FilingRequired);
        Assert.Contains("scope.public-generative", Ids(plan.Reasons));
        Assert.Equal([AlgorithmType.GenerationSynthesis], plan.AlgorithmTypes);
        Assert.Equal([FilingRole.ServiceProvider], plan.Roles);
        Assert.False(plan.DualFiling);
        var filing = Assert.Single(plan.Filings);
        Assert.Equal("妙笔写作生成算法", filing.AlgorithmName);
        Assert.Equal("生成合成类", filing.TypeName);
        Assert.Equal("服务提供者", filing.RoleName);
        Assert.Equal(["AI续写", "润色改写"], filing.Functions);
        Assert.Contains(filing.Materials, m => m.Name.StartsWith("《算法安全自评估报告》"));
        Assert.Contains(filing.Materials, m => m.Name.Contains("标识示例") && m.Article.Contains("标识办法》第十二条"));
        Assert.DoesNotContain(filing.Materials, m => m.Name.Contains("技术服务方式"));
        Assert.DoesNotContain(filing.Materials, m => m.Name.Contains("生物识别"));
        Assert.Equal(LargeModelDutyKind.Registration, plan.LargeModel.Kind);
        Assert.Equal("model.registration", plan.LargeModel.Basis.RuleId);
        Assert.Equal(["assessment.public-opinion", "assessment.deep-synthesis-new-function"], Ids(plan.SecurityAssessments));
        Assert.Equal([ContentType.Text], plan.Labeling.Select(l => l.ContentType));
        Assert.Null(plan.BiometricLabeling);
        // Launch Mon 2026-03-02 → 10 working days: 3/3–3/6, 3/9–3/13, 3/16.
        var start = Assert.Single(plan.Deadlines, d => d.Kind == DeadlineKind.StartOfService);
        Assert.Equal(new DateOnly(2026, 3, 16), start.DueDate);
        Assert.Equal(5, plan.Deadlines.Count);
        Assert.Equal(["prerequisite.subject", "prerequisite.icp"], Ids(plan.Prerequisites));
        Assert.NotEmpty(plan.SubjectMaterials);
    }

    [Fact]
    public void Face_swap_mini_program_triggers_the_biometric_assessment_and_image_and_video_labels()
    {
        var plan = Assess("face-swap-mini-program");
        Assert.True(plan.FilingRequired);
        var filing = Assert.Single(plan.Filings);
        Assert.Equal(("趣换脸人脸替换算法", AlgorithmType.GenerationSynthesis, FilingRole.ServiceProvider),
            (filing.AlgorithmName, filing.Type, filing.Role));
        Assert.Contains("assessment.biometric", Ids(plan.SecurityAssessments));
        Assert.Contains("assessment.public-opinion", Ids(plan.SecurityAssessments));
        Assert.Contains(plan.SecurityAssessments, a => a.RuleId == "assessment.biometric" && a.Article.Contains("深度合成管理规定》第十五条"));
        Assert.Equal([ContentType.Image, ContentType.Video], plan.Labeling.Select(l => l.ContentType));
        Assert.Contains("5%", plan.Labeling[0].Explicit);
        Assert.Contains("2秒", plan.Labeling[1].Explicit);
        Assert.NotNull(plan.BiometricLabeling);
        Assert.Contains(filing.Materials, m => m.Name.Contains("生物识别信息") && m.Name.Contains("安全评估报告"));
        Assert.Equal(LargeModelDutyKind.None, plan.LargeModel.Kind);
        var start = Assert.Single(plan.Deadlines, d => d.Kind == DeadlineKind.StartOfService);
        Assert.Null(start.DueDate);
        Assert.Contains("开发或测试阶段", start.Note);
    }

    [Fact]
    public void Voice_cloning_tool_labels_audio_and_needs_the_biometric_assessment()
    {
        var plan = Assess("voice-cloning-tool");
        Assert.True(plan.FilingRequired);
        var filing = Assert.Single(plan.Filings);
        Assert.Equal(AlgorithmType.GenerationSynthesis, filing.Type);
        Assert.Equal([ContentType.Audio], plan.Labeling.Select(l => l.ContentType));
        Assert.Contains("短长短短", plan.Labeling[0].Explicit);
        Assert.Contains("assessment.biometric", Ids(plan.SecurityAssessments));
        Assert.DoesNotContain("assessment.sensitive-scenes", Ids(plan.SecurityAssessments));
        Assert.NotNull(plan.BiometricLabeling);
        Assert.Contains(filing.Materials, m => m.Name.Contains("单独同意"));
    }

    [Fact]
    public void Api_only_model_vendor_files_as_technical_supporter_and_files_the_large_model()
    {
        var plan = Assess("api-only-model-vendor");
        Assert.True(plan.FilingRequired);
        Assert.Equal([FilingRole.TechnicalSupporter], plan.Roles);
        Assert.False(plan.DualFiling);
        var filing = Assert.Single(plan.Filings);
        Assert.Equal(("云启大模型算法", "服务技术支持者"), (filing.AlgorithmName, filing.RoleName));
        Assert.Equal(["文本生成接口", "图像生成接口"], filing.Functions);
        Assert.Contains(filing.Materials, m => m.Name.Contains("技术服务方式"));
        Assert.DoesNotContain(filing.Materials, m => m.Name.Contains("关联产品信息"));
        Assert.Contains("role.supporter", Ids(plan.Reasons));
        Assert.Equal(LargeModelDutyKind.Filing, plan.LargeModel.Kind);
        Assert.Contains(plan.LargeModel.Materials, m => m.Name.Contains("上线备案表"));
        // No public channel of its own: no 2018-rules assessment, but the large-model self-assessment.
        Assert.Equal(["assessment.large-model"], Ids(plan.SecurityAssessments));
        Assert.Equal([ContentType.Text, ContentType.Image], plan.Labeling.Select(l => l.ContentType));
        Assert.DoesNotContain("prerequisite.icp", Ids(plan.Prerequisites));
    }

    [Fact]
    public void Internal_analytics_tool_needs_no_filing()
    {
        var plan = Assess("internal-analytics-tool");
        Assert.False(plan.FilingRequired);
        Assert.Equal(["scope.internal-only"], Ids(plan.Reasons));
        Assert.Contains("第二条第三款", plan.Reasons[0].Article);
        Assert.Equal([AlgorithmType.GenerationSynthesis], plan.AlgorithmTypes);
        Assert.Empty(plan.Filings);
        Assert.Empty(plan.Roles);
        Assert.Equal(LargeModelDutyKind.None, plan.LargeModel.Kind);
        Assert.Equal("model.not-public", plan.LargeModel.Basis.RuleId);
        Assert.Empty(plan.SecurityAssessments);
        Assert.Empty(plan.Labeling);
        Assert.Empty(plan.Deadlines);
        Assert.Empty(plan.SubjectMaterials);
    }

    [Fact]
    public void Pure_image_recognition_is_not_one_of_the_five_types()
    {
        var plan = Assess("pure-image-recognition");
        Assert.False(plan.FilingRequired);
        Assert.Equal(["scope.no-listed-algorithm"], Ids(plan.Reasons));
        Assert.Contains("第二条", plan.Reasons[0].Article);
        Assert.Empty(plan.AlgorithmTypes);
        Assert.Empty(plan.Filings);
        Assert.Empty(plan.SecurityAssessments);
        Assert.Empty(plan.Labeling);
        Assert.Equal("model.none", plan.LargeModel.Basis.RuleId);
    }

    [Fact]
    public void News_aggregator_files_each_recommendation_algorithm_separately()
    {
        var plan = Assess("news-aggregator");
        Assert.True(plan.FilingRequired);
        Assert.Contains("scope.public-opinion", Ids(plan.Reasons));
        Assert.Contains("filing.one-per-algorithm", Ids(plan.Reasons));
        Assert.Equal([AlgorithmType.PersonalisedPush, AlgorithmType.RankingSelection, AlgorithmType.RetrievalFiltering],
            plan.AlgorithmTypes);
        Assert.Equal(
            [("今日速览个性化推荐算法", "个性化推送类"), ("今日速览热榜排序算法", "排序精选类"), ("今日速览搜索算法", "检索过滤类")],
            plan.Filings.Select(f => (f.AlgorithmName, f.TypeName)));
        Assert.All(plan.Filings, f => Assert.Equal(FilingRole.ServiceProvider, f.Role));
        Assert.All(plan.Filings, f => Assert.DoesNotContain(f.Materials, m => m.Name.Contains("标识示例")));
        Assert.Equal(["assessment.public-opinion"], Ids(plan.SecurityAssessments));
        Assert.Empty(plan.Labeling);
        Assert.Equal(LargeModelDutyKind.None, plan.LargeModel.Kind);
        // Launch 2026-12-24: ten working days run into 2027, which has no official calendar yet: an estimate that skips
        // 元旦 (25, 28–31, then 1/4–1/8), flagged as such.
        var start = Assert.Single(plan.Deadlines, d => d.Kind == DeadlineKind.StartOfService);
        Assert.Equal(new DateOnly(2027, 1, 8), start.DueDate);
        Assert.Contains("估算", start.Note);
        Assert.Equal(new DateOnly(2026, 12, 24), start.EventDate);
        Assert.Contains("超出已知官方节假日安排", start.Note);
    }

    [Fact]
    public void A_service_offered_to_users_and_by_api_files_twice()
    {
        var answers = new ServiceAnswers
        {
            ServiceName = "云启", Audience = Audience.Public, OffersToEndUsers = true, ProvidesApiToBusinesses = true,
            LargeModel = LargeModelUse.OwnOrFineTuned,
            Functions = [new ServiceFunction { Name = "智能对话", Algorithm = "云启大模型算法", Generates = [ContentType.Text] }],
        };
        var plan = ApplicabilityEvaluator.Evaluate(answers);
        Assert.True(plan.DualFiling);
        Assert.Equal([FilingRole.ServiceProvider, FilingRole.TechnicalSupporter], plan.Filings.Select(f => f.Role));
        Assert.All(plan.Filings, f => Assert.Equal("云启大模型算法", f.AlgorithmName));
        Assert.Contains("role.dual", Ids(plan.Reasons));
        Assert.Equal(LargeModelDutyKind.Filing, plan.LargeModel.Kind);
    }

    [Fact]
    public void A_function_with_two_types_becomes_two_named_algorithms()
    {
        var answers = new ServiceAnswers
        {
            ServiceName = "短视频", Audience = Audience.Public, OffersToEndUsers = true, PublicInformationOrExpression = true,
            Functions = [new ServiceFunction { Name = "特效推荐", Generates = [ContentType.Video], PersonalisedPush = true }],
        };
        var plan = ApplicabilityEvaluator.Evaluate(answers);
        Assert.Equal(["特效推荐（生成合成类）", "特效推荐（个性化推送类）"], plan.Filings.Select(f => f.AlgorithmName));
    }

    [Fact]
    public void A_business_only_non_generative_service_needs_no_filing()
    {
        var answers = new ServiceAnswers
        {
            ServiceName = "供应链排程", Audience = Audience.Businesses, OffersToEndUsers = true,
            Functions = [new ServiceFunction { Name = "排产调度", SchedulingDecision = true }],
        };
        var plan = ApplicabilityEvaluator.Evaluate(answers);
        Assert.False(plan.FilingRequired);
        Assert.Equal(["scope.no-public-opinion"], Ids(plan.Reasons));
    }

    [Fact]
    public void A_credit_code_that_is_not_an_enterprise_is_flagged()
    {
        var bad = new ServiceAnswers
        {
            ServiceName = "x", OffersToEndUsers = true, CreditCode = "91440300708461136A",
            Functions = [new ServiceFunction { Name = "写作", Generates = [ContentType.Text] }],
        };
        var plan = ApplicabilityEvaluator.Evaluate(bad);
        var p = Assert.Single(plan.Prerequisites, c => c.RuleId == "prerequisite.credit-code-invalid");
        Assert.Contains("校验位", p.Text);
    }

    [Theory]
    [InlineData("", "答卷为空")]
    [InlineData("{", "答卷 JSON 无效")]
    [InlineData("""{"serviceName":"x","audience":"Everyone","offersToEndUsers":true,"functions":[{"name":"a"}]}""", "$.audience")]
    [InlineData("""{"serviceName":"x","offersToEndUsers":true,"functions":[{"name":"a","generates":["Smell"]}]}""",
        "$.functions[0].generates")]
    [InlineData("""{"serviceName":"x","offersToEndUsers":true,"functions":[{"name":"a"}],"colour":"red"}""", "不是已知字段")]
    [InlineData("""{"serviceName":"","offersToEndUsers":true,"functions":[{"name":"a"}]}""", "serviceName")]
    [InlineData("""{"serviceName":"x","offersToEndUsers":true,"functions":[]}""", "functions")]
    [InlineData("""{"serviceName":"x","offersToEndUsers":true,"functions":[{"name":" "}]}""", "functions[0].name")]
    [InlineData("""{"serviceName":"x","functions":[{"name":"a"}]}""", "offersToEndUsers")]
    [InlineData("""{"serviceName":"x","offersToEndUsers":true,"launchDate":"2026-02-30","functions":[{"name":"a"}]}""", "$.launchDate")]
    public void Bad_answers_name_the_field(string json, string expected)
    {
        var error = ServiceAnswers.TryParse(json, out var answers);
        Assert.Null(answers);
        Assert.NotNull(error);
        Assert.Contains(expected, error);
    }

    [Fact]
    public void Every_rule_material_and_labeling_duty_cites_an_article()
    {
        var rules = ApplicabilityRules.Current;
        Assert.False(string.IsNullOrWhiteSpace(rules.Version));
        Assert.All(ApplicabilityRules.RequiredRuleIds, id => Assert.True(rules.Rules.ContainsKey(id), id));
        Assert.All(rules.Rules.Values, r => Assert.Matches("《.+》|GB|TC260", r.Article));
        Assert.All(rules.Materials.Values.SelectMany(m => m), m => Assert.False(string.IsNullOrWhiteSpace(m.Article), m.Name));
        Assert.All(rules.Labeling.Values, l => Assert.Contains("GB 45438-2025", l.Article));
    }

    [Fact]
    public void A_rules_file_with_a_rule_lacking_its_article_is_refused()
    {
        var json = """{"version":"t","rules":[{"id":"scope.internal-only","text":"x","article":""}]}""";
        var ex = Assert.Throws<FormatException>(() => ApplicabilityRules.Parse(json));
        Assert.Contains("article", ex.Message);
        var missing = """{"version":"t","rules":[{"id":"scope.internal-only","text":"x","article":"y"}]}""";
        Assert.Contains("missing", Assert.Throws<FormatException>(() => ApplicabilityRules.Parse(missing)).Message);
    }

    [Fact]
    public void Every_citation_names_a_source_a_filer_can_look_up()
    {
        var rules = ApplicabilityRules.Current;
        var articles = rules.Rules.Values.Select(r => r.Article)
            .Concat(rules.Labeling.Values.Select(l => l.Article))
            .Append(rules.BiometricLabeling.Article)
            .Concat(rules.Materials.Values.SelectMany(items => items.Select(m => m.Article)))
            .ToList();
        Assert.NotEmpty(articles);
        // A regulation (《…》), a standard (GB …) or the named practice source; never an internal document.
        Assert.All(articles, a =>
        {
            Assert.DoesNotContain("参考资料", a);
            Assert.True(a.Contains('《') || a.Contains("GB ") || a.StartsWith("网信办算法备案系统填报说明"), a);
        });
    }
}
