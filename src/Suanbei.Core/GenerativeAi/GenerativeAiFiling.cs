using Suanbei.Core.Calendar;
using Suanbei.Core.Filings;
using Suanbei.Core.Filings.Events;
using Suanbei.Core.GenerativeAi.Events;
using Suanbei.Core.Identifiers;

namespace Suanbei.Core.GenerativeAi;

/// <summary>
/// One version of a generative-AI service filing: 备案 (own or fine-tuned model; 属地网信办初审 then 国家复审) or 登记
/// (calls a filed model; the province decides alone). The kind follows from the form's model source by the rule in
/// Data/rules/genai-filing.json. Like <see cref="AlgorithmFiling"/>: guarded transitions (<see cref="GenerativeAiWorkflow"/>),
/// an append-only <see cref="AuditTrail"/>, the Art. 25 clock, changes as further versions of one public entry
/// (<see cref="EntryId"/>) that keep the number, cancellation, and domain events for what the public hears of.
/// </summary>
public sealed class GenerativeAiFiling : ReviewedFiling<GenerativeAiStatus, GenerativeAiAction, GenerativeAiAuditEntry>
{
    private readonly List<GenerativeAiProductLink> _products = [];
    private readonly List<GenerativeAiMaterialLink> _materials = [];
    private readonly List<GenerativeAiReturnReason> _returnReasons = [];

    private GenerativeAiFiling() { } // EF

    /// <summary>Starts an empty draft for a subject whose filing has been approved (the caller checks approval).</summary>
    public GenerativeAiFiling(Guid subjectId, Actor filer, DateTimeOffset now) : base(subjectId, filer, now)
    {
        if (filer.Role != ActorRole.Filer) throw new DomainException("只有备案主体可以新建生成式人工智能服务备案。");
        Status = GenerativeAiStatus.Draft;
    }

    /// <summary>A change of <paramref name="source"/> (see <see cref="StartChange"/>); the caller copies the form.</summary>
    private GenerativeAiFiling(GenerativeAiFiling source, DateTimeOffset now, DateOnly eventDate, string? description)
        : base(source, now, eventDate, description) => Status = GenerativeAiStatus.Draft;

    /// <summary>备案 or 登记, decided by the form's model source (备案 until a source is chosen).</summary>
    public GenerativeAiFilingKind Kind { get; private set; }
    public GenerativeAiServiceForm Form { get; private set; } = new();
    /// <summary>The form's model name, kept as a column so lists and queues can show and search it.</summary>
    public string? ModelName { get; private set; }
    public IReadOnlyList<GenerativeAiProductLink> Products => _products;
    public IReadOnlyList<GenerativeAiMaterialLink> Materials => _materials;

    /// <summary>属地 (province name, e.g. 北京市) and 备案单位 as of the last submission or approval.</summary>
    public string? Province { get; private set; }
    public string? Entity { get; private set; }

    // review (status, trail and clock: see ReviewedFiling)
    public IReadOnlyList<GenerativeAiReturnReason> ReturnReasons => _returnReasons;

    public string? Number { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }

    /// <summary>The rule that decided <see cref="Kind"/>, with its source; null until a model source is chosen.</summary>
    public GenerativeAiKindDecision? KindBasis => Form.ModelSource is { } s ? GenerativeAiRules.Current.KindOf(s) : null;

    /// <summary>Statuses in which this version is the public entry.</summary>
    public bool IsPublic => Status is GenerativeAiStatus.Filed or GenerativeAiStatus.Registered or GenerativeAiStatus.Cancelled;

    public bool IsReturned => Status == GenerativeAiStatus.Draft && ReturnRounds > 0;

    public string StatusDisplay => IsReturned ? FilingNames.Returned : DisplayNames.Of(Status);

    /// <summary>The reasons of the latest return while the filing waits in draft for correction.</summary>
    public IReadOnlyList<GenerativeAiReturnReason> OpenReturnReasons =>
        IsReturned ? _returnReasons.Where(r => r.Round == ReturnRounds).OrderBy(r => GenerativeAiFormFields.Order(r.Field)).ToList()
            : [];

    /// <summary>The uploaded file of a material, or null (also when the material is linked from the toolkit).</summary>
    public Guid? MaterialOf(string key) =>
        _materials.FirstOrDefault(m => m.Key == key && m.Source == GenerativeAiMaterialSource.Upload)?.MaterialId;

    /// <summary>The toolkit links of a material (bank versions in the data file's part order, or one run); empty otherwise.</summary>
    public IReadOnlyList<GenerativeAiMaterialLink> ToolkitLinksOf(string key) =>
        _materials.Where(m => m.Key == key && m.Source != GenerativeAiMaterialSource.Upload)
            .OrderBy(m => GenerativeAiRules.Current.Materials.First(x => x.Key == key).Toolkit?.Parts.ToList().IndexOf(m.Part) ?? 0)
            .ToList();

    /// <summary>Whether a material is provided, uploaded or linked.</summary>
    public bool HasMaterial(string key) => _materials.Any(m => m.Key == key);

    // ---------------------------------------------------------------- editing (draft only, owner only)

    /// <summary>Saves the 上线备案表 (complete or not); the kind follows the model source. A change keeps its kind.</summary>
    public void UpdateForm(Actor filer, GenerativeAiServiceForm form, DateTimeOffset now)
    {
        RequireEditable(filer);
        var clean = GenerativeAiFormFields.Clean(form);
        var kind = clean.ModelSource is { } s ? GenerativeAiRules.Current.KindOf(s).Kind : Kind;
        if (IsChange && kind != Kind)
            throw new DomainException($"变更不能把{DisplayNames.Of(Kind)}改为{DisplayNames.Of(kind)}（编号规则不同）；请注销后重新办理。");
        Form = clean;
        Kind = kind;
        ModelName = clean.ModelName;
        Touch(now);
    }

    /// <summary>Replaces the linked products of the account (a later entry for the same product wins).</summary>
    public void LinkProducts(Actor filer, IEnumerable<PublicProductRef> products, DateTimeOffset now)
    {
        RequireEditable(filer);
        var list = products.GroupBy(p => p.ProductId).Select(g => g.Last()).ToList();
        if (list.Any(p => string.IsNullOrWhiteSpace(p.Name) || string.IsNullOrWhiteSpace(p.Form)))
            throw new DomainException("关联产品缺少名称或服务形式。");
        _products.Clear();
        foreach (var p in list) _products.Add(new GenerativeAiProductLink(p.ProductId, p.Name, p.Form));
        Touch(now);
    }

    /// <summary>Sets (or with null removes) the upload of one material of Data/rules/genai-filing.json.</summary>
    public void SetMaterial(Actor filer, string key, Guid? materialId, DateTimeOffset now)
    {
        RequireEditable(filer);
        if (GenerativeAiRules.Current.Materials.All(m => m.Key != key)) throw new DomainException($"未知的备案材料：{key}");
        _materials.RemoveAll(m => m.Key == key);
        if (materialId is { } id) _materials.Add(new GenerativeAiMaterialLink(key, id));
        Touch(now);
    }

    /// <summary>
    /// Takes a material from the assessment toolkit instead of an upload: one stored bank version for each part the data
    /// file names (all of them), or one review run. Replaces what the material held; with no targets, removes it. The
    /// caller checks that the versions or the run are the filer's own.
    /// </summary>
    public void LinkToolkit(Actor filer, string key, IReadOnlyList<(string Part, Guid Id)> targets, DateTimeOffset now)
    {
        RequireEditable(filer);
        var material = GenerativeAiRules.Current.Materials.FirstOrDefault(m => m.Key == key)
            ?? throw new DomainException($"未知的备案材料：{key}");
        var option = material.Toolkit ?? throw new DomainException($"《{material.Name}》只能上传文件，不能从评估工具关联。");
        if (targets.Count > 0)
        {
            var parts = targets.Select(t => t.Part).ToList();
            IReadOnlyList<string> expected = option.Source == GenerativeAiMaterialSource.ReviewRun ? [""] : option.Parts;
            if (parts.Count != expected.Count || parts.Distinct().Count() != parts.Count || parts.Any(p => !expected.Contains(p)))
                throw new DomainException(option.Source == GenerativeAiMaterialSource.ReviewRun
                    ? $"《{material.Name}》须关联一次评估运行。"
                    : $"《{material.Name}》须为每个题库各关联一个版本（共 {expected.Count} 个）。");
        }
        _materials.RemoveAll(m => m.Key == key);
        foreach (var (part, id) in targets) _materials.Add(new GenerativeAiMaterialLink(key, id, option.Source, part));
        Touch(now);
    }

    // ---------------------------------------------------------------- completeness

    /// <summary>What still blocks submission, in form order; empty when complete.</summary>
    public IReadOnlyList<MissingField> MissingFields()
    {
        var missing = GenerativeAiFormFields.Missing(Form);
        if (_products.Count == 0)
            missing.Add(new MissingField(GenerativeAiFormFields.Products, "请关联至少一个提供该服务的产品。"));
        foreach (var m in GenerativeAiRules.Current.Materials.Where(m => !HasMaterial(m.Key)))
            missing.Add(new MissingField(m.Key, m.Toolkit is null ? $"请上传《{m.Name}》。" : $"请上传《{m.Name}》，或从评估工具关联。"));
        return missing;
    }

    public IReadOnlyList<MissingField> MissingFields(GenerativeAiStep step) =>
        MissingFields().Where(m => GenerativeAiFormFields.StepOf(m.Field) == step).ToList();

    // ---------------------------------------------------------------- workflow

    /// <summary>
    /// 提交 with the subject's 备案单位 and 属地 as they stand. Returns the missing fields; when there are any nothing
    /// changes. A complete submission starts the Art. 25 clock (restarted by each resubmission after 退回补正).
    /// </summary>
    public IReadOnlyList<MissingField> Submit(Actor filer, DateTimeOffset now, string entity, string province)
    {
        var t = GenerativeAiWorkflow.Require(Status, GenerativeAiAction.Submit, Kind, filer);
        RequireOwner(filer);
        var missing = MissingFields();
        if (missing.Count > 0) return missing;
        SetSubjectFacts(entity, province);
        StartClock(now);
        Move(t, filer, now, $"{DisplayNames.Of(Kind)}：{KindBasis?.Text}");
        return missing;
    }

    /// <summary>属地受理: the provincial office takes the submission into its first review.</summary>
    public void StartProvincialReview(Actor reviewer, DateTimeOffset now) =>
        Move(GenerativeAiWorkflow.Require(Status, GenerativeAiAction.StartProvincialReview, Kind, reviewer), reviewer, now, null);

    /// <summary>属地初审通过, the 备案 goes on to the national review (a 登记 is approved by the province instead).</summary>
    public void PassProvincialReview(Actor reviewer, DateTimeOffset now, string? comment = null) =>
        Move(GenerativeAiWorkflow.Require(Status, GenerativeAiAction.PassProvincialReview, Kind, reviewer), reviewer, now,
            Clean(comment));

    /// <summary>
    /// Final approval of a first version: records the number issued by the allocator (its scheme must match the kind),
    /// the 备案单位 and 属地 the list prints, and raises <see cref="GenerativeAiFilingApproved"/>.
    /// </summary>
    public void Approve(Actor reviewer, DateTimeOffset now, string number, string entity, string province)
    {
        var t = GenerativeAiWorkflow.Require(Status, GenerativeAiAction.Approve, Kind, reviewer);
        if (IsChange) throw new DomainException("变更通过审核时沿用原编号，请使用“通过变更”。");
        var info = GenerativeAiNumber.Decode(number);
        if (!info.Valid) throw new DomainException($"编号无效：{number}（{string.Join("；", info.Problems)}）");
        var expected = Kind == GenerativeAiFilingKind.Filing ? GenerativeAiNumberKind.Filing : GenerativeAiNumberKind.Registration;
        if (info.Kind != expected) throw new DomainException($"编号 {number} 不是{DisplayNames.Of(Kind)}编号。");
        SetSubjectFacts(entity, province);
        Number = number;
        ApprovedAt = now;
        var decided = StopClock(now);
        Move(t, reviewer, now, $"{DisplayNames.Of(Kind)}编号 {number}");
        Raise(new GenerativeAiFilingApproved(Id, Kind, Province!, ModelName ?? "", Entity!, number, decided,
            PublicProducts()));
    }

    /// <summary>
    /// Final approval of a change: the public entry switches to this version at once (same number, a new 备注 line) and
    /// <paramref name="previous"/> — the version that was public — is superseded.
    /// </summary>
    public void ApproveChange(Actor reviewer, DateTimeOffset now, GenerativeAiFiling previous, string entity, string province)
    {
        var t = GenerativeAiWorkflow.Require(Status, GenerativeAiAction.Approve, Kind, reviewer);
        if (!IsChange) throw new DomainException("首次备案或登记通过审核时须签发编号。");
        RequirePrevious(previous);
        if (previous.Status is not (GenerativeAiStatus.Filed or GenerativeAiStatus.Registered))
            throw new DomainException("原版本已不在公开状态，不能通过此变更。");
        SetSubjectFacts(entity, province);
        var today = StopClock(now);
        var line = ChangeRemark(previous, today);
        Remarks = AppendLine(previous.Remarks, line);
        Number = previous.Number;
        ApprovedAt = now;
        Move(t, reviewer, now, line);
        previous.Supersede(GenerativeAiAction.Approve, GenerativeAiStatus.Superseded, reviewer, now, Revision);
        Raise(new GenerativeAiFilingChanged(Id, EntryId, Revision, Kind, Province!, ModelName ?? "", Entity!, Number!, today,
            line, PublicProducts()));
    }

    /// <summary>退回补正: back to draft with one reason per field; earlier rounds stay in <see cref="ReturnReasons"/>.</summary>
    public void Return(Actor reviewer, DateTimeOffset now, IReadOnlyList<FieldReason> reasons)
    {
        var t = GenerativeAiWorkflow.Require(Status, GenerativeAiAction.Return, Kind, reviewer);
        var list = reasons.Where(r => !string.IsNullOrWhiteSpace(r.Reason)).ToList();
        if (list.Count == 0) throw new DomainException("退回补正须至少写明一个字段的理由。");
        foreach (var r in list)
        {
            if (!GenerativeAiFormFields.IsKnown(r.Field)) throw new DomainException($"未知字段：{r.Field}");
            GenerativeAiFormFields.Text(r.Reason, GenerativeAiFormFields.General, GenerativeAiFormFields.LongTextMax);
        }
        var round = OpenReturnRound();
        foreach (var r in list) _returnReasons.Add(new GenerativeAiReturnReason(round, r, Status, now));
        Move(t, reviewer, now,
            string.Join("；", list.Select(r => $"{GenerativeAiFormFields.Label(r.Field)}：{r.Reason.Trim()}")));
    }

    /// <summary>不予通过 with reasons, at either level. Refusing a change closes it; the public version stays as it was.</summary>
    public void Refuse(Actor reviewer, DateTimeOffset now, string reason, GenerativeAiFiling? previous = null)
    {
        var t = GenerativeAiWorkflow.Require(Status, GenerativeAiAction.Refuse, Kind, reviewer);
        var text = Clean(reason) ?? throw new DomainException("不予通过须写明理由。");
        GenerativeAiFormFields.Text(text, GenerativeAiFormFields.General, GenerativeAiFormFields.LongTextMax);
        RecordRefusal(text, now, previous);
        Move(t, reviewer, now, text);
    }

    /// <summary>
    /// 发起变更: the public version stays; a new draft (a copy) is returned for editing and review. The filer's deadline
    /// (Art. 24 of the algorithm provisions, which Art. 17 of the generative-AI measures applies) runs from
    /// <paramref name="eventDate"/>.
    /// </summary>
    public GenerativeAiFiling StartChange(Actor filer, DateTimeOffset now, DateOnly eventDate, string? description)
    {
        var t = GenerativeAiWorkflow.Require(Status, GenerativeAiAction.StartChange, Kind, filer);
        RequireOwner(filer);
        RequireChangeCanStart(now, eventDate);
        var text = GenerativeAiFormFields.Text(description, GenerativeAiFormFields.General, GenerativeAiFormFields.LongTextMax);
        var change = new GenerativeAiFiling(this, now, eventDate, text)
        {
            Kind = Kind, Form = Form, ModelName = ModelName, Province = Province, Entity = Entity, Number = Number,
        };
        foreach (var p in _products) change._products.Add(new GenerativeAiProductLink(p.ProductId, p.ProductName, p.ProductForm));
        foreach (var m in _materials) change._materials.Add(new GenerativeAiMaterialLink(m.Key, m.MaterialId, m.Source, m.Part));
        change.Append(filer, now, GenerativeAiAction.StartChange, Status, GenerativeAiStatus.Draft, $"由第{Revision}版发起变更");
        OpenChangeId = change.Id;
        Move(t, filer, now, $"发起变更（第{change.Revision}版），变更发生日期 {eventDate:yyyy-MM-dd}");
        return change;
    }

    /// <summary>注销: the entry stays public, marked cancelled; its number is never issued again.</summary>
    public void Cancel(Actor filer, DateTimeOffset now, DateOnly eventDate, string? reason)
    {
        var t = GenerativeAiWorkflow.Require(Status, GenerativeAiAction.Cancel, Kind, filer);
        RequireOwner(filer);
        RecordCancellation(now, eventDate,
            GenerativeAiFormFields.Text(reason, GenerativeAiFormFields.General, GenerativeAiFormFields.LongTextMax));
        Move(t, filer, now, CancelReason);
        Raise(new GenerativeAiFilingCancelled(Id, EntryId, Kind, Number!, eventDate, CancelReason));
    }

    /// <summary>The 备注 line the lists would print for this change, e.g. "2026年12月，变更内容：模型版本由V1变更为V2".</summary>
    public string ChangeRemark(GenerativeAiFiling previous, DateOnly approvedOn)
    {
        var items = new List<string>();
        if (previous.ModelName != ModelName) items.Add($"模型名称由{previous.ModelName}变更为{ModelName}");
        if (previous.Form.ModelVersion != Form.ModelVersion) items.Add($"模型版本由{previous.Form.ModelVersion}变更为{Form.ModelVersion}");
        if (previous.Form.Functions != Form.Functions)
            items.Add($"服务功能由{DisplayNames.Of(previous.Form.Functions)}变更为{DisplayNames.Of(Form.Functions)}");
        var before = previous.Products.Select(p => p.ProductId).ToHashSet();
        var after = Products.Select(p => p.ProductId).ToHashSet();
        var added = Products.Where(p => !before.Contains(p.ProductId)).Select(p => p.Display).ToList();
        var removed = previous.Products.Where(p => !after.Contains(p.ProductId)).Select(p => p.Display).ToList();
        if (added.Count > 0) items.Add("新增关联产品" + string.Join("、", added));
        if (removed.Count > 0) items.Add("删除关联产品" + string.Join("、", removed));
        if (ChangeDescription is not null) items.Add(ChangeDescription);
        if (items.Count == 0) items.Add("更新备案信息");
        return $"{approvedOn.Year}年{approvedOn.Month}月，变更内容：{string.Join("，", items)}";
    }

    // ---------------------------------------------------------------- internals

    private IReadOnlyList<PublicProduct> PublicProducts() =>
        _products.Select(p => new PublicProduct(p.ProductName, p.ProductForm)).ToList();

    private void SetSubjectFacts(string entity, string province)
    {
        Entity = Clean(entity) ?? throw new DomainException("备案主体名称缺失，不能提交或通过。");
        Province = Clean(province) ?? throw new DomainException("备案主体的属地（注册地省份）缺失，不能提交或通过。");
    }

    private void RequireEditable(Actor filer)
    {
        if (filer.Role != ActorRole.Filer) throw new DomainException($"只有备案主体可以编辑{KindName}。");
        RequireOwner(filer);
        if (Status != GenerativeAiStatus.Draft)
            throw new DomainException($"当前状态为「{DisplayNames.Of(Status)}」，只有草稿可以编辑。");
    }

    private void Move(GenerativeAiWorkflow.Transition t, Actor actor, DateTimeOffset now, string? reason) =>
        Move(t.Action, t.To, actor, now, reason);

    protected override string KindName => "生成式人工智能服务备案";

    protected override GenerativeAiAuditEntry NewAuditEntry(int sequence, DateTimeOffset at, Actor actor, GenerativeAiAction action,
        GenerativeAiStatus from, GenerativeAiStatus to, string? reason) => new(sequence, at, actor, action, from, to, reason);
}
