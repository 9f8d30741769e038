namespace Suanbei.Core.Checks;

/// <summary>Text of another filing (e.g. from the registry or published entries) to compare against, with where it comes from.</summary>
public sealed record KnownText(string Source, string Text);
