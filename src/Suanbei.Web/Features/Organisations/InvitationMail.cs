namespace Suanbei.Web.Features.Organisations;

/// <summary>
/// Sends an invitation's link by e-mail. The one place that will call the notification centre's
/// <c>Notifier.EmailAsync</c> once it exists in this build; until then nothing is sent and the members page shows the
/// link for the owner to pass on (it is shown either way, once, so an owner never depends on the mail arriving).
/// </summary>
public sealed class InvitationMail
{
    public const string EventKey = "organisation.invitation";

    /// <summary>True when the mail was handed to a sender.</summary>
    public Task<bool> SendAsync(string address, string organisationName, string link, CancellationToken ct) =>
        Task.FromResult(false);

    public static string Title(string organisationName) => $"邀请您加入「{organisationName}」— 算备 Suanbei";

    public static string Body(string organisationName, string role, DateTimeOffset expiresAt) =>
        $"您被邀请以「{role}」身份加入「{organisationName}」。请在 {Core.Filings.ChinaTime.Display(expiresAt)} 前打开链接接受邀请。";
}
