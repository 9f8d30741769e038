namespace Suanbei.GenAi.Corpus;

/// <summary>A sampled corpus item: its file, 1-based line, and text (a JSONL line's <c>text</c> field when it has one).</summary>
public sealed record CorpusItem(string File, long Line, string Text);
