using Suanbei.Core;
using Suanbei.Core.Filings;
using static Suanbei.Core.Tests.Filings.FilingTestData;

namespace Suanbei.Core.Tests.Filings;

public class ReviewDutiesTests
{
    private static readonly Actor Third = new("rev-3", "审核员赵六", ActorRole.Reviewer);

    [Theory]
    [InlineData(FilingAction.Publish)]
    [InlineData(FilingAction.Return)]
    [InlineData(FilingAction.Refuse)]
    public void The_reviewer_who_passed_first_review_cannot_decide_second_review(FilingAction action)
    {
        var f = InStatus(FilingStatus.SecondReview); // 一审 passed by FirstReviewer
        var e = Assert.Throws<DomainException>(() => Decide(f, action, FirstReviewer));
        Assert.Contains("一审与二审须由不同审核员完成", e.Message);
        Assert.Equal(FilingStatus.SecondReview, f.Status);
        Assert.Null(f.FilingNumber);
        Decide(f, action, Reviewer);
        Assert.NotEqual(FilingStatus.SecondReview, f.Status);
    }

    [Fact]
    public void One_reviewer_may_start_and_pass_first_review()
    {
        var f = InStatus(FilingStatus.Submitted);
        f.StartFirstReview(Third, Monday.AddDays(1));
        f.PassFirstReview(Third, Monday.AddDays(1));
        Assert.Equal(FilingStatus.SecondReview, f.Status);
    }

    [Fact]
    public void After_a_return_only_the_new_rounds_first_review_counts()
    {
        var f = InStatus(FilingStatus.SecondReview);
        f.Return(Reviewer, Monday.AddDays(4), [new FieldReason(FilingFields.Summary, "简介过于笼统")]);
        Assert.Empty(f.Submit(Filer, Monday.AddDays(5)));
        f.StartFirstReview(Reviewer, Monday.AddDays(6));
        f.PassFirstReview(Reviewer, Monday.AddDays(6));
        Assert.Throws<DomainException>(() => f.Publish(Reviewer, Monday.AddDays(7), Number(), Cal));
        f.Publish(FirstReviewer, Monday.AddDays(7), Number(), Cal); // passed 一审 only in the earlier round
        Assert.Equal(FilingStatus.Publicity, f.Status);
    }

    [Fact]
    public void A_change_is_approved_by_another_reviewer_than_its_first_review()
    {
        var filed = InStatus(FilingStatus.Filed);
        var now = Monday.AddDays(31);
        var change = filed.StartChange(Filer, now, new DateOnly(2026, 12, 1), null);
        Assert.Empty(change.Submit(Filer, now));
        change.StartFirstReview(Third, now);
        change.PassFirstReview(Third, now);
        Assert.Throws<DomainException>(() => change.ApproveChange(Third, now, filed));
        change.ApproveChange(Reviewer, now, filed);
        Assert.Equal(FilingStatus.Filed, change.Status);
    }

    [Fact]
    public void The_rule_is_data_and_says_why()
    {
        var rule = Assert.Single(ReviewDuties.Rules);
        Assert.Equal(FilingAction.PassFirstReview, rule.Earlier);
        Assert.Equal(FilingStatus.SecondReview, rule.InStatus);
        Assert.Contains(FilingAction.Publish, rule.Later);
        var json = File.ReadAllText(Path.Combine(Suanbei.Testing.RepoPaths.Root, "src/Suanbei.Core/Data/rules/review-duties.json"));
        Assert.Contains("四眼原则", json);
        Assert.Contains("未规定", json);
    }

    private static void Decide(AlgorithmFiling f, FilingAction action, Actor who)
    {
        switch (action)
        {
            case FilingAction.Publish: f.Publish(who, Monday.AddDays(3), Number(), Cal); break;
            case FilingAction.Return: f.Return(who, Monday.AddDays(3), [new FieldReason(FilingFields.Summary, "补充")]); break;
            case FilingAction.Refuse: f.Refuse(who, Monday.AddDays(3), "不属于备案范围"); break;
            default: throw new ArgumentOutOfRangeException(nameof(action));
        }
    }
}
