using Suanbei.Core.Filings;
using Suanbei.Core.Filings.Events;
using Suanbei.Core.GenerativeAi;
using Suanbei.Core.GenerativeAi.Events;
using static Suanbei.Core.Tests.Filings.FilingTestData;
using static Suanbei.Core.Tests.GenerativeAi.GenerativeAiTestData;
using Kind = Suanbei.Core.GenerativeAi.GenerativeAiFilingKind;

namespace Suanbei.Core.Tests.GenerativeAi;

public class GenerativeAiFilingTests
{
    [Theory]
    [InlineData(ModelSource.Own, Kind.Filing)]
    [InlineData(ModelSource.FineTuned, Kind.Filing)]
    [InlineData(ModelSource.CallsFiledModel, Kind.Registration)]
    public void The_kind_follows_the_model_source_by_the_data_rule_with_its_source(ModelSource source, Kind kind)
    {
        var f = new GenerativeAiFiling(Guid.NewGuid(), Filer, Monday);
        f.UpdateForm(Filer, Form(source), Monday);
        Assert.Equal(kind, f.Kind);
        Assert.Equal(kind, f.KindBasis!.Kind);
        Assert.Contains("网信", f.KindBasis.Source);
    }

    [Fact]
    public void The_rules_file_is_checked_when_read()
    {
        Assert.Equal(5, GenerativeAiRules.Current.Materials.Count);
        Assert.Equal(["安全自评估报告", "模型服务协议", "语料标注规则", "关键词拦截列表", "评估测试题集"],
            GenerativeAiRules.Current.Materials.Select(m => m.Name));
        const string OneRule = "{\"version\":\"1\",\"kindRules\":[{\"modelSource\":\"Own\",\"kind\":\"Filing\"," +
            "\"text\":\"t\",\"source\":\"s\"}],\"materials\":[{\"key\":\"K\",\"name\":\"N\",\"source\":\"S\"}]}";
        var ex = Assert.Throws<FormatException>(() => GenerativeAiRules.Parse(OneRule));
        Assert.Contains("FineTuned", ex.Message);
    }

    [Fact]
    public void A_draft_lists_every_missing_field_and_material_and_submitting_it_changes_nothing()
    {
        var f = new GenerativeAiFiling(Guid.NewGuid(), Filer, Monday);
        var missing = f.Submit(Filer, Monday, Entity, Province);
        Assert.Contains(missing, m => m.Field == GenerativeAiFormFields.ModelName && m.Message.Contains("模型名称"));
        Assert.Contains(missing, m => m.Field == GenerativeAiFormFields.Products);
        Assert.Contains(missing, m => m.Message == "请上传《关键词拦截列表》，或从评估工具关联。");
        Assert.Contains(missing, m => m.Message == "请上传《模型服务协议》。");
        Assert.Equal(GenerativeAiStatus.Draft, f.Status);
        Assert.Empty(f.AuditTrail);
    }

    [Fact]
    public void The_keyword_list_test_set_and_report_may_be_linked_from_the_toolkit_instead_of_uploaded()
    {
        var rules = GenerativeAiRules.Current.Materials.ToDictionary(m => m.Key);
        Assert.Equal(["keywords"], rules["KeywordBlockList"].Toolkit!.Parts);
        Assert.Equal(["content", "refuse", "answer"], rules["EvaluationTestSet"].Toolkit!.Parts);
        Assert.Equal(GenerativeAiMaterialSource.ReviewRun, rules["SelfAssessmentReport"].Toolkit!.Source);
        Assert.Null(rules["ServiceAgreement"].Toolkit);

        var f = new GenerativeAiFiling(Guid.NewGuid(), Filer, Monday);
        var (content, refuse, answer, run) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        f.LinkToolkit(Filer, "EvaluationTestSet", [("answer", answer), ("content", content), ("refuse", refuse)], Monday);
        f.LinkToolkit(Filer, "SelfAssessmentReport", [("", run)], Monday);
        Assert.Equal(["content", "refuse", "answer"], f.ToolkitLinksOf("EvaluationTestSet").Select(l => l.Part));
        Assert.Null(f.MaterialOf("EvaluationTestSet"));
        Assert.DoesNotContain(f.MissingFields(), m => m.Field is "EvaluationTestSet" or "SelfAssessmentReport");

        // All three banks or none; an upload-only material cannot be linked; an upload replaces the link.
        var partial = Assert.Throws<DomainException>(() => f.LinkToolkit(Filer, "EvaluationTestSet", [("content", content)], Monday));
        Assert.Contains("《评估测试题集》须为每个题库各关联一个版本", partial.Message);
        Assert.Equal(3, f.ToolkitLinksOf("EvaluationTestSet").Count);
        Assert.Contains("只能上传文件", Assert.Throws<DomainException>(() =>
            f.LinkToolkit(Filer, "ServiceAgreement", [("", run)], Monday)).Message);
        var upload = Guid.NewGuid();
        f.SetMaterial(Filer, "SelfAssessmentReport", upload, Monday);
        Assert.Equal((upload, 0), (f.MaterialOf("SelfAssessmentReport"), f.ToolkitLinksOf("SelfAssessmentReport").Count));
        f.LinkToolkit(Filer, "EvaluationTestSet", [], Monday);
        Assert.Contains(f.MissingFields(), m => m.Field == "EvaluationTestSet");
    }

    [Fact]
    public void A_change_keeps_the_toolkit_links_of_the_version_it_starts_from()
    {
        var f = CompleteDraft(Kind.Filing);
        var version = Guid.NewGuid();
        f.LinkToolkit(Filer, "KeywordBlockList", [("keywords", version)], Monday);
        Assert.Empty(f.Submit(Filer, Monday, Entity, Province));
        Approve(f, Monday);
        var change = f.StartChange(Filer, Monday.AddDays(3), DateOnly.FromDateTime(Monday.UtcDateTime), "升级");
        var link = Assert.Single(change.ToolkitLinksOf("KeywordBlockList"));
        Assert.Equal((version, GenerativeAiMaterialSource.BankVersion, "keywords"), (link.MaterialId, link.Source, link.Part));
    }

    [Fact]
    public void Calling_a_filed_model_needs_its_name_and_number_and_the_number_must_decode()
    {
        var f = CompleteDraft(Kind.Registration);
        f.UpdateForm(Filer, Form(ModelSource.CallsFiledModel) with { FiledModelNumber = null }, Monday);
        Assert.Contains(f.MissingFields(), m => m.Field == GenerativeAiFormFields.FiledModelNumber);
        var ex = Assert.Throws<DomainException>(() =>
            f.UpdateForm(Filer, Form(ModelSource.CallsFiledModel) with { FiledModelNumber = "Nowhere-X-20231301" }, Monday));
        Assert.Contains("所用已备案模型备案号", ex.Message);
        f.UpdateForm(Filer, Form(ModelSource.CallsFiledModel) with { FiledModelNumber = " Beijing－WenXinYiYan－20230821 " }, Monday);
        Assert.Equal("Beijing-WenXinYiYan-20230821", f.Form.FiledModelNumber);
        Assert.Empty(f.MissingFields());
    }

    [Fact]
    public void Corpus_shares_are_checked_as_saved_and_must_total_100_to_submit()
    {
        var f = CompleteDraft(Kind.Filing);
        var over = Form(ModelSource.Own) with { CorpusSources = [new("公开网络数据", 80m), new("自有数据", 30m)] };
        Assert.Contains("不能超过100%", Assert.Throws<DomainException>(() => f.UpdateForm(Filer, over, Monday)).Message);
        var bad = Form(ModelSource.Own) with { CorpusSources = [new("公开网络数据", 0m)] };
        Assert.Contains("「公开网络数据」的占比", Assert.Throws<DomainException>(() => f.UpdateForm(Filer, bad, Monday)).Message);
        f.UpdateForm(Filer, Form(ModelSource.Own) with { CorpusSources = [new("公开网络数据", 60m)] }, Monday);
        Assert.Contains(f.MissingFields(), m => m.Message.Contains("合计应为100%"));
    }

    [Fact]
    public void A_filing_passes_both_levels_and_its_approval_raises_the_event_with_the_list_facts()
    {
        var f = CompleteDraft(Kind.Filing);
        f.Submit(Filer, Monday, Entity, Province);
        Approve(f, Monday.AddDays(3));
        Assert.Equal(GenerativeAiStatus.Filed, f.Status);
        Assert.Equal(FilingNumber, f.Number);
        var e = Assert.IsType<GenerativeAiFilingApproved>(Assert.Single(f.DomainEvents));
        Assert.Equal(new GenerativeAiFilingApproved(f.Id, Kind.Filing, Province, "甲智能", Entity, FilingNumber,
            new DateOnly(2026, 11, 5), e.Products), e);
        Assert.Equal([new PublicProduct("甲写作", "APP")], e.Products);
        Assert.Equal([GenerativeAiStatus.Submitted, GenerativeAiStatus.ProvincialReview, GenerativeAiStatus.NationalReview,
            GenerativeAiStatus.Filed], f.AuditTrail.Select(a => a.To));
    }

    [Fact]
    public void A_registration_is_decided_by_the_province_alone_and_cannot_go_to_national_review()
    {
        var f = CompleteDraft(Kind.Registration);
        f.Submit(Filer, Monday, Entity, Province);
        f.StartProvincialReview(Reviewer, Monday);
        Assert.Throws<DomainException>(() => f.PassProvincialReview(Reviewer, Monday));
        f.Approve(Reviewer, Monday, RegistrationNumber, Entity, Province);
        Assert.Equal(GenerativeAiStatus.Registered, f.Status);
        Assert.Equal(Kind.Registration, Assert.IsType<GenerativeAiFilingApproved>(Assert.Single(f.DomainEvents)).Kind);
    }

    [Fact]
    public void Approval_refuses_a_malformed_number_or_one_of_the_other_scheme()
    {
        var f = InStatus(GenerativeAiStatus.NationalReview, Kind.Filing);
        Assert.Throws<DomainException>(() => f.Approve(Reviewer, Monday, "Beijing--20261102", Entity, Province));
        var ex = Assert.Throws<DomainException>(() => f.Approve(Reviewer, Monday, RegistrationNumber, Entity, Province));
        Assert.Contains("不是备案编号", ex.Message);
        Assert.Equal(GenerativeAiStatus.NationalReview, f.Status);
        Assert.Null(f.Number);
        Assert.Empty(f.DomainEvents);
    }

    [Fact]
    public void Returning_needs_a_reason_per_known_field_keeps_rounds_and_stops_the_clock()
    {
        var f = InStatus(GenerativeAiStatus.NationalReview, Kind.Filing);
        Assert.NotNull(f.ClockStartedOn);
        Assert.Throws<DomainException>(() => f.Return(Reviewer, Monday, [new FieldReason(GenerativeAiFormFields.ModelName, " ")]));
        Assert.Throws<DomainException>(() => f.Return(Reviewer, Monday, [new FieldReason("Nope", "x")]));
        f.Return(Reviewer, Monday, [new FieldReason("KeywordBlockList", "关键词数量不足10000个")]);
        Assert.True(f.IsReturned);
        Assert.Equal("已退回", f.StatusDisplay);
        Assert.Null(f.ClockStartedOn);
        var r = Assert.Single(f.OpenReturnReasons);
        Assert.Equal(GenerativeAiStatus.NationalReview, r.Level);
        Assert.Contains("关键词拦截列表：关键词数量不足10000个", f.AuditTrail[^1].Reason);
        f.Submit(Filer, Monday.AddDays(7), Entity, Province);
        Assert.Equal(new DateOnly(2026, 11, 9), f.ClockStartedOn);
        Assert.Single(f.ReturnReasons);
    }

    [Fact]
    public void Refusal_needs_a_reason()
    {
        var f = InStatus(GenerativeAiStatus.ProvincialReview, Kind.Registration);
        Assert.Throws<DomainException>(() => f.Refuse(Reviewer, Monday, "  "));
        f.Refuse(Reviewer, Monday, "所调用模型未备案");
        Assert.Equal("所调用模型未备案", f.RefusalReason);
    }

    [Fact]
    public void The_clock_counts_working_days_on_the_official_calendar()
    {
        var f = InStatus(GenerativeAiStatus.ProvincialReview, Kind.Filing); // submitted Monday 2026-11-02
        var clock = f.Clock(Monday.AddDays(7), Cal); // Monday 2026-11-09
        Assert.Equal(5, clock.WorkingDaysUsed);
        Assert.Equal("已用 5 / 30 个工作日", clock.Display);
    }

    [Fact]
    public void A_change_keeps_the_number_supersedes_the_public_version_and_cannot_change_the_kind()
    {
        var f = InStatus(GenerativeAiStatus.Filed, Kind.Filing);
        f.ClearDomainEvents();
        var day = new DateOnly(2026, 11, 3);
        var change = f.StartChange(Filer, Monday.AddDays(1), day, null);
        Assert.Throws<DomainException>(() => f.StartChange(Filer, Monday.AddDays(1), day, null)); // one open change
        var ex = Assert.Throws<DomainException>(() => change.UpdateForm(Filer, Form(ModelSource.CallsFiledModel), Monday.AddDays(1)));
        Assert.Contains("注销后重新办理", ex.Message);
        change.UpdateForm(Filer, Form(ModelSource.FineTuned) with { ModelVersion = "V2.0" }, Monday.AddDays(1));
        Assert.Equal(new DateOnly(2026, 11, 17), change.FilerDeadline(Cal)!.DueOn); // 10 working days
        change.Submit(Filer, Monday.AddDays(1), Entity, Province);
        change.StartProvincialReview(Reviewer, Monday.AddDays(2));
        change.PassProvincialReview(Reviewer, Monday.AddDays(2));
        Assert.Throws<DomainException>(() => change.Approve(Reviewer, Monday.AddDays(2), FilingNumber, Entity, Province));
        change.ApproveChange(Reviewer, Monday.AddDays(2), f, Entity, Province);
        Assert.Equal((GenerativeAiStatus.Filed, FilingNumber), (change.Status, change.Number));
        Assert.Equal(GenerativeAiStatus.Superseded, f.Status);
        Assert.Equal("2026年11月，变更内容：模型版本由V1.0变更为V2.0", change.Remarks);
        var e = Assert.IsType<GenerativeAiFilingChanged>(Assert.Single(change.DomainEvents));
        Assert.Equal((f.EntryId, 2, FilingNumber), (e.EntryId, e.Revision, e.Number));
    }

    [Fact]
    public void A_refused_change_closes_it_and_the_public_version_stays()
    {
        var f = InStatus(GenerativeAiStatus.Registered, Kind.Registration);
        var change = f.StartChange(Filer, Monday.AddDays(1), new DateOnly(2026, 11, 3), "新增产品");
        change.Submit(Filer, Monday.AddDays(1), Entity, Province);
        change.Refuse(Reviewer, Monday.AddDays(2), "产品不属于本服务", f);
        Assert.Null(f.OpenChangeId);
        Assert.Equal(GenerativeAiStatus.Registered, f.Status);
    }

    [Fact]
    public void Cancellation_keeps_the_entry_public_with_a_remark_and_raises_the_event()
    {
        var f = InStatus(GenerativeAiStatus.Registered, Kind.Registration);
        f.ClearDomainEvents();
        Assert.Throws<DomainException>(() => f.Cancel(Filer, Monday, new DateOnly(2027, 1, 1), null)); // future date
        f.Cancel(Filer, Monday.AddDays(1), new DateOnly(2026, 11, 2), "服务下线");
        Assert.True(f.IsPublic);
        Assert.Equal(["2026年11月已注销"], f.RemarkLines);
        Assert.Equal(new DateOnly(2026, 11, 30), f.FilerDeadline(Cal)!.DueOn); // 20 working days
        var e = Assert.IsType<GenerativeAiFilingCancelled>(Assert.Single(f.DomainEvents));
        Assert.Equal((RegistrationNumber, Kind.Registration), (e.Number, e.Kind));
    }

    [Fact]
    public void Every_field_and_material_has_a_label_and_a_step()
    {
        foreach (var (key, label) in GenerativeAiFormFields.All.Where(f => f.Key != GenerativeAiFormFields.General))
        {
            Assert.False(string.IsNullOrWhiteSpace(label));
            Assert.NotNull(GenerativeAiFormFields.StepOf(key));
        }
    }
}
