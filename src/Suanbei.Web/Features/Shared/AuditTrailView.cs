using Suanbei.Core;
using Suanbei.Core.Filings;
using Suanbei.Core.GenerativeAi;

namespace Suanbei.Web.Features.Shared;

/// <summary>
/// What the partial <c>Shared/_AuditTrail</c> shows for either kind of filing: the audit trail in order and the return
/// history (退回补正历史), one line per field sent back, by round and then in the form's field order.
/// </summary>
public sealed record AuditTrailView(IReadOnlyList<AuditTrailRow> Rows, IReadOnlyList<string> Returns)
{
    public static AuditTrailView Of(AlgorithmFiling f) => new(RowsOf(f.AuditTrail),
        f.ReturnReasons.OrderBy(r => r.Round).ThenBy(r => FilingFields.Order(r.Field))
            .Select(r => $"第 {r.Round} 次 · {FilingFields.Label(r.Field)}：{r.Reason}").ToList());

    public static AuditTrailView Of(GenerativeAiFiling f) => new(RowsOf(f.AuditTrail),
        f.ReturnReasons.OrderBy(r => r.Round).ThenBy(r => GenerativeAiFormFields.Order(r.Field))
            .Select(r => $"第 {r.Round} 次（{DisplayNames.Of(r.Level)}）· {GenerativeAiFormFields.Label(r.Field)}：{r.Reason}").ToList());

    private static List<AuditTrailRow> RowsOf<TAction, TStatus>(IEnumerable<AuditEntry<TAction, TStatus>> trail)
        where TAction : struct, Enum where TStatus : struct, Enum =>
        trail.OrderBy(a => a.Sequence).Select(a => new AuditTrailRow(a.Sequence, a.At, $"{a.ActorName}（{DisplayNames.Of(a.ActorRole)}）",
            DisplayNames.Of(a.Action), $"{DisplayNames.Of(a.From)} → {DisplayNames.Of(a.To)}", a.Reason)).ToList();
}
