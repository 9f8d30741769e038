using System.IO.Compression;
using System.Xml.Linq;
using Suanbei.Testing;

namespace Suanbei.Labels.Tests;

/// <summary>
/// Suanbei.Labels as a platform consumes it: <c>dotnet pack</c> of Suanbei.Core and Suanbei.Labels into a folder, then
/// a throwaway console project that references the package from that folder (plus the feeds already configured)
/// and labels an image with <c>LabelFile</c>. The packages get a version of their own so that no cached copy of an
/// earlier run is restored, and build in a folder of their own so that the solution's outputs are left alone.
/// </summary>
public sealed class NuGetPackageTests : IDisposable
{
    private const string Producer = "001191440300708461136T1XGW3";
    private readonly string _dir = Directory.CreateTempSubdirectory("suanbei-nuget-").FullName;
    private readonly string _version = $"0.0.0-test.{Guid.NewGuid():N}";

    public void Dispose()
    {
        try { Directory.Delete(_dir, true); } catch (IOException) { }
        // The restored copies of this run's unique version would only accumulate in the package cache.
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } c
            ? c
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var id in new[] { "suanbei.labels", "suanbei.core" })
            try { Directory.Delete(Path.Combine(cache, id, _version), true); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    private string P(string name) => Path.Combine(_dir, name);

    private static ExternalTool.Result Dotnet(string workingDirectory, params string[] args)
    {
        var r = ExternalTool.Run("dotnet", args, timeout: TimeSpan.FromMinutes(10), workingDirectory: workingDirectory);
        Assert.True(r.ExitCode == 0, $"dotnet {string.Join(' ', args)}:\n{r.StdOut}\n{r.StdErr}");
        return r;
    }

    [Fact]
    public void Packed_library_restores_from_a_local_folder_and_labels_a_file()
    {
        var feed = P("feed");
        foreach (var project in new[] { "Suanbei.Core", "Suanbei.Labels" })
            Dotnet(_dir, "pack", Path.Combine(RepoPaths.Root, "src", project, project + ".csproj"), "-c", "Release", "-o", feed,
                "--artifacts-path", P("artifacts"), "-p:Version=" + _version, "--nologo", "-v", "quiet");

        // The package carries its README, license expression and repository, and depends on the Core package.
        var nupkg = Path.Combine(feed, $"Suanbei.Labels.{_version}.nupkg");
        using (var zip = ZipFile.OpenRead(nupkg))
        {
            Assert.NotNull(zip.GetEntry("README.md"));
            Assert.NotNull(zip.GetEntry("lib/net10.0/Suanbei.Labels.dll"));
            using var nuspecStream = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
            var nuspec = XDocument.Load(nuspecStream);
            string? Element(string name) => nuspec.Descendants().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
            Assert.Equal("README.md", Element("readme"));
            Assert.False(string.IsNullOrWhiteSpace(Element("license")));
            Assert.NotNull(nuspec.Descendants().FirstOrDefault(e => e.Name.LocalName == "repository")?.Attribute("url"));
            var dependency = nuspec.Descendants().Single(e => e.Name.LocalName == "dependency");
            Assert.Equal("Suanbei.Core", dependency.Attribute("id")?.Value);
        }

        var app = P("app");
        Directory.CreateDirectory(app);
        // No <clear/>: the feeds configured for this machine still serve the framework's packages.
        File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources><add key="suanbei-local" value="{feed}" /></packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(app, "app.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup><PackageReference Include="Suanbei.Labels" Version="{_version}" /></ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), $$"""
            using Suanbei.Labels;
            LabelFile.Write(args[0], args[1], AigcLabel.ForProducer("{{Producer}}", "nuget-1"));
            var report = LabelFile.Verify(args[1]);
            Console.WriteLine(report.Verdict.Name() + " " + report.Labels[0].Fields["ProduceID"]);
            """);
        var input = P("in.png");
        ExternalTool.RunChecked("convert", "-size", "8x8", "xc:blue", input);

        var run = Dotnet(app, "run", "-c", "Release", "--", input, P("out.png"));
        Assert.Equal("compliant nuget-1", run.StdOut.Trim());
    }
}
