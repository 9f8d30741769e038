using Suanbei.Core;
using Suanbei.Core.Organisations;
using Suanbei.Web.Features.Notifications;

namespace Suanbei.Web.Features.Organisations;

/// <summary>
/// Sends an invitation's link by e-mail through the notification outbox (<see cref="Notifier.EmailAsync"/>). While
/// e-mail is off nothing is sent; the members page shows the link for the owner to pass on either way, once, so an owner
/// never depends on the mail arriving.
/// </summary>
public sealed class InvitationMail(Notifier notifier, NotificationSettings settings)
{
    public const string EventKey = "organisation.invitation";

    /// <summary>True when the mail was handed to a sender.</summary>
    public async Task<bool> SendAsync(Invitation invitation, string organisationName, string link, CancellationToken ct)
    {
        if (settings.Smtp is null) return false;
        // One invitation, one mail: the outbox sends an event key to an address once.
        await notifier.EmailAsync($"{EventKey}:{invitation.Id:N}", invitation.Email, Title(organisationName),
            Body(organisationName, DisplayNames.Of(invitation.Role), invitation.ExpiresAt), link, ct);
        return true;
    }

    public static string Title(string organisationName) => $"邀请您加入「{organisationName}」— 算备 Suanbei";

    public static string Body(string organisationName, string role, DateTimeOffset expiresAt) =>
        $"您被邀请以「{role}」身份加入「{organisationName}」。请在 {Core.Filings.ChinaTime.Display(expiresAt)} 前打开链接接受邀请。";
}
