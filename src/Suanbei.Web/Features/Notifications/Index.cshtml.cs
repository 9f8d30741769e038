using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Notifications;

/// <summary>通知中心: the account's latest notifications, unread ones marked, with 标为已读 per entry and for all.</summary>
[Authorize]
public sealed class IndexModel(NotificationCenter center) : PageModel
{
    public List<Notification> Items { get; private set; } = [];
    public int Unread { get; private set; }

    public async Task OnGetAsync()
    {
        Items = await center.LatestAsync(User.UserId(), HttpContext.RequestAborted);
        Unread = Items.Count(n => n.ReadAt is null);
    }

    public async Task<IActionResult> OnPostReadAsync(Guid id)
    {
        if (!await center.MarkReadAsync(User.UserId(), id, HttpContext.RequestAborted)) return NotFound();
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostReadAllAsync()
    {
        await center.MarkReadAsync(User.UserId(), null, HttpContext.RequestAborted);
        TempData["Message"] = "已全部标为已读。";
        return RedirectToPage();
    }
}
