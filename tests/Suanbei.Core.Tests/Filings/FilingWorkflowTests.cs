using Suanbei.Core;
using Suanbei.Core.Filings;
using static Suanbei.Core.Tests.Filings.FilingTestData;

namespace Suanbei.Core.Tests.Filings;

public class FilingWorkflowTests
{
    // Written out independently of FilingWorkflow.Transitions: (from, action) → to, for the right actor.
    private static readonly Dictionary<(FilingStatus, FilingAction), FilingStatus> Expected = new()
    {
        [(FilingStatus.Draft, FilingAction.Submit)] = FilingStatus.Submitted,
        [(FilingStatus.Submitted, FilingAction.StartFirstReview)] = FilingStatus.FirstReview,
        [(FilingStatus.FirstReview, FilingAction.PassFirstReview)] = FilingStatus.SecondReview,
        [(FilingStatus.SecondReview, FilingAction.Publish)] = FilingStatus.Publicity,
        [(FilingStatus.Publicity, FilingAction.CompletePublicity)] = FilingStatus.Filed,
        [(FilingStatus.Submitted, FilingAction.Return)] = FilingStatus.Draft,
        [(FilingStatus.FirstReview, FilingAction.Return)] = FilingStatus.Draft,
        [(FilingStatus.SecondReview, FilingAction.Return)] = FilingStatus.Draft,
        [(FilingStatus.Submitted, FilingAction.Refuse)] = FilingStatus.Refused,
        [(FilingStatus.FirstReview, FilingAction.Refuse)] = FilingStatus.Refused,
        [(FilingStatus.SecondReview, FilingAction.Refuse)] = FilingStatus.Refused,
        [(FilingStatus.Filed, FilingAction.StartChange)] = FilingStatus.Filed,
        [(FilingStatus.Publicity, FilingAction.Cancel)] = FilingStatus.Cancelled,
        [(FilingStatus.Filed, FilingAction.Cancel)] = FilingStatus.Cancelled,
    };

    private static readonly HashSet<FilingAction> FilerActions = [FilingAction.Submit, FilingAction.StartChange, FilingAction.Cancel];

    public static TheoryData<FilingStatus, FilingAction> AllPairs()
    {
        var data = new TheoryData<FilingStatus, FilingAction>();
        foreach (var s in Enum.GetValues<FilingStatus>())
            foreach (var a in Enum.GetValues<FilingAction>())
                data.Add(s, a);
        return data;
    }

    private static readonly DateTimeOffset Later = Monday.AddDays(40);

    /// <summary>Takes the action as the right kind of actor.</summary>
    private static void Act(AlgorithmFiling f, FilingAction action, Actor? actor = null)
    {
        var who = actor ?? (FilerActions.Contains(action) ? Filer : Reviewer);
        switch (action)
        {
            case FilingAction.Submit: Assert.Empty(f.Submit(who, Later)); break;
            case FilingAction.StartFirstReview: f.StartFirstReview(who, Later); break;
            case FilingAction.PassFirstReview: f.PassFirstReview(who, Later); break;
            case FilingAction.Publish: f.Publish(who, Later, Number(seq: 7), Cal); break;
            case FilingAction.CompletePublicity: f.CompletePublicity(who, Later); break;
            case FilingAction.Return: f.Return(who, Later, [new FieldReason(FilingFields.Summary, "简介过于笼统")]); break;
            case FilingAction.Refuse: f.Refuse(who, Later, "不属于备案范围"); break;
            case FilingAction.StartChange: f.StartChange(who, Later, DateOnly.FromDateTime(Later.UtcDateTime), "更新应用产品"); break;
            case FilingAction.Cancel: f.Cancel(who, Later, DateOnly.FromDateTime(Later.UtcDateTime), "停止服务"); break;
            default: throw new ArgumentOutOfRangeException(nameof(action));
        }
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Every_status_and_action_pair_is_legal_exactly_as_the_table_says(FilingStatus status, FilingAction action)
    {
        var f = InStatus(status);
        Assert.Equal(status, f.Status);
        var trailBefore = f.AuditTrail.Count;
        if (Expected.TryGetValue((status, action), out var to))
        {
            Act(f, action);
            Assert.Equal(to, f.Status);
            var last = f.AuditTrail[^1];
            Assert.Equal(action, last.Action);
            Assert.Equal(status, last.From);
            Assert.Equal(to, last.To);
            Assert.Equal(trailBefore + 1, f.AuditTrail.Count);
        }
        else
        {
            var ex = Assert.Throws<DomainException>(() => Act(f, action));
            Assert.Contains(DisplayNames.Of(status), ex.Message);
            Assert.Equal(status, f.Status);
            Assert.Equal(trailBefore, f.AuditTrail.Count);
        }
    }

    [Fact]
    public void The_domain_table_matches_the_independent_expectation()
    {
        var table = FilingWorkflow.Transitions.ToDictionary(t => (t.From, t.Action), t => t.To);
        Assert.Equal(Expected.OrderBy(k => k.Key.ToString()), table.OrderBy(k => k.Key.ToString()));
    }

    public static TheoryData<FilingStatus, FilingAction, ActorRole> WrongActors()
    {
        var data = new TheoryData<FilingStatus, FilingAction, ActorRole>();
        foreach (var ((status, action), _) in Expected)
            foreach (var role in Enum.GetValues<ActorRole>())
            {
                var allowed = FilerActions.Contains(action) ? role == ActorRole.Filer
                    : action == FilingAction.CompletePublicity ? role is ActorRole.Reviewer or ActorRole.System
                    : role == ActorRole.Reviewer;
                if (!allowed) data.Add(status, action, role);
            }
        return data;
    }

    [Theory]
    [MemberData(nameof(WrongActors))]
    public void A_legal_transition_taken_by_the_wrong_kind_of_actor_is_refused(FilingStatus status, FilingAction action, ActorRole role)
    {
        var f = InStatus(status);
        var actor = role == ActorRole.System ? Actor.System : new Actor(role == ActorRole.Filer ? Filer.UserId : "x", "某人", role);
        var ex = Assert.Throws<DomainException>(() => Act(f, action, actor));
        Assert.Contains("只能由", ex.Message);
        Assert.Equal(status, f.Status);
    }

    [Theory]
    [InlineData(FilingStatus.Draft, FilingAction.Submit)]
    [InlineData(FilingStatus.Filed, FilingAction.StartChange)]
    [InlineData(FilingStatus.Filed, FilingAction.Cancel)]
    [InlineData(FilingStatus.Publicity, FilingAction.Cancel)]
    public void Another_filer_cannot_take_the_owners_actions(FilingStatus status, FilingAction action)
    {
        var f = InStatus(status);
        var ex = Assert.Throws<DomainException>(() => Act(f, action, OtherFiler));
        Assert.Contains("他人", ex.Message);
        Assert.Equal(status, f.Status);
    }

    [Fact]
    public void Another_filer_cannot_edit_a_draft()
    {
        var f = CompleteDraft();
        Assert.Throws<DomainException>(() => f.UpdateBasic(OtherFiler, new BasicAttributes { Name = "篡改" }, Monday));
        Assert.Equal("甲公司文本生成算法", f.Name);
    }

    [Theory]
    [InlineData(FilingStatus.Submitted)]
    [InlineData(FilingStatus.FirstReview)]
    [InlineData(FilingStatus.Publicity)]
    [InlineData(FilingStatus.Filed)]
    [InlineData(FilingStatus.Cancelled)]
    public void Only_drafts_can_be_edited(FilingStatus status)
    {
        var f = InStatus(status);
        var ex = Assert.Throws<DomainException>(() => f.UpdateDetails(Filer, new DetailedAttributes { Summary = "新" }, Later));
        Assert.Contains("只有草稿可以编辑", ex.Message);
        Assert.Equal("基于大模型的文本生成。", f.Summary);
    }

    [Fact]
    public void Publish_checks_the_number_and_its_type_code()
    {
        var f = InStatus(FilingStatus.SecondReview);
        Assert.Throws<DomainException>(() => f.Publish(Reviewer, Later, "网信算备110108823483901230032号", Cal)); // bad check digit
        Assert.Throws<DomainException>(() => f.Publish(Reviewer, Later, Number(AlgorithmType.PersonalisedPush), Cal));
        Assert.Equal(FilingStatus.SecondReview, f.Status);
        f.Publish(Reviewer, Later, Number(), Cal);
        Assert.Equal(Number(), f.FilingNumber);
    }

    [Fact]
    public void Publicity_cannot_be_closed_before_its_end()
    {
        var f = InStatus(FilingStatus.Publicity); // published Thu 2026-11-05 (Beijing)
        Assert.Equal(new DateOnly(2026, 11, 19), f.PublicityEndsOn); // 10 working days later
        var ex = Assert.Throws<DomainException>(() =>
            f.CompletePublicity(Actor.System, new DateTimeOffset(2026, 11, 18, 2, 0, 0, TimeSpan.Zero)));
        Assert.Contains("2026-11-19", ex.Message);
        f.CompletePublicity(Actor.System, new DateTimeOffset(2026, 11, 19, 2, 0, 0, TimeSpan.Zero));
        Assert.Equal(FilingStatus.Filed, f.Status);
    }

    [Fact]
    public void Publicity_outside_the_calendar_needs_a_reviewer_to_close_it()
    {
        var f = CompleteDraft();
        var late = new DateTimeOffset(2027, 3, 1, 2, 0, 0, TimeSpan.Zero); // 2027 has no official calendar yet
        f.Submit(Filer, late); f.StartFirstReview(Reviewer, late); f.PassFirstReview(FirstReviewer, late);
        f.Publish(Reviewer, late, FilingNumbers.Compose("110108", "8234839", AlgorithmType.GenerationSynthesis, 2027, 1), Cal);
        Assert.Null(f.PublicityEndsOn);
        var ex = Assert.Throws<DomainException>(() => f.CompletePublicity(Actor.System, late.AddDays(30)));
        Assert.Contains("无官方日历", ex.Message);
        f.CompletePublicity(Reviewer, late.AddDays(30));
        Assert.Equal(FilingStatus.Filed, f.Status);
        Assert.Contains("无官方日历", f.AuditTrail[^1].Reason);
    }
}
