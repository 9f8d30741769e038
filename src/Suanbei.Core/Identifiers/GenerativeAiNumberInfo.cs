namespace Suanbei.Core.Identifiers;

/// <summary>
/// A decoded generative-AI service number. Fields are filled as far as the input allows, even when it is not valid;
/// <see cref="Problems"/> says in Chinese what is wrong.
/// </summary>
public sealed record GenerativeAiNumberInfo(
    string Number,
    GenerativeAiNumberKind? Kind,
    string? Pinyin,
    string? Place,
    string? Name,
    DateOnly? Date,
    int? Sequence,
    IReadOnlyList<string> Problems,
    string? Note)
{
    public bool Valid => Problems.Count == 0;
}
