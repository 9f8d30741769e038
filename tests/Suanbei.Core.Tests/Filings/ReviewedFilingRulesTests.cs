using Suanbei.Core.Calendar;
using Suanbei.Core.Filings;
using Suanbei.Core.GenerativeAi;
using static Suanbei.Core.Tests.Filings.FilingTestData;

namespace Suanbei.Core.Tests.Filings;

/// <summary>
/// The rules of 变更 and 注销 that <see cref="ReviewedFiling{TStatus,TAction,TEntry}"/> holds once, checked on both
/// kinds of filing: a change is the next version of the same entry, one at a time; no cancellation while a change is
/// open or before the service stopped; only the owner acts; the filer's deadline follows the event.
/// </summary>
public class ReviewedFilingRulesTests
{
    private static readonly DateTimeOffset At = Monday.AddDays(31); // 2026-12-03, after both kinds are public
    private static readonly DateOnly Yesterday = new(2026, 12, 2);

    /// <summary>What the tests read of a version; both kinds expose it through their common base.</summary>
    public interface IPublic
    {
        Guid Id { get; }
        Guid EntryId { get; }
        int Revision { get; }
        Guid? PreviousVersionId { get; }
        bool IsChange { get; }
        Guid? OpenChangeId { get; }
        string? Remarks { get; }
        Deadline? FilerDeadline();
    }

    private sealed record Version<TS, TA, TE>(ReviewedFiling<TS, TA, TE> F) : IPublic
        where TS : struct, Enum where TA : struct, Enum where TE : AuditEntry<TA, TS>
    {
        public Guid Id => F.Id;
        public Guid EntryId => F.EntryId;
        public int Revision => F.Revision;
        public Guid? PreviousVersionId => F.PreviousVersionId;
        public bool IsChange => F.IsChange;
        public Guid? OpenChangeId => F.OpenChangeId;
        public string? Remarks => F.Remarks;
        public Deadline? FilerDeadline() => F.FilerDeadline(Cal);
    }

    public static TheoryData<string> Kinds => ["算法备案", "生成式人工智能服务备案"];

    /// <summary>A public version of the kind named, with that kind's 变更 and 注销 as delegates.</summary>
    private static (IPublic Filed, Func<Actor, DateOnly, IPublic> StartChange, Action<Actor, DateOnly> Cancel) Make(string kind)
    {
        if (kind == "算法备案")
        {
            var a = InStatus(FilingStatus.Filed);
            return (new Version<FilingStatus, FilingAction, FilingAuditEntry>(a),
                (who, day) => new Version<FilingStatus, FilingAction, FilingAuditEntry>(a.StartChange(who, At, day, null)),
                (who, day) => a.Cancel(who, At, day, "停止服务"));
        }
        var g = GenerativeAi.GenerativeAiTestData.InStatus(GenerativeAiStatus.Filed, GenerativeAiFilingKind.Filing);
        return (new Version<GenerativeAiStatus, GenerativeAiAction, GenerativeAiAuditEntry>(g),
            (who, day) => new Version<GenerativeAiStatus, GenerativeAiAction, GenerativeAiAuditEntry>(g.StartChange(who, At, day, null)),
            (who, day) => g.Cancel(who, At, day, "停止服务"));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_change_is_the_next_version_of_the_entry_and_blocks_a_second_change_and_cancellation(string kind)
    {
        var (filed, startChange, cancel) = Make(kind);
        var change = startChange(Filer, Yesterday);

        Assert.Equal((filed.EntryId, 2, filed.Id, true), (change.EntryId, change.Revision, change.PreviousVersionId, change.IsChange));
        Assert.False(filed.IsChange);
        Assert.Equal(change.Id, filed.OpenChangeId);
        Assert.Equal(DeadlineKind.Change, change.FilerDeadline()!.Kind);
        Assert.Contains("变更在办理中", Assert.Throws<DomainException>(() => startChange(Filer, Yesterday)).Message);
        Assert.Contains("不能同时注销", Assert.Throws<DomainException>(() => cancel(Filer, Yesterday)).Message);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Cancelling_needs_a_past_date_and_the_owner_and_adds_a_remark(string kind)
    {
        var (filed, startChange, cancel) = Make(kind);

        Assert.Contains("不能晚于今天", Assert.Throws<DomainException>(() => cancel(Filer, new DateOnly(2026, 12, 10))).Message);
        Assert.Contains("不能晚于今天", Assert.Throws<DomainException>(() => startChange(Filer, new DateOnly(2026, 12, 10))).Message);
        Assert.Equal($"无权操作他人的{kind}。", Assert.Throws<DomainException>(() => cancel(OtherFiler, Yesterday)).Message);
        Assert.Equal($"无权操作他人的{kind}。", Assert.Throws<DomainException>(() => startChange(OtherFiler, Yesterday)).Message);
        Assert.Null(filed.FilerDeadline());

        cancel(Filer, Yesterday);

        Assert.EndsWith("2026年12月已注销", filed.Remarks);
        Assert.Equal((DeadlineKind.Cancellation, Yesterday), (filed.FilerDeadline()!.Kind, filed.FilerDeadline()!.EventDate));
    }
}
