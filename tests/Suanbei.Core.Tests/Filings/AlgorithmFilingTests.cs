using Suanbei.Core;
using Suanbei.Core.Calendar;
using Suanbei.Core.Filings;
using Suanbei.Core.Identifiers;
using static Suanbei.Core.Tests.Filings.FilingTestData;

namespace Suanbei.Core.Tests.Filings;

public class AlgorithmFilingTests
{
    [Fact]
    public void An_empty_draft_saves_and_lists_every_missing_field_in_form_order()
    {
        var f = new AlgorithmFiling(Guid.NewGuid(), Filer, Monday);
        f.UpdateBasic(Filer, new BasicAttributes { Name = "  半成品算法 " }, Monday); // partial save is fine
        Assert.Equal("半成品算法", f.Name);
        var missing = f.Submit(Filer, Monday);
        Assert.Equal(FilingStatus.Draft, f.Status);
        Assert.Empty(f.AuditTrail);
        var keys = missing.Select(m => m.Field).ToList();
        Assert.DoesNotContain(FilingFields.Name, keys);
        foreach (var k in new[] { FilingFields.Type, FilingFields.Domain, FilingFields.LaunchDate, FilingFields.Role,
            FilingFields.MainPurpose,
                     FilingFields.SelfAssessmentReport, FilingFields.DisclosureDocument, FilingFields.Summary, FilingFields.InputModalities,
                     FilingFields.UsesBiometricData, FilingFields.ModerationFlow, FilingFields.LogRetentionMonths,
                     FilingFields.ComplaintChannels, FilingFields.RegulatorCooperation,
                     FilingFields.DisclosurePrinciple, FilingFields.DisclosureMechanism, FilingFields.DisclosureScenarios,
                         FilingFields.DisclosurePurpose })
            Assert.Contains(k, keys);
        Assert.All(missing, m => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", m.Message));
        Assert.True(keys.IndexOf(FilingFields.Type) < keys.IndexOf(FilingFields.Summary));
    }

    [Fact]
    public void A_provider_needs_a_linked_product_and_a_supporter_a_service_mode()
    {
        var provider = CompleteDraft();
        provider.LinkProducts(Filer, [], Monday);
        Assert.Equal([FilingFields.LinkedProducts], provider.MissingFields().Select(m => m.Field));

        var supporter = CompleteDraft(FilingRole.TechnicalSupporter);
        Assert.Empty(supporter.MissingFields());
        supporter.SetServiceMode(Filer, null, null, Monday);
        Assert.Equal([FilingFields.ServiceMode], supporter.MissingFields().Select(m => m.Field));
    }

    [Fact]
    public void Generated_output_needs_explicit_and_implicit_labels_and_an_example_per_output_modality()
    {
        var f = CompleteDraft();
        f.UpdateLabeling(Filer, [new LabelingInput(DataModality.Text, "文末提示", null, null)], Monday);
        var missing = f.MissingFields();
        Assert.All(missing, m => Assert.Equal(FilingFields.Labeling, m.Field));
        Assert.Contains(missing, m => m.Message.Contains("文本输出的隐式标识"));
        Assert.Contains(missing, m => m.Message.Contains("文本输出的标识示例"));
        Assert.Contains(missing, m => m.Message.Contains("图片输出的显式标识"));
        Assert.DoesNotContain(missing, m => m.Message.Contains("文本输出的显式标识"));

        // A ranking algorithm generates nothing, so no labeling is asked for.
        var ranking = CompleteDraft(type: AlgorithmType.RankingSelection);
        ranking.UpdateLabeling(Filer, [], Monday);
        Assert.Empty(ranking.MissingFields());
    }

    [Fact]
    public void Logs_kept_less_than_six_months_block_submission()
    {
        var f = CompleteDraft();
        f.UpdateDetails(Filer, new DetailedAttributes
        {
            Summary = f.Summary, Scenarios = f.Scenarios, InputModalities = f.InputModalities, OutputModalities = f.OutputModalities,
            DataSources = f.DataSources, UsesBiometricData = true, UsesIdentityData = false, ModelAndTrainingData = f.ModelAndTrainingData,
            Strategy = f.Strategy, RisksAndSafeguards = f.RisksAndSafeguards, ModerationFlow = f.ModerationFlow, LogRetentionMonths = 3,
            ComplaintChannels = f.ComplaintChannels, RegulatorCooperation = f.RegulatorCooperation,
            DisclosurePrinciple = "原理", DisclosureMechanism = "机制", DisclosureScenarios = "场景", DisclosurePurpose = "目的",
        }, Monday);
        var m = Assert.Single(f.MissingFields());
        Assert.Equal(FilingFields.LogRetentionMonths, m.Field);
        Assert.Contains("6个月", m.Message);
    }

    [Fact]
    public void Too_long_text_is_refused_naming_the_field_and_keeps_the_old_value()
    {
        var f = CompleteDraft();
        var ex = Assert.Throws<DomainException>(() => f.UpdateBasic(Filer, new BasicAttributes { Name = new string('长', 101) }, Monday));
        Assert.Contains("算法名称", ex.Message);
        Assert.Equal("甲公司文本生成算法", f.Name);
    }

    [Fact]
    public void Return_keeps_per_field_reasons_per_round_and_resubmission_restarts_the_clock()
    {
        var f = InStatus(FilingStatus.FirstReview);
        Assert.Throws<DomainException>(() => f.Return(Reviewer, Monday.AddDays(3), []));
        Assert.Throws<DomainException>(() => f.Return(Reviewer, Monday.AddDays(3), [new FieldReason("NoSuchField", "x")]));
        f.Return(Reviewer, Monday.AddDays(3),
            [new FieldReason(FilingFields.Scenarios, "场景过于宽泛（泛娱乐）"), new FieldReason(FilingFields.Labeling, "缺少图片标识示例")]);
        Assert.Equal(FilingStatus.Draft, f.Status);
        Assert.Equal(2, f.OpenReturnReasons.Count);
        Assert.Null(f.ClockStartedOn);
        Assert.Contains("使用场景：场景过于宽泛", f.AuditTrail[^1].Reason);

        Assert.Empty(f.Submit(Filer, Monday.AddDays(7))); // Mon 9 Nov
        Assert.Equal(new DateOnly(2026, 11, 9), f.ClockStartedOn);
        Assert.Empty(f.OpenReturnReasons);
        f.Return(Reviewer, Monday.AddDays(8), [new FieldReason(FilingFields.General, "材料仍不齐")]);
        Assert.Equal(2, f.ReturnRounds);
        Assert.Equal(3, f.ReturnReasons.Count); // the first round is still there
        Assert.Single(f.OpenReturnReasons);
    }

    [Fact]
    public void The_audit_trail_only_grows_and_earlier_entries_never_change()
    {
        var f = CompleteDraft();
        var snapshots = new List<(Guid, int, DateTimeOffset, string, FilingAction, FilingStatus, FilingStatus, string?)>();
        void Check()
        {
            Assert.True(f.AuditTrail.Count >= snapshots.Count);
            for (var i = 0; i < snapshots.Count; i++)
            {
                var e = f.AuditTrail[i];
                Assert.Equal(snapshots[i], (e.Id, e.Sequence, e.At, e.ActorUserId, e.Action, e.From, e.To, e.Reason));
            }
            snapshots = f.AuditTrail.Select(e => (e.Id, e.Sequence, e.At, e.ActorUserId, e.Action, e.From, e.To, e.Reason)).ToList();
        }
        f.Submit(Filer, Monday); Check();
        f.StartFirstReview(Reviewer, Monday.AddHours(1)); Check();
        f.Return(Reviewer, Monday.AddHours(2), [new FieldReason(FilingFields.Summary, "补充")]); Check();
        f.Submit(Filer, Monday.AddHours(3)); Check();
        f.StartFirstReview(Reviewer, Monday.AddHours(4)); Check();
        f.PassFirstReview(FirstReviewer, Monday.AddHours(5), "一审意见：通过"); Check();
        f.Publish(Reviewer, Monday.AddHours(6), Number(), Cal); Check();
        Assert.Equal(Enumerable.Range(1, 7), f.AuditTrail.Select(e => e.Sequence));
        Assert.Equal([FilingStatus.Draft, FilingStatus.Submitted, FilingStatus.FirstReview, FilingStatus.Draft, FilingStatus.Submitted,
            FilingStatus.FirstReview, FilingStatus.SecondReview],
            f.AuditTrail.Select(e => e.From));
        Assert.Equal("审核员张三", f.AuditTrail[^1].ActorName);
        Assert.Equal(ActorRole.Reviewer, f.AuditTrail[^1].ActorRole);
        // The public surface gives no way to remove or rewrite entries.
        Assert.False(f.AuditTrail is List<FilingAuditEntry> { }
            && typeof(FilingAuditEntry).GetProperties().Any(p => p.SetMethod?.IsPublic == true));
        Assert.DoesNotContain(typeof(FilingAuditEntry).GetProperties(), p => p.SetMethod?.IsPublic == true);
    }

    [Fact]
    public void The_clock_counts_working_days_from_complete_submission_and_stops_at_the_decision()
    {
        var f = CompleteDraft();
        // Submitted Thu 2026-09-24 (Beijing); 2026: 9/25–9/27 and 10/1–10/7 off, 10/10 (Saturday) worked
        var submitted = new DateTimeOffset(2026, 9, 24, 9, 0, 0, TimeSpan.FromHours(8));
        f.Submit(Filer, submitted);
        var clock = f.Clock(new DateTimeOffset(2026, 10, 12, 9, 0, 0, TimeSpan.FromHours(8)), Cal);
        var expected = Cal.WorkingDaysBetween(new DateOnly(2026, 9, 24), new DateOnly(2026, 10, 12));
        Assert.Equal(expected, clock.WorkingDaysUsed);
        Assert.Equal(7, expected); // 9/28, 9/29, 9/30, 10/8, 10/9, 10/10 (adjusted Saturday), 10/12
        Assert.Equal(Cal.AddWorkingDays(new DateOnly(2026, 9, 24), 30), clock.DueOn);
        Assert.False(clock.IsOverdue);
        Assert.Equal("已用 7 / 30 个工作日", clock.Display);

        var overdue = f.Clock(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8)), Cal);
        Assert.True(overdue.WorkingDaysUsed > 30);
        Assert.True(overdue.IsOverdue);
        Assert.EndsWith("（已超期）", overdue.Display);

        f.StartFirstReview(Reviewer, submitted); f.PassFirstReview(FirstReviewer, submitted);
        f.Publish(Reviewer, new DateTimeOffset(2026, 10, 12, 9, 0, 0, TimeSpan.FromHours(8)), Number(), Cal);
        Assert.Equal(7, f.Clock(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8)), Cal).WorkingDaysUsed);
    }

    [Fact]
    public void Dates_use_Beijing_time()
    {
        var f = CompleteDraft();
        f.Submit(Filer, new DateTimeOffset(2026, 11, 1, 17, 0, 0, TimeSpan.Zero)); // Sunday UTC, Monday 01:00 in Beijing
        Assert.Equal(new DateOnly(2026, 11, 2), f.ClockStartedOn);
    }

    [Fact]
    public void Outside_the_official_calendar_the_clock_says_so_instead_of_guessing()
    {
        var f = CompleteDraft();
        f.Submit(Filer, new DateTimeOffset(2026, 12, 20, 2, 0, 0, TimeSpan.Zero));
        var clock = f.Clock(new DateTimeOffset(2027, 1, 10, 2, 0, 0, TimeSpan.Zero), Cal);
        Assert.Null(clock.WorkingDaysUsed);
        // 30 working days after 12-20 run into 2027: the due date is estimated like every other one, never null.
        Assert.Equal(Cal.AddWorkingDaysOrEstimate(new DateOnly(2026, 12, 20), 30).Date, clock.DueOn);
        Assert.True(clock.DueEstimated);
        Assert.Equal(ReviewClock.NoOfficialCalendar, clock.Display);
        Assert.False(clock.IsOverdue);
    }

    [Fact]
    public void A_change_keeps_the_published_version_public_until_approved_then_updates_the_entry_with_a_remark()
    {
        var filed = InStatus(FilingStatus.Filed);
        var now = Monday.AddDays(31);
        var change = filed.StartChange(Filer, now, new DateOnly(2026, 12, 1), null);
        Assert.Throws<DomainException>(() => filed.StartChange(Filer, now, new DateOnly(2026, 12, 1), null)); // one at a time
        Assert.Equal(FilingStatus.Filed, filed.Status);
        Assert.True(filed.IsPublic);
        Assert.Equal(change.Id, filed.OpenChangeId);
        Assert.Equal(FilingKind.Change, change.Kind);
        Assert.Equal(2, change.Revision);
        Assert.Equal(filed.EntryId, change.EntryId);
        Assert.Equal(filed.FilingNumber, change.FilingNumber);
        Assert.False(change.IsPublic);
        Assert.Throws<DomainException>(() =>
            change.UpdateBasic(Filer, new BasicAttributes { Name = "x", Type = AlgorithmType.PersonalisedPush, Role = filed.Role }, now));

        var deadline = change.FilerDeadline(Cal)!;
        Assert.Equal(DeadlineKind.Change, deadline.Kind);
        Assert.Equal(Cal.AddWorkingDays(new DateOnly(2026, 12, 1), 10), deadline.DueOn);
        Assert.Equal(new DateOnly(2026, 12, 15), deadline.DueOn);

        change.UpdateBasic(Filer, new BasicAttributes
        {
            Name = "甲公司写作大模型算法", Type = change.Type, Domain = change.Domain, LaunchDate = change.LaunchDate, Role = change.Role,
            MainPurpose = change.MainPurpose, SelfAssessmentReportId = change.SelfAssessmentReportId,
            DisclosureDocumentId = change.DisclosureDocumentId,
        }, now);
        change.LinkProducts(Filer, [new LinkedProductInput(ProductA, "甲写作", "APP", []), new LinkedProductInput(ProductB, "甲绘图", "网站", [])],
            now);
        Assert.Empty(change.Submit(Filer, now));
        change.StartFirstReview(Reviewer, now);
        change.PassFirstReview(FirstReviewer, now);
        // While under review, the old version is what the public sees.
        Assert.Equal("甲公司文本生成算法", PublicEntry.From(filed, "甲公司").Name);
        Assert.Throws<DomainException>(() => change.Publish(Reviewer, now, Number(seq: 2), Cal));
        Assert.Throws<ArgumentException>(() => change.ApproveChange(Reviewer, now, InStatus(FilingStatus.Filed)));

        change.ApproveChange(Reviewer, new DateTimeOffset(2026, 12, 3, 2, 0, 0, TimeSpan.Zero), filed);
        Assert.Equal(FilingStatus.Filed, change.Status);
        Assert.Equal(FilingStatus.Superseded, filed.Status);
        Assert.False(filed.IsPublic);
        Assert.Null(filed.OpenChangeId);
        var entry = PublicEntry.From(change, "甲公司");
        Assert.Equal(Number(), entry.Number);
        Assert.Equal("甲写作（APP）、甲绘图（网站）", entry.Products);
        var remark = Assert.Single(entry.Remarks);
        Assert.Equal("2026年12月，变更内容：算法名称由甲公司文本生成算法变更为甲公司写作大模型算法，新增关联产品甲绘图（网站）", remark);
    }

    [Fact]
    public void A_refused_change_leaves_the_public_version_untouched_and_open_for_another_change()
    {
        var filed = InStatus(FilingStatus.Filed);
        var now = Monday.AddDays(31);
        var change = filed.StartChange(Filer, now, new DateOnly(2026, 12, 1), "更新应用产品");
        change.Submit(Filer, now);
        Assert.Throws<ArgumentException>(() => change.Refuse(Reviewer, now, "不符合", null));
        change.Refuse(Reviewer, now, "不符合", filed);
        Assert.Equal(FilingStatus.Refused, change.Status);
        Assert.Equal(FilingStatus.Filed, filed.Status);
        Assert.Null(filed.OpenChangeId);
        Assert.Empty(filed.RemarkLines);
        filed.StartChange(Filer, now, new DateOnly(2026, 12, 1), null);
    }

    [Fact]
    public void Cancellation_keeps_the_entry_visible_with_its_number_and_shows_the_20_day_deadline()
    {
        var filed = InStatus(FilingStatus.Filed);
        var now = new DateTimeOffset(2026, 12, 10, 2, 0, 0, TimeSpan.Zero);
        Assert.Throws<DomainException>(() => filed.Cancel(Filer, now, new DateOnly(2026, 12, 11), null)); // future end of service
        filed.Cancel(Filer, now, new DateOnly(2026, 12, 1), "产品下线");
        Assert.Equal(FilingStatus.Cancelled, filed.Status);
        Assert.True(filed.IsPublic);
        var entry = PublicEntry.From(filed, "甲公司");
        Assert.True(entry.Cancelled);
        Assert.Equal(Number(), entry.Number);
        Assert.Equal("2026年12月已注销", entry.Remarks[^1]);
        var deadline = filed.FilerDeadline(Cal)!;
        Assert.Equal(DeadlineKind.Cancellation, deadline.Kind);
        Assert.Equal(20, deadline.WorkingDays);
        Assert.Equal(Cal.AddWorkingDays(new DateOnly(2026, 12, 1), 20), deadline.DueOn);
        Assert.Throws<DomainException>(() => filed.StartChange(Filer, now, new DateOnly(2026, 12, 1), null));
    }

    [Fact]
    public void A_deadline_past_the_calendar_is_an_estimate_that_says_so()
    {
        var d = Deadline.Compute(DeadlineKind.Cancellation, new DateOnly(2026, 12, 20), Cal);
        Assert.True(d.Estimated);
        Assert.Equal(DeadlineRules.DueDateOrEstimate(DeadlineKind.Cancellation, new DateOnly(2026, 12, 20), Cal).Date, d.DueOn);
        Assert.Contains("估算", d.Display);
        Assert.DoesNotContain("无官方日历", d.Display);
    }

    [Fact]
    public void Cancel_is_refused_while_a_change_is_open()
    {
        var filed = InStatus(FilingStatus.Filed);
        filed.StartChange(Filer, Monday.AddDays(31), new DateOnly(2026, 12, 1), null);
        Assert.Throws<DomainException>(() => filed.Cancel(Filer, Monday.AddDays(31), new DateOnly(2026, 12, 1), null));
    }

    [Fact]
    public void Public_entry_for_a_supporter_shows_dashes_for_products_and_the_footer_snippet_is_escaped()
    {
        var f = CompleteDraft(FilingRole.TechnicalSupporter);
        f.Submit(Filer, Monday); f.StartFirstReview(Reviewer, Monday); f.PassFirstReview(FirstReviewer, Monday);
        Assert.Throws<DomainException>(() => PublicEntry.From(f, "甲公司"));
        f.Publish(Reviewer, Monday, Number(), Cal);
        var e = PublicEntry.From(f, "甲公司");
        Assert.Equal("--", e.Products);
        Assert.Equal("服务技术支持者", e.Role);
        Assert.Equal("<a href=\"https://x.test/public/a?b=1&amp;c=2\" target=\"_blank\" rel=\"noopener\">" + Number() + "</a>",
            FilingNumbers.FooterSnippet(Number(), "https://x.test/public/a?b=1&c=2"));
    }

    [Fact]
    public void Numbers_compose_with_the_type_code_and_a_matching_check_digit_and_the_sequence_is_bounded()
    {
        var n = FilingNumbers.Compose("440305", "1234567", AlgorithmType.SchedulingDecision, 2026, 12);
        var info = FilingNumber.Decode(n);
        Assert.True(info.Valid);
        Assert.Equal("06", info.TypeCode);
        Assert.Equal(12, info.Sequence);
        Assert.Equal(2026, info.Year);
        Assert.Throws<DomainException>(() => FilingNumbers.Compose("440305", "1234567", AlgorithmType.SchedulingDecision, 2026, 1000));
        Assert.Throws<DomainException>(() => FilingNumbers.Compose("990000", "1234567", AlgorithmType.SchedulingDecision, 2026, 1));
        var codes = Enumerable.Range(0, 200).Select(_ => FilingNumbers.NewEntityCode()).ToList();
        Assert.All(codes, c => Assert.Matches("^[1-9][0-9]{6}$", c));
        Assert.True(codes.Distinct().Count() > 150);
    }
}
