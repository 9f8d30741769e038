namespace Suanbei.Web.Features.Notifications;

/// <summary>
/// One entry of an account's in-app notification centre. (<see cref="AccountId"/>, <see cref="EventKey"/>) is unique:
/// an event reaches an account's centre once, however often it is reported.
/// </summary>
public sealed class Notification
{
    private Notification() { } // EF

    public Notification(string accountId, string eventKey, string title, string body, string? link, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        AccountId = accountId;
        EventKey = eventKey;
        Title = title;
        Body = body;
        Link = link;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public string AccountId { get; private set; } = "";
    public string EventKey { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Body { get; private set; } = "";
    /// <summary>A path inside the site (<c>/filings/…</c>) or null.</summary>
    public string? Link { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;
}
