using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Suanbei.Web.Tests.Support;

/// <summary>
/// Debian's nginx in the foreground as the test's user, with a temporary prefix and a config of the test's own: one
/// upstream of the given app nodes (least_conn as in docs/deployment.md, which takes turns while none is busy; the next
/// node tried when one refuses the connection), each answer
/// naming the node in X-Upstream. Stopped and removed on dispose.
/// </summary>
public sealed class Nginx : IDisposable
{
    private readonly Process _process;
    private readonly string _prefix;
    public Uri BaseAddress { get; }

    public Nginx(IEnumerable<Uri> nodes)
    {
        _prefix = Path.Combine(Path.GetTempPath(), "suanbei-nginx-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Path.Combine(_prefix, "logs"));
        var port = FreePort();
        var servers = string.Join("\n", nodes.Select(n => $"    server {n.Host}:{n.Port} max_fails=1 fail_timeout=2s;"));
        File.WriteAllText(Path.Combine(_prefix, "nginx.conf"), $$"""
            worker_processes 1;
            daemon off;
            pid {{_prefix}}/nginx.pid;
            error_log {{_prefix}}/logs/error.log warn;
            events { worker_connections 256; }
            http {
              access_log off;
              client_body_temp_path {{_prefix}}/body;
              proxy_temp_path {{_prefix}}/proxy;
              fastcgi_temp_path {{_prefix}}/fastcgi;
              uwsgi_temp_path {{_prefix}}/uwsgi;
              scgi_temp_path {{_prefix}}/scgi;
              client_max_body_size 25m;
              upstream suanbei {
                least_conn;
            {{servers}}
              }
              server {
                listen 127.0.0.1:{{port}};
                location / {
                  proxy_pass http://suanbei;
                  proxy_set_header Host $host:$server_port;
                  proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                  proxy_set_header X-Forwarded-Proto $scheme;
                  proxy_next_upstream error timeout http_502 http_503;
                  proxy_connect_timeout 2s;
                  add_header X-Upstream $upstream_addr always;
                }
              }
            }
            """);
        var psi = new ProcessStartInfo("nginx")
        {
            UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true,
        };
        foreach (var a in new[] { "-p", _prefix, "-c", Path.Combine(_prefix, "nginx.conf") }) psi.ArgumentList.Add(a);
        _process = Process.Start(psi) ?? throw new InvalidOperationException("nginx did not start");
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        WaitUntilListening(port);
    }

    private void WaitUntilListening(int port)
    {
        for (var i = 0; i < 100; i++)
        {
            if (_process.HasExited)
                throw new InvalidOperationException("nginx exited: " + _process.StandardError.ReadToEnd());
            try
            {
                using var c = new TcpClient();
                c.Connect(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) { Thread.Sleep(50); }
        }
        throw new InvalidOperationException("nginx does not listen on " + port);
    }

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    public void Dispose()
    {
        try { if (!_process.HasExited) { _process.Kill(entireProcessTree: true); _process.WaitForExit(5000); } }
        catch (InvalidOperationException) { }
        _process.Dispose();
        try { Directory.Delete(_prefix, recursive: true); } catch (IOException) { }
    }
}
