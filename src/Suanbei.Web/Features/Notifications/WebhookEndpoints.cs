using Suanbei.Core;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Notifications;

/// <summary>
/// /api/v1/webhooks: the webhooks of the organisation the token's request acts for (the organisation header), their
/// change record and delivery log. Reading is open to every member; changes need an owner (管理成员), like the page.
/// </summary>
public static class WebhookEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/webhooks").WithTags("Webhook").RequireAuthorization(Policies.Filer);
        g.MapGet("/", async (HttpContext http, OrganisationWebhooks h) =>
                (await h.ListAsync(http.User.OrganisationId(), http.RequestAborted)).Select(w => WebhookResponse.From(w)).ToList())
            .WithSummary("本机构的 Webhook");
        g.MapGet("/{id:guid}", async (Guid id, HttpContext http, OrganisationWebhooks h) =>
                await h.GetAsync(http.User.OrganisationId(), id, http.RequestAborted) is { } w
                    ? Results.Ok(WebhookResponse.From(w)) : Results.NotFound())
            .Produces<WebhookResponse>();
        g.MapPost("/", async (WebhookRequest body, HttpContext http, OrganisationWebhooks h) =>
                Answer(await h.AddAsync(WebhookActor.Of(http.User), body.Url, http.RequestAborted),
                    r => Results.Created($"/api/v1/webhooks/{r.Endpoint!.Id}", WebhookResponse.From(r.Endpoint, r.Secret))))
            .WithSummary("添加 Webhook（答复中的 secret 只出现这一次）").Produces<WebhookResponse>(201).ProducesValidationProblem();
        g.MapPut("/{id:guid}", async (Guid id, WebhookRequest body, HttpContext http, OrganisationWebhooks h) =>
                Answer(await h.ChangeAddressAsync(WebhookActor.Of(http.User), id, body.Url, http.RequestAborted)))
            .WithSummary("修改接收地址").Produces<WebhookResponse>().ProducesValidationProblem();
        g.MapPost("/{id:guid}/rotate-secret", async (Guid id, HttpContext http, OrganisationWebhooks h) =>
                Answer(await h.RotateSecretAsync(WebhookActor.Of(http.User), id, http.RequestAborted)))
            .WithSummary("更换签名密钥（旧密钥即刻失效；新 secret 只出现这一次）").Produces<WebhookResponse>();
        g.MapPost("/{id:guid}/disable", async (Guid id, HttpContext http, OrganisationWebhooks h) =>
                Answer(await h.SetEnabledAsync(WebhookActor.Of(http.User), id, false, http.RequestAborted)))
            .WithSummary("停用").Produces<WebhookResponse>();
        g.MapPost("/{id:guid}/enable", async (Guid id, HttpContext http, OrganisationWebhooks h) =>
                Answer(await h.SetEnabledAsync(WebhookActor.Of(http.User), id, true, http.RequestAborted)))
            .WithSummary("启用").Produces<WebhookResponse>();
        g.MapPost("/{id:guid}/test", async (Guid id, HttpContext http, OrganisationWebhooks h) =>
                Answer(await h.SendTestAsync(WebhookActor.Of(http.User), id, http.RequestAborted), _ => Results.Accepted()))
            .WithSummary("发送测试调用（type 为 webhook-test）").Produces(202);
        g.MapDelete("/{id:guid}", async (Guid id, HttpContext http, OrganisationWebhooks h) =>
                Answer(await h.DeleteAsync(WebhookActor.Of(http.User), id, http.RequestAborted), _ => Results.NoContent()))
            .WithSummary("删除");
        g.MapGet("/changes", async (HttpContext http, OrganisationWebhooks h) =>
                (await h.ChangesAsync(http.User.OrganisationId(), http.RequestAborted)).Select(c => new
                {
                    c.At, c.EndpointId, c.Url, action = c.Action.ToString(), actionName = DisplayNames.Of(c.Action), c.ActorUserId,
                    c.ActorName, c.Detail,
                }).ToList())
            .WithSummary("变更记录（最新的在前）");
        g.MapGet("/deliveries", async (HttpContext http, OrganisationWebhooks h) =>
                (await h.DeliveriesAsync(http.User.OrganisationId(), http.RequestAborted)).Select(d => new
                {
                    d.Message.Id, d.Message.EventKey, webhookId = d.Message.Target, status = d.Message.Status.ToString(),
                    d.Message.CreatedAt, d.Message.DeliveredAt,
                    attempts = d.Attempts.Select(a => new { a.Number, a.At, a.Succeeded, a.StatusCode, a.Error }),
                }).ToList())
            .WithSummary("本机构 Webhook 的发送记录（最新的在前）");
    }

    private static IResult Answer(WebhookResult r, Func<WebhookResult, IResult>? done = null) => r.Outcome switch
    {
        WebhookOutcome.NotFound => Results.NotFound(),
        WebhookOutcome.Forbidden => Results.Problem(statusCode: 403, title: "只有管理成员可以管理本机构的 Webhook。"),
        WebhookOutcome.Invalid => Results.ValidationProblem(new Dictionary<string, string[]> { ["url"] = [r.Error!] },
            title: r.Error),
        _ => done?.Invoke(r) ?? Results.Ok(WebhookResponse.From(r.Endpoint!, r.Secret)),
    };
}
