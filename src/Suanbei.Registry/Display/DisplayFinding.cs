namespace Suanbei.Registry.Display;

/// <summary>One filing number found on a page and what is known about it.</summary>
public sealed record DisplayFinding(
    string Number, bool Valid, IReadOnlyList<string> Problems, bool InRegistry,
    string? Status, bool Linked, string? LinkHref);
