using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Suanbei.Core;
using Suanbei.Core.Organisations;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Organisations;

/// <summary>/organisations: what the account may act for (switch), and creating a subject's workspace or a consultancy.</summary>
[Authorize(Policy = Policies.Filer)]
public sealed class IndexModel(OrganisationService organisations, OrganisationClaimsTransformation acting) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public List<OrganisationService.Choice> Choices { get; private set; } = [];
    public string? CurrentId { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "「机构名称」不能为空"), StringLength(Organisation.NameMax, ErrorMessage = "「机构名称」不能超过{1}个字符")]
        public string Name { get; set; } = "";
        public OrganisationKind Kind { get; set; } = OrganisationKind.Subject;
    }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Enum.IsDefined(Input.Kind)) ModelState.AddModelError("Input.Kind", "请选择机构类型");
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        var org = await organisations.CreateAsync(User.UserId(), Input.Name, Input.Kind, HttpContext.RequestAborted);
        Select(org.Id);
        TempData["Message"] = $"已创建{DisplayNames.Of(org.Kind)}「{org.Name}」，现在代表该机构操作。";
        return RedirectToPage("/Organisations/Members", new { id = org.Id });
    }

    /// <summary>Switches the organisation pages act for (a cookie read by the claims transformation on each request).</summary>
    public async Task<IActionResult> OnPostSwitchAsync(string? id, string? returnUrl)
    {
        var (choices, _) = await acting.ResolveAsync(User.UserId(), User.Identity?.Name);
        if (choices.FirstOrDefault(c => c.Id == id) is not { } choice) return NotFound();
        Select(choice.Id);
        TempData["Message"] = $"现在代表「{choice.Organisation.Name}」操作。";
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/organisations");
    }

    private void Select(string id) => Response.Cookies.Append(OrganisationClaimsTransformation.CookieName, id, new CookieOptions
    {
        HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = Request.IsHttps, IsEssential = true, MaxAge = TimeSpan.FromDays(365),
    });

    private async Task LoadAsync()
    {
        var (choices, current) = await acting.ResolveAsync(User.UserId(), User.Identity?.Name);
        Choices = choices;
        CurrentId = current?.Id;
    }
}
