namespace Suanbei.Core.Filings;

/// <summary>One returned field in one round of 退回补正. Rows are never deleted, so every round stays readable.</summary>
public sealed class FilingReturnReason : IAppendOnly
{
    private FilingReturnReason() { }
    internal FilingReturnReason(int round, FieldReason r, DateTimeOffset at)
    {
        Id = Guid.NewGuid();
        Round = round;
        Field = r.Field;
        Reason = r.Reason.Trim();
        At = at;
    }

    public Guid Id { get; private set; }
    public int Round { get; private set; }
    public string Field { get; private set; } = "";
    public string Reason { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
}
