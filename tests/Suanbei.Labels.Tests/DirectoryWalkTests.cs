namespace Suanbei.Labels.Tests;

/// <summary>The folder walk that reads entry types from the folder (no system call per file) against the general
/// enumerator it replaces on Linux: the same paths as the same strings, the same skipped entries in the same order.</summary>
public class DirectoryWalkTests
{
    private static (List<string> Files, List<string> Skipped) Fast(string root)
    {
        var (files, skipped) = (new List<string>(), new List<string>());
        Assert.True(DirectoryEntries.TryCollect(root, files, skipped.Add), root);
        files.Sort(StringComparer.Ordinal);
        return (files, skipped);
    }

    private static (List<string> Files, List<string> Skipped) General(string root)
    {
        var (files, skipped) = (new List<string>(), new List<string>());
        FileKinds.CollectPortably(root, files, skipped.Add);
        files.Sort(StringComparer.Ordinal);
        return (files, skipped);
    }

    [Fact]
    public void The_walk_by_entry_type_finds_what_the_general_enumerator_finds()
    {
        using var f = new Fixtures();
        var image = f.Image("png");
        foreach (var folder in new[] { "sub/deeper", ".hidden", "sub/empty", "名字 with space" })
            Directory.CreateDirectory(f.Path(folder));
        foreach (var name in new[] { "sub/a.png", "sub/deeper/b.png", ".hidden/.c.png", "名字 with space/图.png" })
            File.Copy(image, f.Path(name));
        File.CreateSymbolicLink(f.Path("sub/link.png"), image);
        File.CreateSymbolicLink(f.Path("sub/loop"), f.Dir); // a folder link: not followed
        File.CreateSymbolicLink(f.Path("sub/dangling"), f.Path("nothing"));
        Suanbei.Testing.ExternalTool.RunChecked("mkfifo", f.Path("sub/deeper/pipe"));
        Suanbei.Testing.ExternalTool.RunChecked("mkfifo", f.Path("pipe"));

        foreach (var root in new[] { f.Dir, f.Dir + "/", f.Dir + "//", f.Dir + "/./sub/..", f.Path("sub/loop") })
        {
            var (fast, general) = (Fast(root), General(root));
            Assert.Equal(general.Files, fast.Files);
            Assert.Equal(general.Skipped, fast.Skipped);
        }
        var (files, skipped) = Fast(f.Dir);
        Assert.Equal(6, files.Count); // the image, four copies and the link to a file, each once
        Assert.Equal(3, skipped.Count); // two pipes and the dangling link
    }

    [Fact]
    public void A_folder_that_cannot_be_walked_is_left_to_the_general_enumerator_and_its_error()
    {
        using var f = new Fixtures();
        var skipped = new List<string>();
        Assert.False(DirectoryEntries.TryCollect(f.Path("missing"), [], skipped.Add));
        Assert.Empty(skipped);
        Assert.Throws<DirectoryNotFoundException>(() => FileKinds.RegularFilesUnder(f.Path("missing"), skipped.Add));
    }
}
