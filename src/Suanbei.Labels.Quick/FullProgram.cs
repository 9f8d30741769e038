using System.Runtime.InteropServices;
using Suanbei.Labels.Cli;

namespace Suanbei.Labels.Quick;

/// <summary>The full label program (src/Suanbei.Labels.Cli), which ./suanbei publishes into <c>full/</c> beside the quick
/// one. <see cref="Exec"/> replaces this process with it (execv: same process id, standard streams and exit code for the
/// caller), so the hand-over costs no second process and nothing has been printed before it.</summary>
internal static class FullProgram
{
    public static string PathOf => Path.Combine(AppContext.BaseDirectory, "full", "suanbei-label");

    /// <summary>Returns only when the full program cannot be started (10, with the reason on stderr).</summary>
    public static int Exec(string[] args)
    {
        var path = PathOf;
        var argv = new nint[args.Length + 2]; // program, arguments, and the terminating null
        argv[0] = Marshal.StringToCoTaskMemUTF8(path);
        for (var i = 0; i < args.Length; i++) argv[i + 1] = Marshal.StringToCoTaskMemUTF8(args[i]);
        ExecV(argv[0], argv);
        var reason = Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError());
        LabelActions.Error($"无法启动完整的标识程序 {path}：{reason}");
        return LabelActions.UsageOrIoError;
    }

    [DllImport("libc", SetLastError = true, EntryPoint = "execv")]
    private static extern int ExecV(nint path, nint[] argv);
}
