using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Suanbei.Core;

namespace Suanbei.Web.Data;

/// <summary>
/// Hands domain events to every registered <see cref="IDomainEventHandler{TEvent}"/> of their type, one after another.
/// <see cref="SuanbeiDbContext"/> calls it after a successful save. A handler's failure is logged and the others still
/// run: the saved decision stands, and a listener such as the registry is repaired by the entry's next event.
/// </summary>
public sealed class DomainEventDispatcher(IServiceProvider services, ILogger<DomainEventDispatcher> log)
{
    private static readonly MethodInfo DispatchOne =
        typeof(DomainEventDispatcher).GetMethod(nameof(DispatchAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;
    private static readonly ConcurrentDictionary<Type, MethodInfo> ByType = new();

    public async Task DispatchAsync(IEnumerable<IDomainEvent> events, CancellationToken ct)
    {
        foreach (var e in events)
        {
            var method = ByType.GetOrAdd(e.GetType(), t => DispatchOne.MakeGenericMethod(t));
            await (Task)method.Invoke(this, [e, ct])!;
        }
    }

    private async Task DispatchAsync<TEvent>(TEvent e, CancellationToken ct) where TEvent : IDomainEvent
    {
        foreach (var handler in services.GetServices<IDomainEventHandler<TEvent>>())
        {
            try { await handler.HandleAsync(e, ct); }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "{Handler} failed on {Event}; the saved change stands", handler.GetType().Name, e);
            }
        }
    }
}
