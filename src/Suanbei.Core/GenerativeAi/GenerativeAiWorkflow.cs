using Suanbei.Core.Filings;

namespace Suanbei.Core.GenerativeAi;

/// <summary>
/// The generative-AI filing workflow as data: which action is legal in which status, for which kind, who takes it and
/// where it leads. <see cref="GenerativeAiFiling"/> consults it before every transition.
///
/// | from                          | action                | kind  | to                          | actor    |
/// |-------------------------------|-----------------------|-------|-----------------------------|----------|
/// | 草稿 Draft                     | Submit                | both  | 已提交 (only if complete)    | filer    |
/// | 已提交 Submitted               | StartProvincialReview | both  | 属地初审                     | reviewer |
/// | 属地初审 ProvincialReview       | PassProvincialReview  | 备案  | 国家复审                     | reviewer |
/// | 属地初审 ProvincialReview       | Approve               | 登记  | 已登记 (number issued)       | reviewer |
/// | 国家复审 NationalReview         | Approve               | 备案  | 已备案 (number issued)       | reviewer |
/// | 已提交 / 属地初审 (/ 国家复审)   | Return                | both  | 草稿 (per-field reasons)     | reviewer |
/// | 已提交 / 属地初审 (/ 国家复审)   | Refuse                | both  | 未通过 (reasons)             | reviewer |
/// | 已备案 / 已登记                 | StartChange           | both  | unchanged (new change draft) | filer    |
/// | 已备案 / 已登记                 | Cancel                | both  | 已注销 (number kept)         | filer    |
/// </summary>
public static class GenerativeAiWorkflow
{
    public sealed record Transition(
        GenerativeAiStatus From, GenerativeAiAction Action, GenerativeAiFilingKind? Kind, GenerativeAiStatus To, ActorRole Actor);

    private const GenerativeAiFilingKind Filing = GenerativeAiFilingKind.Filing;
    private const GenerativeAiFilingKind Registration = GenerativeAiFilingKind.Registration;

    public static IReadOnlyList<Transition> Transitions { get; } =
    [
        new(GenerativeAiStatus.Draft, GenerativeAiAction.Submit, null, GenerativeAiStatus.Submitted, ActorRole.Filer),
        new(GenerativeAiStatus.Submitted, GenerativeAiAction.StartProvincialReview, null, GenerativeAiStatus.ProvincialReview,
            ActorRole.Reviewer),
        new(GenerativeAiStatus.ProvincialReview, GenerativeAiAction.PassProvincialReview, Filing, GenerativeAiStatus.NationalReview,
            ActorRole.Reviewer),
        new(GenerativeAiStatus.ProvincialReview, GenerativeAiAction.Approve, Registration, GenerativeAiStatus.Registered,
            ActorRole.Reviewer),
        new(GenerativeAiStatus.NationalReview, GenerativeAiAction.Approve, Filing, GenerativeAiStatus.Filed, ActorRole.Reviewer),
        new(GenerativeAiStatus.Submitted, GenerativeAiAction.Return, null, GenerativeAiStatus.Draft, ActorRole.Reviewer),
        new(GenerativeAiStatus.ProvincialReview, GenerativeAiAction.Return, null, GenerativeAiStatus.Draft, ActorRole.Reviewer),
        new(GenerativeAiStatus.NationalReview, GenerativeAiAction.Return, Filing, GenerativeAiStatus.Draft, ActorRole.Reviewer),
        new(GenerativeAiStatus.Submitted, GenerativeAiAction.Refuse, null, GenerativeAiStatus.Refused, ActorRole.Reviewer),
        new(GenerativeAiStatus.ProvincialReview, GenerativeAiAction.Refuse, null, GenerativeAiStatus.Refused, ActorRole.Reviewer),
        new(GenerativeAiStatus.NationalReview, GenerativeAiAction.Refuse, Filing, GenerativeAiStatus.Refused, ActorRole.Reviewer),
        new(GenerativeAiStatus.Filed, GenerativeAiAction.StartChange, Filing, GenerativeAiStatus.Filed, ActorRole.Filer),
        new(GenerativeAiStatus.Registered, GenerativeAiAction.StartChange, Registration, GenerativeAiStatus.Registered,
            ActorRole.Filer),
        new(GenerativeAiStatus.Filed, GenerativeAiAction.Cancel, Filing, GenerativeAiStatus.Cancelled, ActorRole.Filer),
        new(GenerativeAiStatus.Registered, GenerativeAiAction.Cancel, Registration, GenerativeAiStatus.Cancelled, ActorRole.Filer),
    ];

    public static Transition? Find(GenerativeAiStatus from, GenerativeAiAction action, GenerativeAiFilingKind kind) =>
        Transitions.FirstOrDefault(t => t.From == from && t.Action == action && (t.Kind is null || t.Kind == kind));

    /// <summary>The actions the actor may take (for showing buttons; the aggregate still guards).</summary>
    public static IEnumerable<GenerativeAiAction> Allowed(GenerativeAiStatus status, GenerativeAiFilingKind kind, ActorRole role) =>
        Transitions.Where(t => t.From == status && t.Actor == role && (t.Kind is null || t.Kind == kind)).Select(t => t.Action);

    /// <summary>Throws a Chinese <see cref="DomainException"/> unless the action is legal for this status, kind and actor.</summary>
    public static Transition Require(GenerativeAiStatus from, GenerativeAiAction action, GenerativeAiFilingKind kind, Actor actor)
    {
        var t = Find(from, action, kind) ?? throw new DomainException(
            $"{DisplayNames.Of(kind)}当前状态为「{DisplayNames.Of(from)}」，不能执行「{DisplayNames.Of(action)}」。");
        if (t.Actor != actor.Role)
            throw new DomainException($"「{DisplayNames.Of(action)}」只能由{DisplayNames.Of(t.Actor)}执行。");
        return t;
    }
}
