using System.CommandLine;
using System.Text.Json;
using Suanbei.Labels.Cli;

namespace Suanbei.Cli.Tests;

/// <summary>The explicit-label command, parsed and run in-process exactly as the CLI root will run it.</summary>
[Collection("console")]
public sealed class LabelExplicitCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("suanbei-cli-explicit-");

    private static (int Exit, string Out, string Err) Invoke(params string[] args)
    {
        var root = new RootCommand { LabelExplicitCommand.Create() };
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var (oldOut, oldErr) = (Console.Out, Console.Error);
        Console.SetOut(stdout);
        Console.SetError(stderr);
        try { return (root.Parse(args).Invoke(), stdout.ToString(), stderr.ToString()); }
        finally { Console.SetOut(oldOut); Console.SetError(oldErr); }
    }

    [Fact]
    public void Text_writes_the_label_and_check_finds_it()
    {
        var input = Path.Combine(_dir.FullName, "in.txt");
        var output = Path.Combine(_dir.FullName, "out.txt");
        File.WriteAllText(input, "天气晴。");

        Assert.Equal(2, Invoke("explicit", "check", input).Exit);
        var (exit, stdout, _) = Invoke("explicit", "text", input, "-o", output, "--position", "both", "--json");
        Assert.Equal(0, exit);
        using (var doc = JsonDocument.Parse(stdout))
        {
            Assert.Equal("text", doc.RootElement.GetProperty("kind").GetString());
            Assert.Equal("both", doc.RootElement.GetProperty("position").GetString());
        }
        Assert.Equal("【本内容由人工智能生成】\n\n天气晴。\n\n【本内容由人工智能生成】\n", File.ReadAllText(output));
        var check = Invoke("explicit", "check", output, "--json");
        Assert.Equal(0, check.Exit);
        Assert.Contains("\"where\":\"start\"", check.Out);
    }

    [Fact]
    public void Bad_wording_and_missing_input_exit_10_with_a_chinese_message()
    {
        var input = Path.Combine(_dir.FullName, "in.txt");
        File.WriteAllText(input, "x");
        var bad = Invoke("explicit", "text", input, "-o", Path.Combine(_dir.FullName, "o.txt"), "--wording", "机器写的");
        Assert.Equal(10, bad.Exit);
        Assert.Contains("提示文字", bad.Err);
        Assert.False(File.Exists(Path.Combine(_dir.FullName, "o.txt")));
        Assert.Equal(10,
            Invoke("explicit", "image", Path.Combine(_dir.FullName, "missing.png"), "-o", Path.Combine(_dir.FullName, "o.png")).Exit);
        Assert.NotEqual(0, Invoke("explicit", "text", input).Exit); // -o is required
    }

    public void Dispose() => _dir.Delete(recursive: true);
}
