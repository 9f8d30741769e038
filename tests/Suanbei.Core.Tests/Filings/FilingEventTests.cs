using Suanbei.Core.Filings;
using Suanbei.Core.Filings.Events;
using static Suanbei.Core.Tests.Filings.FilingTestData;

namespace Suanbei.Core.Tests.Filings;

/// <summary>
/// The transitions the public hears of are recorded as events with structured public facts; returns and refusals as
/// events the filer is notified of.
/// </summary>
public sealed class FilingEventTests
{
    [Fact]
    public void Publication_records_the_number_and_each_product_by_name_and_form()
    {
        var f = InStatus(FilingStatus.SecondReview);
        Assert.Empty(f.DomainEvents);
        f.Publish(Reviewer, Monday.AddDays(3), Number(), Cal);

        var e = Assert.IsType<FilingPublished>(Assert.Single(f.DomainEvents));
        Assert.Equal(f.Id, e.FilingId);
        Assert.Equal(Number(), e.Facts.Number);
        Assert.Equal("甲公司文本生成算法", e.Facts.Name);
        Assert.Equal(FilingRole.ServiceProvider, e.Facts.Role);
        Assert.Equal(AlgorithmType.GenerationSynthesis, e.Facts.Type);
        Assert.Equal(f.SubjectId, e.Facts.SubjectId);
        Assert.Equal([new PublicProduct("甲写作", "APP")], e.Facts.Products);
        Assert.Null(e.Facts.Remark);
        Assert.Equal(new DateOnly(2026, 11, 5), e.PublishedOn);

        f.ClearDomainEvents();
        Assert.Empty(f.DomainEvents);
    }

    [Fact]
    public void A_technical_supporter_publishes_no_products()
    {
        var f = CompleteDraft(FilingRole.TechnicalSupporter);
        Assert.Empty(f.Submit(Filer, Monday));
        f.StartFirstReview(Reviewer, Monday);
        f.PassFirstReview(FirstReviewer, Monday);
        f.Publish(Reviewer, Monday, Number(), Cal);
        Assert.Empty(Assert.IsType<FilingPublished>(Assert.Single(f.DomainEvents)).Facts.Products);
    }

    [Fact]
    public void An_approved_change_records_the_new_products_and_its_remark_on_the_change_only()
    {
        var filed = InStatus(FilingStatus.Filed);
        filed.ClearDomainEvents();
        var change = ApprovedChange(filed);

        Assert.Empty(filed.DomainEvents);
        var e = Assert.IsType<FilingChangePublished>(Assert.Single(change.DomainEvents));
        Assert.Equal(2, e.Revision);
        Assert.Equal(filed.FilingNumber, e.Facts.Number);
        Assert.Equal([new PublicProduct("甲写作", "APP"), new PublicProduct("甲绘图", "网站")], e.Facts.Products);
        Assert.Equal(change.RemarkLines[^1], e.Facts.Remark);
        Assert.Contains("新增关联产品甲绘图（网站）", e.Facts.Remark);
    }

    [Fact]
    public void Cancellation_records_the_number_and_the_day_service_stopped_and_refused_transitions_record_nothing()
    {
        var f = InStatus(FilingStatus.Publicity);
        f.ClearDomainEvents();
        Assert.ThrowsAny<DomainException>(() => f.Cancel(Filer, Monday.AddDays(4), new DateOnly(2027, 1, 1), "停止服务"));
        Assert.Empty(f.DomainEvents);

        f.Cancel(Filer, Monday.AddDays(4), new DateOnly(2026, 11, 5), "停止服务");
        var e = Assert.IsType<FilingCancelled>(Assert.Single(f.DomainEvents));
        Assert.Equal((f.Id, Number(), new DateOnly(2026, 11, 5), "停止服务"), (e.FilingId, e.Number, e.EventDate, e.Reason));
    }

    [Fact]
    public void A_return_records_its_round_and_reasons_and_an_empty_return_records_nothing()
    {
        var f = InStatus(FilingStatus.FirstReview);
        f.ClearDomainEvents();
        Assert.ThrowsAny<DomainException>(() => f.Return(Reviewer, Monday, [new FieldReason(FilingFields.Scenarios, " ")]));
        Assert.Empty(f.DomainEvents);

        f.Return(Reviewer, Monday, [new FieldReason(FilingFields.Scenarios, "场景过于笼统"), new FieldReason(FilingFields.Summary, "")]);
        var e = Assert.IsType<FilingReturned>(Assert.Single(f.DomainEvents));
        Assert.Equal((f.Id, f.SubjectId, "甲公司文本生成算法", 1), (e.FilingId, e.SubjectId, e.Name, e.Round));
        Assert.Equal([new FieldReason(FilingFields.Scenarios, "场景过于笼统")], e.Reasons);
    }

    [Fact]
    public void A_refusal_records_its_reason()
    {
        var f = InStatus(FilingStatus.SecondReview);
        f.ClearDomainEvents();
        f.Refuse(Reviewer, Monday, "  不属于备案范围 ");
        var e = Assert.IsType<FilingRefused>(Assert.Single(f.DomainEvents));
        Assert.Equal((f.Id, f.SubjectId, "不属于备案范围"), (e.FilingId, e.SubjectId, e.Reason));
    }
}
