using Suanbei.Core.Products;

namespace Suanbei.Core.Filings;

/// <summary>Step ① 基本属性 (all optional while a draft is saved).</summary>
public sealed record BasicAttributes
{
    public string? Name { get; init; }                 // 算法名称
    public AlgorithmType? Type { get; init; }          // 算法类型
    public string? Domain { get; init; }               // 应用领域
    public DateOnly? LaunchDate { get; init; }         // 上线时间
    public FilingRole? Role { get; init; }             // 填报角色
    public string? MainPurpose { get; init; }          // 主要用途 (the public list's column)
    public Guid? SelfAssessmentReportId { get; init; } // 《算法安全自评估报告》
    public Guid? DisclosureDocumentId { get; init; }   // 《拟公示内容》 upload
}

/// <summary>Step ② 详细属性, with labeling, content management and the four parts of 拟公示内容.</summary>
public sealed record DetailedAttributes
{
    public string? Summary { get; init; }              // 算法简介
    public string? Scenarios { get; init; }            // 使用场景
    public DataModality InputModalities { get; init; }
    public DataModality OutputModalities { get; init; }
    public string? DataSources { get; init; }          // 数据来源
    public bool? UsesBiometricData { get; init; }      // 是否使用生物特征数据 (face, voice, …)
    public bool? UsesIdentityData { get; init; }       // 是否使用身份信息数据
    public string? ModelAndTrainingData { get; init; } // 算法模型及训练数据集
    public string? Strategy { get; init; }             // 算法策略
    public string? RisksAndSafeguards { get; init; }   // 算法风险与防范机制
    public string? ModerationFlow { get; init; }       // 内容审核流程
    public int? LogRetentionMonths { get; init; }      // 日志留存期限（月）
    public string? ComplaintChannels { get; init; }    // 投诉举报渠道 (security assessment item 6)
    public string? RegulatorCooperation { get; init; } // 配合监管机制 (security assessment item 7)
    public string? DisclosurePrinciple { get; init; }  // 算法基本原理
    public string? DisclosureMechanism { get; init; }  // 算法运行机制
    public string? DisclosureScenarios { get; init; }  // 算法应用场景
    public string? DisclosurePurpose { get; init; }    // 算法目的意图
}

/// <summary>How content of one output modality is labeled (explicit and implicit, GB 45438-2025) with an example upload.</summary>
public sealed record LabelingInput(DataModality Modality, string? ExplicitMethod, string? ImplicitMethod, Guid? ExampleMaterialId);

/// <summary>A product (and some of its functions) a provider links; name and form are a snapshot for the public entry.</summary>
public sealed record LinkedProductInput(Guid ProductId, string ProductName, string ProductForm, IReadOnlyList<Guid> FunctionIds);

public sealed class FilingLabeling
{
    private FilingLabeling() { }
    internal FilingLabeling(LabelingInput input)
    {
        Id = Guid.NewGuid();
        Modality = input.Modality;
        ExplicitMethod = Clean(input.ExplicitMethod);
        ImplicitMethod = Clean(input.ImplicitMethod);
        ExampleMaterialId = input.ExampleMaterialId;
    }

    public Guid Id { get; private set; }
    public DataModality Modality { get; private set; }
    public string? ExplicitMethod { get; private set; }
    public string? ImplicitMethod { get; private set; }
    public Guid? ExampleMaterialId { get; private set; }

    internal static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
    internal LabelingInput ToInput() => new(Modality, ExplicitMethod, ImplicitMethod, ExampleMaterialId);
}

public sealed class FilingProductLink
{
    private FilingProductLink() { }
    internal FilingProductLink(LinkedProductInput input)
    {
        Id = Guid.NewGuid();
        ProductId = input.ProductId;
        ProductName = input.ProductName.Trim();
        ProductForm = input.ProductForm.Trim();
        FunctionIds = string.Join(',', input.FunctionIds.Distinct());
    }

    public Guid Id { get; private set; }
    public Guid ProductId { get; private set; }
    public string ProductName { get; private set; } = "";
    public string ProductForm { get; private set; } = "";
    /// <summary>Comma-separated function ids (a plain column keeps the mapping provider-neutral).</summary>
    public string FunctionIds { get; private set; } = "";

    public IReadOnlyList<Guid> FunctionIdList =>
        FunctionIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList();

    /// <summary>As in the CAC lists: 名称（形态）.</summary>
    public string Display => PublishedProducts.Item(ProductName, ProductForm);

    internal LinkedProductInput ToInput() => new(ProductId, ProductName, ProductForm, FunctionIdList);
}

/// <summary>One returned field in one round of 退回补正. Rows are never deleted, so every round stays readable.</summary>
public sealed class FilingReturnReason
{
    private FilingReturnReason() { }
    internal FilingReturnReason(int round, FieldReason r, DateTimeOffset at)
    {
        Id = Guid.NewGuid();
        Round = round;
        Field = r.Field;
        Reason = r.Reason.Trim();
        At = at;
    }

    public Guid Id { get; private set; }
    public int Round { get; private set; }
    public string Field { get; private set; } = "";
    public string Reason { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
}

/// <summary>One line of the append-only audit trail: who, when, from, to, why. No setters are reachable after creation.</summary>
public sealed class FilingAuditEntry
{
    private FilingAuditEntry() { }
    internal FilingAuditEntry(int sequence, DateTimeOffset at, Actor actor, FilingAction action, FilingStatus from, FilingStatus to,
        string? reason)
    {
        Id = Guid.NewGuid();
        Sequence = sequence;
        At = at;
        ActorUserId = actor.UserId;
        ActorName = actor.DisplayName;
        ActorRole = actor.Role;
        Action = action;
        From = from;
        To = to;
        Reason = reason;
    }

    public Guid Id { get; private set; }
    /// <summary>1, 2, 3 … per filing version; the order of the trail (timestamps alone may tie).</summary>
    public int Sequence { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string ActorUserId { get; private set; } = "";
    public string ActorName { get; private set; } = "";
    public ActorRole ActorRole { get; private set; }
    public FilingAction Action { get; private set; }
    public FilingStatus From { get; private set; }
    public FilingStatus To { get; private set; }
    public string? Reason { get; private set; }
}
