using System.IO.Compression;
using System.Runtime.ExceptionServices;
using Microsoft.Win32.SafeHandles;
using Suanbei.GenAi.Statistics;

namespace Suanbei.GenAi.Corpus;

/// <summary>
/// Feeds one corpus file's non-empty lines to a reservoir sampler without looking at most of them: line ends are
/// counted per 4 KiB block (<see cref="LineCounter"/>), and the sampler skips whole blocks by their counts.
/// <para>A plain file is cut into segments, each segment into one contiguous part per core: every thread reads its
/// parts in large pieces into one reused buffer and counts their blocks while the piece is in its cache. When all
/// parts of a segment are counted, the segment's counts go to the sampler, strictly in file order; a line the sampler
/// takes is kept as its block and rank (<see cref="SampledLine"/>) and read by <see cref="ReadLine"/> once every file is
/// scanned (most are replaced before then). So no counted bytes wait for their turn, and a thread waits for the other
/// only when it is a whole ring of segments ahead. The sample is the same with any number of threads.</para>
/// <para>A gzip file (or a pipe) is one stream: decompressing it is the cost there, and it cannot be split; its kept
/// lines are copied as they pass.</para>
/// </summary>
internal sealed class CorpusLineScanner
{
    private const int Block = LineCounter.Block;

    /// <summary>Segments counted ahead of the one the sampler takes next: a thread waits only when it is this far
    /// ahead of the other.</summary>
    private const int Ring = 4;

    private readonly ReservoirSampler<SampledLine> _sampler;
    private readonly int _file;
    private readonly int _chunkBytes;

    // The lines before the chunk or segment being handed over.
    private long _index;          // the sampler's index of the next non-empty line (a CSV header is -1)
    private long _newlines;

    // A plain file.
    private SafeFileHandle? _handle;
    private long _length;
    private long _segmentBytes;
    private int _workers;
    private int[][] _blockNewlines = [];   // per ring slot: the counts of each block of the segment in it
    private int[][] _blockNonEmpty = [];
    private int[] _partsDone = [];
    private readonly object _turnLock = new();
    private long _turn;                    // the segment the sampler takes next
    private bool _failed;
    private (long Block, long NewlinesBefore, int NonEmpty) _lastBlock;

    private CorpusLineScanner(ReservoirSampler<SampledLine> sampler, int file, int chunkBytes)
    {
        (_sampler, _file, _chunkBytes) = (sampler, file, chunkBytes);
        _index = sampler.Seen;
    }

    /// <summary>Offers the lines of <paramref name="path"/> to <paramref name="sampler"/>, the first line left out when
    /// <paramref name="skipHeader"/> (a CSV file's header) and it is not empty. A plain file is read in pieces of
    /// <paramref name="chunkBytes"/> (rounded up to whole blocks) by <paramref name="threads"/> threads, in segments of
    /// about <paramref name="segmentBytes"/>; a stream in chunks of <paramref name="chunkBytes"/>.</summary>
    public static void Scan(string path, int file, bool skipHeader, ReservoirSampler<SampledLine> sampler,
        int chunkBytes, int threads, long segmentBytes)
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
            scanner.ScanFile(stream.Length, threads, segmentBytes);
        }
    }

    private void ScanFile(long length, int threads, long segmentBytes)
    {
        _length = length;
        if (length == 0) return;
        // Pieces and parts start on block boundaries, so every block is counted whole by one thread.
        var piece = (int)Math.Max(Block, ((long)_chunkBytes + Block - 1) / Block * Block);
        _workers = length > piece ? Math.Max(1, threads) : 1;
        _segmentBytes = Math.Max((long)piece * _workers, (segmentBytes + Block - 1) / Block * Block);
        var segments = (length + _segmentBytes - 1) / _segmentBytes;
        var ring = (int)Math.Min(Ring, segments);
        var blocks = (int)(_segmentBytes / Block);
        (_blockNewlines, _blockNonEmpty, _partsDone) = (new int[ring][], new int[ring][], new int[ring]);
        for (var r = 0; r < ring; r++) (_blockNewlines[r], _blockNonEmpty[r]) = (new int[blocks], new int[blocks]);
        var others = Enumerable.Range(1, _workers - 1).Select(w => Task.Factory.StartNew(() => Work(w, piece, segments),
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        var errors = new List<Exception>();
        try { Work(0, piece, segments); }
        catch (Exception e) { errors.Add(e); }
        foreach (var other in others)
        {
            try { other.Wait(); }
            catch (AggregateException e) { errors.AddRange(e.InnerExceptions); }
        }
        if (errors.Count > 0) ExceptionDispatchInfo.Throw(errors.FirstOrDefault(x => x is not OperationCanceledException) ?? errors[0]);
        var tail = new byte[2];
        var n = (int)Math.Min(2, length);
        ReadExactly(_handle!, tail.AsSpan(0, n), length - n);
        if (tail[n - 1] == '\n') return;
        // The last line has no line end: it is a line unless it is a lone "\r".
        if (tail[n - 1] == '\r' && (n == 1 || tail[0] == '\n')) return;
        FinalLine(new SampledLine(_file, _lastBlock.NewlinesBefore, _lastBlock.Block, _lastBlock.NonEmpty, null));
    }

    /// <summary>One thread's share: its part of every segment, counted into the segment's ring slot; the thread that
    /// counts a segment's last part hands the segment to the sampler.</summary>
    private void Work(int worker, int piece, long segments)
    {
        var buffer = GC.AllocateUninitializedArray<byte>(piece + 2);
        var ring = _partsDone.Length;
        try
        {
            for (long s = 0; s < segments; s++)
            {
                var slot = (int)(s % ring);
                lock (_turnLock)
                {
                    while (s - _turn >= ring && !_failed) Monitor.Wait(_turnLock);
                    if (_failed) throw new OperationCanceledException();
                }
                var start = s * _segmentBytes;
                var blocks = (int)((Math.Min(_length, start + _segmentBytes) - start + Block - 1) / Block);
                CountPart(buffer, piece, start, blocks * worker / _workers, blocks * (worker + 1) / _workers, slot);
                lock (_turnLock)
                {
                    if (++_partsDone[slot] < _workers) continue;
                    // Every thread counts its segments in order, so the last part of segment s is counted after every
                    // part of s - 1: segments reach the sampler in file order.
                    _partsDone[slot] = 0;
                    Commit(start, blocks, slot, last: s == segments - 1);
                    _turn++;
                    Monitor.PulseAll(_turnLock);
                }
            }
        }
        catch
        {
            lock (_turnLock) { _failed = true; Monitor.PulseAll(_turnLock); }
            throw;
        }
    }

    /// <summary>Counts blocks <c>[first, last)</c> of the segment at <paramref name="start"/>, piece by piece.</summary>
    private void CountPart(byte[] buffer, int piece, long start, int first, int last, int slot)
    {
        if (first >= last) return;
        var from = start + (long)first * Block;
        var to = Math.Min(_length, start + (long)last * Block);
        // The two bytes before each piece tell whether its first line end ends an empty line (a file's first line has
        // "\n\n" before it); between pieces they are the last two bytes of the one before.
        if (from == 0) buffer[0] = buffer[1] = (byte)'\n';
        else ReadExactly(_handle!, buffer.AsSpan(0, 2), from - 2);
        var block = first;
        for (var at = from; at < to; at += piece)
        {
            var n = (int)Math.Min(piece, to - at);
            ReadExactly(_handle!, buffer.AsSpan(2, n), at);
            LineCounter.CountBlocks(buffer, 2, 2 + n, _blockNewlines[slot].AsSpan(block), _blockNonEmpty[slot].AsSpan(block));
            block += (n + Block - 1) / Block;
            (buffer[0], buffer[1]) = (buffer[n], buffer[n + 1]);
        }
    }

    /// <summary>Hands a counted segment to the sampler: each line it takes is noted by block and rank.</summary>
    private void Commit(long start, int blocks, int slot, bool last)
    {
        var (newlines, nonEmpty) = (_blockNewlines[slot], _blockNonEmpty[slot]);
        long segmentNewlines = 0, segmentNonEmpty = 0;
        for (var b = 0; b < blocks; b++)
        {
            segmentNewlines += newlines[b];
            segmentNonEmpty += nonEmpty[b];
        }
        var block = 0;
        long nonEmptyBefore = 0, newlinesBefore = 0;
        while (true)
        {
            var wanted = _sampler.NextWanted;
            var target = wanted - _index;
            if (target >= segmentNonEmpty) break;
            while (target >= nonEmptyBefore + nonEmpty[block])
            {
                nonEmptyBefore += nonEmpty[block];
                newlinesBefore += newlines[block];
                block++;
            }
            _sampler.Pass(wanted - _sampler.Seen);
            _sampler.Offer(new SampledLine(_file, _newlines + newlinesBefore, start + (long)block * Block,
                (int)(target - nonEmptyBefore), null));
        }
        if (last)
            _lastBlock = (start + (long)(blocks - 1) * Block, _newlines + segmentNewlines - newlines[blocks - 1], nonEmpty[blocks - 1]);
        _index += segmentNonEmpty;
        _newlines += segmentNewlines;
        _sampler.Pass(Math.Max(0, _index - _sampler.Seen));
    }

    /// <summary>Bytes read before a kept line's block: where most lines that end in the block start when they start
    /// before it. 1 KiB, not a whole block: the copy of 4,000 such reads was most of the time after the scan (a line that
    /// starts further back is searched back and read whole, as a line longer than the window always was).</summary>
    private const int Lead = 1024;

    /// <summary>Bytes a window for <see cref="ReadLine"/> needs.</summary>
    public const int WindowBytes = 2 + Lead + Block;

    /// <summary>
    /// A plain file's kept line, read again: its 1-based line number and its bytes, in <paramref name="window"/> (a
    /// line longer than the window in an array of its own). One read brings the line's block, the <see cref="Lead"/>
    /// bytes before it (where most lines that end in the block start) and the two bytes before them (which tell whether
    /// the first line end ends an empty line); a line that starts further back is searched back and read whole.
    /// </summary>
    public static (long Line, ArraySegment<byte> Bytes) ReadLine(SafeFileHandle handle, long length, SampledLine line,
        byte[] window)
    {
        var from = Math.Max(0, line.Block - Lead);
        var span = window.AsSpan(0, 2 + (int)(Math.Min(length, line.Block + Block) - from));
        if (from == 0)
        {
            window[0] = window[1] = (byte)'\n';
            ReadExactly(handle, span[2..], 0);
        }
        else ReadExactly(handle, span, from - 2);
        // span[i] is the byte at from - 2 + i.
        var end = LineCounter.Find(span, 2 + (int)(line.Block - from), span.Length, line.Rank, out var newlinesIn);
        if (end < 0) end = span.Length;   // the file's last line, which has no line end
        var number = line.LinesBefore + newlinesIn + 1;
        var previous = span[..end].LastIndexOf((byte)'\n');
        if (previous >= 0) return (number, new ArraySegment<byte>(window, previous + 1, end - previous - 1));
        var lineStart = LineStartBefore(handle, from - 2, window);
        var bytes = new byte[from - 2 + end - lineStart];
        ReadExactly(handle, bytes, lineStart);
        return (number, bytes);
    }

    /// <summary>Where the line holding the byte before <paramref name="offset"/> starts.</summary>
    private static long LineStartBefore(SafeFileHandle handle, long offset, byte[] window)
    {
        for (var at = offset; at > 0;)
        {
            var n = (int)Math.Min(window.Length, at);
            ReadExactly(handle, window.AsSpan(0, n), at - n);
            var i = window.AsSpan(0, n).LastIndexOf((byte)'\n');
            if (i >= 0) return at - n + i + 1;
            at -= n;
        }
        return 0;
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

    /// <summary>A stream's chunk: two bytes before it, then the chunk, and its counts.</summary>
    private sealed class Chunk(int capacity)
    {
        public byte[] Data = new byte[capacity];
        public int End;
        public int[] BlockNewlines = [];
        public int[] BlockNonEmpty = [];
        public int Newlines;
        public int NonEmpty;

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
        }
    }

    /// <summary>Hands a stream's counted chunk to the sampler: the kept lines are located and copied, the rest passed
    /// over. A stream's chunk always starts after a line end, so its lines are whole in it.</summary>
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
            var previous = data.AsSpan(0, end).LastIndexOf((byte)'\n');
            _sampler.Pass(wanted - _sampler.Seen);
            _sampler.Offer(new SampledLine(_file, _newlines + newlinesBefore + newlinesIn, 0, 0, data[(previous + 1)..end]));
            (pos, nonEmptyBefore, newlinesBefore) = (end + 1, (int)target + 1, newlinesBefore + newlinesIn + 1);
        }
        _index += chunk.NonEmpty;
        _newlines += chunk.Newlines;
        _sampler.Pass(Math.Max(0, _index - _sampler.Seen));
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
                    FinalLine(new SampledLine(_file, _newlines, 0, 0, tail.ToArray()));
                return;
            }
            chunk.Data.AsSpan(chunk.End - 2, filled - chunk.End + 2).CopyTo(chunk.Data);
            filled -= chunk.End - 2;
        }
    }

    /// <summary>Fills <paramref name="buffer"/> from <paramref name="offset"/>; a file that ends sooner (shortened while
    /// it is read) is an error, not a shorter sample.</summary>
    private static void ReadExactly(SafeFileHandle handle, Span<byte> buffer, long offset)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = RandomAccess.Read(handle, buffer[total..], offset + total);
            if (read <= 0) throw new IOException($"语料文件在读取时变短了（偏移 {offset + total}）");
            total += read;
        }
    }

    private static int ReadFully(Stream stream, Span<byte> buffer)
    {
        var total = 0;
        int read;
        while (total < buffer.Length && (read = stream.Read(buffer[total..])) > 0) total += read;
        return total;
    }
}
