using System.Diagnostics;

namespace Suanbei.Labels.Tests;

/// <summary>Temp files of atomic writes: recognisable names, and removal of the ones a killed writer left.</summary>
public class TempFilesTests
{
    private static readonly EnumerationOptions All = new() { AttributesToSkip = 0 };

    /// <summary>The id of a process that has ended (a real one, so the id is not merely unlikely).</summary>
    private static int EndedProcessId()
    {
        using var p = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        p.WaitForExit();
        return p.Id;
    }

    [Fact]
    public void Temp_names_are_hidden_ours_and_never_end_in_the_outputs_extension()
    {
        using var f = new Fixtures();
        var temp = TempFiles.NewPathFor(f.Path("图片.png"));
        var name = Path.GetFileName(temp);
        Assert.StartsWith(".图片.png.suanbei-" + Environment.ProcessId + "-", name);
        Assert.EndsWith(".partial", name);
        Assert.True(TempFiles.IsTempName(name));
        Assert.False(TempFiles.IsTempName(".图片.png.1a2b3c4d.tmp")); // another tool's (or an older version's) file
        Assert.Equal(f.Dir, Path.GetDirectoryName(temp));

        var longName = new string('长', 79) + "😀" + new string('x', 200) + ".png";
        var cut = Path.GetFileName(TempFiles.NewPathFor(f.Path(longName)));
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(cut) <= 255);
        Assert.DoesNotContain('\uFFFD', System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(cut)));
    }

    [Fact]
    public void Stale_temp_files_are_removed_live_and_foreign_ones_kept()
    {
        using var f = new Fixtures();
        var dead = f.Path($".a.png.suanbei-{EndedProcessId()}-0123abcd.partial");
        var live = f.Path($".b.png.suanbei-{Environment.ProcessId}-0123abcd.partial");
        var liveButOld = f.Path($".c.png.suanbei-{Environment.ProcessId}-4567abcd.partial");
        var foreign = f.Path(".d.png.0123abcd.tmp");
        var user = f.Path("e.suanbei-1-0123abcd.partial.png");
        foreach (var p in new[] { dead, live, liveButOld, foreign, user }) File.WriteAllText(p, "x");
        File.SetLastWriteTimeUtc(liveButOld, DateTime.UtcNow - TempFiles.StaleAfter - TimeSpan.FromMinutes(1));

        Assert.Equal(2, TempFiles.RemoveStale(f.Dir));
        Assert.False(File.Exists(dead));
        Assert.False(File.Exists(liveButOld));
        Assert.True(File.Exists(live));
        Assert.True(File.Exists(foreign));
        Assert.True(File.Exists(user));
    }

    [Fact]
    public void A_write_removes_a_dead_writers_temp_file_and_leaves_none_of_its_own()
    {
        using var f = new Fixtures();
        var input = f.Image("png");
        var stale = f.Path($".out.png.suanbei-{EndedProcessId()}-89abcdef.partial");
        File.WriteAllBytes(stale, new byte[1000]);
        LabelFile.Write(input, f.Path("out.png"), Fixtures.Label());
        Assert.False(File.Exists(stale));
        Assert.Empty(Directory.GetFiles(f.Dir, "*.partial", All));
    }

    [Fact]
    public void A_write_whose_output_is_a_pipe_is_refused_and_leaves_the_pipe()
    {
        using var f = new Fixtures();
        var pipe = f.Path("out.png");
        Suanbei.Testing.ExternalTool.RunChecked("mkfifo", pipe);
        var refused = Assert.Throws<IOException>(() => LabelFile.Write(f.Image("png"), pipe, Fixtures.Label()));
        Assert.Contains("不是普通文件", refused.Message);
        Assert.Equal("fifo", Suanbei.Testing.ExternalTool.RunChecked("stat", "-c", "%F", pipe).Trim());
        Assert.Empty(Directory.GetFiles(f.Dir, "*.partial", All));
    }

    [Fact]
    public void FileKinds_tell_regular_files_from_pipes_and_folders_without_opening_them()
    {
        using var f = new Fixtures();
        var file = f.Image("png");
        var pipe = f.Path("pipe");
        Suanbei.Testing.ExternalTool.RunChecked("mkfifo", pipe);
        Assert.Equal(FileKind.Regular, FileKinds.Of(file));
        Assert.Equal(FileKind.Other, FileKinds.Of(pipe));
        Assert.Equal(FileKind.Directory, FileKinds.Of(f.Dir));
        Assert.Equal(FileKind.Missing, FileKinds.Of(f.Path("nothing")));
        Assert.Throws<IOException>(() => LabelFile.Write(pipe, f.Path("out.png"), Fixtures.Label()));

        Directory.CreateDirectory(f.Path("sub"));
        File.Copy(file, f.Path("sub/x.png"));
        File.CreateSymbolicLink(f.Path("sub/loop"), f.Dir);
        File.CreateSymbolicLink(f.Path("link.png"), file);
        var skipped = new List<string>();
        var files = FileKinds.RegularFilesUnder(f.Dir, skipped.Add);
        Assert.Equal([f.Path("link.png"), file, f.Path("sub/x.png")], files); // ordinal order, each once
        Assert.Equal([pipe], skipped);
    }
}
