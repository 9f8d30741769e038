using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.Win32.SafeHandles;
using Suanbei.Core.Files;
using Suanbei.GenAi.Statistics;

namespace Suanbei.GenAi.Corpus;

/// <summary>
/// A seeded uniform sample of N items (non-empty lines; a CSV file's header line excluded) from corpus files of any
/// size, JSONL/TXT/CSV and gzip too. Lines are counted in the raw bytes (<see cref="CorpusLineScanner"/>) and only the
/// kept ones are copied and decoded, so the cost is one read of the files and the memory is the sample's.
/// </summary>
public static class CorpusSampler
{
    /// <summary>256 KiB: a thread's piece of the file stays in its core's 1 MiB L2 cache, where the kernel's copy
    /// writes it and the count reads it (1 MiB pieces left the count waiting on memory; see BENCHMARKS.md).</summary>
    internal const int ChunkBytes = 1 << 18;

    /// <summary>32 MiB: the threads hand the sampler a segment's block counts (8,192 blocks, 64 KiB) at a time, so they
    /// meet 64 times in 2 GB, not at every piece, and the counts held are four segments' (256 KiB) at any file size.</summary>
    internal const long SegmentBytes = 32L << 20;

    public static (IReadOnlyList<CorpusItem> Items, long Population) Sample(IReadOnlyList<string> files, int size, int seed) =>
        Sample(files, size, seed, ChunkBytes, Environment.ProcessorCount, SegmentBytes);

    /// <summary>As <see cref="Sample(IReadOnlyList{string}, int, int)"/> with the piece size, the number of threads and
    /// the segment size given (tests make them small to put lines across their boundaries).</summary>
    internal static (IReadOnlyList<CorpusItem> Items, long Population) Sample(IReadOnlyList<string> files, int size, int seed,
        int chunkBytes, int threads, long segmentBytes)
    {
        var (kept, population) = Scan(files, size, seed, chunkBytes, threads, segmentBytes);
        var items = new CorpusItem[kept.Length];
        // The kept lines of plain files are read now, by position, and decoded: in two halves at once when there are
        // enough of them for a second thread to pay off (4,000 reads and decodings are a few milliseconds).
        var half = threads > 1 && kept.Length >= 512 ? kept.Length / 2 : kept.Length;
        var second = half < kept.Length
            ? Task.Factory.StartNew(() => Materialise(files, kept, items, half, kept.Length), CancellationToken.None,
                TaskCreationOptions.LongRunning, TaskScheduler.Default)
            : Task.CompletedTask;
        Materialise(files, kept, items, 0, half);
        second.GetAwaiter().GetResult();
        return (items, population);
    }

    /// <summary>
    /// Draws the sample and writes it to <paramref name="output"/> as <see cref="Write"/> writes the items of
    /// <see cref="Sample(IReadOnlyList{string}, int, int)"/> (the same bytes), atomically; the kept lines go from their
    /// bytes to the file without a string or an item each (<see cref="SampleJsonLines"/>). Returns the lines written and
    /// the lines the files hold.
    /// </summary>
    public static (int Count, long Population) SampleTo(IReadOnlyList<string> files, int size, int seed, string output) =>
        SampleTo(files, size, seed, output, ChunkBytes, Environment.ProcessorCount, SegmentBytes);

    /// <summary>As <see cref="SampleTo(IReadOnlyList{string}, int, int, string)"/> with the sizes and threads given.</summary>
    internal static (int Count, long Population) SampleTo(IReadOnlyList<string> files, int size, int seed, string output,
        int chunkBytes, int threads, long segmentBytes)
    {
        // Refused before the corpus is read, not only when the sample is written.
        OutputPaths.RequireReplaceable(output);
        var (kept, population) = Scan(files, size, seed, chunkBytes, threads, segmentBytes);
        AtomicFile.WriteWith(output, handle => SampleJsonLines.Write(files, kept, handle, threads));
        return (kept.Length, population);
    }

    /// <summary>The kept lines in file order (file, then position), and the lines the files hold.</summary>
    private static (SampledLine[] Kept, long Population) Scan(IReadOnlyList<string> files, int size, int seed,
        int chunkBytes, int threads, long segmentBytes)
    {
        var sampler = new ReservoirSampler<SampledLine>(size, seed);
        for (var f = 0; f < files.Count; f++)
        {
            var skipHeader = files[f].EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
                || files[f].EndsWith(".csv.gz", StringComparison.OrdinalIgnoreCase);
            CorpusLineScanner.Scan(files[f], f, skipHeader, sampler, chunkBytes, threads, segmentBytes);
        }
        var kept = sampler.Items.ToArray();
        // File order as one number per line (a comparison delegate with four keys took ≈ 1 ms for 4,000 lines): the file,
        // then a plain file's line by its block's offset plus its rank in the block (a block holds fewer than 4,096 line
        // ends), a stream's by its line number; 48 bits for either (256 TiB, 2^48 lines).
        var keys = new long[kept.Length];
        for (var i = 0; i < kept.Length; i++)
            keys[i] = ((long)kept[i].File << 48) | (kept[i].Bytes is null ? kept[i].Block + kept[i].Rank : kept[i].LinesBefore);
        Array.Sort(keys, kept);
        return (kept, sampler.Seen);
    }

    /// <summary>Fills <c>items[from..to)</c> from <c>kept[from..to)</c>, reading a plain file's lines again.</summary>
    private static void Materialise(IReadOnlyList<string> files, SampledLine[] kept, CorpusItem[] items, int from, int to)
    {
        SafeFileHandle? handle = null;
        var (handleFile, length) = (-1, 0L);
        var window = new byte[CorpusLineScanner.WindowBytes];
        try
        {
            for (var i = from; i < to; i++)
            {
                var line = kept[i];
                var (number, bytes) = (line.LinesBefore + 1, new ArraySegment<byte>(line.Bytes ?? []));
                if (line.Bytes is null)
                {
                    if (handleFile != line.File)
                    {
                        handle?.Dispose();
                        handle = File.OpenHandle(files[line.File]);
                        (handleFile, length) = (line.File, RandomAccess.GetLength(handle));
                    }
                    (number, bytes) = CorpusLineScanner.ReadLine(handle!, length, line, window);
                }
                items[i] = new CorpusItem(files[line.File], number, TextOf(bytes));
            }
        }
        finally { handle?.Dispose(); }
    }

    /// <summary>Writes the sample as JSONL (<c>file</c>, <c>line</c>, <c>text</c>), atomically.</summary>
    public static void Write(string path, IEnumerable<CorpusItem> items) => AtomicFile.Write(path, temp =>
    {
        using var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 0);
        // One writer and one buffer for all lines, written out every 64 KiB (a writer per line allocated and grew its
        // own buffer each time, which took longer than finding the lines).
        var buffer = new ArrayBufferWriter<byte>(1 << 17);
        using var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        foreach (var item in items)
        {
            w.WriteStartObject();
            w.WriteString("file", item.File);
            w.WriteNumber("line", item.Line);
            w.WriteString("text", item.Text);
            w.WriteEndObject();
            w.Flush();
            w.Reset();
            buffer.GetSpan(1)[0] = (byte)'\n';
            buffer.Advance(1);
            if (buffer.WrittenCount < 1 << 16) continue;
            stream.Write(buffer.WrittenSpan);
            buffer.ResetWrittenCount();
        }
        stream.Write(buffer.WrittenSpan);
    });

    /// <summary>A line's text: a JSON object's <c>text</c> string, else the whole line; trailing <c>\r</c>s removed.</summary>
    internal static string TextOf(ReadOnlySpan<byte> bytes)
    {
        var end = bytes.Length;
        while (end > 0 && bytes[end - 1] == '\r') end--;
        var line = bytes[..end];
        if (line.IsEmpty || line[0] != '{') return Encoding.UTF8.GetString(line);
        // Read from the bytes, without the line as a string first. Invalid UTF-8, invalid JSON and strings that are
        // not valid UTF-16 take the general path, which decides as it always has.
        if (Utf8.IsValid(line))
        {
            try { return TextField(line) ?? Encoding.UTF8.GetString(line); }
            catch (Exception e) when (e is JsonException or InvalidOperationException) { }
        }
        var decoded = Encoding.UTF8.GetString(line);
        try
        {
            using var doc = JsonDocument.Parse(decoded);
            if (doc.RootElement.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String) return t.GetString()!;
        }
        catch (JsonException) { }
        return decoded;
    }

    /// <summary>The root object's <c>text</c> string, or null when it has none; the last one when there are several,
    /// as <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/> reads duplicates. Throws on invalid JSON.</summary>
    private static string? TextField(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        string? text = null;
        while (reader.Read())
        {
            if (reader.CurrentDepth != 1 || reader.TokenType != JsonTokenType.PropertyName) continue;
            var isText = reader.ValueTextEquals("text"u8);
            reader.Read();
            if (isText) text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            reader.Skip();
        }
        return text;
    }
}
