namespace Suanbei.GenAi.Corpus;

/// <summary>
/// A line the reservoir holds: its file (index), 1-based line number, and either where it is in a plain file
/// (<see cref="Start"/> to <see cref="End"/>, read once the file's scan is over) or, from a stream, its bytes. Most
/// lines the reservoir takes are replaced later, so a plain file's lines are not copied while the file is scanned.
/// </summary>
internal sealed class SampledLine(int file, long line, long start, long end, byte[]? bytes)
{
    public int File { get; } = file;
    public long Line { get; } = line;
    public long Start { get; } = start;
    public long End { get; } = end;
    public byte[]? Bytes { get; set; } = bytes;
}
