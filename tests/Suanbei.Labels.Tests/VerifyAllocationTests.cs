using System.Buffers;
using System.Text;
using Xunit.Abstractions;

namespace Suanbei.Labels.Tests;

/// <summary>
/// The verify path of a small labelled image allocates little per file: on a 2-core VM every fresh 4 KiB page the
/// garbage collector hands out costs a page fault (≈ 12 µs), so bytes allocated per file are most of a folder run's
/// time beyond the system calls (BENCHMARKS.md). The readers parse the XMP packet from the file's bytes, which they see
/// as views of the one buffer the file was read into; these tests pin the budget and that views and copies agree.
/// </summary>
public class VerifyAllocationTests(ITestOutputHelper output)
{
    /// <summary>Bytes a compliant PNG or JPEG may cost, verified and written as its JSON line (1,288 and 1,264 measured).
    /// What is left: the label's raw value (≈ 400 B) and its distinct field values (strings of the report), the fields
    /// (one object), the report's records, the reader's list, the memory stream over the read buffer and the file's
    /// extension; a dictionary of the fields and lists of no problems made it ≈ 1.7 KB, the string-based readers ≈ 5 KB.</summary>
    private const int BudgetPerFile = 1344;

    private static (string Png, string Jpeg) LabelledImages(Fixtures f)
    {
        // As bench/verify-vs-exiftool.sh makes them: small ImageMagick images with a few text chunks of their own.
        var png = f.Path("l.png");
        var jpeg = f.Path("l.jpg");
        LabelFile.Write(f.Image("png", "p", "-fill", "white", "-draw", "text 4,20 'n1'"), png, Fixtures.Label("p1"));
        LabelFile.Write(f.Image("jpg", "j", "-quality", "85"), jpeg, Fixtures.Label("j1"));
        return (png, jpeg);
    }

    [Fact]
    public void Verifying_a_small_labelled_image_allocates_within_the_budget()
    {
        using var f = new Fixtures();
        var (png, jpeg) = LabelledImages(f);
        var line = new ArrayBufferWriter<byte>(4096);
        foreach (var path in new[] { png, jpeg })
        {
            const int rounds = 200;
            void VerifyOnce()
            {
                var report = LabelFile.Verify(path);
                if (report.Verdict != Verdict.Compliant) Assert.Fail($"{path}: {report.Verdict}"); // no allocation when true
                line.ResetWrittenCount();
                ReportJson.WriteJsonLine(line, path, report);
            }
            for (var i = 0; i < 20; i++) VerifyOnce(); // first calls: static state, pools, per-thread buffers
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < rounds; i++) VerifyOnce();
            var perFile = (GC.GetAllocatedBytesForCurrentThread() - before) / rounds;
            output.WriteLine($"{Path.GetExtension(path)}: {perFile} bytes allocated per file");
            Assert.True(perFile <= BudgetPerFile, $"{path}: {perFile} bytes per file, budget {BudgetPerFile}");
        }
    }

    /// <summary>A file read into memory is parsed from views of that buffer, any other stream from copies of its
    /// chunks: the same reports (JSON lines) on the labelled images and on seeded mutants of them.</summary>
    [Fact]
    public void Views_of_the_read_buffer_and_copied_chunks_give_the_same_reports()
    {
        using var f = new Fixtures();
        var (png, jpeg) = LabelledImages(f);
        var random = new Random(20261206);
        var compared = new Dictionary<Verdict, int>();
        foreach (var path in new[] { png, jpeg })
        {
            var original = File.ReadAllBytes(path);
            var ext = Path.GetExtension(path);
            for (var i = 0; i < 1500; i++)
            {
                var data = i == 0 ? original : Mutate(original, random);
                var viewed = LabelFile.Verify(new MemoryStream(data, 0, data.Length, writable: false, publiclyVisible: true), ext);
                var copied = LabelFile.Verify(new BufferedStream(new MemoryStream(data, writable: false)), ext);
                Assert.Equal(ReportJson.ToJsonLine(path, copied), ReportJson.ToJsonLine(path, viewed));
                compared[viewed.Verdict] = compared.GetValueOrDefault(viewed.Verdict) + 1;
            }
        }
        output.WriteLine(string.Join(", ", compared.Select(kv => $"{kv.Key}={kv.Value}")));
        // The mutants reach every verdict, so the comparison covers labels found, broken and missing.
        Assert.Equal(4, compared.Count);
    }

    /// <summary>PNG text keywords are matched as Latin-1 bytes: the same answer as the rule on the decoded keyword.</summary>
    [Fact]
    public void A_latin1_keyword_matches_as_its_decoded_string_does()
    {
        var random = new Random(7);
        byte[] letters = "AIGCaigcXx_ "u8.ToArray();
        for (var i = 0; i < 20000; i++)
        {
            var key = new byte[random.Next(0, 9)];
            for (var k = 0; k < key.Length; k++)
                key[k] = random.Next(3) == 0 ? (byte)random.Next(256) : letters[random.Next(letters.Length)];
            Assert.Equal(AigcKey.Matches(Encoding.Latin1.GetString(key)), AigcKey.MatchesLatin1(key));
        }
    }

    private static byte[] Mutate(byte[] original, Random r)
    {
        var data = (byte[])original.Clone();
        switch (r.Next(4))
        {
            case 0: return data[..r.Next(data.Length)];
            case 1:
                for (var k = r.Next(1, 4); k > 0; k--) data[r.Next(data.Length)] ^= (byte)(1 << r.Next(8));
                return data;
            case 2:
                // Within the label's packet: its bytes are what the views are read from.
                var at = Math.Max(0, Array.IndexOf(data, (byte)'{') + r.Next(-40, 200));
                if (at < data.Length) data[at] = (byte)r.Next(256);
                return data;
            default:
                var start = r.Next(data.Length);
                var len = Math.Min(r.Next(1, 64), data.Length - start);
                var insertAt = r.Next(data.Length);
                return [.. data[..insertAt], .. data.AsSpan(start, len).ToArray(), .. data[insertAt..]];
        }
    }
}
