using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Suanbei.Core;
using Suanbei.Core.Assessment;
using Suanbei.Core.Filings;
using Suanbei.Core.Products;
using Suanbei.Web.Features.Filings;
using Suanbei.Web.Features.GenAiFilings;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Filings.Assess;

/// <summary>
/// 备案判断 wizard: one question group per step (answers carried in hidden fields, no session, no script needed), then
/// the plan with every rule's article and the next step for the person asking: register or sign in, file the subject,
/// "按评估结果创建备案草稿", or — when no filing is needed — keep a dated record of the answers and the conclusion.
/// </summary>
public sealed class IndexModel(FilingService filings) : PageModel
{
    public const int FunctionRows = 4;

    /// <summary>The product forms by their display names (公众账号 as the published lists write it), without 其他.</summary>
    public static readonly IReadOnlyList<string> FormChoices =
        Enum.GetValues<ProductForm>().Where(f => f != ProductForm.Other).Select(f => DisplayNames.Of(f)).ToList();
    public static readonly IReadOnlyList<(ContentType Type, string Name)> ContentChoices =
        [(ContentType.Text, "文本"), (ContentType.Image, "图片"), (ContentType.Audio, "音频"), (ContentType.Video, "视频"),
            (ContentType.VirtualScene, "虚拟场景")];

    public sealed class FunctionInput
    {
        public string? Name { get; set; }
        public string? Algorithm { get; set; }
        public List<ContentType> Generates { get; set; } = [];
        public bool EditsFaces { get; set; }
        public bool EditsVoices { get; set; }
        public bool SensitiveObjectsOrScenes { get; set; }
        public bool PersonalisedPush { get; set; }
        public bool RankingSelection { get; set; }
        public bool RetrievalFiltering { get; set; }
        public bool SchedulingDecision { get; set; }
    }

    public sealed class WizardInput
    {
        public string? ServiceName { get; set; }
        public Audience Audience { get; set; } = Audience.Public;
        public List<string> Forms { get; set; } = [];
        public bool OffersToEndUsers { get; set; } = true;
        public bool ProvidesApiToBusinesses { get; set; }
        public bool ApiOpenToAnyDeveloper { get; set; }
        public bool PublicInformationOrExpression { get; set; }
        public LargeModelUse LargeModel { get; set; }
        public long? MonthlyActiveUsers { get; set; }
        public DateOnly? LaunchDate { get; set; }
        public List<FunctionInput> Functions { get; set; } = [];

        public ServiceAnswers ToAnswers() => new()
        {
            ServiceName = ServiceName?.Trim() ?? "",
            Audience = Audience,
            Forms = Forms.Where(FormChoices.Contains).Distinct().ToList(),
            OffersToEndUsers = OffersToEndUsers,
            ProvidesApiToBusinesses = ProvidesApiToBusinesses,
            ApiOpenToAnyDeveloper = ApiOpenToAnyDeveloper,
            PublicInformationOrExpression = PublicInformationOrExpression,
            LargeModel = LargeModel,
            MonthlyActiveUsers = MonthlyActiveUsers,
            LaunchDate = LaunchDate,
            Functions = Functions.Where(f => !string.IsNullOrWhiteSpace(f.Name)).Select(f => new ServiceFunction
            {
                Name = f.Name!.Trim(), Algorithm = string.IsNullOrWhiteSpace(f.Algorithm) ? null : f.Algorithm.Trim(),
                Generates = f.Generates.Distinct().ToList(), EditsFaces = f.EditsFaces, EditsVoices = f.EditsVoices,
                SensitiveObjectsOrScenes = f.SensitiveObjectsOrScenes, PersonalisedPush = f.PersonalisedPush,
                RankingSelection = f.RankingSelection, RetrievalFiltering = f.RetrievalFiltering, SchedulingDecision = f.SchedulingDecision,
            }).ToList(),
        };
    }

    /// <summary>The question groups, one per step; the step after the last shows the plan.</summary>
    public static readonly IReadOnlyList<string> StepNames = ["服务与对象", "提供方式", "大模型与规模", "功能", "评估结果"];
    public const int PlanStep = 5;

    public static readonly IReadOnlyList<(Audience Value, string Name)> AudienceChoices =
        [(Audience.Public, "面向不特定公众"), (Audience.Businesses, "仅向特定企业客户提供"), (Audience.Internal, "仅企业内部使用")];
    public static readonly IReadOnlyList<(LargeModelUse Value, string Name)> LargeModelChoices =
        [(LargeModelUse.None, "不使用"), (LargeModelUse.OwnOrFineTuned, "自研或微调的大模型"), (LargeModelUse.FiledModelApi, "调用已备案大模型的 API")];
    /// <summary>The yes/no questions of step 2, by WizardInput property.</summary>
    public static readonly IReadOnlyList<(string Property, string TestId, string Name)> ProvisionQuestions =
    [
        (nameof(WizardInput.OffersToEndUsers), "offers-to-end-users", "直接向用户提供服务"),
        (nameof(WizardInput.ProvidesApiToBusinesses), "provides-api", "通过 API 等向其他企业提供算法"),
        (nameof(WizardInput.ApiOpenToAnyDeveloper), "api-open", "API 向任何开发者开放注册"),
        (nameof(WizardInput.PublicInformationOrExpression), "public-expression", "提供资讯、发帖、评论、分享、群组、直播等公众信息发布或表达渠道"),
    ];
    /// <summary>The yes/no questions of each function, by FunctionInput property.</summary>
    public static readonly IReadOnlyList<(string Property, string Name)> FunctionFlags =
    [
        ("EditsFaces", "生成或编辑人脸"), ("EditsVoices", "生成或编辑人声"), ("SensitiveObjectsOrScenes", "涉及国家安全、公共利益的物体或场景"),
        ("PersonalisedPush", "个性化推送"), ("RankingSelection", "排序精选"), ("RetrievalFiltering", "检索过滤"), ("SchedulingDecision", "调度决策"),
    ];

    [BindProperty] public WizardInput Input { get; set; } = new();
    /// <summary>The answers behind the shown plan, carried to "create drafts" and "keep this record" (re-validated there).</summary>
    [BindProperty] public string? AnswersJson { get; set; }
    /// <summary>The step the posted form showed (1–4); with <see cref="Go"/> it decides the next one.</summary>
    [BindProperty] public int Step { get; set; } = 1;
    /// <summary>next, back, step-N (edit an answer group) or plan; a form without it (all answers at once) asks for the plan.</summary>
    [BindProperty] public string? Go { get; set; }

    public AssessmentPlan? Plan { get; private set; }
    public string? Error { get; private set; }
    public bool CanCreateDrafts { get; private set; }
    /// <summary>Signed in as a filer whose subject filing is not approved yet (the next step is 主体备案).</summary>
    public bool NeedsSubject { get; private set; }

    public void OnGet() { Step = 1; Pad(); }

    public async Task<IActionResult> OnPostAsync()
    {
        var from = Math.Clamp(Step, 1, PlanStep - 1);
        var go = Go ?? "plan";
        if (go == "back") Step = Math.Max(1, from - 1);
        else if (go.StartsWith("step-", StringComparison.Ordinal) && int.TryParse(go[5..], out var n)) Step =
            Math.Clamp(n, 1, PlanStep - 1);
        else if (go == "next") Step = ValidateStep(from) ? Math.Min(from + 1, PlanStep - 1) : from;
        else
        {
            // The plan: every group must hold; the first that does not is shown with its errors.
            Step = PlanStep;
            for (var s = 1; s < PlanStep; s++)
                if (!ValidateStep(s)) { Step = s; break; }
            if (Step == PlanStep)
            {
                var answers = Input.ToAnswers();
                Error = answers.Validate();
                if (Error is null)
                {
                    Plan = ApplicabilityEvaluator.Evaluate(answers);
                    AnswersJson = JsonSerializer.Serialize(answers, AssessModule.PlanJson);
                    var subject = User.IsInRole(Roles.Filer)
                        ? await filings.SubjectOfAsync(User.OrganisationId(), HttpContext.RequestAborted)
                        : null;
                    CanCreateDrafts = Plan.FilingRequired && Plan.Filings.Count > 0 && subject is { IsApproved: true };
                    NeedsSubject = User.IsInRole(Roles.Filer) && subject is not { IsApproved: true };
                }
                else Step = 1;
            }
        }
        Pad();
        return Page();
    }

    /// <summary>Checks the answers of one step; errors go next to the fields. True when the step is complete.</summary>
    private bool ValidateStep(int step)
    {
        var before = ModelState.ErrorCount;
        switch (step)
        {
            case 1:
                if (string.IsNullOrWhiteSpace(Input.ServiceName)) ModelState.AddModelError("Input.ServiceName", "请填写服务名称");
                break;
            case 2:
                if (!Input.OffersToEndUsers && !Input.ProvidesApiToBusinesses && Input.Audience != Audience.Internal)
                    ModelState.AddModelError("Input.OffersToEndUsers", "面向公众或企业客户的服务，请至少选择一种提供方式（直接向用户提供，或通过 API 向企业提供）");
                if (Input.ApiOpenToAnyDeveloper && !Input.ProvidesApiToBusinesses)
                    ModelState.AddModelError("Input.ApiOpenToAnyDeveloper", "选择“API 向任何开发者开放注册”时，也应选择“通过 API 等向其他企业提供算法”");
                break;
            case 3:
                if (Input.MonthlyActiveUsers < 0) ModelState.AddModelError("Input.MonthlyActiveUsers", "月活跃用户量不能为负数");
                break;
            case 4:
                if (!Input.Functions.Any(f => !string.IsNullOrWhiteSpace(f.Name)))
                    ModelState.AddModelError("Input.Functions[0].Name", "请至少填写一项功能的名称");
                for (var i = 0; i < Input.Functions.Count; i++)
                {
                    var f = Input.Functions[i];
                    var used = f.Generates.Count > 0 || FunctionFlags.Any(x => Flag(f, x.Property))
                        || !string.IsNullOrWhiteSpace(f.Algorithm);
                    if (string.IsNullOrWhiteSpace(f.Name) && used)
                        ModelState.AddModelError($"Input.Functions[{i}].Name", $"功能 {i + 1} 已选择了内容，请填写功能名称（或清空该功能）");
                }
                break;
        }
        return ModelState.ErrorCount == before;
    }

    public static bool Flag(FunctionInput f, string property) => (bool)typeof(FunctionInput).GetProperty(property)!.GetValue(f)!;
    public static bool Flag(WizardInput i, string property) => (bool)typeof(WizardInput).GetProperty(property)!.GetValue(i)!;

    /// <summary>The answers of every step except <paramref name="step"/>, as hidden form fields (the wizard keeps no session).</summary>
    public IEnumerable<(string Name, string Value)> Carried(int step)
    {
        var i = Input;
        if (step != 1)
        {
            yield return ("Input.ServiceName", i.ServiceName ?? "");
            yield return ("Input.Audience", i.Audience.ToString());
            foreach (var f in i.Forms) yield return ("Input.Forms", f);
        }
        if (step != 2)
            foreach (var q in ProvisionQuestions) yield return ($"Input.{q.Property}", Flag(i, q.Property) ? "true" : "false");
        if (step != 3)
        {
            yield return ("Input.LargeModel", i.LargeModel.ToString());
            if (i.MonthlyActiveUsers is { } mau) yield return (
                "Input.MonthlyActiveUsers", mau.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (i.LaunchDate is { } d) yield return ("Input.LaunchDate",
                d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
        if (step != 4)
            for (var n = 0; n < i.Functions.Count; n++)
            {
                var f = i.Functions[n];
                if (string.IsNullOrWhiteSpace(f.Name) && string.IsNullOrWhiteSpace(f.Algorithm) && f.Generates.Count == 0
                    && !FunctionFlags.Any(x => Flag(f, x.Property))) continue;
                var p = $"Input.Functions[{n}]";
                yield return ($"{p}.Name", f.Name ?? "");
                if (!string.IsNullOrWhiteSpace(f.Algorithm)) yield return ($"{p}.Algorithm", f.Algorithm);
                foreach (var g in f.Generates) yield return ($"{p}.Generates", g.ToString());
                foreach (var x in FunctionFlags) yield return ($"{p}.{x.Property}", Flag(f, x.Property) ? "true" : "false");
            }
    }

    /// <summary>The answers in words, per step, for the summary beside the plan and for the kept record.</summary>
    public static IReadOnlyList<(int Step, string Question, string Answer)> Summary(ServiceAnswers a)
    {
        string YesNo(bool b) => b ? "是" : "否";
        var rows = new List<(int, string, string)>
        {
            (1, "服务名称", a.ServiceName),
            (1, "面向对象", AudienceChoices.First(c => c.Value == a.Audience).Name),
            (1, "产品形态", a.Forms.Count == 0 ? "未选择" : string.Join("、", a.Forms)),
            (2, "直接向用户提供服务", YesNo(a.OffersToEndUsers)),
            (2, "通过 API 等向其他企业提供算法", YesNo(a.ProvidesApiToBusinesses)),
            (2, "API 向任何开发者开放注册", YesNo(a.ApiOpenToAnyDeveloper)),
            (2, "公众信息发布或表达渠道", YesNo(a.PublicInformationOrExpression)),
            (3, "大模型", LargeModelChoices.First(c => c.Value == a.LargeModel).Name),
            (3, "月活跃用户量", a.MonthlyActiveUsers?.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) ?? "未填写"),
            (3, "上线日期", a.LaunchDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "未填写"),
        };
        foreach (var f in a.Functions)
        {
            var traits = f.Generates.Select(g => ContentChoices.First(c => c.Type == g).Name)
                .Concat(FunctionFlags.Where(x => (bool)typeof(ServiceFunction).GetProperty(x.Property)!.GetValue(f)!).Select(x => x.Name))
                    .ToList();
            rows.Add((4, "功能：" + f.Name, (f.Algorithm is null ? "" : $"算法 {f.Algorithm}；") +
                (traits.Count == 0 ? "无生成或推荐特征" : string.Join("、", traits))));
        }
        return rows;
    }

    public async Task<IActionResult> OnPostDraftsAsync()
    {
        if (!User.IsInRole(Roles.Filer)) return Challenge();
        if (ServiceAnswers.TryParse(AnswersJson ?? "", out var answers) is { } error) { Error = error; Pad(); return Page(); }
        try
        {
            var plan = ApplicabilityEvaluator.Evaluate(answers!);
            var created = await PlanDrafts.CreateAsync(filings, FilingService.ActorOf(User), answers!, plan, HttpContext.RequestAborted);
            var genAi = await PlanDrafts.CreateGenerativeAiAsync(HttpContext.RequestServices.GetRequiredService<GenAiFilingService>(),
                FilingService.ActorOf(User), answers!, plan, HttpContext.RequestAborted);
            TempData["Message"] = $"已按评估结果创建 {created.Count} 个算法备案草稿：{string.Join("、", created.Select(f => f.Name))}"
                + (genAi is null ? "。" : $"；以及生成式人工智能{DisplayNames.Of(genAi.Kind)}草稿（见“生成式人工智能备案/登记”）。");
            return Redirect("/filings");
        }
        catch (DomainException e)
        {
            Error = e.Message;
            Pad();
            return Page();
        }
    }

    /// <summary>保留本次判断记录: the answers and the conclusion with its articles, dated, as a text file to keep or print.</summary>
    public IActionResult OnPostRecord([FromServices] TimeProvider clock)
    {
        if (ServiceAnswers.TryParse(AnswersJson ?? "", out var answers) is { } error) { Error = error; Step = 1; Pad(); return Page(); }
        var plan = ApplicabilityEvaluator.Evaluate(answers!);
        var at = clock.GetUtcNow().ToOffset(ChinaTime.Offset);
        var text = AssessmentRecord.Text(answers!, plan, at);
        var name = $"备案判断记录-{at:yyyyMMdd}.txt";
        return File(System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(text)).ToArray(),
            "text/plain; charset=utf-8", name);
    }

    private void Pad()
    {
        while (Input.Functions.Count < FunctionRows) Input.Functions.Add(new FunctionInput());
    }
}
