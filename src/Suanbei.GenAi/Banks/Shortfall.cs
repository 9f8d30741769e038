namespace Suanbei.GenAi.Banks;

/// <summary>A risk or aspect below its minimum, with its Chinese name.</summary>
public sealed record Shortfall(string Risk, string Name, int Have, int Need);
