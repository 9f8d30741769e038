namespace Suanbei.GenAi;

public static class BankKindCodes
{
    /// <summary>The kind as the data file and the CLI's JSON spell it.</summary>
    public static string Code(this BankKind kind) => kind switch
    {
        BankKind.Keywords => "keywords",
        BankKind.Content => "content",
        BankKind.Refuse => "refuse",
        _ => "answer",
    };
}
