using Suanbei.Core.Calendar;
using Suanbei.Core.Filings.Events;
using Suanbei.Core.Identifiers;

namespace Suanbei.Core.Filings;

/// <summary>
/// One version of an algorithm filing (算法备案). The first version (<see cref="FilingKind.Initial"/>) receives the
/// filing number at publication; a change (变更) is a further version of the same public entry (<see cref="EntryId"/>)
/// that goes through the same review while the published version stays public, and inherits the number.
/// Status changes are guarded methods (see <see cref="FilingWorkflow"/> for the table); each appends to the
/// append-only <see cref="AuditTrail"/>. Every change bumps <see cref="ConcurrencyVersion"/>, which the database
/// uses as an optimistic concurrency token so two reviewers cannot both move the same filing. Transitions the public
/// hears of (publication, a published change, cancellation) and the decisions the filer must hear of (return, refusal)
/// are recorded in <see cref="DomainEvents"/>.
/// </summary>
public sealed class AlgorithmFiling : ReviewedFiling<FilingStatus, FilingAction, FilingAuditEntry>
{
    private readonly List<FilingLabeling> _labeling = [];
    private readonly List<FilingProductLink> _products = [];
    private readonly List<FilingReturnReason> _returnReasons = [];

    private AlgorithmFiling() { } // EF

    /// <summary>Starts a new, empty draft for a subject whose filing has been approved (the caller checks approval).</summary>
    public AlgorithmFiling(Guid subjectId, Actor filer, DateTimeOffset now) : base(subjectId, filer, now)
    {
        if (filer.Role != ActorRole.Filer) throw new DomainException("只有备案主体可以新建算法备案。");
        Kind = FilingKind.Initial;
        Status = FilingStatus.Draft;
    }

    /// <summary>A change of <paramref name="source"/> (see <see cref="StartChange"/>); the caller copies the form.</summary>
    private AlgorithmFiling(AlgorithmFiling source, DateTimeOffset now, DateOnly eventDate, string? description)
        : base(source, now, eventDate, description)
    {
        Kind = FilingKind.Change;
        Status = FilingStatus.Draft;
    }

    /// <summary>Initial or change (as <c>IsChange</c> tells: a change is any version after the first).</summary>
    public FilingKind Kind { get; private set; }

    // ① basic attributes
    public string? Name { get; private set; }
    public AlgorithmType? Type { get; private set; }
    public string? Domain { get; private set; }
    public DateOnly? LaunchDate { get; private set; }
    public FilingRole? Role { get; private set; }
    public string? MainPurpose { get; private set; }
    public Guid? SelfAssessmentReportId { get; private set; }
    public Guid? DisclosureDocumentId { get; private set; }

    // ② detailed attributes, content management, 拟公示内容
    public string? Summary { get; private set; }
    public string? Scenarios { get; private set; }
    public DataModality InputModalities { get; private set; }
    public DataModality OutputModalities { get; private set; }
    public string? DataSources { get; private set; }
    public bool? UsesBiometricData { get; private set; }
    public bool? UsesIdentityData { get; private set; }
    public string? ModelAndTrainingData { get; private set; }
    public string? Strategy { get; private set; }
    public string? RisksAndSafeguards { get; private set; }
    public string? ModerationFlow { get; private set; }
    public int? LogRetentionMonths { get; private set; }
    /// <summary>How users complain and report, where the channel is published, how fast it is handled (assessment item 6).</summary>
    public string? ComplaintChannels { get; private set; }
    /// <summary>How the filer gives regulators and police technical and data support (assessment item 7).</summary>
    public string? RegulatorCooperation { get; private set; }
    public string? DisclosurePrinciple { get; private set; }
    public string? DisclosureMechanism { get; private set; }
    public string? DisclosureScenarios { get; private set; }
    public string? DisclosurePurpose { get; private set; }
    public IReadOnlyList<FilingLabeling> Labeling => _labeling;

    // ③ provider: linked products; supporter: technical service mode
    public IReadOnlyList<FilingProductLink> LinkedProducts => _products;
    public TechnicalServiceMode? ServiceMode { get; private set; }
    public string? ServiceModeDescription { get; private set; }

    // review (status, trail and clock: see ReviewedFiling)
    public IReadOnlyList<FilingReturnReason> ReturnReasons => _returnReasons;

    // number, publicity, public entry
    public string? FilingNumber { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public DateOnly? PublicityEndsOn { get; private set; }
    public DateTimeOffset? FiledAt { get; private set; }

    /// <summary>Statuses in which this version is the public entry (公示信息 page).</summary>
    public bool IsPublic => Status is FilingStatus.Publicity or FilingStatus.Filed or FilingStatus.Cancelled;

    /// <summary>A draft that a reviewer sent back for correction (退回补正) and that has not been resubmitted yet.</summary>
    public bool IsReturned => IsReturnedDraft(Status, ReturnRounds);

    /// <summary>The status as the filer reads it: a returned draft is 已退回, not a plain 草稿.</summary>
    public string StatusDisplay => StatusDisplayOf(Status, ReturnRounds);

    /// <summary><see cref="IsReturned"/> from the two columns (for lists that read only those).</summary>
    public static bool IsReturnedDraft(FilingStatus status, int returnRounds) => status == FilingStatus.Draft && returnRounds > 0;

    /// <summary><see cref="StatusDisplay"/> from the two columns (for lists that read only those).</summary>
    public static string StatusDisplayOf(FilingStatus status, int returnRounds) =>
        IsReturnedDraft(status, returnRounds) ? FilingNames.Returned : DisplayNames.Of(status);

    /// <summary>What still blocks submission on one step of the form.</summary>
    public IReadOnlyList<MissingField> MissingFields(FilingStep step) =>
        MissingFields().Where(m => FilingFields.StepOf(m.Field) == step).ToList();

    /// <summary>The return reasons of the latest round while the filing sits in draft for correction.</summary>
    public IReadOnlyList<FilingReturnReason> OpenReturnReasons =>
        Status == FilingStatus.Draft && ReturnRounds > 0
            ? _returnReasons.Where(r => r.Round == ReturnRounds).OrderBy(r => FilingFields.Order(r.Field)).ToList() : [];

    // ---------------------------------------------------------------- editing (draft only, owner only)

    public void UpdateBasic(Actor filer, BasicAttributes a, DateTimeOffset now)
    {
        RequireEditable(filer);
        if (Kind == FilingKind.Change && (a.Type != Type || a.Role != Role))
            throw new DomainException("变更不能修改算法类型或填报角色（它们决定备案编号）；请注销后重新备案。");
        Name = Text(a.Name, FilingFields.Name, FilingRules.ShortTextMax);
        Type = a.Type is { } t && !Enum.IsDefined(t) ? throw new DomainException("算法类型无效。") : a.Type;
        Domain = Text(a.Domain, FilingFields.Domain, FilingRules.ShortTextMax);
        LaunchDate = a.LaunchDate;
        Role = a.Role is { } r && !Enum.IsDefined(r) ? throw new DomainException("填报角色无效。") : a.Role;
        MainPurpose = Text(a.MainPurpose, FilingFields.MainPurpose, FilingRules.MainPurposeMax);
        SelfAssessmentReportId = a.SelfAssessmentReportId;
        DisclosureDocumentId = a.DisclosureDocumentId;
        Touch(now);
    }

    public void UpdateDetails(Actor filer, DetailedAttributes d, DateTimeOffset now)
    {
        RequireEditable(filer);
        Summary = Text(d.Summary, FilingFields.Summary);
        Scenarios = Text(d.Scenarios, FilingFields.Scenarios);
        InputModalities = d.InputModalities & AllModalities;
        OutputModalities = d.OutputModalities & AllModalities;
        DataSources = Text(d.DataSources, FilingFields.DataSources);
        UsesBiometricData = d.UsesBiometricData;
        UsesIdentityData = d.UsesIdentityData;
        ModelAndTrainingData = Text(d.ModelAndTrainingData, FilingFields.ModelAndTrainingData);
        Strategy = Text(d.Strategy, FilingFields.Strategy);
        RisksAndSafeguards = Text(d.RisksAndSafeguards, FilingFields.RisksAndSafeguards);
        ModerationFlow = Text(d.ModerationFlow, FilingFields.ModerationFlow);
        if (d.LogRetentionMonths is < 0 or > 1200) throw new DomainException("日志留存期限（月）应为 0 到 1200 之间的整数。");
        LogRetentionMonths = d.LogRetentionMonths;
        ComplaintChannels = Text(d.ComplaintChannels, FilingFields.ComplaintChannels);
        RegulatorCooperation = Text(d.RegulatorCooperation, FilingFields.RegulatorCooperation);
        DisclosurePrinciple = Text(d.DisclosurePrinciple, FilingFields.DisclosurePrinciple);
        DisclosureMechanism = Text(d.DisclosureMechanism, FilingFields.DisclosureMechanism);
        DisclosureScenarios = Text(d.DisclosureScenarios, FilingFields.DisclosureScenarios);
        DisclosurePurpose = Text(d.DisclosurePurpose, FilingFields.DisclosurePurpose);
        Touch(now);
    }

    /// <summary>Replaces the labeling description (one entry per output modality; a later entry for the same modality wins).</summary>
    public void UpdateLabeling(Actor filer, IEnumerable<LabelingInput> entries, DateTimeOffset now)
    {
        RequireEditable(filer);
        var byModality = new Dictionary<DataModality, LabelingInput>();
        foreach (var e in entries)
        {
            if (!FilingNames.Modalities.Contains(e.Modality)) throw new DomainException("内容标识的模态无效。");
            Text(e.ExplicitMethod, FilingFields.Labeling);
            Text(e.ImplicitMethod, FilingFields.Labeling);
            byModality[e.Modality] = e;
        }
        _labeling.Clear();
        foreach (var e in byModality.Values.OrderBy(e => e.Modality)) _labeling.Add(new FilingLabeling(e));
        Touch(now);
    }

    /// <summary>Step ③ for a provider: the products (and functions) this algorithm serves.</summary>
    public void LinkProducts(Actor filer, IEnumerable<LinkedProductInput> products, DateTimeOffset now)
    {
        RequireEditable(filer);
        var list = products.GroupBy(p => p.ProductId).Select(g => g.Last()).ToList();
        foreach (var p in list)
        {
            if (string.IsNullOrWhiteSpace(p.ProductName) || string.IsNullOrWhiteSpace(p.ProductForm))
                throw new DomainException("关联产品缺少名称或服务形式。");
        }
        _products.Clear();
        foreach (var p in list) _products.Add(new FilingProductLink(p));
        Touch(now);
    }

    /// <summary>Step ③ for a technical supporter: how the algorithm is delivered (API etc.).</summary>
    public void SetServiceMode(Actor filer, TechnicalServiceMode? mode, string? description, DateTimeOffset now)
    {
        RequireEditable(filer);
        if (mode is { } m && !Enum.IsDefined(m)) throw new DomainException("技术服务方式无效。");
        ServiceMode = mode;
        ServiceModeDescription = Text(description, FilingFields.ServiceMode);
        Touch(now);
    }

    // ---------------------------------------------------------------- completeness

    /// <summary>What still blocks submission, in form order; empty when the filing is complete.</summary>
    public IReadOnlyList<MissingField> MissingFields()
    {
        var missing = new List<MissingField>();
        void Need(bool ok, string field, string? message = null)
        {
            if (!ok) missing.Add(new MissingField(field, message ?? $"请填写「{FilingFields.Label(field)}」。"));
        }

        Need(Name is not null, FilingFields.Name);
        Need(Type is not null, FilingFields.Type, "请选择「算法类型」。");
        Need(Domain is not null, FilingFields.Domain);
        Need(LaunchDate is not null, FilingFields.LaunchDate);
        Need(Role is not null, FilingFields.Role, "请选择「填报角色」。");
        Need(MainPurpose is not null, FilingFields.MainPurpose);
        Need(SelfAssessmentReportId is not null, FilingFields.SelfAssessmentReport, "请上传《算法安全自评估报告》。");
        Need(DisclosureDocumentId is not null, FilingFields.DisclosureDocument, "请上传《拟公示内容》。");
        Need(Summary is not null, FilingFields.Summary);
        Need(Scenarios is not null, FilingFields.Scenarios);
        Need(InputModalities != DataModality.None, FilingFields.InputModalities, "请选择至少一种「输入数据模态」。");
        Need(OutputModalities != DataModality.None, FilingFields.OutputModalities, "请选择至少一种「输出数据模态」。");
        Need(DataSources is not null, FilingFields.DataSources);
        Need(UsesBiometricData is not null, FilingFields.UsesBiometricData, "请说明是否使用生物特征数据。");
        Need(UsesIdentityData is not null, FilingFields.UsesIdentityData, "请说明是否使用身份信息数据。");
        Need(ModelAndTrainingData is not null, FilingFields.ModelAndTrainingData);
        Need(Strategy is not null, FilingFields.Strategy);
        Need(RisksAndSafeguards is not null, FilingFields.RisksAndSafeguards);
        // Labeling is part of the filing for generated content (标识办法 Art. 12): every output modality needs
        // an explicit and an implicit method and an example upload.
        if (Type == AlgorithmType.GenerationSynthesis)
        {
            foreach (var m in FilingNames.Modalities.Where(m => OutputModalities.HasFlag(m)))
            {
                var e = _labeling.FirstOrDefault(l => l.Modality == m);
                var name = DisplayNames.Of(m);
                Need(e?.ExplicitMethod is not null, FilingFields.Labeling, $"请说明{name}输出的显式标识方式。");
                Need(e?.ImplicitMethod is not null, FilingFields.Labeling, $"请说明{name}输出的隐式标识方式。");
                Need(e?.ExampleMaterialId is not null, FilingFields.Labeling, $"请上传{name}输出的标识示例。");
            }
        }
        Need(ModerationFlow is not null, FilingFields.ModerationFlow);
        Need(LogRetentionMonths is not null, FilingFields.LogRetentionMonths);
        if (LogRetentionMonths is { } months && months < FilingRules.MinLogRetentionMonths)
            missing.Add(new MissingField(FilingFields.LogRetentionMonths, $"日志应至少留存{FilingRules.MinLogRetentionMonths}个月。"));
        Need(ComplaintChannels is not null, FilingFields.ComplaintChannels);
        Need(RegulatorCooperation is not null, FilingFields.RegulatorCooperation);
        Need(DisclosurePrinciple is not null, FilingFields.DisclosurePrinciple);
        Need(DisclosureMechanism is not null, FilingFields.DisclosureMechanism);
        Need(DisclosureScenarios is not null, FilingFields.DisclosureScenarios);
        Need(DisclosurePurpose is not null, FilingFields.DisclosurePurpose);
        if (Role == FilingRole.ServiceProvider)
            Need(_products.Count > 0, FilingFields.LinkedProducts, "服务提供者须关联至少一个产品。");
        if (Role == FilingRole.TechnicalSupporter)
            Need(ServiceMode is not null, FilingFields.ServiceMode, "服务技术支持者须选择「技术服务方式」。");
        return missing;
    }

    // ---------------------------------------------------------------- workflow

    /// <summary>
    /// 提交. Returns the missing fields; when there are any nothing changes. A complete submission starts the
    /// Art. 25 clock (restarted by each resubmission after 退回补正, since only then are the materials complete).
    /// </summary>
    public IReadOnlyList<MissingField> Submit(Actor filer, DateTimeOffset now)
    {
        var t = RequireTransition(FilingAction.Submit, filer);
        RequireOwner(filer);
        var missing = MissingFields();
        if (missing.Count > 0) return missing;
        StartClock(now);
        Move(t, filer, now, null);
        return missing;
    }

    public void StartFirstReview(Actor reviewer, DateTimeOffset now) =>
        Move(RequireTransition(FilingAction.StartFirstReview, reviewer), reviewer, now, null);

    public void PassFirstReview(Actor reviewer, DateTimeOffset now, string? comment = null) =>
        Move(RequireTransition(FilingAction.PassFirstReview, reviewer), reviewer, now, Clean(comment));

    /// <summary>
    /// 二审通过并公示 for an initial filing: records the number issued by the allocator and opens the publicity period.
    /// </summary>
    public void Publish(Actor reviewer, DateTimeOffset now, string number, WorkingCalendar calendar)
    {
        var t = RequireTransition(FilingAction.Publish, reviewer);
        if (Kind != FilingKind.Initial) throw new DomainException("变更通过审核时沿用原备案编号，请使用“通过变更”。");
        var info = Identifiers.FilingNumber.Decode(number);
        if (!info.Valid) throw new DomainException($"备案编号无效：{number}");
        if (Type is { } type && info.TypeCode != AlgorithmTypes.NumberTypeCode(type))
            throw new DomainException("备案编号的类型码与算法类型不一致。");
        FilingNumber = number;
        PublishedAt = now;
        var decided = StopClock(now);
        PublicityEndsOn = TryAddWorkingDays(calendar, decided, FilingRules.PublicityWorkingDays);
        Move(t, reviewer, now, $"备案编号 {number}");
        Raise(new FilingPublished(Id, PublicFacts.Of(this), decided));
    }

    /// <summary>
    /// 二审通过 for a change: the public entry switches to this version at once (it keeps the number and gains a
    /// 备注 line), and <paramref name="previous"/> — the version that was public — becomes <see cref="FilingStatus.Superseded"/>.
    /// </summary>
    public void ApproveChange(Actor reviewer, DateTimeOffset now, AlgorithmFiling previous)
    {
        var t = RequireTransition(FilingAction.Publish, reviewer);
        if (Kind != FilingKind.Change) throw new DomainException("首次备案通过审核时须签发备案编号并公示。");
        RequirePrevious(previous);
        if (previous.Status != FilingStatus.Filed) throw new DomainException("原备案已不是「已备案」状态，不能通过此变更。");
        var line = ChangeRemark(previous, ChinaTime.Date(now));
        Remarks = AppendLine(previous.Remarks, line);
        FilingNumber = previous.FilingNumber;
        PublishedAt = previous.PublishedAt;
        PublicityEndsOn = previous.PublicityEndsOn;
        var decided = StopClock(now);
        FiledAt = now;
        Move(t with { To = FilingStatus.Filed }, reviewer, now, line);
        previous.Supersede(FilingAction.Publish, FilingStatus.Superseded, reviewer, now, Revision);
        Raise(new FilingChangePublished(Id, Revision, PublicFacts.Of(this), decided));
    }

    /// <summary>公示期满 → 已备案. Before the end of the publicity period this is refused; without an official calendar
    /// for that period only a reviewer (not the system) may close it, because the end cannot be computed.</summary>
    public void CompletePublicity(Actor actor, DateTimeOffset now)
    {
        var t = RequireTransition(FilingAction.CompletePublicity, actor);
        var today = ChinaTime.Date(now);
        if (PublicityEndsOn is { } end && today < end)
            throw new DomainException($"公示期至 {end:yyyy-MM-dd} 结束，尚未期满。");
        if (PublicityEndsOn is null && actor.Role != ActorRole.Reviewer)
            throw new DomainException("公示期没有官方日历可算（无官方日历），须由审核员确认公示期满。");
        FiledAt = now;
        // No event: the registry lists the entry as in force from publication on, so the end of publicity changes nothing there.
        Move(t, actor, now, PublicityEndsOn is null ? "无官方日历，审核员确认公示期满" : null);
    }

    /// <summary>退回补正: back to draft with one reason per field; earlier rounds stay in <see cref="ReturnReasons"/>.</summary>
    public void Return(Actor reviewer, DateTimeOffset now, IReadOnlyList<FieldReason> reasons)
    {
        var t = RequireTransition(FilingAction.Return, reviewer);
        var list = reasons.Where(r => !string.IsNullOrWhiteSpace(r.Reason)).ToList();
        if (list.Count == 0) throw new DomainException("退回补正须至少写明一个字段的理由。");
        foreach (var r in list)
        {
            if (!FilingFields.IsKnown(r.Field)) throw new DomainException($"未知字段：{r.Field}");
            Text(r.Reason, FilingFields.General);
        }
        var round = OpenReturnRound();
        foreach (var r in list) _returnReasons.Add(new FilingReturnReason(round, r, now));
        Move(t, reviewer, now, string.Join("；", list.Select(r => $"{FilingFields.Label(r.Field)}：{r.Reason.Trim()}")));
        Raise(new FilingReturned(Id, SubjectId, Name, round, list));
    }

    /// <summary>不予备案 with reasons. Refusing a change closes it on the public version, which stays as it was.</summary>
    public void Refuse(Actor reviewer, DateTimeOffset now, string reason, AlgorithmFiling? previous = null)
    {
        var t = RequireTransition(FilingAction.Refuse, reviewer);
        var text = Clean(reason) ?? throw new DomainException("不予备案须写明理由。");
        Text(text, FilingFields.General);
        RecordRefusal(text, now, previous);
        Move(t, reviewer, now, text);
        Raise(new FilingRefused(Id, SubjectId, Name, text));
    }

    /// <summary>
    /// 发起变更: the public version stays as it is; a new draft (a copy of this version) is returned for editing and
    /// review. <paramref name="eventDate"/> is the day the change happened; the legal deadline (Art. 24, 10 working
    /// days) runs from it — see <see cref="Deadline"/>.
    /// </summary>
    public AlgorithmFiling StartChange(Actor filer, DateTimeOffset now, DateOnly eventDate, string? description)
    {
        var t = RequireTransition(FilingAction.StartChange, filer);
        RequireOwner(filer);
        RequireChangeCanStart(now, eventDate);
        var change = CopyAsChange(filer, now, eventDate, Text(description, FilingFields.General));
        OpenChangeId = change.Id;
        Move(t, filer, now, $"发起变更（第{change.Revision}版），变更发生日期 {eventDate:yyyy-MM-dd}");
        return change;
    }

    /// <summary>注销: the entry stays public, marked cancelled; its number is never issued again.</summary>
    public void Cancel(Actor filer, DateTimeOffset now, DateOnly eventDate, string? reason)
    {
        var t = RequireTransition(FilingAction.Cancel, filer);
        RequireOwner(filer);
        RecordCancellation(now, eventDate, Text(reason, FilingFields.General));
        Move(t, filer, now, CancelReason);
        if (FilingNumber is { } number) Raise(new FilingCancelled(Id, number, eventDate, CancelReason));
    }

    // ---------------------------------------------------------------- internals

    private AlgorithmFiling CopyAsChange(Actor filer, DateTimeOffset now, DateOnly eventDate, string? description)
    {
        var c = new AlgorithmFiling(this, now, eventDate, description)
        {
            FilingNumber = FilingNumber,
            Name = Name, Type = Type, Domain = Domain, LaunchDate = LaunchDate, Role = Role, MainPurpose = MainPurpose,
            SelfAssessmentReportId = SelfAssessmentReportId, DisclosureDocumentId = DisclosureDocumentId,
            Summary = Summary, Scenarios = Scenarios, InputModalities = InputModalities, OutputModalities = OutputModalities,
            DataSources = DataSources, UsesBiometricData = UsesBiometricData, UsesIdentityData = UsesIdentityData,
            ModelAndTrainingData = ModelAndTrainingData, Strategy = Strategy, RisksAndSafeguards = RisksAndSafeguards,
            ModerationFlow = ModerationFlow, LogRetentionMonths = LogRetentionMonths,
            ComplaintChannels = ComplaintChannels, RegulatorCooperation = RegulatorCooperation,
            DisclosurePrinciple = DisclosurePrinciple, DisclosureMechanism = DisclosureMechanism,
            DisclosureScenarios = DisclosureScenarios, DisclosurePurpose = DisclosurePurpose,
            ServiceMode = ServiceMode, ServiceModeDescription = ServiceModeDescription,
        };
        foreach (var l in _labeling) c._labeling.Add(new FilingLabeling(l.ToInput()));
        foreach (var p in _products) c._products.Add(new FilingProductLink(p.ToInput()));
        c.Append(filer, now, FilingAction.StartChange, Status, FilingStatus.Draft, $"由第{Revision}版发起变更");
        return c;
    }

    /// <summary>The 备注 line the CAC would print for this change, e.g. "2026年11月，变更内容：新增关联产品X（APP）".</summary>
    public string ChangeRemark(AlgorithmFiling previous, DateOnly approvedOn)
    {
        var items = new List<string>();
        if (previous.Name != Name) items.Add($"算法名称由{previous.Name}变更为{Name}");
        var before = previous.LinkedProducts.ToDictionary(p => p.ProductId);
        var after = LinkedProducts.ToDictionary(p => p.ProductId);
        var added = LinkedProducts.Where(p => !before.ContainsKey(p.ProductId)).Select(p => p.Display).ToList();
        var removed = previous.LinkedProducts.Where(p => !after.ContainsKey(p.ProductId)).Select(p => p.Display).ToList();
        if (added.Count > 0) items.Add("新增关联产品" + string.Join("、", added));
        if (removed.Count > 0) items.Add("删除关联产品" + string.Join("、", removed));
        if (previous.MainPurpose != MainPurpose) items.Add($"变更主要用途为“{MainPurpose}”");
        if (previous.OutputModalities != OutputModalities)
            items.Add($"算法输出模态由{DisplayNames.Of(previous.OutputModalities)}变更为{DisplayNames.Of(OutputModalities)}");
        if (previous.DisclosurePrinciple != DisclosurePrinciple || previous.DisclosureMechanism != DisclosureMechanism
            || previous.DisclosureScenarios != DisclosureScenarios || previous.DisclosurePurpose != DisclosurePurpose)
            items.Add("更新算法公示信息");
        if (ChangeDescription is not null) items.Add(ChangeDescription);
        if (items.Count == 0) items.Add("更新备案信息");
        return $"{approvedOn.Year}年{approvedOn.Month}月，变更内容：{string.Join("，", items)}";
    }

    private void RequireEditable(Actor filer)
    {
        if (filer.Role != ActorRole.Filer) throw new DomainException($"只有备案主体可以编辑{KindName}。");
        RequireOwner(filer);
        if (Status != FilingStatus.Draft)
            throw new DomainException($"当前状态为「{DisplayNames.Of(Status)}」，只有草稿可以编辑。");
    }

    /// <summary>The workflow table's rule for this status and actor, then the separation of duties in review.</summary>
    private FilingWorkflow.Transition RequireTransition(FilingAction action, Actor actor)
    {
        var t = FilingWorkflow.Require(Status, action, actor);
        if (ReviewDuties.Violated(Status, action, actor, AuditTrail) is { } rule) throw new DomainException(rule.Message);
        return t;
    }

    private void Move(FilingWorkflow.Transition t, Actor actor, DateTimeOffset now, string? reason) =>
        Move(t.Action, t.To, actor, now, reason);

    protected override string KindName => "算法备案";

    protected override FilingAuditEntry NewAuditEntry(int sequence, DateTimeOffset at, Actor actor, FilingAction action,
        FilingStatus from, FilingStatus to, string? reason) => new(sequence, at, actor, action, from, to, reason);

    private const DataModality AllModalities =
        DataModality.Text | DataModality.Image | DataModality.Audio | DataModality.Video | DataModality.VirtualScene;

    private static string? Text(string? s, string field, int max = FilingRules.LongTextMax)
    {
        var v = Clean(s);
        if (v is not null && v.Length > max)
            throw new DomainException($"「{FilingFields.Label(field)}」不能超过{max}个字符（现有{v.Length}个）。");
        return v;
    }

    private static DateOnly? TryAddWorkingDays(WorkingCalendar calendar, DateOnly start, int n)
    {
        try { return calendar.AddWorkingDays(start, n); }
        catch (CalendarNotCoveredException) { return null; }
    }
}
