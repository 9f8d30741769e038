using Suanbei.Core;

namespace Suanbei.Web.Data;

/// <summary>
/// Listens to one kind of domain event. Register it scoped in DI (a feature's module); it runs after the commit, in
/// the request's scope, so it may use the same <see cref="SuanbeiDbContext"/>. A failure is logged and does not undo
/// the decision that raised the event.
/// </summary>
public interface IDomainEventHandler<in TEvent> where TEvent : IDomainEvent
{
    Task HandleAsync(TEvent domainEvent, CancellationToken ct);
}
