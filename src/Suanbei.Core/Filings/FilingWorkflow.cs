namespace Suanbei.Core.Filings;

/// <summary>
/// The algorithm-filing workflow as data: which action is legal in which status, who may take it and where it leads.
/// <see cref="AlgorithmFiling"/> consults this table before every transition, so the UI, the API and the tests
/// all see the same rules.
///
/// | from                         | action            | to                                   | actor                          |
/// |------------------------------|-------------------|--------------------------------------|--------------------------------|
/// | 草稿 Draft                    | Submit            | 已提交 Submitted (only if complete)   | filer (owner)                  |
/// | 已提交 Submitted              | StartFirstReview  | 一审 FirstReview                      | reviewer                       |
/// | 一审 FirstReview              | PassFirstReview   | 二审 SecondReview                     | reviewer                       |
/// | 二审 SecondReview             | Publish           | 公示 Publicity (change: 已备案 Filed)  | reviewer (issues the number)   |
/// | 公示 Publicity                | CompletePublicity | 已备案 Filed (publicity period over)   | reviewer or system             |
/// | 已提交 / 一审 / 二审            | Return            | 草稿 Draft (per-field reasons kept)   | reviewer                       |
/// | 已提交 / 一审 / 二审            | Refuse            | 不予备案 Refused (reasons)            | reviewer                       |
/// | 已备案 Filed                  | StartChange       | 已备案 (a new Change draft is created) | filer (owner)                  |
/// | 公示 Publicity / 已备案 Filed  | Cancel            | 已注销 Cancelled (number kept)        | filer (owner)                  |
///
/// Everything else is illegal and throws <see cref="DomainException"/>. Administrators create reviewers but do not
/// review (separation of duties); the system actor exists only for closing the publicity period.
/// </summary>
public static class FilingWorkflow
{
    public sealed record Transition(FilingStatus From, FilingAction Action, FilingStatus To, IReadOnlySet<ActorRole> Actors);

    private static readonly HashSet<ActorRole> FilerOnly = [ActorRole.Filer];
    private static readonly HashSet<ActorRole> ReviewerOnly = [ActorRole.Reviewer];
    private static readonly HashSet<ActorRole> ReviewerOrSystem = [ActorRole.Reviewer, ActorRole.System];

    public static IReadOnlyList<Transition> Transitions { get; } =
    [
        new(FilingStatus.Draft, FilingAction.Submit, FilingStatus.Submitted, FilerOnly),
        new(FilingStatus.Submitted, FilingAction.StartFirstReview, FilingStatus.FirstReview, ReviewerOnly),
        new(FilingStatus.FirstReview, FilingAction.PassFirstReview, FilingStatus.SecondReview, ReviewerOnly),
        new(FilingStatus.SecondReview, FilingAction.Publish, FilingStatus.Publicity, ReviewerOnly),
        new(FilingStatus.Publicity, FilingAction.CompletePublicity, FilingStatus.Filed, ReviewerOrSystem),
        new(FilingStatus.Submitted, FilingAction.Return, FilingStatus.Draft, ReviewerOnly),
        new(FilingStatus.FirstReview, FilingAction.Return, FilingStatus.Draft, ReviewerOnly),
        new(FilingStatus.SecondReview, FilingAction.Return, FilingStatus.Draft, ReviewerOnly),
        new(FilingStatus.Submitted, FilingAction.Refuse, FilingStatus.Refused, ReviewerOnly),
        new(FilingStatus.FirstReview, FilingAction.Refuse, FilingStatus.Refused, ReviewerOnly),
        new(FilingStatus.SecondReview, FilingAction.Refuse, FilingStatus.Refused, ReviewerOnly),
        new(FilingStatus.Filed, FilingAction.StartChange, FilingStatus.Filed, FilerOnly),
        new(FilingStatus.Publicity, FilingAction.Cancel, FilingStatus.Cancelled, FilerOnly),
        new(FilingStatus.Filed, FilingAction.Cancel, FilingStatus.Cancelled, FilerOnly),
    ];

    public static Transition? Find(FilingStatus from, FilingAction action) =>
        Transitions.FirstOrDefault(t => t.From == from && t.Action == action);

    /// <summary>The actions the given actor may take in the given status (for showing buttons; the aggregate still guards).</summary>
    public static IEnumerable<FilingAction> Allowed(FilingStatus status, ActorRole role) =>
        Transitions.Where(t => t.From == status && t.Actors.Contains(role)).Select(t => t.Action);

    /// <summary>Throws a Chinese <see cref="DomainException"/> unless the action is legal for this status and actor.</summary>
    public static Transition Require(FilingStatus from, FilingAction action, Actor actor)
    {
        var t = Find(from, action)
            ?? throw new DomainException($"当前状态为「{DisplayNames.Of(from)}」，不能执行「{DisplayNames.Of(action)}」。");
        if (!t.Actors.Contains(actor.Role))
            throw new DomainException($"「{DisplayNames.Of(action)}」只能由{string.Join("或", t.Actors.Select(a => DisplayNames.Of(a)))}执行。");
        return t;
    }
}
