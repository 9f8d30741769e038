namespace Suanbei.GenAi.Corpus;

/// <summary>
/// A line the reservoir holds: its file (index) and either its bytes (a stream's line, copied as it passed) or where it
/// ends in a plain file: the <see cref="LineCounter.Block"/> that holds its line end (<see cref="Block"/>, a file
/// offset) and its <see cref="Rank"/> among the non-empty lines ending there (the file's last line, when it has no line
/// end, ranks after them). <see cref="LinesBefore"/> counts the <c>\n</c>s before the block (a stream's line: before
/// the line), so the line number is known once the block is read again. Most lines the reservoir takes are replaced
/// later, so a plain file's lines are found only after the scan, and only the kept ones; a value (not an object) is all
/// an offer costs: the ≈ k·(1 + ln(n/k)) offers allocate nothing.
/// </summary>
internal readonly record struct SampledLine(int File, long LinesBefore, long Block, int Rank, byte[]? Bytes);
