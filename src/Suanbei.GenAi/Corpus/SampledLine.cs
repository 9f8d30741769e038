namespace Suanbei.GenAi.Corpus;

/// <summary>
/// A line the reservoir holds: its file (index), 1-based line number, and either where it is in a plain file
/// (<see cref="Start"/> to <see cref="End"/>, read once every file is scanned) or, from a stream, its bytes. Most
/// lines the reservoir takes are replaced later, so a plain file's lines are not copied while the file is scanned,
/// and a value (not an object) is all an offer costs: the ≈ k·(1 + ln(n/k)) offers allocate nothing.
/// </summary>
internal readonly record struct SampledLine(int File, long Line, long Start, long End, byte[]? Bytes);
