using Microsoft.AspNetCore.WebUtilities;

namespace Suanbei.Web.Hosting;

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
