using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Suanbei.Core;
using Suanbei.Core.Organisations;
using Suanbei.Web.Hosting;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Organisations;

/// <summary>
/// /organisations/{id}/members: members and their roles, invitations (sent, withdrawn), leaving, and consents — a subject's owners grant
/// and revoke a consultancy's mandate; a consultancy sees its clients. Non-members get "not found".
/// </summary>
[Authorize(Policy = Policies.Filer)]
public sealed class MembersModel(OrganisationService organisations, InvitationMail mail, SuanbeiHostOptions host) : PageModel
{
    public Organisation Organisation { get; private set; } = null!;
    public MemberRole MyRole { get; private set; }
    public Dictionary<string, string> Emails { get; private set; } = [];
    public List<Invitation> Pending { get; private set; } = [];
    public List<Invitation> Withdrawn { get; private set; } = [];
    public List<(ConsultancyConsent Consent, string OtherName)> Consents { get; private set; } = [];
    public string? InvitationLink { get; private set; }
    public bool InvitationMailed { get; private set; }
    public bool MayManage => MemberRoles.MayManage(MyRole);

    [BindProperty] public InviteInput Invite { get; set; } = new();
    [BindProperty] public string? ConsultancyId { get; set; }

    public sealed class InviteInput
    {
        [Required(ErrorMessage = "「邮箱」不能为空"), EmailAddress(ErrorMessage = "「邮箱」格式不正确"), StringLength(256)]
        public string Email { get; set; } = "";
        public MemberRole Role { get; set; } = MemberRole.Editor;
    }

    public async Task<IActionResult> OnGetAsync(string id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostInviteAsync(string id)
    {
        if (!await LoadAsync(id, keepValidation: true)) return NotFound();
        if (!Enum.IsDefined(Invite.Role)) ModelState.AddModelError("Invite.Role", "请选择角色");
        if (!ModelState.IsValid) return Page();
        return await Act(async () =>
        {
            var (invitation, token) = await organisations.InviteAsync(Organisation, User.UserId(), Invite.Email, Invite.Role,
                HttpContext.RequestAborted);
            InvitationLink = host.PublicUrl(Request, "/organisations/invitations/" + token);
            InvitationMailed = await mail.SendAsync(invitation, Organisation.Name, InvitationLink, HttpContext.RequestAborted);
            Pending = await organisations.PendingInvitationsAsync(Organisation.Id, HttpContext.RequestAborted);
            return Page();
        });
    }

    public async Task<IActionResult> OnPostWithdrawAsync(string id, Guid invitationId)
    {
        if (!await LoadAsync(id)) return NotFound();
        return await Act(async () =>
        {
            var email = Pending.FirstOrDefault(i => i.Id == invitationId)?.Email;
            if (!await organisations.WithdrawInvitationAsync(Organisation, User.UserId(), invitationId, HttpContext.RequestAborted))
                return NotFound();
            return Done($"已撤回发给 {email} 的邀请：邀请链接已失效。");
        });
    }

    public async Task<IActionResult> OnPostRoleAsync(string id, string userId, MemberRole role)
    {
        if (!await LoadAsync(id)) return NotFound();
        return await Act(async () =>
        {
            await organisations.ChangeRoleAsync(Organisation, User.UserId(), userId, role, HttpContext.RequestAborted);
            return Done($"已将 {Emails.GetValueOrDefault(userId)} 的角色改为「{DisplayNames.Of(role)}」。");
        });
    }

    public async Task<IActionResult> OnPostRemoveAsync(string id, string userId)
    {
        if (!await LoadAsync(id)) return NotFound();
        return await Act(async () =>
        {
            await organisations.RemoveAsync(Organisation, User.UserId(), userId, HttpContext.RequestAborted);
            return Done($"已移除成员 {Emails.GetValueOrDefault(userId)}。");
        });
    }

    public async Task<IActionResult> OnPostLeaveAsync(string id)
    {
        if (!await LoadAsync(id)) return NotFound();
        return await Act(async () =>
        {
            await organisations.LeaveAsync(Organisation, User.UserId(), HttpContext.RequestAborted);
            TempData["Message"] = $"您已退出「{Organisation.Name}」。";
            return RedirectToPage("/Organisations/Index");
        });
    }

    public async Task<IActionResult> OnPostGrantAsync(string id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (string.IsNullOrWhiteSpace(ConsultancyId))
        {
            ModelState.AddModelError(nameof(ConsultancyId), "「代理机构编号」不能为空");
            return Page();
        }
        return await Act(async () =>
        {
            await organisations.GrantConsentAsync(Organisation, User.UserId(), ConsultancyId, HttpContext.RequestAborted);
            return Done("已委托代理机构：其成员现在可以代表本机构操作，撤销后立即失效。");
        }, nameof(ConsultancyId));
    }

    public async Task<IActionResult> OnPostRevokeAsync(string id, Guid consentId)
    {
        if (!await LoadAsync(id)) return NotFound();
        return await Act(async () =>
        {
            await organisations.RevokeConsentAsync(Organisation, User.UserId(), consentId, HttpContext.RequestAborted);
            return Done("已撤销委托：该代理机构的成员不能再查看或操作本机构的资料。");
        });
    }

    private IActionResult Done(string message)
    {
        TempData["Message"] = message;
        return RedirectToPage("/Organisations/Members", new { id = Organisation.Id });
    }

    /// <summary>Runs a use case; a refused one (<see cref="DomainException"/>) shows its Chinese reason on the page.</summary>
    private async Task<IActionResult> Act(Func<Task<IActionResult>> action, string field = "")
    {
        try { return await action(); }
        catch (DomainException e)
        {
            ModelState.AddModelError(field, e.Message);
            return Page();
        }
    }

    /// <summary>Loads the organisation for a member. Only the invite form's handler keeps the bound form's validation.</summary>
    private async Task<bool> LoadAsync(string id, bool keepValidation = false)
    {
        if (!keepValidation) ModelState.Clear();
        if (await organisations.OfMemberAsync(id, User.UserId(), HttpContext.RequestAborted) is not { } org) return false;
        Organisation = org;
        MyRole = org.MemberOf(User.UserId())!.Role;
        Emails = await organisations.EmailsAsync(org.Members.Select(m => m.UserId), HttpContext.RequestAborted);
        if (MayManage)
        {
            Pending = await organisations.PendingInvitationsAsync(org.Id, HttpContext.RequestAborted);
            Withdrawn = await organisations.WithdrawnInvitationsAsync(org.Id, ct: HttpContext.RequestAborted);
            var withdrawers = await organisations.EmailsAsync(Withdrawn.Select(i => i.WithdrawnBy!), HttpContext.RequestAborted);
            foreach (var (userId, email) in withdrawers) Emails.TryAdd(userId, email);
        }
        Consents = await organisations.ConsentsAsync(org, HttpContext.RequestAborted);
        return true;
    }
}
