using Suanbei.Core;
using Suanbei.Core.GenerativeAi;

namespace Suanbei.Web.Features.GenAiFilings;

/// <summary>JSON shapes of /api/v1/genai-filings (the aggregate itself is never serialized).</summary>
public static class GenAiFilingDto
{
    public sealed record SummaryDto(Guid Id, Guid EntryId, int Revision, string Kind, string KindName, string? ModelName,
        string Status, string StatusName, string? Province, string? Number, string Clock);

    public static SummaryDto Summary(GenerativeAiFiling f, DateTimeOffset now) =>
        new(f.Id, f.EntryId, f.Revision, f.Kind.ToString(), DisplayNames.Of(f.Kind), f.ModelName, f.Status.ToString(),
            f.StatusDisplay, f.Province, f.Number, f.Clock(now, Core.Calendar.WorkingCalendar.Official).Display);

    public static object Full(GenerativeAiFiling f, DateTimeOffset now)
    {
        var calendar = Core.Calendar.WorkingCalendar.Official;
        var clock = f.Clock(now, calendar);
        return new
        {
            f.Id, f.EntryId, f.Revision, f.PreviousVersionId, Kind = f.Kind.ToString(), KindName = DisplayNames.Of(f.Kind),
            KindBasis = f.KindBasis is { } b ? new { b.Text, b.Source } : null,
            Status = f.Status.ToString(), StatusName = f.StatusDisplay, f.Form, f.Province, f.Entity, f.Number,
            Products = f.Products.Select(p => new { p.ProductId, p.ProductName, p.ProductForm }),
            Materials = GenerativeAiRules.Current.Materials.Select(m => new
            {
                m.Key, m.Name, MaterialId = f.MaterialOf(m.Key),
                Toolkit = f.ToolkitLinksOf(m.Key).Select(l => new { Source = l.Source.ToString(), l.Part, Id = l.MaterialId }),
            }),
            Missing = f.Status == GenerativeAiStatus.Draft ? f.MissingFields().Select(m => new { m.Field, m.Message }) : null,
            ReturnReasons = f.OpenReturnReasons.Select(r => new { r.Field, Label = GenerativeAiFormFields.Label(r.Field), r.Reason }),
            f.RefusalReason, Clock = clock.Display, clock.WorkingDaysUsed, clock.DueOn,
            FilerDeadline = f.FilerDeadline(calendar)?.Display, Remarks = f.RemarkLines, f.SubmittedAt, f.ApprovedAt,
        };
    }

    /// <summary>The toolkit links as read now, and the warnings the pre-submission check gives for them.</summary>
    public static object Toolkit(IReadOnlyList<GenAiLinkedMaterial> linked) =>
        new
        {
            Linked = linked.Select(l => new
            {
                l.Key, l.MaterialName, l.Part, Source = l.Source.ToString(), SourceName = DisplayNames.Of(l.Source), l.Title, l.Detail,
                l.Ok, l.Shortfalls, l.DownloadUrl,
            }),
            Warnings = GenAiToolkitMaterials.Warnings(linked),
        };

    public static object Audit(GenerativeAiAuditEntry a) =>
        new
        {
            a.Sequence, a.At, Actor = a.ActorName, ActorRole = DisplayNames.Of(a.ActorRole), Action = DisplayNames.Of(a.Action),
            From = DisplayNames.Of(a.From), To = DisplayNames.Of(a.To), a.Reason,
        };
}
