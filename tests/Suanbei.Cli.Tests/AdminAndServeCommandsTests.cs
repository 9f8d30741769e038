using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Suanbei.Cli.Tests;

public class AdminAndServeCommandsTests
{
    private static string TempData() => Path.Combine(Path.GetTempPath(), "suanbei-cli-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public void Admin_create_user_prints_a_one_time_password_and_refuses_duplicates_and_unknown_roles()
    {
        var data = TempData();
        try
        {
            var r = CliRunner.Run("admin", "create-user", "--email", "boss@example.cn", "--role", "admin", "--data", data);
            Assert.True(r.ExitCode == 0, r.ToString());
            Assert.Contains("已创建管理员账号 boss@example.cn", r.StdOut);
            Assert.Matches("一次性密码：[A-Za-z0-9]{16}", r.StdOut);
            Assert.True(File.Exists(Path.Combine(data, "suanbei.db")));

            var withPassword =
                CliRunner.Run("admin", "create-user", "--email", "rev@example.cn", "--role", "reviewer", "--password", "reviewerpass1",
                "--data", data);
            Assert.True(withPassword.ExitCode == 0, withPassword.ToString());
            Assert.DoesNotContain("一次性密码", withPassword.StdOut);

            var dup = CliRunner.Run("admin", "create-user", "--email", "boss@example.cn", "--data", data);
            Assert.Equal(1, dup.ExitCode);
            Assert.Contains("已注册", dup.StdErr);

            var weak = CliRunner.Run("admin", "create-user", "--email", "weak@example.cn", "--password", "short", "--data", data);
            Assert.Equal(1, weak.ExitCode);
            Assert.Contains("密码至少需要10个字符", weak.StdErr);

            var role = CliRunner.Run("admin", "create-user", "--email", "x@example.cn", "--role", "superuser", "--data", data);
            Assert.Equal(10, role.ExitCode);
            Assert.Contains("未知角色", role.StdErr);
        }
        finally { try { Directory.Delete(data, true); } catch { } }
    }

    [Fact]
    public void Serve_refuses_a_bad_public_base_url_naming_the_setting()
    {
        var data = TempData();
        try
        {
            var r = CliRunner.Run("serve", "--urls", "http://127.0.0.1:0", "--data", data, "--public-base-url", "beian.example.cn");
            Assert.Equal(10, r.ExitCode);
            Assert.Contains("Suanbei:PublicBaseUrl", r.StdErr);
            Assert.Contains("beian.example.cn", r.StdErr);
        }
        finally { try { Directory.Delete(data, true); } catch { } }
    }

    [Fact]
    public void Serve_on_an_address_in_use_says_so_in_chinese_without_announcing_it()
    {
        var data = TempData();
        var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            var url = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";
            var r = CliRunner.Run("serve", "--urls", url, "--data", data);
            Assert.True(r.ExitCode == 10, r.ToString());
            Assert.Contains($"无法监听 {url}：地址已被占用", r.StdErr);
            Assert.Contains("用 --urls 换一个端口", r.StdErr);
            Assert.DoesNotContain("按 Ctrl+C 停止", r.StdOut + r.StdErr);
        }
        finally
        {
            taken.Stop();
            try { Directory.Delete(data, true); } catch { }
        }
    }

    [Theory]
    [InlineData("foo")]
    [InlineData("http://127.0.0.1:99999")]
    [InlineData("ftp://127.0.0.1:21")]
    [InlineData("http://unix:relative.sock")]
    [InlineData("http://127.0.0.1:5080;localhost:5081")]
    public void Serve_refuses_a_bad_listen_address_naming_it_before_starting(string urls)
    {
        var data = TempData();
        try
        {
            var r = CliRunner.Run("serve", "--urls", urls, "--data", data);
            Assert.True(r.ExitCode == 10, r.ToString());
            Assert.Contains("监听地址（--urls）无效：“" + urls.Split(';')[^1] + "”", r.StdErr);
            Assert.DoesNotContain("Unhandled", r.StdErr);
            Assert.False(Directory.Exists(data), "nothing is created for a refused start");
        }
        finally { try { Directory.Delete(data, true); } catch { } }
    }

    [Fact]
    public void Serve_on_an_address_this_machine_does_not_have_says_so()
    {
        var data = TempData();
        try
        {
            // 192.0.2.0/24 is TEST-NET-1 (RFC 5737): never a local address.
            var r = CliRunner.Run("serve", "--urls", "http://192.0.2.1:5080", "--data", data);
            Assert.True(r.ExitCode == 10, r.ToString());
            Assert.EndsWith("无法监听 http://192.0.2.1:5080：本机没有这个 IP 地址。", r.StdErr.TrimEnd());
        }
        finally { try { Directory.Delete(data, true); } catch { } }
    }

    [Fact]
    public void Serve_on_a_unix_socket_file_left_behind_says_to_delete_it()
    {
        var data = TempData();
        Directory.CreateDirectory(data);
        var path = Path.Combine(data, "node.sock");
        // What a node killed with SIGKILL leaves: the socket's file, with nobody listening on it. Python's socket keeps
        // the file when the process ends (.NET deletes it on Dispose, so a .NET socket cannot leave one behind).
        var python = Process.Start(new ProcessStartInfo("python3")
        {
            ArgumentList = { "-c", "import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])", path },
        })!;
        python.WaitForExit();
        try
        {
            Assert.Equal(0, python.ExitCode);
            Assert.True(File.Exists(path));
            var r = CliRunner.Run("serve", "--urls", "http://unix:" + path, "--data", data);
            Assert.True(r.ExitCode == 10, r.ToString());
            Assert.Contains("地址已被占用", r.StdErr);
            Assert.Contains("删除该文件后重试", r.StdErr);
        }
        finally { try { Directory.Delete(data, true); } catch { } }
    }

    [Fact]
    public async Task Serve_answers_on_the_given_url_and_announces_the_first_admin_once()
    {
        var data = TempData();
        var port = FreePort();
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8, WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var a in new[] { CliRunner.DllPath, "serve", "--urls", $"http://127.0.0.1:{port}", "--data",
            data }) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            // The first request JIT-compiles the app: slow on a loaded machine.
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
            HttpResponseMessage? home = null;
            for (var i = 0; i < 120 && home is null; i++)
            {
                try { home = await http.GetAsync("/"); }
                catch (HttpRequestException) { await Task.Delay(500); }
                Assert.False(process.HasExited, "serve exited early: " + output);
            }
            Assert.NotNull(home);
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
            Assert.Contains("算法备案系统", await home.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/openapi/v1.json")).StatusCode);
            string text;
            lock (output) text = output.ToString();
            Assert.Single(Regex.Matches(text, "首次运行：已创建管理员账号 admin@suanbei.local，一次性密码：[A-Za-z0-9]{16}"));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            try { Directory.Delete(data, true); } catch { }
        }
    }

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}
