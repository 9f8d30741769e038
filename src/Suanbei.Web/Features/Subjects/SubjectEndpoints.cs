using System.Text.Json;
using Suanbei.Core.Subjects;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Subjects;

/// <summary>/api/v1/subject (the filer's own) and /api/v1/review/subjects (reviewers).</summary>
public static class SubjectEndpoints
{
    /// <summary>Field errors keyed like the JSON body (camelCase), as RFC 7807 validation problems.</summary>
    public static IResult Problem(Dictionary<string, string> errors) =>
        Results.ValidationProblem(errors.ToDictionary(e => JsonNamingPolicy.CamelCase.ConvertName(e.Key), e => new[] { e.Value }),
            title: "提交的数据有误");

    public static void Map(RouteGroupBuilder api)
    {
        var mine = api.MapGroup("/subject").WithTags("主体备案").RequireAuthorization(Policies.Filer);
        mine.MapGet("/", async (HttpContext http, SubjectService h) =>
                await h.MineAsync(http.User.OrganisationId()) is { } s ? Results.Ok(SubjectResponse.From(s)) : Results.NotFound())
            .WithSummary("本机构的主体备案").Produces<SubjectResponse>();
        mine.MapPut("/", async (HttpContext http, SubjectDetails details, SubjectService h) =>
            {
                var r = await h.SaveAsync(http.User.OrganisationId(), details);
                return r.Ok ? Results.Ok(SubjectResponse.From(r.Subject!)) : Problem(r.Errors);
            })
            .WithSummary("保存主体备案草稿（材料字段填写本机构上传的材料 id）").Produces<SubjectResponse>().ProducesValidationProblem();
        mine.MapPost("/submit", async (HttpContext http, SubjectService h) =>
            {
                var r = await h.SubmitAsync(http.User.OrganisationId(), http.User.UserId());
                return r.Ok ? Results.Ok(SubjectResponse.From(r.Subject!)) : Problem(r.Errors);
            })
            .WithSummary("提交审核（须信息完整）").Produces<SubjectResponse>().ProducesValidationProblem().ProducesProblem(409);
        mine.MapPost("/change", async (HttpContext http, ChangeRequest body, SubjectService h) =>
            {
                if (body.EventDate is null) return Problem(new() { ["EventDate"] = "请填写变更事项发生日期" });
                return Results.Ok(SubjectResponse.From(
                    await h.StartChangeAsync(http.User.OrganisationId(), body.EventDate.Value, http.User.UserId())));
            })
            .WithSummary("发起主体变更（10个工作日内完成）").Produces<SubjectResponse>().ProducesProblem(409);

        var review = api.MapGroup("/review/subjects").WithTags("主体审核").RequireAuthorization(Policies.Reviewer);
        review.MapGet("/", async (SubjectService h) => Results.Ok((await h.ReviewListAsync()).Select(SubjectResponse.From)))
            .WithSummary("已提交的主体备案（待审核在前）").Produces<List<SubjectResponse>>();
        review.MapGet("/{id:guid}", async (Guid id, SubjectService h) =>
                await h.ForReviewAsync(id) is { } s ? Results.Ok(SubjectResponse.From(s)) : Results.NotFound())
            .Produces<SubjectResponse>();
        review.MapPost("/{id:guid}/approve", async (Guid id, HttpContext http, SubjectService h) =>
            {
                try { return Results.Ok(SubjectResponse.From(await h.ApproveAsync(http.User.UserId(), id))); }
                catch (KeyNotFoundException) { return Results.NotFound(); }
            })
            .RequireAuthorization(Policies.ReviewAction)
            .WithSummary("审核通过（仅审核员；管理员不参与审核）").Produces<SubjectResponse>().ProducesProblem(409);
        review.MapPost("/{id:guid}/return", async (Guid id, ReturnRequest body, HttpContext http, SubjectService h) =>
            {
                if (string.IsNullOrWhiteSpace(body.Reasons)) return Problem(new() { ["Reasons"] = "退回补正必须填写理由" });
                try { return Results.Ok(SubjectResponse.From(await h.ReturnAsync(http.User.UserId(), id, body.Reasons))); }
                catch (KeyNotFoundException) { return Results.NotFound(); }
            })
            .RequireAuthorization(Policies.ReviewAction)
            .WithSummary("退回补正（须填写理由；仅审核员）").Produces<SubjectResponse>().ProducesValidationProblem().ProducesProblem(409);
    }
}
