using Suanbei.Labels.Formats.Io;
using Suanbei.Testing;

namespace Suanbei.Labels.Tests;

/// <summary>The verify path reads a small file with three system calls on Linux, and leaves everything else to the
/// general path, whose exceptions and messages the CLI and the C library report.</summary>
public class SmallFileReadTests
{
    [Fact]
    public void A_small_file_is_verified_by_the_short_read_with_the_same_report()
    {
        using var f = new Fixtures();
        var png = f.Path("a.png");
        LabelFile.Write(f.Image("png"), png, Fixtures.Label());
        var fast = SmallFileRead.TryVerify(png, ".png");
        Assert.NotNull(fast);
        var general = LabelFile.Verify(File.OpenRead(png), ".png");
        Assert.Equal(ReportJson.ToJsonLine(png, general), ReportJson.ToJsonLine(png, fast));
        Assert.Equal(Verdict.Compliant, fast.Verdict);

        var empty = f.Path("empty.png");
        File.WriteAllBytes(empty, []);
        Assert.Equal(Verdict.Inconclusive, SmallFileRead.TryVerify(empty, ".png")!.Verdict);

        // A relative path resolves against the working directory, as File.OpenHandle's does.
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, png);
        Assert.Equal(Verdict.Compliant, SmallFileRead.TryVerify(relative, ".png")!.Verdict);
    }

    [Fact]
    public void Missing_files_folders_and_large_files_are_left_to_the_general_path()
    {
        using var f = new Fixtures();
        Assert.Null(SmallFileRead.TryVerify(f.Path("missing.png"), ".png"));
        Assert.Throws<FileNotFoundException>(() => LabelFile.Verify(f.Path("missing.png")));
        Assert.Null(SmallFileRead.TryVerify(f.Dir, ""));
        // A folder is said to be one, naming it (rather than .NET's "Access to the path is denied").
        Assert.Equal(f.Dir + " 是目录，不是文件", Assert.Throws<IOException>(() => LabelFile.Verify(f.Dir)).Message);
        Assert.Equal(f.Dir + " 是目录，不是文件", Assert.Throws<IOException>(() => LabelFile.Read(f.Dir, out _)).Message);

        var large = f.Path("large.bin");
        File.WriteAllBytes(large, new byte[LabelFile.SmallFileLength]);
        Assert.Null(SmallFileRead.TryVerify(large, ".bin"));
        Assert.Equal(Verdict.Inconclusive, LabelFile.Verify(large).Verdict);
        var justBelow = f.Path("below.bin");
        File.WriteAllBytes(justBelow, new byte[LabelFile.SmallFileLength - 1]);
        Assert.NotNull(SmallFileRead.TryVerify(justBelow, ".bin"));
    }

    [Fact]
    public void A_fifo_is_not_opened_for_reading_by_the_short_read()
    {
        using var f = new Fixtures();
        var fifo = f.Path("pipe.png");
        ExternalTool.RunChecked("mkfifo", fifo);
        // Opened non-blocking, a FIFO with no writer returns at once instead of waiting for one.
        Assert.Null(SmallFileRead.TryVerify(fifo, ".png"));
    }
}
