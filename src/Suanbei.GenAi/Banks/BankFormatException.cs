namespace Suanbei.GenAi.Banks;

/// <summary>A bank file that cannot be read at all (missing column, unreadable workbook); the message is Chinese and
/// names the file and what is wrong.</summary>
public sealed class BankFormatException(string message) : Exception(message);
