using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Suanbei.Core;
using Suanbei.Core.Filings;
using Suanbei.Core.Filings.Events;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Materials;
using Suanbei.Web.Hosting;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Filings;

/// <summary>JSON shapes of the API (the aggregate itself is never serialized).</summary>
public static class FilingDto
{
    public sealed record SummaryDto(Guid Id, Guid EntryId, int Revision, string Kind, string? Name, string Status, string StatusName,
        string? FilingNumber, string Clock, int? WorkingDaysUsed, int WorkingDaysLimit, bool Overdue, string? SubjectName);

    public static SummaryDto Summary(AlgorithmFiling f, FilingService s)
    {
        var clock = f.Clock(s.Now, s.Calendar);
        return new(f.Id, f.EntryId, f.Revision, f.Kind.ToString(), f.Name, f.Status.ToString(), DisplayNames.Of(f.Status),
            f.FilingNumber, clock.Display, clock.WorkingDaysUsed, clock.LimitWorkingDays, clock.IsOverdue, null);
    }

    public sealed record AuditDto(int Sequence, DateTimeOffset At, string Actor, string ActorRole, string Action, string From, string To,
        string? Reason);

    public static AuditDto Audit(FilingAuditEntry a) =>
        new(a.Sequence, a.At, a.ActorName, DisplayNames.Of(a.ActorRole), DisplayNames.Of(a.Action),
            DisplayNames.Of(a.From), DisplayNames.Of(a.To), a.Reason);

    public static object Full(AlgorithmFiling f, FilingService s)
    {
        var clock = f.Clock(s.Now, s.Calendar);
        var deadline = f.FilerDeadline(s.Calendar);
        return new
        {
            f.Id, f.EntryId, f.Revision, Kind = f.Kind.ToString(), f.PreviousVersionId, Status = f.Status.ToString(),
            StatusName = DisplayNames.Of(f.Status), f.IsReturned, f.FilingNumber, f.PublishedAt, f.PublicityEndsOn, f.FiledAt,
            f.Name, Type = f.Type?.ToString(), TypeName = f.Type is { } t ? DisplayNames.Of(t) : null, f.Domain, f.LaunchDate,
            Role = f.Role?.ToString(), RoleName = f.Role is { } r ? DisplayNames.Of(r) : null, f.MainPurpose,
            f.SelfAssessmentReportId, f.DisclosureDocumentId, f.Summary, f.Scenarios,
            InputModalities = f.InputModalities.ToString(), OutputModalities = f.OutputModalities.ToString(),
            f.DataSources, f.UsesBiometricData, f.UsesIdentityData, f.ModelAndTrainingData, f.Strategy, f.RisksAndSafeguards,
            f.ModerationFlow, f.LogRetentionMonths, f.ComplaintChannels, f.RegulatorCooperation, f.DisclosurePrinciple,
            f.DisclosureMechanism, f.DisclosureScenarios, f.DisclosurePurpose,
            Labeling = f.Labeling.Select(l => new
            {
                Modality = l.Modality.ToString(), l.ExplicitMethod, l.ImplicitMethod,
                l.ExampleMaterialId
            }),
            LinkedProducts = f.LinkedProducts.Select(p =>
                new { p.ProductId, p.ProductName, p.ProductForm, FunctionIds = p.FunctionIdList }),
            ServiceMode = f.ServiceMode?.ToString(), f.ServiceModeDescription,
            Clock = new
            {
                clock.StartedOn, clock.WorkingDaysUsed, clock.LimitWorkingDays, clock.DueOn, DueEstimated = clock.DueEstimated,
                clock.IsOverdue, clock.Display
            },
            Deadline = deadline is null ? null : new
            {
                Kind = deadline.Kind.ToString(), deadline.EventDate, deadline.WorkingDays, deadline.DueOn, deadline.Estimated,
                Overdue = deadline.IsOverdue(ChinaTime.Date(s.Now)), deadline.Display,
            },
            f.ChangeEventDate, f.ChangeDescription, f.OpenChangeId, f.CancelEventDate, f.CancelReason, f.RefusalReason,
            Remarks = f.RemarkLines,
            MissingFields = (f.Status == FilingStatus.Draft ? f.MissingFields() : [])
                .Select(m => new { Field = FilingsModule.ApiKey(m.Field), m.Message }),
            ReturnReasons = f.ReturnReasons.OrderBy(x => x.Round).ThenBy(x => FilingFields.Order(x.Field))
                .Select(x => new { x.Round, Field = FilingsModule.ApiKey(x.Field), FieldName = FilingFields.Label(x.Field), x.Reason }),
            AuditTrail = f.AuditTrail.OrderBy(a => a.Sequence).Select(Audit),
            PublicUrl = f.FilingNumber is null ? null : PublicPaths.Entry(f.FilingNumber),
        };
    }
}
