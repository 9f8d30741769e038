using Suanbei.Core;
using Suanbei.Core.Identifiers;
using Suanbei.Core.Organisations;

namespace Suanbei.Core.Tests.Organisations;

public class OrganisationTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 2, 0, 0, TimeSpan.Zero);

    private static Organisation Subject(string owner = "owner") => new("org-1", "甲公司", OrganisationKind.Subject, owner, Now);

    [Fact]
    public void The_last_owner_can_neither_leave_nor_be_removed_nor_demoted()
    {
        var org = Subject();
        Assert.Contains("最后一位管理成员", Assert.Throws<DomainException>(() => org.Leave("owner")).Message);
        Assert.Throws<DomainException>(() => org.Remove("owner"));
        Assert.Throws<DomainException>(() => org.ChangeRole("owner", MemberRole.Editor));
        org.Join("second", MemberRole.Owner, Now);
        org.ChangeRole("owner", MemberRole.Viewer);
        org.Leave("owner");
        Assert.Null(org.MemberOf("owner"));
        Assert.Throws<DomainException>(() => org.Leave("second"));
    }

    [Fact]
    public void Editors_and_viewers_leave_freely_and_rejoining_keeps_the_stronger_role()
    {
        var org = Subject();
        org.Join("e", MemberRole.Viewer, Now);
        org.Join("e", MemberRole.Editor, Now);
        Assert.Equal(MemberRole.Editor, org.MemberOf("e")!.Role);
        org.Join("e", MemberRole.Viewer, Now);
        Assert.Equal(MemberRole.Editor, org.MemberOf("e")!.Role);
        org.Leave("e");
        Assert.Null(org.MemberOf("e"));
        Assert.True(MemberRoles.MayWrite(MemberRole.Editor));
        Assert.False(MemberRoles.MayWrite(MemberRole.Viewer));
        Assert.False(MemberRoles.MayManage(MemberRole.Editor));
    }

    [Fact]
    public void A_name_is_required_and_bounded()
    {
        static Organisation Named(string name) => new("x", name, OrganisationKind.Subject, "o", Now);
        Assert.Contains("机构名称", Assert.Throws<DomainException>(() => Named(" ")).Message);
        Assert.Throws<DomainException>(() => Named(new string('名', Organisation.NameMax + 1)));
        Assert.Equal(Organisation.NameMax, Named(new string('名', Organisation.NameMax)).Name.Length);
    }

    [Fact]
    public void An_invitation_is_for_one_address_once_and_expires()
    {
        var org = Subject();
        var invitation = new Invitation(org.Id, " Li@Example.cn ", MemberRole.Editor, "owner", Now, out var token);
        Assert.Equal(Invitation.Hash(token), invitation.TokenHash);
        Assert.NotEqual(token, invitation.TokenHash);
        Assert.Contains("li@example.cn", Assert.Throws<DomainException>(
            () => invitation.Accept(org, "other", "other@example.cn", Now)).Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("过期", Assert.Throws<DomainException>(
            () => invitation.Accept(org, "li", "li@example.cn", Now + Invitation.Lifetime)).Message);
        invitation.Accept(org, "li", "LI@example.cn", Now + Invitation.Lifetime - TimeSpan.FromSeconds(1));
        Assert.Equal(MemberRole.Editor, org.MemberOf("li")!.Role);
        Assert.Contains("已被接受", Assert.Throws<DomainException>(() => invitation.Accept(org, "li", "li@example.cn", Now)).Message);
    }

    [Fact]
    public void A_consent_is_granted_by_a_client_owner_to_a_consultancy_and_revoked_by_one()
    {
        var client = Subject();
        client.Join("editor", MemberRole.Editor, Now);
        var consultancy = new Organisation("c-1", "代理所", OrganisationKind.Consultancy, "agent", Now);
        Assert.Throws<DomainException>(() => new ConsultancyConsent(client, consultancy, "editor", Now));
        Assert.Throws<DomainException>(() => new ConsultancyConsent(client, Subject("x"), "owner", Now));
        Assert.Throws<DomainException>(() => new ConsultancyConsent(consultancy, consultancy, "agent", Now));
        var consent = new ConsultancyConsent(client, consultancy, "owner", Now);
        Assert.True(consent.Active);
        Assert.Throws<DomainException>(() => consent.Revoke(client, "editor", Now));
        consent.Revoke(client, "owner", Now);
        Assert.False(consent.Active);
        Assert.Throws<DomainException>(() => consent.Revoke(client, "owner", Now));
    }

    [Fact]
    public void A_reviewer_without_provinces_reviews_everywhere_else_only_the_listed_ones()
    {
        Assert.True(ReviewerScope.MayReview([], "浙江省"));
        Assert.True(ReviewerScope.MayReview(["11", "33"], "浙江"));
        Assert.True(ReviewerScope.MayReview(["11"], "110108"));
        Assert.False(ReviewerScope.MayReview(["11"], "浙江省"));
        Assert.False(ReviewerScope.MayReview(["11"], "不存在的省"));
    }
}
