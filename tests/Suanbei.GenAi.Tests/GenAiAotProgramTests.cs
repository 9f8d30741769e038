using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Suanbei.GenAi.Cli;
using Suanbei.Labels.Cli;

namespace Suanbei.GenAi.Tests;

/// <summary>
/// <c>./suanbei genai keywords|corpus …</c> runs the Native AOT program the launcher builds on first use, and it is the
/// same command as in the full CLI: same output, exit codes and Chinese errors, published with no trim or AOT warning
/// (the launcher keeps the publish log beside the build; this reads it rather than publishing a second time).
/// </summary>
public sealed class GenAiAotProgramTests
{
    private static string BuildRoot => Environment.GetEnvironmentVariable("SUANBEI_BUILD_DIR") is { Length: > 0 } dir
        ? dir
        : Path.Combine(RepoPaths.Root, ".build");

    [Fact]
    public async Task Launcher_runs_a_native_aot_build_published_without_trim_or_aot_warnings()
    {
        var help = await Launcher(["genai", "keywords", "scan", "--help"]);
        Assert.True(help.ExitCode == 0, help.ToString());
        Assert.Contains("--keywords", help.StdOut);

        var build = Path.Combine(BuildRoot, "genai");
        var log = File.ReadAllText(Path.Combine(build, "build.log"));
        Assert.True(File.Exists(Path.Combine(build, "suanbei-genai")), "no executable in " + build + "\n" + log);
        Assert.False(File.Exists(Path.Combine(build, "suanbei-genai.dll")), "the AOT publish failed, a fallback was used:\n" + log);
        Assert.False(File.Exists(Path.Combine(build, "libcoreclr.so")), "the AOT publish failed, a fallback was used:\n" + log);
        var warnings = log.Split('\n').Where(l => Regex.IsMatch(l, @"warning IL[23]\d{3}\b")).Distinct().ToList();
        Assert.True(warnings.Count == 0, "the Native AOT publish warned:\n" + string.Join("\n", warnings));
    }

    [Fact]
    public async Task Keyword_scans_print_the_same_as_the_full_cli()
    {
        using var banks = new TestBanks();
        var keywords = banks.Write("kw.csv", "text,risk\n违禁词,A.1.8\n歧视语,A.2.9;A.2.1\n禁词,A.1.8\n");
        var text = banks.Write("a.txt", "开头违禁词，后面还有歧视语。\n第二行：违禁词违禁词\n");
        var clean = banks.Write("b.txt", "干净的文本");
        string[][] cases =
        [
            ["genai", "keywords", "scan", "--keywords", keywords, text, clean, "--json"],
            ["genai", "keywords", "scan", "--keywords", keywords, text, clean],
            ["genai", "keywords", "scan", "--keywords", keywords, clean, "--count"],
            ["genai", "keywords", "scan", "--engine", "search-values", "--keywords", keywords, text, "--count"],
            ["genai", "keywords", "scan", "--keywords", banks.Path("none.csv"), text],
            ["genai", "keywords", "scan", "--keywords", keywords, banks.Path("none.txt")],
            ["genai", "keywords", "scan", "--keywords", keywords, text, "--engine", "regex"],
            ["genai", "keywords", "scan", text],
        ];
        foreach (var args in cases) await AssertSame(args);
    }

    [Fact]
    public async Task Corpus_samples_are_the_same_as_the_full_cli()
    {
        using var banks = new TestBanks();
        var corpus = banks.Write("c.jsonl", string.Concat(Enumerable.Range(0, 500).Select(i => $"{{\"text\":\"第{i}条\"}}\n")));
        var jit = banks.Path("jit.jsonl");
        var aot = banks.Path("aot.jsonl");
        var fromJit = await Cli.RunAsync(["genai", "corpus", "sample", corpus, "--size", "20", "--seed", "5", "-o", jit]);
        var fromAot = await Launcher(["genai", "corpus", "sample", corpus, "--size", "20", "--seed", "5", "-o", aot]);
        Assert.True(fromAot.ExitCode == 0, fromAot.ToString());
        Assert.Equal((fromJit.ExitCode, fromJit.StdOut, fromJit.StdErr.Replace(jit, aot)),
            (fromAot.ExitCode, fromAot.StdOut, fromAot.StdErr));
        Assert.Equal(File.ReadAllText(jit), File.ReadAllText(aot));

        await AssertSame(["genai", "corpus", "sample", banks.Path("none.jsonl"), "-o", aot]);
        await AssertSame(["genai", "corpus", "sample", corpus, "--size", "0", "-o", aot]);
        await AssertSame(["genai", "corpus", "sample", corpus]);
    }

    [Fact]
    public async Task Genai_path_prints_the_program_a_pipeline_can_start_directly()
    {
        using var banks = new TestBanks();
        var corpus = banks.Write("c.jsonl", string.Concat(Enumerable.Range(0, 300).Select(i => $"{{\"text\":\"第{i}条\"}}\n")));
        var path = await Launcher(["genai", "path"]);
        Assert.True(path.ExitCode == 0, path.ToString());
        var program = path.StdOut.TrimEnd('\n');
        Assert.Equal(Path.Combine(Path.GetFullPath(BuildRoot), "genai", "suanbei-genai"), program);
        // Started directly, it answers as the launcher does, byte for byte.
        var launched = await Launcher(["genai", "corpus", "sample", corpus, "--size", "9", "-o", banks.Path("a.jsonl")]);
        var direct = await Run(program, ["genai", "corpus", "sample", corpus, "--size", "9", "-o", banks.Path("b.jsonl")]);
        Assert.True(direct.ExitCode == 0, direct.ToString());
        Assert.Equal(launched.StdErr.Replace("a.jsonl", "b.jsonl"), direct.StdErr);
        Assert.Equal(File.ReadAllText(banks.Path("a.jsonl")), File.ReadAllText(banks.Path("b.jsonl")));
        Assert.Equal(9, File.ReadAllLines(banks.Path("b.jsonl")).Length);
    }

    [Fact]
    public void The_usage_exit_code_is_the_one_of_every_other_command() =>
        Assert.Equal(LabelCliOptions.UsageOrIoError, GenAiCliOptions.UsageOrIoError);

    private static async Task AssertSame(string[] args)
    {
        var jit = await Cli.RunAsync(args);
        var aot = await Launcher(args);
        Assert.True((jit.ExitCode, jit.StdOut, jit.StdErr) == (aot.ExitCode, aot.StdOut, aot.StdErr),
            $"{string.Join(' ', args)}\nfull CLI: {jit}\nAOT program: {aot}");
    }

    /// <summary>The launcher after it has built the program (the first call builds, minutes on a cold machine, and says so
    /// on stderr), so that the compared calls print only what the command prints.</summary>
    private static readonly Lazy<Task<Cli.Result>> Built = new(() => Run(["genai", "keywords", "scan", "--help"]));

    /// <summary>The repository-root launcher, as a user types it.</summary>
    private static async Task<Cli.Result> Launcher(string[] args)
    {
        var built = await Built.Value;
        Assert.True(built.ExitCode == 0, "./suanbei genai could not be built: " + built);
        return await Run(args);
    }

    private static Task<Cli.Result> Run(string[] args) => Run(Path.Combine(RepoPaths.Root, "suanbei"), args);

    private static async Task<Cli.Result> Run(string program, string[] args)
    {
        var psi = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8, StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        await process.WaitForExitAsync(timeout.Token);
        return new Cli.Result(process.ExitCode, await stdout, await stderr);
    }
}
