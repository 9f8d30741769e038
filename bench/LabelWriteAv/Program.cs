using System.Diagnostics;
using Suanbei.Labels;

// Usage: LabelWriteAv write IN OUT | inplace FILE | read FILE
// Writes AigcLabel.ForProducer(...) with the container format that matches the file; prints the elapsed milliseconds
// of the label operation itself (process start-up excluded) so the script can compare with cp and ffmpeg.
if (args.Length < 2) { Console.Error.WriteLine("usage: write IN OUT | inplace FILE | read FILE"); return 10; }
var label = AigcLabel.ForProducer("001191440300708461136T1XGW3", "bench-0001");

IContainerFormat FormatOf(string path)
{
    var head = new byte[64];
    using var f = File.OpenRead(path);
    var n = f.Read(head);
    var ext = Path.GetExtension(path).ToLowerInvariant();
    return ContainerFormats.All.FirstOrDefault(x => x.Matches(head.AsSpan(0, n), ext)) ?? throw new InvalidOperationException("unknown format");
}

var format = FormatOf(args[1]);
// The first call includes JIT compilation of the code path, a second one is the steady state
// (what a long-running service or a batch over many files sees). Both are printed.
var times = new List<double>();
// Copy mode runs once (so wall-clock time compares with one `cp`); in-place runs twice.
var rounds = args[0] == "inplace" ? 2 : 1;
try
{
for (var round = 0; round < rounds; round++)
{
var sw = Stopwatch.StartNew();
switch (args[0])
{
    case "write":
        var temp = args[2] + ".tmp-" + Environment.ProcessId;
        using (var input = new FileStream(args[1], FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan))
        using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20))
            format.Write(input, output, label);
        File.Move(temp, args[2], overwrite: true);
        break;
    case "inplace":
        using (var file = new FileStream(args[1], FileMode.Open, FileAccess.ReadWrite, FileShare.None, 4096))
            format.WriteInPlace(file, label);
        break;
    case "read":
        using (var file = File.OpenRead(args[1]))
        {
            var result = format.Read(file);
            foreach (var l in result.Labels) Console.WriteLine($"{l.Placement}\t{l.RawValue}");
            if (result.Damage is not null) Console.WriteLine("damage: " + result.Damage);
        }
        break;
}
times.Add(sw.Elapsed.TotalMilliseconds);
}
}
catch (LabelWriteException e)
{
    Console.Error.WriteLine($"{format.Name} {args[0]} refused: {e.Message}");
    return 1;
}
Console.Error.WriteLine($"{format.Name} {args[0]} cold {times[0]:F1} ms" + (times.Count > 1 ? $", warm {times[1]:F1} ms" : ""));
return 0;
