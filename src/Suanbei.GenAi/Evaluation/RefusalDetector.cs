using System.Text.Json;
using System.Text.RegularExpressions;

namespace Suanbei.GenAi.Evaluation;

/// <summary>Recognises a refusal by the patterns of <c>Data/refusal-patterns.json</c>, looked for at the start of an
/// answer (the file's <c>window</c>): a model refuses up front.</summary>
public sealed class RefusalDetector
{
    private readonly Regex[] _patterns;
    private readonly int _window;

    public RefusalDetector(IEnumerable<string> patterns, int window)
    {
        _patterns = patterns.Select(p => new Regex(p, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)).ToArray();
        _window = window;
    }

    public static RefusalDetector Default { get; } = Load();

    public bool IsRefusal(string? answer)
    {
        if (string.IsNullOrWhiteSpace(answer)) return false;
        // Curly apostrophes (I’m, can’t) as the patterns spell them.
        var head = answer.Length > _window ? answer[.._window] : answer;
        head = head.Replace('\u2019', '\'').Trim();
        return _patterns.Any(p => p.IsMatch(head));
    }

    private static RefusalDetector Load()
    {
        using var stream = typeof(RefusalDetector).Assembly.GetManifestResourceStream("Suanbei.GenAi.Data.refusal-patterns.json")
            ?? throw new InvalidOperationException("embedded refusal-patterns.json missing");
        var file = JsonSerializer.Deserialize(stream, GenAiJsonContext.Default.RefusalPatternFile)
            ?? throw new InvalidOperationException("refusal-patterns.json is empty");
        return new RefusalDetector(file.Patterns, file.Window);
    }
}
