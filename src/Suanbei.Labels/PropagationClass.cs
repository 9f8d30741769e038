namespace Suanbei.Labels;

/// <summary>Art. 6 of the labeling measures: how a propagation platform classifies what it receives.</summary>
public enum PropagationClass
{
    /// <summary>属于 — a valid implicit label was verified.</summary>
    Belongs,
    /// <summary>可能为 — no valid label, but the user declares the content AI-generated.</summary>
    Declared,
    /// <summary>疑似 — neither, but an explicit label or another trace (e.g. an invalid label) was found.</summary>
    Suspected,
}
