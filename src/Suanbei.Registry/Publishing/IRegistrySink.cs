namespace Suanbei.Registry.Publishing;

/// <summary>
/// How the filing slice feeds its own public entries into the registry (source "filed here"). Call
/// <see cref="PublishAsync"/> on publication and on every published change, <see cref="CancelAsync"/> on cancellation.
/// Both are idempotent (same call twice → same registry) and run in the caller's storage scope (the web app: the request's DbContext).
/// </summary>
public interface IRegistrySink
{
    Task PublishAsync(PublishedFiling filing, CancellationToken ct = default);
    /// <summary>A generative-AI service approved or changed; its number is a 备案 or 登记 number of the kind given.</summary>
    Task PublishAsync(PublishedGenerativeAiService service, CancellationToken ct = default);
    Task CancelAsync(string number, DateOnly cancelledOn, string? note = null, CancellationToken ct = default);
}
