using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Notifications;

/// <summary>
/// The webhooks of the organisation the member acts for: everyone sees them and their change record; owners add one
/// (its signing secret is shown once), change its address, replace its secret, pause it, send a test call, delete it.
/// </summary>
[Authorize]
public sealed class WebhooksModel(OrganisationWebhooks webhooks) : PageModel
{
    private const string SecretKey = "WebhookSecret";

    public List<WebhookEndpoint> Endpoints { get; private set; } = [];
    public List<WebhookChange> Changes { get; private set; } = [];
    public WebhookActor Actor { get; private set; } = null!;
    /// <summary>The organisation's name (null for an account acting for none).</summary>
    public string? OrganisationName { get; private set; }
    /// <summary>The secret of the endpoint just added or re-keyed, shown on this one page view only.</summary>
    public string? NewSecret { get; private set; }

    [BindProperty] public string? Address { get; set; }
    public string? AddressError => ModelState[nameof(Address)]?.Errors.FirstOrDefault()?.ErrorMessage;
    /// <summary>The endpoint whose address change was refused (its form stays open with the input and the reason).</summary>
    public Guid? EditId { get; private set; }
    public string? EditAddress { get; private set; }
    public string? EditError { get; private set; }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        NewSecret = TempData[SecretKey] as string;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await webhooks.AddAsync(WebhookActor.Of(User), Address, HttpContext.RequestAborted);
        if (result.Outcome == WebhookOutcome.Invalid)
        {
            ModelState.AddModelError(nameof(Address), result.Error!);
            await LoadAsync();
            return Page();
        }
        return Done(result, "Webhook 已添加。");
    }

    public async Task<IActionResult> OnPostAddressAsync(Guid id, string? newAddress)
    {
        var result = await webhooks.ChangeAddressAsync(WebhookActor.Of(User), id, newAddress, HttpContext.RequestAborted);
        if (result.Outcome == WebhookOutcome.Invalid)
        {
            (EditId, EditAddress, EditError) = (id, newAddress, result.Error);
            await LoadAsync();
            return Page();
        }
        return Done(result, "接收地址已修改。");
    }

    public async Task<IActionResult> OnPostRotateAsync(Guid id) =>
        Done(await webhooks.RotateSecretAsync(WebhookActor.Of(User), id, HttpContext.RequestAborted),
            "已更换签名密钥：旧密钥即刻失效，请把新密钥保存到接收方。");

    public async Task<IActionResult> OnPostDisableAsync(Guid id) =>
        Done(await webhooks.SetEnabledAsync(WebhookActor.Of(User), id, false, HttpContext.RequestAborted), "Webhook 已停用。");

    public async Task<IActionResult> OnPostEnableAsync(Guid id) =>
        Done(await webhooks.SetEnabledAsync(WebhookActor.Of(User), id, true, HttpContext.RequestAborted), "Webhook 已启用。");

    public async Task<IActionResult> OnPostTestAsync(Guid id) =>
        Done(await webhooks.SendTestAsync(WebhookActor.Of(User), id, HttpContext.RequestAborted), "测试调用已排队，结果见发送记录。");

    public async Task<IActionResult> OnPostDeleteAsync(Guid id) =>
        Done(await webhooks.DeleteAsync(WebhookActor.Of(User), id, HttpContext.RequestAborted), "Webhook 已删除。");

    private IActionResult Done(WebhookResult result, string message)
    {
        switch (result.Outcome)
        {
            case WebhookOutcome.NotFound: return NotFound();
            case WebhookOutcome.Forbidden: return StatusCode(StatusCodes.Status403Forbidden);
        }
        if (result.Secret is not null) TempData[SecretKey] = result.Secret;
        TempData["Message"] = message;
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        Actor = WebhookActor.Of(User);
        OrganisationName = Actor.Role is null ? null
            : await webhooks.OrganisationNameAsync(Actor.OrganisationId, HttpContext.RequestAborted);
        Endpoints = await webhooks.ListAsync(Actor.OrganisationId, HttpContext.RequestAborted);
        Changes = await webhooks.ChangesAsync(Actor.OrganisationId, HttpContext.RequestAborted);
    }
}
