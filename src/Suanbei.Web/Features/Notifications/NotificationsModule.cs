using Suanbei.Core.Filings.Events;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Operations;
using Suanbei.Web.Hosting;

namespace Suanbei.Web.Features.Notifications;

/// <summary>
/// Notifications: the <see cref="Notifier"/> other features call, the filing listeners, the outbox sender (a hosted
/// service on every node; leases keep two nodes from sending the same message), the pages under /notifications and the
/// organisation's webhooks under /api/v1/webhooks.
/// </summary>
public sealed class NotificationsModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, SuanbeiHostOptions options)
    {
        // Read when the sender starts (with the host), so a bad value stops the start with a message naming its key.
        services.AddSingleton(sp => NotificationSettings.From(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<Notifier>();
        services.AddScoped<NotificationCenter>();
        services.AddScoped<OrganisationWebhooks>();
        services.AddSingleton<UnreadCounts>();
        services.AddSingleton(sp => PostgresChannel.Of(UnreadCounts.Channel, sp.GetRequiredService<UnreadCounts>()));
        services.AddScoped<EmailSender>();
        services.AddScoped<WebhookSender>();
        services.AddSingleton<WebhookSecrets>();
        services.AddScoped<DeadlineReminders>();
        // Receivers are user-chosen addresses: connections go only where the guard allows (checked after DNS).
        services.AddHttpClient(WebhookSender.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30))
            .ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<OutboundAddressGuard>().CreateHandler());
        services.AddHostedService<OutboxSender>();
        services.AddScoped<FilingNotifications>();
        services.AddScoped<IDomainEventHandler<FilingReturned>>(sp => sp.GetRequiredService<FilingNotifications>());
        services.AddScoped<IDomainEventHandler<FilingRefused>>(sp => sp.GetRequiredService<FilingNotifications>());
        services.AddScoped<IDomainEventHandler<FilingPublished>>(sp => sp.GetRequiredService<FilingNotifications>());
        services.AddScoped<IDomainEventHandler<FilingChangePublished>>(sp => sp.GetRequiredService<FilingNotifications>());
    }

    public void MapApi(RouteGroupBuilder api) => WebhookEndpoints.Map(api);

    /// <summary>
    /// Encrypts webhook secrets that older versions stored in clear. A step in code, not in a migration: the SQL
    /// migrations cannot reach the Data Protection key ring.
    /// </summary>
    public void Initialize(IServiceProvider services, SuanbeiHostOptions options) =>
        services.GetRequiredService<WebhookSecrets>().ProtectStoredAsync(services.GetRequiredService<SuanbeiDbContext>())
            .GetAwaiter().GetResult();
}
