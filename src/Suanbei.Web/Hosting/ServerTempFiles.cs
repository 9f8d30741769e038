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

/// <summary>
/// Buffers multipart request bodies through a <see cref="FileBufferingReadStream"/> whose overflow file is created in
/// <c>&lt;data&gt;/tmp</c>. The body is then seekable, so ASP.NET's form reader buffers no file section on its own (which
/// it would do in the system temp folder). The buffer file is deleted when the response ends.
/// </summary>
public sealed class UploadBufferingMiddleware(RequestDelegate next, SuanbeiHostOptions options)
{
    private const int MemoryThreshold = 64 * 1024; // as ASP.NET's own form buffering

    public Task InvokeAsync(HttpContext http)
    {
        if (http.Request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true && !http.Request.Body.CanSeek)
        {
            var dir = options.TempDirectory;
            var buffered = new FileBufferingReadStream(http.Request.Body, MemoryThreshold, bufferLimit: null, () =>
            {
                Directory.CreateDirectory(dir);
                return dir;
            });
            http.Request.Body = buffered;
            http.Response.RegisterForDisposeAsync(buffered);
        }
        return next(http);
    }
}
