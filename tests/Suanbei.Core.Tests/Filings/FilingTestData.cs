using Suanbei.Core;
using Suanbei.Core.Calendar;
using Suanbei.Core.Filings;

namespace Suanbei.Core.Tests.Filings;

/// <summary>Builds filings in every status by driving them through the real workflow.</summary>
internal static class FilingTestData
{
    public static readonly Actor Filer = new("filer-1", "甲公司", ActorRole.Filer);
    public static readonly Actor OtherFiler = new("filer-2", "乙公司", ActorRole.Filer);
    public static readonly Actor Reviewer = new("rev-1", "审核员张三", ActorRole.Reviewer);
    /// <summary>一审 is passed by another reviewer than the one deciding 二审 (separation of duties).</summary>
    public static readonly Actor FirstReviewer = new("rev-0", "审核员王五", ActorRole.Reviewer);
    public static readonly Actor Admin = new("admin-1", "管理员", ActorRole.Admin);
    public static WorkingCalendar Cal => WorkingCalendar.Official;

    /// <summary>Monday 2 November 2026, 10:00 in Beijing.</summary>
    public static readonly DateTimeOffset Monday = new(2026, 11, 2, 2, 0, 0, TimeSpan.Zero);

    public static readonly Guid ProductA = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    public static readonly Guid ProductB = Guid.Parse("00000000-0000-0000-0000-0000000000b2");

    public static AlgorithmFiling CompleteDraft(FilingRole role = FilingRole.ServiceProvider,
        AlgorithmType type = AlgorithmType.GenerationSynthesis)
    {
        var f = new AlgorithmFiling(Guid.NewGuid(), Filer, Monday);
        Fill(f, role, type);
        return f;
    }

    public static void Fill(AlgorithmFiling f, FilingRole role = FilingRole.ServiceProvider,
        AlgorithmType type = AlgorithmType.GenerationSynthesis)
    {
        f.UpdateBasic(Filer, new BasicAttributes
        {
            Name = "甲公司文本生成算法", Type = type, Domain = "智能写作", LaunchDate = new DateOnly(2026, 10, 1), Role = role,
            MainPurpose = "应用于智能写作场景，根据用户输入的文本生成文章。",
            SelfAssessmentReportId = Guid.NewGuid(), DisclosureDocumentId = Guid.NewGuid(),
        }, Monday);
        f.UpdateDetails(Filer, new DetailedAttributes
        {
            Summary = "基于大模型的文本生成。", Scenarios = "用户在写作页面输入主题，生成文章草稿。",
            InputModalities = DataModality.Text, OutputModalities = DataModality.Text | DataModality.Image,
            DataSources = "公开网页语料与授权出版物", UsesBiometricData = false, UsesIdentityData = false,
            ModelAndTrainingData = "自研 7B 模型，训练数据经脱敏。", Strategy = "检索增强后生成。", RisksAndSafeguards = "关键词过滤与人工复核。",
            ModerationFlow = "机器过滤后人工审核", LogRetentionMonths = 6,
            ComplaintChannels = "应用内投诉举报入口，48小时内处理", RegulatorCooperation = "安全负责人对接监管部门",
            DisclosurePrinciple = "原理", DisclosureMechanism = "机制", DisclosureScenarios = "场景", DisclosurePurpose = "目的",
        }, Monday);
        f.UpdateLabeling(Filer,
        [
            new LabelingInput(DataModality.Text, "文末提示“本内容由AI生成”", "文件元数据AIGC字段", Guid.NewGuid()),
            new LabelingInput(DataModality.Image, "右下角“AI生成”字样", "XMP TC260:AIGC", Guid.NewGuid()),
        ], Monday);
        if (role == FilingRole.ServiceProvider)
            f.LinkProducts(Filer, [new LinkedProductInput(ProductA, "甲写作", "APP", [Guid.NewGuid()])], Monday);
        else
            f.SetServiceMode(Filer, TechnicalServiceMode.Api, "通过 API 向企业客户提供", Monday);
    }

    public static string Number(AlgorithmType type = AlgorithmType.GenerationSynthesis, int seq = 1) =>
        FilingNumbers.Compose("110108", "8234839", type, 2026, seq);

    /// <summary>A filing (initial unless <paramref name="status"/> is Superseded) that has reached the given status.</summary>
    public static AlgorithmFiling InStatus(FilingStatus status)
    {
        var f = CompleteDraft();
        if (status == FilingStatus.Draft) return f;
        Assert.Empty(f.Submit(Filer, Monday));
        if (status == FilingStatus.Submitted) return f;
        if (status == FilingStatus.Refused) { f.Refuse(Reviewer, Monday, "材料不齐"); return f; }
        f.StartFirstReview(Reviewer, Monday.AddDays(1));
        if (status == FilingStatus.FirstReview) return f;
        f.PassFirstReview(FirstReviewer, Monday.AddDays(2));
        if (status == FilingStatus.SecondReview) return f;
        f.Publish(Reviewer, Monday.AddDays(3), Number(), Cal);
        if (status == FilingStatus.Publicity) return f;
        if (status == FilingStatus.Cancelled) { f.Cancel(Filer, Monday.AddDays(4), new DateOnly(2026, 11, 5), "停止服务"); return f; }
        f.CompletePublicity(Reviewer, Monday.AddDays(30));
        if (status == FilingStatus.Filed) return f;
        if (status == FilingStatus.Superseded)
        {
            var change = ApprovedChange(f);
            Assert.Equal(FilingStatus.Filed, change.Status);
            return f;
        }
        throw new ArgumentOutOfRangeException(nameof(status));
    }

    public static AlgorithmFiling ApprovedChange(AlgorithmFiling filed)
    {
        var now = Monday.AddDays(31);
        var change = filed.StartChange(Filer, now, new DateOnly(2026, 12, 1), null);
        change.LinkProducts(Filer,
            [.. filed.LinkedProducts.Select(p => new LinkedProductInput(p.ProductId, p.ProductName, p.ProductForm, p.FunctionIdList)),
            new LinkedProductInput(ProductB, "甲绘图", "网站", [])], now);
        Assert.Empty(change.Submit(Filer, now));
        change.StartFirstReview(Reviewer, now);
        change.PassFirstReview(FirstReviewer, now);
        change.ApproveChange(Reviewer, now, filed);
        return change;
    }
}
