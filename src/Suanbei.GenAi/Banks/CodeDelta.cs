namespace Suanbei.GenAi.Banks;

/// <summary>A risk or aspect code's item count in two versions of a bank.</summary>
public sealed record CodeDelta(string Code, int Before, int After)
{
    public int Change => After - Before;
}
