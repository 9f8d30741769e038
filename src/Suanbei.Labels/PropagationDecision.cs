namespace Suanbei.Labels;

/// <summary>The classification and the label to write; <see cref="Label"/> is null when nothing may be written.</summary>
public sealed record PropagationDecision(PropagationClass? Class, AigcLabel? Label, string Reason);
