using System.Text;
using Xunit.Abstractions;

namespace Suanbei.Labels.Tests;

/// <summary>
/// Time-bounded mutation fuzzing over labeled fixtures: truncation, bit flips, huge length fields, duplicated spans
/// and deep nesting. Calls each format's reader directly (not through the facade's last-resort catch) and proves that
/// no exception escapes, each read finishes within a timeout and allocates a bounded amount; every 20th mutant is also
/// written, and a write that completes must read back as exactly the label written. Seeded: reproducible.
/// </summary>
public class FuzzTests(ITestOutputHelper output)
{
    private const int Iterations = 2000;
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(5);
    private const long MaxAllocatedPerRead = 64L * 1024 * 1024;

    public static IEnumerable<object[]> Cases() =>
        FormatCases.All.Keys.Concat(FormatCases.FuzzOnly.Keys).Select(k => new object[] { k });

    private static FormatCases.Case CaseNamed(string name) => FormatCases.All.GetValueOrDefault(name) ?? FormatCases.FuzzOnly[name];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Mutated_files_never_throw_hang_or_allocate_unboundedly(string name)
    {
        using var f = new Fixtures();
        string labeled;
        IContainerFormat format;
        {
            var c = CaseNamed(name);
            var input = c.Make(f);
            labeled = f.Path("labeled" + Path.GetExtension(input));
            LabelFile.Write(input, labeled, Fixtures.Label());
        }
        format = LabelFile.Detect(labeled)!;
        var original = File.ReadAllBytes(labeled);
        var ext = Path.GetExtension(labeled);
        var random = new Random(name.Aggregate(20260901, (h, ch) => h * 31 + ch)); // stable seed per case
        var stats = new Dictionary<string, int>();
        for (var i = 0; i < Iterations; i++)
        {
            var (kind, data) = Mutate(original, random);
            var (error, verdict, allocated) = ReadWithTimeout(format, data);
            Assert.True(error is null, $"{name} iteration {i} ({kind}): {error}");
            Assert.True(allocated < MaxAllocatedPerRead, $"{name} iteration {i} ({kind}) allocated {allocated:N0} bytes");
            stats[verdict] = stats.GetValueOrDefault(verdict) + 1;

            if (i % 20 == 0)
            {
                // A write (as LabelFile.Write does it: detect, write, read back) may refuse a damaged input, but only
                // with a reason; a write it completes must hold exactly the new label when read again.
                var detected = LabelFile.Detect(new MemoryStream(data, writable: false), ext);
                if (detected is null) continue;
                var written = new MemoryStream();
                var fresh = Fixtures.Label("fuzz-" + i);
                try { LabelFile.WriteChecked(detected, new MemoryStream(data, writable: false), written, fresh, ext); }
                catch (LabelWriteException e)
                {
                    Assert.False(e.Message.Contains(LabelFile.InternalErrorPrefix), $"{name} iteration {i} ({kind}) write: {e.Message}");
                    // Refusals by the read-back check: the writer alone would have reported success (see output).
                    var outcome = e.Message.Contains("回读核对失败") ? "write-refused-on-read-back" : "write-refused";
                    stats[outcome] = stats.GetValueOrDefault(outcome) + 1;
                    continue;
                }
                catch (Exception e)
                {
                    Assert.Fail(
                    $"{name} iteration {i} ({kind}) write: {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
                }
                written.Position = 0;
                var again = detected.Read(written);
                Assert.True(again.Damage is null, $"{name} iteration {i} ({kind}): written file damaged: {again.Damage}");
                var found = Assert.Single(again.Labels);
                Assert.True(LabelPayload.TryParse(found.RawValue, out var payload, out _) && payload!.ToLabel() == fresh,
                    $"{name} iteration {i} ({kind}): read {found.RawValue}");
                stats["written"] = stats.GetValueOrDefault("written") + 1;
            }
        }
        output.WriteLine($"{name}: " + string.Join(", ", stats.Select(kv => $"{kv.Key}={kv.Value}")));
        if (CaseNamed(name).HasStructure)
            Assert.True(stats.GetValueOrDefault("damaged") > 0, "the mutations should damage some files");
    }

    private static (string? Error, string Verdict, long Allocated) ReadWithTimeout(IContainerFormat format, byte[] data)
    {
        var task = Task.Run(() =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                var r = format.Read(new MemoryStream(data, writable: false));
                var verdict = r.Damage is not null ? "damaged" : r.Labels.Count == 0 ? "none" : "labels";
                return ((string?)null, verdict, GC.GetAllocatedBytesForCurrentThread() - before);
            }
            catch (Exception e)
            {
                return (e.GetType().Name + ": " + e.Message + "\n" + e.StackTrace, "exception",
                    GC.GetAllocatedBytesForCurrentThread() - before);
            }
        });
        return task.Wait(ReadTimeout) ? task.Result : ("timeout", "timeout", 0);
    }

    private static (string Kind, byte[] Data) Mutate(byte[] original, Random r)
    {
        var data = (byte[])original.Clone();
        switch (r.Next(6))
        {
            case 0:
                return ("truncate", data[..r.Next(data.Length)]);
            case 1:
                for (var k = r.Next(1, 9); k > 0; k--) data[r.Next(data.Length)] ^= (byte)(1 << r.Next(8));
                return ("bitflip", data);
            case 2:
                // A huge or maximal length/offset field at a random (often structural) position.
                var at = r.Next(Math.Max(1, data.Length - 4));
                var huge = r.Next(3) switch { 0 => 0xFFFFFFFFu, 1 => 0x7FFFFFFFu, _ => (uint)r.Next() };
                if (r.Next(2) == 0) System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(at), huge);
                else System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(at), huge);
                return ("huge-length", data);
            case 3:
                // Duplicate a span (repeated chunks/boxes/segments).
                var start = r.Next(data.Length);
                var len = Math.Min(r.Next(1, 4096), data.Length - start);
                var insertAt = r.Next(data.Length);
                return ("duplicate", [.. data[..insertAt], .. data.AsSpan(start, len).ToArray(), .. data[insertAt..]]);
            case 4:
                // Deep nesting: PDF dictionaries/arrays, XML elements, YAML/JSON braces.
                var nest = r.Next(3) switch
                {
                    0 => Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("<<", 5000))),
                    1 => Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("[", 5000))),
                    _ => Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("{\"AIGC\":", 2000))),
                };
                var pos = r.Next(data.Length);
                return ("nesting", [.. data[..pos], .. nest, .. data[pos..]]);
            default:
                // Zero a span (erased lengths, empty boxes).
                var z = r.Next(data.Length);
                data.AsSpan(z, Math.Min(r.Next(1, 64), data.Length - z)).Clear();
                return ("zero", data);
        }
    }
}
