using System.Collections.Concurrent;
using System.IO.Compression;
using System.Runtime.ExceptionServices;
using Microsoft.Win32.SafeHandles;

namespace Suanbei.GenAi.Keywords;

/// <summary>
/// Scans a file with the UTF-8 automaton. A plain file is cut into segments that the cores scan in parallel, each read
/// with its neighbour's first <c>MaxLength - 1</c> bytes so a keyword across a cut is found once (by the segment it
/// starts in); hits are handed on in file order, at most two segments ahead per thread, so memory stays flat. A gzip
/// file is decompressed and scanned as one stream (decompression is the cost there, and it is sequential).
/// </summary>
internal static class KeywordFileScanner
{
    /// <summary>1 MiB: a segment read into its buffer is still in the core's cache when it is scanned.</summary>
    internal const int SegmentBytes = 1 << 20;

    /// <summary>Calls <paramref name="onHit"/> with each hit's byte offset in the text and its keyword index, in order;
    /// returns the number of hits, or null when the file starts with a UTF-16 or UTF-32 byte-order mark.</summary>
    public static long? Scan(Utf8KeywordMatcher matcher, string path, Action<long, int> onHit, int segmentBytes, int threads)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 0, FileOptions.SequentialScan);
        Span<byte> head = stackalloc byte[4];
        var headLength = ReadFully(file, head);
        if (headLength >= 2 && head[0] == 0x1f && head[1] == 0x8b)
        {
            file.Position = 0;
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            return ScanStream(matcher, gzip, onHit, segmentBytes);
        }
        var origin = ByteOrderMark(head[..headLength]);
        return origin < 0 ? null : ScanSegments(matcher, file.SafeFileHandle, origin, file.Length, onHit, segmentBytes, threads);
    }

    /// <summary>The length of a UTF-8 byte-order mark (3) or none (0); -1 for a UTF-16 or UTF-32 one.</summary>
    private static int ByteOrderMark(ReadOnlySpan<byte> head) => head switch
    {
        [0xEF, 0xBB, 0xBF, ..] => 3,
        [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..] or [0x00, 0x00, 0xFE, 0xFF] => -1,
        _ => 0,
    };

    private static long? ScanStream(Utf8KeywordMatcher matcher, Stream stream, Action<long, int> onHit, int segmentBytes)
    {
        var overlap = matcher.MaxLength - 1;
        var buffer = new byte[segmentBytes + overlap + 3];
        var hits = new List<KeywordHit>();
        int carried = 0;
        long origin = 0, total = 0;
        var first = true;
        while (true)
        {
            var length = carried + ReadFully(stream, buffer.AsSpan(carried));
            var last = length < buffer.Length;
            var skip = 0;
            if (first)
            {
                first = false;
                skip = ByteOrderMark(buffer.AsSpan(0, Math.Min(4, length)));
                if (skip < 0) return null;
            }
            var text = buffer.AsSpan(skip, length - skip);
            var limit = last ? text.Length : text.Length - overlap;
            hits.Clear();
            matcher.FindAll(text, limit, origin, hits);
            foreach (var hit in hits) onHit(hit.Start, hit.Keyword);
            total += hits.Count;
            if (last) return total;
            text[limit..].CopyTo(buffer);
            carried = text.Length - limit;
            origin += limit;
        }
    }

    private static long ScanSegments(Utf8KeywordMatcher matcher, SafeFileHandle handle, int origin,
        long length, Action<long, int> onHit, int segmentBytes, int threads)
    {
        var overlap = matcher.MaxLength - 1;
        var segments = (length - origin + segmentBytes - 1) / segmentBytes;
        void ScanSegment(long k, byte[] buffer, List<KeywordHit> hits)
        {
            var start = origin + k * segmentBytes;
            var end = Math.Min(start + segmentBytes, length);
            var read = ReadFully(handle, buffer.AsSpan(0, (int)(Math.Min(end + overlap, length) - start)), start);
            matcher.FindAll(buffer.AsSpan(0, read), (int)(end - start), start - origin, hits);
        }
        long total = 0;
        if (threads <= 1 || segments <= 1)
        {
            var buffer = new byte[segmentBytes + overlap];
            var hits = new List<KeywordHit>();
            for (long k = 0; k < segments; k++)
            {
                hits.Clear();
                ScanSegment(k, buffer, hits);
                foreach (var hit in hits) onHit(hit.Start, hit.Keyword);
                total += hits.Count;
            }
            return total;
        }
        var workers = (int)Math.Min(threads, segments);
        var queues = Enumerable.Range(0, workers).Select(_ => new BlockingCollection<List<KeywordHit>>(2)).ToArray();
        using var stop = new CancellationTokenSource();
        var tasks = Enumerable.Range(0, workers).Select(w => Task.Factory.StartNew(() =>
        {
            try
            {
                var buffer = new byte[segmentBytes + overlap];
                for (long k = w; k < segments; k += workers)
                {
                    var hits = new List<KeywordHit>();
                    ScanSegment(k, buffer, hits);
                    queues[w].Add(hits, stop.Token);
                }
            }
            finally { queues[w].CompleteAdding(); }
        }, stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        var complete = false;
        try
        {
            long k = 0;
            for (; k < segments; k++)
            {
                if (!queues[k % workers].TryTake(out var hits, Timeout.Infinite)) break;   // that worker failed
                foreach (var hit in hits) onHit(hit.Start, hit.Keyword);
                total += hits.Count;
            }
            complete = k == segments;
        }
        finally
        {
            if (!complete) stop.Cancel();
            try { Task.WaitAll(tasks); }
            catch (AggregateException e) when (e.InnerExceptions.FirstOrDefault(x => x is not OperationCanceledException) is { } real)
            {
                ExceptionDispatchInfo.Throw(real);
            }
            catch (AggregateException) { }
            foreach (var q in queues) q.Dispose();
        }
        return total;
    }

    private static int ReadFully(Stream stream, Span<byte> buffer)
    {
        var total = 0;
        int read;
        while (total < buffer.Length && (read = stream.Read(buffer[total..])) > 0) total += read;
        return total;
    }

    private static int ReadFully(SafeFileHandle handle, Span<byte> buffer, long offset)
    {
        var total = 0;
        int read;
        while (total < buffer.Length && (read = RandomAccess.Read(handle, buffer[total..], offset + total)) > 0) total += read;
        return total;
    }
}
