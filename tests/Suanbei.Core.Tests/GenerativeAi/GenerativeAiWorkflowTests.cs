using Suanbei.Core.Filings;
using Suanbei.Core.GenerativeAi;
using static Suanbei.Core.Tests.Filings.FilingTestData;
using static Suanbei.Core.Tests.GenerativeAi.GenerativeAiTestData;
using A = Suanbei.Core.GenerativeAi.GenerativeAiAction;
using Kind = Suanbei.Core.GenerativeAi.GenerativeAiFilingKind;
using S = Suanbei.Core.GenerativeAi.GenerativeAiStatus;

namespace Suanbei.Core.Tests.GenerativeAi;

public class GenerativeAiWorkflowTests
{
    // Written out independently of GenerativeAiWorkflow.Transitions: (kind, from, action) → to, for the right actor.
    private static readonly Dictionary<(Kind, S, A), S> Expected = new()
    {
        [(Kind.Filing, S.Draft, A.Submit)] = S.Submitted,
        [(Kind.Filing, S.Submitted, A.StartProvincialReview)] = S.ProvincialReview,
        [(Kind.Filing, S.ProvincialReview, A.PassProvincialReview)] = S.NationalReview,
        [(Kind.Filing, S.NationalReview, A.Approve)] = S.Filed,
        [(Kind.Filing, S.Submitted, A.Return)] = S.Draft,
        [(Kind.Filing, S.ProvincialReview, A.Return)] = S.Draft,
        [(Kind.Filing, S.NationalReview, A.Return)] = S.Draft,
        [(Kind.Filing, S.Submitted, A.Refuse)] = S.Refused,
        [(Kind.Filing, S.ProvincialReview, A.Refuse)] = S.Refused,
        [(Kind.Filing, S.NationalReview, A.Refuse)] = S.Refused,
        [(Kind.Filing, S.Filed, A.StartChange)] = S.Filed,
        [(Kind.Filing, S.Filed, A.Cancel)] = S.Cancelled,
        [(Kind.Registration, S.Draft, A.Submit)] = S.Submitted,
        [(Kind.Registration, S.Submitted, A.StartProvincialReview)] = S.ProvincialReview,
        [(Kind.Registration, S.ProvincialReview, A.Approve)] = S.Registered,
        [(Kind.Registration, S.Submitted, A.Return)] = S.Draft,
        [(Kind.Registration, S.ProvincialReview, A.Return)] = S.Draft,
        [(Kind.Registration, S.Submitted, A.Refuse)] = S.Refused,
        [(Kind.Registration, S.ProvincialReview, A.Refuse)] = S.Refused,
        [(Kind.Registration, S.Registered, A.StartChange)] = S.Registered,
        [(Kind.Registration, S.Registered, A.Cancel)] = S.Cancelled,
    };

    private static readonly HashSet<A> FilerActions = [A.Submit, A.StartChange, A.Cancel];
    private static readonly DateTimeOffset Later = Monday.AddDays(40);

    public static TheoryData<Kind, S, A> AllTriples()
    {
        var data = new TheoryData<Kind, S, A>();
        foreach (var k in Enum.GetValues<Kind>())
            foreach (var s in Reachable(k))
                foreach (var a in Enum.GetValues<A>())
                    data.Add(k, s, a);
        return data;
    }

    private static void Act(GenerativeAiFiling f, A action, Actor? actor = null)
    {
        var who = actor ?? (FilerActions.Contains(action) ? Filer : Reviewer);
        var day = DateOnly.FromDateTime(Later.UtcDateTime);
        switch (action)
        {
            case A.Submit: Assert.Empty(f.Submit(who, Later, Entity, Province)); break;
            case A.StartProvincialReview: f.StartProvincialReview(who, Later); break;
            case A.PassProvincialReview: f.PassProvincialReview(who, Later); break;
            case A.Approve: f.Approve(who, Later, NumberFor(f.Kind), Entity, Province); break;
            case A.Return: f.Return(who, Later, [new FieldReason(GenerativeAiFormFields.CorpusScale, "语料规模未写明单位")]); break;
            case A.Refuse: f.Refuse(who, Later, "不属于生成式人工智能服务"); break;
            case A.StartChange: f.StartChange(who, Later, day, "升级模型版本"); break;
            case A.Cancel: f.Cancel(who, Later, day, "停止服务"); break;
            default: throw new ArgumentOutOfRangeException(nameof(action));
        }
    }

    [Theory]
    [MemberData(nameof(AllTriples))]
    public void Every_status_and_action_is_legal_exactly_as_the_table_says(Kind kind, S status, A action)
    {
        var f = InStatus(status, kind);
        Assert.Equal(status, f.Status);
        Assert.Equal(kind, f.Kind);
        var trailBefore = f.AuditTrail.Count;
        if (Expected.TryGetValue((kind, status, action), out var to))
        {
            Act(f, action);
            Assert.Equal(to, f.Status);
            var last = f.AuditTrail[^1];
            Assert.Equal((action, status, to), (last.Action, last.From, last.To));
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
        var table = new Dictionary<(Kind, S, A), S>();
        foreach (var t in GenerativeAiWorkflow.Transitions)
            foreach (var k in t.Kind is { } only ? [only] : Enum.GetValues<Kind>())
                table.Add((k, t.From, t.Action), t.To);
        Assert.Equal(Expected.OrderBy(k => k.Key.ToString()), table.OrderBy(k => k.Key.ToString()));
    }

    public static TheoryData<Kind, S, A, ActorRole> WrongActors()
    {
        var data = new TheoryData<Kind, S, A, ActorRole>();
        foreach (var ((kind, status, action), _) in Expected)
            foreach (var role in Enum.GetValues<ActorRole>())
                if (role != (FilerActions.Contains(action) ? ActorRole.Filer : ActorRole.Reviewer)) data.Add(kind, status, action, role);
        return data;
    }

    [Theory]
    [MemberData(nameof(WrongActors))]
    public void A_legal_transition_by_the_wrong_kind_of_actor_is_refused(Kind kind, S status, A action, ActorRole role)
    {
        var f = InStatus(status, kind);
        var actor = role == ActorRole.System ? Actor.System : new Actor(role == ActorRole.Filer ? Filer.UserId : "x", "某人", role);
        var ex = Assert.Throws<DomainException>(() => Act(f, action, actor));
        Assert.Contains("只能由", ex.Message);
        Assert.Equal(status, f.Status);
    }

    [Theory]
    [InlineData(Kind.Filing, S.Draft, A.Submit)]
    [InlineData(Kind.Filing, S.Filed, A.StartChange)]
    [InlineData(Kind.Filing, S.Filed, A.Cancel)]
    [InlineData(Kind.Registration, S.Registered, A.Cancel)]
    public void Another_filer_cannot_take_the_owners_actions(Kind kind, S status, A action)
    {
        var f = InStatus(status, kind);
        var ex = Assert.Throws<DomainException>(() => Act(f, action, OtherFiler));
        Assert.Contains("他人", ex.Message);
        Assert.Equal(status, f.Status);
    }

    [Fact]
    public void Another_filer_cannot_edit_a_draft_and_only_drafts_are_editable()
    {
        var f = CompleteDraft(Kind.Filing);
        Assert.Throws<DomainException>(() => f.UpdateForm(OtherFiler, Form(ModelSource.Own) with { ModelName = "篡改" }, Monday));
        Assert.Equal("甲智能", f.ModelName);
        f.Submit(Filer, Monday, Entity, Province);
        var ex = Assert.Throws<DomainException>(() => f.UpdateForm(Filer, Form(ModelSource.Own) with { ModelName = "新" }, Monday));
        Assert.Contains("只有草稿可以编辑", ex.Message);
        Assert.Equal("甲智能", f.ModelName);
    }
}
