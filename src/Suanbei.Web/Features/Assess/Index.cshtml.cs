using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Suanbei.Core;
using Suanbei.Core.Assessment;
using Suanbei.Web.Features.Filings;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Assess;

/// <summary>
/// 备案判断 wizard: a form over the assessment answers, the plan with every rule's article, and — for a filer whose
/// subject is approved — "按评估结果创建备案草稿". Open to everyone; creating drafts needs a filer account.
/// </summary>
public sealed class IndexModel(FilingService filings) : PageModel
{
    public const int FunctionRows = 4;

    public static readonly IReadOnlyList<string> FormChoices = ["网站", "APP", "小程序", "公众号", "插件", "API", "桌面应用程序"];
    public static readonly IReadOnlyList<(ContentType Type, string Name)> ContentChoices =
        [(ContentType.Text, "文本"), (ContentType.Image, "图片"), (ContentType.Audio, "音频"), (ContentType.Video, "视频"), (ContentType.VirtualScene, "虚拟场景")];

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

    [BindProperty] public WizardInput Input { get; set; } = new();
    /// <summary>The answers behind the shown plan, carried to "create drafts" (re-validated there).</summary>
    [BindProperty] public string? AnswersJson { get; set; }

    public AssessmentPlan? Plan { get; private set; }
    public string? Error { get; private set; }
    public bool CanCreateDrafts { get; private set; }

    public void OnGet() => Pad();

    public async Task<IActionResult> OnPostAsync()
    {
        var answers = Input.ToAnswers();
        Error = answers.Validate();
        if (Error is null)
        {
            Plan = ApplicabilityEvaluator.Evaluate(answers);
            AnswersJson = JsonSerializer.Serialize(answers, AssessModule.PlanJson);
            CanCreateDrafts = Plan.FilingRequired && Plan.Filings.Count > 0 && await ApprovedFilerAsync();
        }
        Pad();
        return Page();
    }

    public async Task<IActionResult> OnPostDraftsAsync()
    {
        if (!User.IsInRole(Roles.Filer)) return Challenge();
        if (ServiceAnswers.TryParse(AnswersJson ?? "", out var answers) is { } error) { Error = error; Pad(); return Page(); }
        try
        {
            var created = await PlanDrafts.CreateAsync(filings, FilingService.ActorOf(User), answers!, ApplicabilityEvaluator.Evaluate(answers!), HttpContext.RequestAborted);
            TempData["Message"] = $"已按评估结果创建 {created.Count} 个算法备案草稿：{string.Join("、", created.Select(f => f.Name))}。";
            return Redirect("/Filings");
        }
        catch (DomainException e)
        {
            Error = e.Message;
            Pad();
            return Page();
        }
    }

    private async Task<bool> ApprovedFilerAsync() =>
        User.IsInRole(Roles.Filer) && await filings.SubjectOfAsync(User.UserId(), HttpContext.RequestAborted) is { IsApproved: true };

    private void Pad()
    {
        while (Input.Functions.Count < FunctionRows) Input.Functions.Add(new FunctionInput());
    }
}
