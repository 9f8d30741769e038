using System.IO.Compression;
using System.Runtime.ExceptionServices;
using Microsoft.Win32.SafeHandles;
using Suanbei.GenAi.Statistics;

namespace Suanbei.GenAi.Corpus;

/// <summary>
/// Feeds one corpus file's non-empty lines to a reservoir sampler without looking at most of them: chunks of the file
/// are counted with <see cref="LineCounter"/> (per 4 KiB block), and only the lines the sampler keeps are located. A
/// plain file's kept lines are read when every file is scanned (most are replaced before then); a stream's are copied. A
/// plain file's chunks are read and counted by all cores at once; they are handed to the sampler strictly in file
/// order, so the sample is the same with any number of threads. A gzip file is one
/// stream: decompressing it is the cost there, and it cannot be split.
/// </summary>
internal sealed class CorpusLineScanner
{
    private const int Block = LineCounter.Block;

    private readonly ReservoirSampler<SampledLine> _sampler;
    private readonly int _file;
    private readonly int _chunkBytes;
    private SafeFileHandle? _handle;

    // The lines before the chunk being handed over.
    private long _index;          // the sampler's index of the next non-empty line (a CSV header is -1)
    private long _newlines;
    private long _openLineStart;  // where the line not yet ended starts

    private readonly object _turnLock = new();
    private long _turn;   // the chunk to hand over next
    private readonly Dictionary<long, (Chunk Chunk, Stack<Chunk> Owner)> _waiting = [];   // counted, not yet handed over
    private bool _failed;

    private CorpusLineScanner(ReservoirSampler<SampledLine> sampler, int file, int chunkBytes)
    {
        (_sampler, _file, _chunkBytes) = (sampler, file, chunkBytes);
        _index = sampler.Seen;
    }

    /// <summary>Offers the lines of <paramref name="path"/> to <paramref name="sampler"/>, the first line left out when
    /// <paramref name="skipHeader"/> (a CSV file's header) and it is not empty.</summary>
    public static void Scan(string path, int file, bool skipHeader, ReservoirSampler<SampledLine> sampler,
        int chunkBytes, int threads)
    {
        var scanner = new CorpusLineScanner(sampler, file, chunkBytes);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 0, FileOptions.SequentialScan);
        var head = new byte[2];
        var headLength = stream.CanSeek ? ReadFully(stream, head) : 0;
        if (stream.CanSeek) stream.Position = 0;
        if (headLength == 2 && head[0] == 0x1f && head[1] == 0x8b)
        {
            using var gzip = new GZipStream(stream, CompressionMode.Decompress);
            scanner.ScanStream(gzip, skipHeader);
        }
        else if (!stream.CanSeek) scanner.ScanStream(stream, skipHeader);
        else
        {
            if (skipHeader && headLength > 0 && !(head[0] == '\n' || (head[0] == '\r' && (headLength == 1 || head[1] == '\n'))))
                scanner._index--;
            scanner._handle = stream.SafeFileHandle;
            scanner.ScanFile(stream.Length, threads);
        }
    }

    private sealed class Chunk(int capacity)
    {
        public byte[] Data = new byte[capacity];   // two bytes before the chunk, then the chunk
        public int End;
        public long Start;                         // the file offset of Data[2]
        public int[] BlockNewlines = [];
        public int[] BlockNonEmpty = [];
        public int Newlines;
        public int NonEmpty;
        public int LastNewline;                    // index in Data, or -1

        public void Count()
        {
            var blocks = (End - 2 + Block - 1) / Block;
            if (BlockNewlines.Length < blocks) (BlockNewlines, BlockNonEmpty) = (new int[blocks], new int[blocks]);
            LineCounter.CountBlocks(Data, 2, End, BlockNewlines, BlockNonEmpty);
            Newlines = NonEmpty = 0;
            for (var b = 0; b < blocks; b++)
            {
                Newlines += BlockNewlines[b];
                NonEmpty += BlockNonEmpty[b];
            }
            var last = Data.AsSpan(2, End - 2).LastIndexOf((byte)'\n');
            LastNewline = last < 0 ? -1 : last + 2;
        }
    }

    private void ScanFile(long length, int threads)
    {
        var chunks = (length + _chunkBytes - 1) / _chunkBytes;
        var workers = (int)Math.Clamp(chunks, 1, Math.Max(1, threads));
        var others = Enumerable.Range(1, workers - 1).Select(w => Task.Factory.StartNew(() => Work(w, workers, chunks, length),
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        var errors = new List<Exception>();
        try { Work(0, workers, chunks, length); }
        catch (Exception e) { errors.Add(e); }
        foreach (var other in others)
        {
            try { other.Wait(); }
            catch (AggregateException e) { errors.AddRange(e.InnerExceptions); }
        }
        if (errors.Count > 0) ExceptionDispatchInfo.Throw(errors.FirstOrDefault(x => x is not OperationCanceledException) ?? errors[0]);
        if (length == 0) return;
        var lastByte = new byte[1];
        ReadAt(lastByte, length - 1);
        if (lastByte[0] == '\n') return;
        // The last line has no line end: it is a line unless it is a lone "\r".
        if (length - _openLineStart == 1 && lastByte[0] == '\r') return;
        FinalLine(new SampledLine(_file, _newlines + 1, _openLineStart, length, null));
    }

    private void Read(Chunk chunk, long k, long length)
    {
        var start = k * _chunkBytes;
        var end = Math.Min(start + _chunkBytes, length);
        chunk.Start = start;
        if (k == 0)
        {
            chunk.Data[0] = chunk.Data[1] = (byte)'\n';
            chunk.End = 2 + ReadAt(chunk.Data.AsSpan(2, (int)end), 0);
        }
        else chunk.End = ReadAt(chunk.Data.AsSpan(0, (int)(end - start + 2)), start - 2);
    }

    /// <summary>
    /// One thread's share: chunks <paramref name="worker"/>, +workers, +2·workers… Each is read and counted, then handed
    /// to the sampler in file order: whichever thread finishes the chunk whose turn it is hands over it and every
    /// chunk already waiting after it. A thread has two buffers, so it reads its next chunk while the last one waits
    /// for its turn, and waits itself only when both do (a thread that slept on every turn lost more time waking up
    /// than it took to count a chunk).
    /// </summary>
    private void Work(int worker, int workers, long chunks, long length)
    {
        var free = new Stack<Chunk>(2);
        free.Push(new Chunk(_chunkBytes + 2));
        if (chunks > workers) free.Push(new Chunk(_chunkBytes + 2));
        try
        {
            for (long k = worker; k < chunks; k += workers)
            {
                Chunk chunk;
                lock (_turnLock)
                {
                    while (free.Count == 0 && !_failed) Monitor.Wait(_turnLock);
                    if (_failed) throw new OperationCanceledException();
                    chunk = free.Pop();
                }
                Read(chunk, k, length);
                chunk.Count();
                lock (_turnLock)
                {
                    _waiting[k] = (chunk, free);
                    var freedOthers = false;
                    while (_waiting.Remove(_turn, out var next))
                    {
                        Commit(next.Chunk);
                        next.Owner.Push(next.Chunk);
                        freedOthers |= next.Owner != free;
                        _turn++;
                    }
                    if (freedOthers) Monitor.PulseAll(_turnLock);
                }
            }
        }
        catch
        {
            lock (_turnLock) { _failed = true; Monitor.PulseAll(_turnLock); }
            throw;
        }
    }

    /// <summary>Hands a counted chunk to the sampler: the kept lines are located (and copied from a stream), the rest
    /// passed over.</summary>
    private void Commit(Chunk chunk)
    {
        var data = chunk.Data;
        int block = 0, blockNonEmpty = 0, pos = 2, nonEmptyBefore = 0;
        long blockNewlines = 0, newlinesBefore = 0;
        while (true)
        {
            var wanted = _sampler.NextWanted;
            var target = wanted - _index;
            if (target >= chunk.NonEmpty) break;
            while (target >= blockNonEmpty + chunk.BlockNonEmpty[block])
            {
                blockNonEmpty += chunk.BlockNonEmpty[block];
                blockNewlines += chunk.BlockNewlines[block];
                block++;
                (pos, nonEmptyBefore, newlinesBefore) = (2 + block * Block, blockNonEmpty, blockNewlines);
            }
            var end = LineCounter.Find(data, pos, Math.Min(2 + (block + 1) * Block, chunk.End),
                (int)(target - nonEmptyBefore), out var newlinesIn);
            var line = _newlines + newlinesBefore + newlinesIn + 1;
            // A stream's chunk always starts after a line end, so its lines are whole in it.
            var previous = data.AsSpan(0, end).LastIndexOf((byte)'\n');
            var start = previous >= 0 ? chunk.Start + previous - 1 : _openLineStart;
            var bytes = _handle is null ? data[(previous + 1)..end] : null;
            _sampler.Pass(wanted - _sampler.Seen);
            _sampler.Offer(new SampledLine(_file, line, start, chunk.Start + end - 2, bytes));
            (pos, nonEmptyBefore, newlinesBefore) = (end + 1, (int)target + 1, newlinesBefore + newlinesIn + 1);
        }
        _index += chunk.NonEmpty;
        _newlines += chunk.Newlines;
        _sampler.Pass(Math.Max(0, _index - _sampler.Seen));
        if (chunk.LastNewline >= 0) _openLineStart = chunk.Start + chunk.LastNewline - 1;
    }

    /// <summary>The last line of a file that does not end with a line end.</summary>
    private void FinalLine(SampledLine line)
    {
        if (_index >= _sampler.Seen)
        {
            if (_sampler.NextWanted == _index) _sampler.Offer(line);
            else _sampler.Pass(1);
        }
        _index++;
    }

    /// <summary>Gzip or a pipe: chunks end after their last line end, so a line is never split between two.</summary>
    private void ScanStream(Stream stream, bool skipHeader)
    {
        var chunk = new Chunk(_chunkBytes + 2);
        var filled = 2;
        chunk.Data[0] = chunk.Data[1] = (byte)'\n';
        var first = true;
        while (true)
        {
            var read = ReadFully(stream, chunk.Data.AsSpan(filled));
            filled += read;
            if (first && filled > 2)
            {
                first = false;
                var d = chunk.Data;
                if (skipHeader && !(d[2] == '\n' || (d[2] == '\r' && (filled == 3 || d[3] == '\n')))) _index--;
            }
            var eof = filled < chunk.Data.Length;
            var last = chunk.Data.AsSpan(2, filled - 2).LastIndexOf((byte)'\n');
            if (!eof && last < 0)
            {
                Array.Resize(ref chunk.Data, chunk.Data.Length * 2);   // a line longer than the buffer
                continue;
            }
            chunk.End = eof ? filled : last + 3;
            chunk.Count();
            Commit(chunk);
            if (eof)
            {
                var lineStart = last < 0 ? 2 : last + 3;
                var tail = chunk.Data.AsSpan(lineStart, filled - lineStart);
                if (tail.Length > 0 && !(tail.Length == 1 && tail[0] == '\r'))
                {
                    FinalLine(new SampledLine(_file, _newlines + 1, chunk.Start + lineStart - 2, chunk.Start + filled - 2,
                        tail.ToArray()));
                }
                return;
            }
            chunk.Data.AsSpan(chunk.End - 2, filled - chunk.End + 2).CopyTo(chunk.Data);
            filled -= chunk.End - 2;
            chunk.Start += chunk.End - 2;
        }
    }

    private int ReadAt(Span<byte> buffer, long offset) => ReadAt(_handle!, buffer, offset);

    internal static int ReadAt(SafeFileHandle handle, Span<byte> buffer, long offset)
    {
        var total = 0;
        int read;
        while (total < buffer.Length && (read = RandomAccess.Read(handle, buffer[total..], offset + total)) > 0) total += read;
        return total;
    }

    private static int ReadFully(Stream stream, Span<byte> buffer)
    {
        var total = 0;
        int read;
        while (total < buffer.Length && (read = stream.Read(buffer[total..])) > 0) total += read;
        return total;
    }
}
