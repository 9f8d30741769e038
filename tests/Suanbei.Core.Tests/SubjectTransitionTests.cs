using Suanbei.Core;
using Suanbei.Core.Calendar;
using Suanbei.Core.Identifiers;
using Suanbei.Core.Products;
using Suanbei.Core.Subjects;

namespace Suanbei.Core.Tests;

public class SubjectTransitionTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private static string ValidCreditCode(string prefix = "91")
    {
        const string body = "12345678";
        int[] w = [3, 7, 9, 10, 5, 8, 4, 2];
        var sum = body.Select((c, i) => (c - '0') * w[i]).Sum();
        var c = 11 - sum % 11;
        var first17 = prefix + "110108" + body + (c switch { 10 => 'X', 11 => '0', _ => (char)('0' + c) });
        return first17 + CreditCode.ExpectedCheckCharacter(first17);
    }

    private static string ValidResidentId()
    {
        const string first17 = "11010819900307123";
        int[] w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        return first17 + "10X98765432"[first17.Select((c, i) => (c - '0') * w[i]).Sum() % 11];
    }

    private static SubjectDetails Complete(string? creditCode = null) => new()
    {
        Name = "北京示例科技有限公司", CreditCode = creditCode ?? ValidCreditCode(), RegionCode = "110108", Address = "海淀区1号",
        MonthlyActiveUsers = 1000, CertificateType = "营业执照", CertificateAddress = "海淀区1号", CertificateValidity = "长期",
        LegalRepName = "张三", LegalRepIdType = "居民身份证", LegalRepIdNumber = ValidResidentId(),
        OfficerName = "李四", OfficerIdType = "居民身份证", OfficerIdNumber = ValidResidentId(), OfficerMobile = "13800138000",
        OfficerEmail = "a@b.cn",
        BusinessLicenceScanId = Guid.NewGuid(), LegalRepIdScanId = Guid.NewGuid(), OfficerIdScanId = Guid.NewGuid(),
        OfficerEmploymentProofId = Guid.NewGuid(), OfficerCommitmentId = Guid.NewGuid(), FilingCommitmentId = Guid.NewGuid(),
        ResponsibilityReportId = Guid.NewGuid(),
    };

    private static Subject Draft(SubjectDetails? d = null)
    {
        var s = new Subject(Guid.NewGuid(), "owner", T0);
        s.Update(d ?? Complete(), T0);
        return s;
    }

    private static Subject Submitted() { var s = Draft(); s.Submit("owner", T0); return s; }
    private static Subject Approved() { var s = Submitted(); s.Approve("reviewer", T0); return s; }
    private static Subject Returned() { var s = Submitted(); s.Return("reviewer", "扫描件模糊", T0); return s; }

    [Fact]
    public void Legal_path_draft_submitted_returned_resubmitted_approved()
    {
        var s = Draft();
        Assert.Equal(SubjectStatus.Draft, s.Status);
        Assert.False(s.IsApproved);
        s.Submit("owner", T0);
        Assert.Equal(SubjectStatus.Submitted, s.Status);
        s.Return("reviewer", "  扫描件模糊  ", T0.AddDays(1));
        Assert.Equal(SubjectStatus.Returned, s.Status);
        Assert.Equal("扫描件模糊", s.ReturnReasons);
        s.Update(Complete() with { Address = "海淀区2号" }, T0.AddDays(2));
        s.Submit("owner", T0.AddDays(2));
        Assert.Null(s.ReturnReasons);
        s.Approve("reviewer", T0.AddDays(3));
        Assert.Equal(SubjectStatus.Approved, s.Status);
        Assert.True(s.IsApproved);
        Assert.Equal([SubjectDecisionKind.Submitted, SubjectDecisionKind.Returned, SubjectDecisionKind.Submitted,
            SubjectDecisionKind.Approved],
            s.Decisions.Select(d => d.Kind));
    }

    public static TheoryData<string, string> IllegalTransitions => new()
    {
        { "draft", "approve" }, { "draft", "return" }, { "draft", "change" },
        { "submitted", "submit" }, { "submitted", "update" }, { "submitted", "change" },
        { "approved", "submit" }, { "approved", "update" }, { "approved", "approve" }, { "approved", "return" },
        { "returned", "approve" }, { "returned", "return" }, { "returned", "change" },
    };

    [Theory]
    [MemberData(nameof(IllegalTransitions))]
    public void Illegal_transitions_throw_a_domain_exception_and_change_nothing(string state, string action)
    {
        var s = state switch { "draft" => Draft(), "submitted" => Submitted(), "approved" => Approved(), _ => Returned() };
        var before = (s.Status, s.Decisions.Count, s.Name);
        var e = Assert.Throws<DomainException>(() =>
        {
            switch (action)
            {
                case "submit": s.Submit("owner", T0); break;
                case "approve": s.Approve("reviewer", T0); break;
                case "return": s.Return("reviewer", "理由", T0); break;
                case "update": s.Update(Complete() with { Name = "改名" }, T0); break;
                case "change": s.StartChange(new DateOnly(2026, 11, 2), WorkingCalendar.Official, "owner", T0); break;
            }
        });
        Assert.False(string.IsNullOrWhiteSpace(e.Message));
        Assert.Equal(before, (s.Status, s.Decisions.Count, s.Name));
    }

    [Fact]
    public void Return_requires_reasons()
    {
        var s = Submitted();
        Assert.Throws<DomainException>(() => s.Return("reviewer", "  ", T0));
        Assert.Equal(SubjectStatus.Submitted, s.Status);
    }

    [Fact]
    public void Incomplete_or_non_enterprise_subjects_cannot_be_submitted()
    {
        var incomplete = Draft(Complete() with { OfficerMobile = null, ResponsibilityReportId = null });
        var e = Assert.Throws<DomainException>(() => incomplete.Submit("owner", T0));
        Assert.Contains("算法安全责任人手机不能为空", e.Message);
        Assert.Contains("落实算法安全主体责任基本情况", e.Message);
        Assert.Equal(SubjectStatus.Draft, incomplete.Status);

        var government = Draft(Complete(ValidCreditCode("11")));
        Assert.Equal(SubjectKind.NonBusiness, government.Kind);
        Assert.Throws<DomainException>(() => government.Submit("owner", T0));

        var individual = Draft(Complete(ValidCreditCode("92")));
        individual.Submit("owner", T0);
        Assert.Equal(SubjectKind.IndividualBusiness, individual.Kind);
    }

    [Fact]
    public void A_change_reopens_an_approved_subject_which_stays_approved_until_decided()
    {
        var s = Approved();
        s.StartChange(new DateOnly(2026, 11, 2), WorkingCalendar.Official, "owner", T0);
        Assert.Equal(SubjectStatus.Draft, s.Status);
        Assert.True(s.IsApproved);
        Assert.True(s.IsChange);
        Assert.Equal(new DateOnly(2026, 11, 16), s.ChangeDueDate); // 10 working days, no holiday in between
        Assert.False(s.ChangeDueDateEstimated);
        s.Update(Complete() with { OfficerName = "王五" }, T0);
        s.Submit("owner", T0);
        s.Approve("reviewer", T0);
        Assert.False(s.IsChange);
        Assert.Equal("王五", s.OfficerName);

        // past the official calendars the due date is an estimate, and says so
        s.StartChange(new DateOnly(2026, 12, 28), WorkingCalendar.Official, "owner", T0);
        Assert.True(s.ChangeDueDateEstimated);
        Assert.Contains("估算", s.Decisions[^1].Reasons);
    }

    [Fact]
    public void The_public_name_and_region_stay_the_approved_ones_until_a_change_is_approved()
    {
        var s = Approved();
        var approvedName = s.Name;
        Assert.Equal(approvedName, s.PublicName);
        Assert.Equal(s.RegionCode, s.ApprovedRegionCode);

        s.StartChange(new DateOnly(2026, 11, 2), WorkingCalendar.Official, "owner", T0);
        s.Update(Complete() with { Name = "改名后科技有限公司", RegionCode = "440305" }, T0);
        s.Submit("owner", T0);
        Assert.Equal(approvedName, s.PublicName);           // the change is still under review
        Assert.Equal("110108", s.ApprovedRegionCode);
        Assert.Equal("改名后科技有限公司", s.Name);

        s.Approve("reviewer", T0);
        Assert.Equal("改名后科技有限公司", s.PublicName);
        Assert.Equal("440305", s.ApprovedRegionCode);
    }

    [Fact]
    public void Draft_validation_checks_only_what_was_entered()
    {
        Assert.Empty(SubjectValidation.ForDraft(new SubjectDetails { Name = "只填了名称" }));
        var errors =
            SubjectValidation.ForDraft(new SubjectDetails
            {
                CreditCode = "91110108MA01ABCDE0", Website = "example.cn",
                MonthlyActiveUsers = -1
            });
        Assert.Equal(["CreditCode", "MonthlyActiveUsers", "Website"], errors.Keys.Order());
    }

    [Fact]
    public void Product_function_descriptions_are_limited_to_500_characters()
    {
        var p = new Product(Guid.NewGuid(), Guid.NewGuid(), "owner", new ProductDetails { Name = "产品", AccessPath = ["第一步", " ", "第二步"] },
            T0);
        Assert.Equal(["第一步", "第二步"], p.AccessPath.Select(s => s.Text));
        p.AddFunction("推荐", new string('字', 500), T0);
        Assert.Throws<DomainException>(() => p.AddFunction("推荐2", new string('字', 501), T0));
        Assert.Single(p.Functions);
        Assert.Throws<DomainException>(() => p.Update(new ProductDetails { Name = " " }, T0));
        Assert.Equal("产品（网站）", p.ListLabel);
    }
}
