using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Notifications;

/// <summary>The account's webhooks: register an address (its signing secret is shown once), list, delete.</summary>
[Authorize]
public sealed class WebhooksModel(NotificationCenter center) : PageModel
{
    public List<WebhookEndpoint> Endpoints { get; private set; } = [];
    /// <summary>The secret of the endpoint just registered, shown on this one page view only.</summary>
    public string? NewSecret { get; private set; }

    [BindProperty] public string? Address { get; set; }
    public string? AddressError => ModelState[nameof(Address)]?.Errors.FirstOrDefault()?.ErrorMessage;

    public async Task OnGetAsync()
    {
        Endpoints = await center.WebhooksAsync(User.UserId(), HttpContext.RequestAborted);
        NewSecret = TempData["WebhookSecret"] as string;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (added, error) = await center.AddWebhookAsync(User.UserId(), Address, HttpContext.RequestAborted);
        if (added is null)
        {
            ModelState.AddModelError(nameof(Address), error!);
            Endpoints = await center.WebhooksAsync(User.UserId(), HttpContext.RequestAborted);
            return Page();
        }
        TempData["WebhookSecret"] = added.Secret;
        TempData["Message"] = "Webhook 已添加。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id)
    {
        if (!await center.RemoveWebhookAsync(User.UserId(), id, HttpContext.RequestAborted)) return NotFound();
        TempData["Message"] = "Webhook 已删除。";
        return RedirectToPage();
    }
}
