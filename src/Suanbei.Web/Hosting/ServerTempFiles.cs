using Microsoft.AspNetCore.WebUtilities;

namespace Suanbei.Web.Hosting;

/// <summary>
/// Temporary files of the server live in <see cref="SuanbeiHostOptions.TempDirectory"/> (<c>&lt;data&gt;/tmp</c>), never in
/// the system temp folder: ASP.NET buffers large multipart uploads to files, and a killed request or process used to leave
/// <c>/tmp/ASPNETCORE_*.tmp</c> behind. The folder is emptied at every start.
/// </summary>
public static class ServerTempFiles
{
    /// <summary>Creates the folder and deletes whatever an earlier run left in it.</summary>
    public static void ResetFolder(SuanbeiHostOptions options)
    {
        var dir = options.TempDirectory;
        Directory.CreateDirectory(dir);
        foreach (var entry in new DirectoryInfo(dir).EnumerateFileSystemInfos())
        {
            try
            {
                if (entry is DirectoryInfo d) d.Delete(recursive: true);
                else entry.Delete();
            }
            catch (IOException) { } // in use by another process on the same folder: left for the next start
            catch (UnauthorizedAccessException) { }
        }
    }
}
