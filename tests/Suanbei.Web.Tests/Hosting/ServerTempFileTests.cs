using System.Net;
using System.Text;
using Suanbei.Web.Features.Materials;
using Suanbei.Web.Identity;
using Suanbei.Web.Tests.Support;

namespace Suanbei.Web.Tests.Hosting;

/// <summary>Temporary files of uploads live under &lt;data&gt;/tmp (emptied at start), and stored names never split a character.</summary>
public sealed class ServerTempFileTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    /// <summary>Sends the first part of a body, then waits for <see cref="Release"/> before sending the rest.</summary>
    private sealed class PausingContent : HttpContent
    {
        private readonly byte[] head, tail;

        public PausingContent(byte[] head, byte[] tail, string contentType)
        {
            (this.head, this.tail) = (head, tail);
            Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        }

        public readonly TaskCompletionSource Sent = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public readonly TaskCompletionSource Release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(head);
            await stream.FlushAsync();
            Sent.TrySetResult();
            await Release.Task;
            await stream.WriteAsync(tail);
        }

        protected override bool TryComputeLength(out long length) { length = head.Length + tail.Length; return true; }
    }

    [Fact]
    public async Task A_large_upload_is_buffered_under_the_data_folder_not_the_system_temp_folder()
    {
        var tmp = Path.Combine(app.DataDirectory, "tmp");
        var (_, filer) = await app.SignedInAsync(Roles.Filer);
        var token = HttpForms.AntiforgeryToken(await filer.GetStringAsync("/Subjects"));
        const string boundary = "----suanbei-test";
        var head = Encoding.ASCII.GetBytes(
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n{token}\r\n"
            + $"--{boundary}\r\nContent-Disposition: form-data; name=\"Upload.BusinessLicenceScanId\"; " +
                $"filename=\"big.pdf\"\r\nContent-Type: application/pdf\r\n\r\n")
            .Concat(TestData.Pdf("big")).Concat(new byte[300_000]).ToArray();
        var tail = Encoding.ASCII.GetBytes($"\r\n--{boundary}--\r\n");
        var content = new PausingContent(head, tail, $"multipart/form-data; boundary={boundary}");
        var systemTempBefore = Directory.GetFiles(Path.GetTempPath(), "ASPNETCORE_*.tmp").ToHashSet();

        var sending = filer.PostAsync("/Subjects?handler=Save", content);
        await content.Sent.Task;
        // The server is reading the body: what exceeds 64 KB is in a file of ours.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (Directory.GetFiles(tmp).Length == 0 && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.NotEmpty(Directory.GetFiles(tmp));
        Assert.Empty(Directory.GetFiles(Path.GetTempPath(), "ASPNETCORE_*.tmp").Where(f => !systemTempBefore.Contains(f)));
        content.Release.SetResult();
        var response = await sending;
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, response.StatusCode.ToString());
        // Deleted when the request ends.
        deadline = DateTime.UtcNow.AddSeconds(10);
        while (Directory.GetFiles(tmp).Length > 0 && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.Empty(Directory.GetFiles(tmp));
    }

    [Fact]
    public async Task Leftovers_of_a_killed_run_are_removed_at_the_next_start()
    {
        var data = Path.Combine(Path.GetTempPath(), "suanbei-tmp-test-" + Guid.NewGuid().ToString("N")[..8]);
        var leftover = Path.Combine(data, "tmp", "ASPNETCORE_killed.tmp");
        Directory.CreateDirectory(Path.GetDirectoryName(leftover)!);
        await File.WriteAllBytesAsync(leftover, new byte[1000]);
        var host = Suanbei.Web.Hosting.SuanbeiWebHost.Build(new Suanbei.Web.Hosting.SuanbeiHostOptions
        {
            DataDirectory = data, Urls = "http://127.0.0.1:0", CreateFirstAdmin = false, EnvironmentName = "Production",
        });
        try
        {
            Assert.False(File.Exists(leftover));
            Assert.True(Directory.Exists(Path.Combine(data, "tmp")));
        }
        finally
        {
            await host.DisposeAsync();
            Directory.Delete(data, recursive: true);
        }
    }

    [Theory]
    [InlineData(254, "😀", 254)]        // the pair would end at 256: cut before it, not in its middle
    [InlineData(253, "😀", 255)]
    [InlineData(251, "👩‍💻", 251)]      // a ZWJ sequence (5 units) is one text element: not cut inside
    public void Long_names_are_cut_between_characters(int prefix, string tail, int expectedLength)
    {
        var name = new string('名', prefix) + tail + "后缀.pdf";
        var shown = MaterialStore.DisplayName(name);
        Assert.Equal(expectedLength, shown.Length);
        Assert.DoesNotContain('\uFFFD', shown);
        Assert.False(char.IsHighSurrogate(shown[^1]));
        Assert.Equal(Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(shown)), shown); // valid UTF-16 throughout
        Assert.Equal("a.pdf", MaterialStore.DisplayName("a\ud800.pdf"));
    }
}
