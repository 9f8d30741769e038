namespace Suanbei.GenAi.Evaluation;

/// <summary>One question of the sample: its bank, item key, text and risk codes.</summary>
public sealed record SampledQuestion(string Bank, string Key, string Text, IReadOnlyList<string> Risks)
{
    /// <summary>Unique within a run.</summary>
    public string Id => Bank + ":" + Key;
}
