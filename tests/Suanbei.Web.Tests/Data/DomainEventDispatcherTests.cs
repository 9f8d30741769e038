using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Suanbei.Core;
using Suanbei.Web.Data;

namespace Suanbei.Web.Tests.Data;

/// <summary>Every handler of an event's type runs; one that fails is logged and does not stop the others.</summary>
public sealed class DomainEventDispatcherTests
{
    private sealed record Happened(string What) : IDomainEvent;
    private sealed record Other : IDomainEvent;

    private sealed class Recorder : IDomainEventHandler<Happened>
    {
        public List<string> Seen { get; } = [];
        public Task HandleAsync(Happened e, CancellationToken ct) { Seen.Add(e.What); return Task.CompletedTask; }
    }

    private sealed class Failing : IDomainEventHandler<Happened>
    {
        public Task HandleAsync(Happened e, CancellationToken ct) => throw new InvalidOperationException("listener down");
    }

    private sealed class Errors : ILogger<DomainEventDispatcher>
    {
        public List<Exception?> Logged { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel level) => true;
        public void Log<TState>(LogLevel level, EventId id, TState state, Exception? e, Func<TState, Exception?, string> format)
        {
            if (level == LogLevel.Error) Logged.Add(e);
        }
    }

    [Fact]
    public async Task A_failing_handler_is_logged_and_the_next_handler_still_runs()
    {
        var recorder = new Recorder();
        var services = new ServiceCollection()
            .AddSingleton<IDomainEventHandler<Happened>, Failing>()
            .AddSingleton<IDomainEventHandler<Happened>>(recorder)
            .BuildServiceProvider();
        var errors = new Errors();
        var dispatcher = new DomainEventDispatcher(services, errors);

        await dispatcher.DispatchAsync([new Happened("published"), new Other(), new Happened("cancelled")], CancellationToken.None);

        Assert.Equal(["published", "cancelled"], recorder.Seen);
        Assert.Equal(2, errors.Logged.Count);
        Assert.All(errors.Logged, e => Assert.Equal("listener down", e?.Message));
    }
}
