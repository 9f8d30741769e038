using System.Text.Json;
using Suanbei.Core;
using Suanbei.Core.Subjects;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Subjects;

public sealed record SubjectResponse(
    Guid Id, string Status, string StatusName, bool IsApproved, string? Kind, SubjectDetails Details,
    string? ReturnReasons, DateOnly? ChangeEventDate, DateOnly? ChangeDueDate, bool ChangeDueDateEstimated, DateTimeOffset? SubmittedAt,
    IReadOnlyList<SubjectDecisionResponse> History)
{
    public static SubjectResponse From(Subject s) => new(
        s.Id, s.Status.ToString(), DisplayNames.Of(s.Status), s.IsApproved, s.CreditCode is null ? null : DisplayNames.Of(s.Kind),
        s.Details, s.ReturnReasons, s.ChangeEventDate, s.ChangeDueDate, s.ChangeDueDateEstimated, s.SubmittedAt,
        s.Decisions.OrderBy(d => d.At).Select(d => new SubjectDecisionResponse(d.Kind.ToString(), DisplayNames.Of(d.Kind), d.At, d.Reasons))
            .ToList());
}
