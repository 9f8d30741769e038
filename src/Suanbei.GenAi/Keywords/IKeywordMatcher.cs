namespace Suanbei.GenAi.Keywords;

/// <summary>A multi-pattern matcher over a keyword list: reports every occurrence, overlapping ones included.</summary>
public interface IKeywordMatcher
{
    IReadOnlyList<Keyword> Keywords { get; }

    /// <summary>The longest keyword's length in UTF-16 code units (the overlap a chunked scan keeps).</summary>
    int MaxLength { get; }

    /// <summary>Adds every hit that starts before <paramref name="startsBelow"/> to <paramref name="hits"/>, offsets
    /// relative to <paramref name="text"/> plus <paramref name="baseOffset"/>, in order of start then keyword.</summary>
    void FindAll(ReadOnlySpan<char> text, int startsBelow, long baseOffset, List<KeywordHit> hits);
}
