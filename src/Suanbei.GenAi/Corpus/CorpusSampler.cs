using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Suanbei.GenAi.Statistics;

namespace Suanbei.GenAi.Corpus;

/// <summary>
/// A seeded uniform sample of N items (non-empty lines; a CSV file's header line excluded) from corpus files of any
/// size, JSONL/TXT/CSV and gzip too. Lines are counted in the raw bytes (<see cref="CorpusLineScanner"/>) and only the
/// kept ones are copied and decoded, so the cost is one read of the files and the memory is the sample's.
/// </summary>
public static class CorpusSampler
{
    /// <summary>1 MiB: a chunk read into its buffer is still in the core's cache when it is counted.</summary>
    internal const int ChunkBytes = 1 << 20;

    public static (IReadOnlyList<CorpusItem> Items, long Population) Sample(IReadOnlyList<string> files, int size, int seed) =>
        Sample(files, size, seed, ChunkBytes, Environment.ProcessorCount);

    /// <summary>As <see cref="Sample(IReadOnlyList{string}, int, int)"/> with the chunk size and the number of threads
    /// given (tests make chunks small to put lines across their boundaries).</summary>
    internal static (IReadOnlyList<CorpusItem> Items, long Population) Sample(IReadOnlyList<string> files, int size, int seed,
        int chunkBytes, int threads)
    {
        var sampler = new ReservoirSampler<(int File, long Line, byte[] Bytes)>(size, seed);
        for (var f = 0; f < files.Count; f++)
        {
            var skipHeader = files[f].EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
                || files[f].EndsWith(".csv.gz", StringComparison.OrdinalIgnoreCase);
            CorpusLineScanner.Scan(files[f], f, skipHeader, sampler, chunkBytes, threads);
        }
        var items = sampler.Items.OrderBy(x => x.File).ThenBy(x => x.Line)
            .Select(x => new CorpusItem(files[x.File], x.Line, TextOf(x.Bytes))).ToList();
        return (items, sampler.Seen);
    }

    /// <summary>Writes the sample as JSONL (<c>file</c>, <c>line</c>, <c>text</c>), atomically.</summary>
    public static void Write(string path, IEnumerable<CorpusItem> items) => AtomicFile.Write(path, temp =>
    {
        using var stream = File.Create(temp);
        var options = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        foreach (var item in items)
        {
            using (var w = new Utf8JsonWriter(stream, options))
            {
                w.WriteStartObject();
                w.WriteString("file", item.File);
                w.WriteNumber("line", item.Line);
                w.WriteString("text", item.Text);
                w.WriteEndObject();
            }
            stream.WriteByte((byte)'\n');
        }
    });

    private static string TextOf(byte[] bytes)
    {
        var line = Encoding.UTF8.GetString(bytes).TrimEnd('\r');
        if (line.StartsWith('{'))
        {
            try
            {
                using var doc = JsonDocument.Parse(line);
                if (doc.RootElement.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String) return t.GetString()!;
            }
            catch (JsonException) { }
        }
        return line;
    }
}
