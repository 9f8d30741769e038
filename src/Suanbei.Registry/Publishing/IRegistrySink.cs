namespace Suanbei.Registry.Publishing;

/// <summary>
/// How the filing slice feeds its own public entries into the registry (source "filed here"). Call
/// <see cref="PublishAsync"/> on publication and on every published change, <see cref="CancelAsync"/> on cancellation.
/// Both are idempotent (same call twice → same registry) and run in the caller's storage scope (the web app: the request's DbContext).
/// </summary>
public interface IRegistrySink
{
    Task PublishAsync(PublishedFiling filing, CancellationToken ct = default);
    Task CancelAsync(string number, DateOnly cancelledOn, string? note = null, CancellationToken ct = default);
}
