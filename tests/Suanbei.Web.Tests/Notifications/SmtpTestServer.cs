using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace Suanbei.Web.Tests.Notifications;

/// <summary>
/// A real SMTP server for the test: Debian's python3-aiosmtpd, writing every message it accepts into a Maildir that
/// <see cref="Messages"/> reads back with MimeKit.
/// </summary>
public sealed class SmtpTestServer : IDisposable
{
    private readonly Process _process;
    private readonly string _maildir = Path.Combine(Path.GetTempPath(), "suanbei-smtp-" + Guid.NewGuid().ToString("N")[..10]);

    public int Port { get; }

    public SmtpTestServer()
    {
        Port = FreePort();
        _process = Process.Start(new ProcessStartInfo("/usr/bin/python3",
            ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", _maildir])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        }) ?? throw new InvalidOperationException("could not start aiosmtpd (apt-get install python3-aiosmtpd)");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var until = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < until && !_process.HasExited) { Thread.Sleep(100); }
        }
    }

    /// <summary>Every message received so far.</summary>
    public List<MimeMessage> Messages()
    {
        var folder = Path.Combine(_maildir, "new");
        if (!Directory.Exists(folder)) return [];
        return Directory.GetFiles(folder).Select(f => MimeMessage.Load(f)).ToList();
    }

    public List<MimeMessage> MessagesTo(string address) =>
        Messages().Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    public static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    public void Dispose()
    {
        try { _process.Kill(entireProcessTree: true); _process.WaitForExit(5000); } catch (InvalidOperationException) { }
        _process.Dispose();
        try { Directory.Delete(_maildir, recursive: true); } catch (IOException) { }
    }
}
