namespace Suanbei.GenAi.Banks;

/// <summary>An item that repeats an earlier one, exactly or after normalisation (<see cref="TextNormalizer"/>).</summary>
public sealed record DuplicateItem(int Row, int OfRow, bool Exact);
